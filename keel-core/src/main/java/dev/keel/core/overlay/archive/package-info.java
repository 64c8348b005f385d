/**
 * Tar archives read safely into memory and repacked deterministically, and the overlays' edits of
 * the files inside them, within bounds that stop hostile archives. Uses config, io and keel-spec.
 */
package dev.keel.core.overlay.archive;
