/**
 * Builds the rendered distro: the build scheduler that walks the dependency graph's layers with
 * bounded parallelism, the backends that turn one component's sources into an SRPM and RPMs
 * (local rpmbuild, mock), build fingerprints, repositories and install checks. This package
 * holds the pipeline and scheduler over the packages below it (tool, graph, backend, repo) and
 * keel-core; nothing in keel-build uses it.
 */
package dev.keel.build;
