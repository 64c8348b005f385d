/**
 * {@code component update}: resolves each component's upstream commit and writes its lock file.
 * The top of keel-core: uses render, source, lock, outcome, config and io.
 */
package dev.keel.core.update;
