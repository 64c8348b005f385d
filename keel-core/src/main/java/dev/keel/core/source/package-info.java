/**
 * Where upstream sources come from ({@link dev.keel.core.source.UpstreamSource}) and how they are
 * fetched: dist-git through shared bare mirrors at the commit the lock chooses, lookaside files
 * into a content-addressed cache, bounded HTTP downloads with retries. Uses config, lock, overlay,
 * autospec, io and keel-spec; render builds on it.
 */
package dev.keel.core.source;
