/**
 * JMH benchmarks of Keel's hot paths over the real-world corpus: spec parsing and printing,
 * configuration loading, lock history. Uses keel-spec and keel-core; nothing uses it.
 */
package dev.keel.bench;
