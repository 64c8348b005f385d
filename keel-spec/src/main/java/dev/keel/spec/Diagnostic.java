package dev.keel.spec;

/** A problem found while parsing: 1-based line and column, severity and message. */
public record Diagnostic(int line, int column, Severity severity, String message) {

    /** How serious a diagnostic is. */
    public enum Severity {
        WARNING,
        ERROR
    }

    /** An error at the start of a 1-based line. */
    public static Diagnostic error(int line, String message) {
        return new Diagnostic(line, 1, Severity.ERROR, message);
    }

    /** A warning at the start of a 1-based line. */
    public static Diagnostic warning(int line, String message) {
        return new Diagnostic(line, 1, Severity.WARNING, message);
    }

    @Override
    public String toString() {
        return line + ":" + column + ": " + severity.name().toLowerCase(java.util.Locale.ROOT) + ": " + message;
    }
}
