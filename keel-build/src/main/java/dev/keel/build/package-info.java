/**
 * Builds the rendered distro: the build scheduler that walks the dependency graph's layers with
 * bounded parallelism, the backends that turn one component's sources into an SRPM and RPMs
 * (the local rpmbuild backend first), build fingerprints, repositories and install checks.
 */
package dev.keel.build;
