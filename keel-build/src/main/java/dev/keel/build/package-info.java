/**
 * Builds the rendered distro: the build scheduler that walks the dependency graph's layers with
 * bounded parallelism, the backends that turn one component's sources into an SRPM and RPMs
 * (local rpmbuild, mock), build fingerprints, repositories and install checks.
 */
package dev.keel.build;
