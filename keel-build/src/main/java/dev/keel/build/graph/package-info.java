/**
 * The build dependency graph: what each component's sub-packages provide and what its
 * BuildRequires need (evaluated with the macro expander), resolved to the components that provide
 * them, with strongly connected components, build layers and the critical path. Uses keel-core
 * and keel-spec only; koji and the build pipeline use it.
 */
package dev.keel.build.graph;
