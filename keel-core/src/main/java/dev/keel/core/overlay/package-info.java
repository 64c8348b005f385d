/**
 * The overlay engine: applies a component's configured overlays to its upstream sources in memory
 * ({@link dev.keel.core.overlay.SourceTree}), with line-level provenance, annotated diffs and a
 * check of each overlay against an upstream snapshot. Uses config, outcome, io, overlay.archive
 * and keel-spec.
 */
package dev.keel.core.overlay;
