/**
 * Loading a project: Keel's TOML reader and writer, includes, merging of files and layers, binding
 * to the records of {@link dev.keel.core.config.model}, component resolution and validation with
 * errors located by file, line, column and key path, and the JSON Schema. Uses only config.model
 * and io.
 */
package dev.keel.core.config;
