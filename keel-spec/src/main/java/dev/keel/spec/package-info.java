/**
 * The lossless RPM spec syntax tree: {@link dev.keel.spec.Spec} parses any spec without failing and
 * prints it back byte for byte, {@link dev.keel.spec.SpecEditor} edits it keeping every untouched
 * line identical, with queries over sections, tags, sources, macros and conditionals. Uses no
 * other Keel package; the macro expander builds on it.
 */
package dev.keel.spec;
