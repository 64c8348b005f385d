/**
 * The typed records of a project's configuration (azldev's TOML schema and Keel's own tables) and
 * the annotations that document and constrain their keys. Plain data that uses no other Keel
 * package; {@link dev.keel.core.config} binds configuration trees to it.
 */
package dev.keel.core.config.model;
