/**
 * RPM repositories around builds: the output directory laid out as azldev lays it out, with what
 * each build published, publish channels, the distro version's input repositories, the publish
 * repository and its dnf consistency check. Uses backend, tool and keel-core.
 */
package dev.keel.build.repo;
