/**
 * Building one component: the {@link dev.keel.build.backend.BuildBackend} contract with its request
 * and result, the distro version builds are for, what every backend shares (prepared sources,
 * built files, build logs) and the local rpmbuild backend with its sandbox and dependency layer.
 * Uses tool and keel-core only.
 */
package dev.keel.build.backend;
