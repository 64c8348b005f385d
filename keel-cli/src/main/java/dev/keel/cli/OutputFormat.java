package dev.keel.cli;

/** The {@code -O} output formats of commands with tabular results. */
public enum OutputFormat {
    TABLE,
    JSON,
    CSV,
    MARKDOWN
}
