/**
 * rpmautospec's work done in Java: {@code %autorelease} numbers and {@code %autochangelog} entries
 * from a package's dist-git history, and the block {@code process-distgit} writes at the top of a
 * spec. Uses keel-spec and io only.
 */
package dev.keel.core.autospec;
