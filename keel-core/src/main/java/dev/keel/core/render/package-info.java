/**
 * Rendering components into checked-in specs: the pipeline from upstream sources through overlays,
 * rpmautospec and release bumps to the rendered-specs tree and its fingerprints, with snapshot
 * checks and prepared sources. Uses every lower keel-core package, source the highest of them,
 * and keel-spec; only update is above it.
 */
package dev.keel.core.render;
