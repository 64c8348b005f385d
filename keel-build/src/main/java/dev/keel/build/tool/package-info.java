/**
 * External programs run the one way Keel runs them (argument arrays, a clean environment, bounded
 * time), dnf and rpm queries, and the host's architecture. The lowest keel-build package: it uses
 * no other Keel package.
 */
package dev.keel.build.tool;
