package dev.keel.core.config;

import java.util.List;

/** A configuration that cannot be used; carries every error found, not just the first. */
public final class ConfigException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient List<ConfigError> errors;

    public ConfigException(List<ConfigError> errors) {
        super(summary(errors));
        this.errors = List.copyOf(errors);
    }

    public List<ConfigError> errors() {
        return errors;
    }

    /** All errors in Cargo style, followed by a count. */
    public String format() {
        StringBuilder out = new StringBuilder();
        for (ConfigError error : errors) {
            out.append(error.format()).append('\n');
        }
        out.append(summary(errors)).append('\n');
        return out.toString();
    }

    private static String summary(List<ConfigError> errors) {
        long count = errors.stream()
                .filter(e -> e.severity() == ConfigError.Severity.ERROR)
                .count();
        return count == 1 ? "the configuration has 1 error" : "the configuration has " + count + " errors";
    }
}
