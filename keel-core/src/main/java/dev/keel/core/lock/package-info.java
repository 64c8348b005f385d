/**
 * A project's lock files in azldev's format: each component's resolved upstream commit and input
 * fingerprints, their store, and the project changes read from their git history. Uses config,
 * autospec and io.
 */
package dev.keel.core.lock;
