/**
 * Typed results: an {@link dev.keel.core.outcome.Outcome} per unit of work (ok, unchanged, skipped,
 * or failed with a {@link dev.keel.core.outcome.Failure}), and the one formatter that prints a
 * failure the same way in every command, report and marker file. A failure is decided by the type
 * of the outcome, never by whether an exception carried a message. Uses config (where an error
 * was written) and io only.
 */
package dev.keel.core.outcome;
