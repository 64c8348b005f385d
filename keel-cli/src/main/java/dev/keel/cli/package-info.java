/**
 * The {@code keel} command line (picocli): a class per command or command group, the global
 * options in {@link dev.keel.cli.KeelCommand}, and the output helpers the commands share (tables,
 * JSON, reports, status and progress lines), which never use a command. Uses every Keel module;
 * nothing uses it.
 */
package dev.keel.cli;
