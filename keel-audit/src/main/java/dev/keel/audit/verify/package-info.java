/**
 * {@code keel verify}: re-derives every checked-in rendered directory from the configuration, the
 * locks and the upstream sources, in memory and from a scratch cache, checks every lookaside file
 * against its recorded hash, re-makes every archive that archive overlays make and checks it
 * against its recorded hash, and reports each component as verified, differing (which files, how)
 * or unverifiable (why). Uses keel-core and keel-spec; only the command line uses it.
 */
package dev.keel.audit.verify;
