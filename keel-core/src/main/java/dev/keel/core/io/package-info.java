/**
 * The file and concurrency plumbing of every other package: atomic writes, bounded reads of input
 * files, digests, file trees, Keel's cache and its locks, parallel work and printable text. The
 * lowest package of keel-core: it uses no other Keel package.
 */
package dev.keel.core.io;
