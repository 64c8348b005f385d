package dev.keel.core.config;

import dev.keel.core.io.Printable;

/**
 * One problem in the configuration: where (file, line, column), which key (a dotted path such as
 * {@code components.curl.overlays[2].type}), what is wrong, and a hint (may be empty).
 */
public record ConfigError(Severity severity, Location location, String keyPath, String message, String hint) {

    /** Errors stop a load; warnings (e.g. unknown keys under --permissive-config) do not. */
    public enum Severity {
        ERROR,
        WARNING
    }

    public static ConfigError error(Location location, String keyPath, String message, String hint) {
        return new ConfigError(Severity.ERROR, location, keyPath, message, hint == null ? "" : hint);
    }

    /** An error at {@code key} of a table (at the table itself when the key is absent). */
    static ConfigError atKey(ConfigNode table, String key, String tablePath, String message, String hint) {
        return error(TreeLookup.locate(table, key), tablePath + "." + key, message, hint);
    }

    public ConfigError asWarning() {
        return new ConfigError(Severity.WARNING, location, keyPath, message, hint);
    }

    /** Cargo/rustc style: {@code error: message}, {@code --> file:line:col}, key, hint. */
    public String format() {
        StringBuilder out = new StringBuilder();
        out.append(severity == Severity.ERROR ? "error: " : "warning: ")
                .append(Printable.escape(message))
                .append('\n');
        out.append("  --> ").append(Printable.escape(location.toString())).append('\n');
        if (keyPath != null && !keyPath.isEmpty()) {
            out.append("   = key: ").append(Printable.escape(keyPath)).append('\n');
        }
        if (!hint.isEmpty()) {
            out.append("   = hint: ").append(Printable.escape(hint)).append('\n');
        }
        return out.toString();
    }
}
