/**
 * Building in mock: the mock backend, a distro version's mock configuration with its includes, the
 * macros it gives every build, the self-contained configuration Keel writes and the mock command
 * lines of a build. Uses backend, repo, tool and keel-core.
 */
package dev.keel.build.mock;
