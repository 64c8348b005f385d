package dev.keel.spec.macro;

import java.util.Objects;

/**
 * A tag value after macro expansion: either the value rpm computes, or "undeterminable" with the
 * reason (a shell command or Lua chunk Keel does not run, a macro the context does not define, a
 * condition that depends on either, an error for which rpm rejects the spec...).
 *
 * @param value the expanded value, or {@code null} when undeterminable
 * @param reason why it cannot be determined, or {@code null} when it can
 */
public record ExpandedValue(String value, String reason) {

    public ExpandedValue {
        if ((value == null) == (reason == null)) {
            throw new IllegalArgumentException("exactly one of value and reason is required");
        }
    }

    public static ExpandedValue of(String value) {
        return new ExpandedValue(Objects.requireNonNull(value, "value"), null);
    }

    public static ExpandedValue undeterminable(String reason) {
        return new ExpandedValue(null, Objects.requireNonNull(reason, "reason"));
    }

    public boolean isDeterminable() {
        return value != null;
    }

    @Override
    public String toString() {
        return value != null ? value : "<undeterminable: " + reason + ">";
    }
}
