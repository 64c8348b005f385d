package dev.keel.core.outcome;

import dev.keel.core.config.Location;
import dev.keel.core.io.Printable;

/**
 * Prints a {@link Failure} in the style of Cargo and rustc, the same in every command, report and
 * marker file:
 *
 * <pre>
 * error: curl: overlay 2 (spec-remove-tag) failed: no tag 'Requires' with value 'x' in the main package
 *   --> comps/curl/curl.comp.toml:12:1
 *    = overlay: Drop x
 *    = reason: tag-not-found
 *    = closest line 42: Requires: x-libs
 *    = hint: ...
 *    = caused by: ...
 * </pre>
 *
 * Every piece of text is escaped ({@link Printable}), so no input can forge a line.
 */
public final class FailureFormat {

    private FailureFormat() {}

    /** The block for a failure of {@code subject} (a component name, or null for none). */
    public static String block(String subject, Failure failure, PathDisplay paths) {
        StringBuilder out = new StringBuilder("error: ");
        if (subject != null) {
            out.append(Printable.escape(subject)).append(": ");
        }
        out.append(Printable.escape(failure.message())).append('\n');
        appendBody(out, failure, paths);
        return out.toString();
    }

    /** One line: the subject, the message and the location, for a table cell or a JSON field. */
    public static String line(Failure failure, PathDisplay paths) {
        StringBuilder out = new StringBuilder(Printable.escape(failure.message()));
        if (failure.location() != null && failure.location().file() != null) {
            out.append(" (").append(location(failure.location(), paths)).append(')');
        }
        return out.toString();
    }

    /** {@code file:line:column} with the file shown by {@code paths}. */
    public static String location(Location location, PathDisplay paths) {
        if (location == null || location.file() == null) {
            return "";
        }
        return Printable.escape(
                new Location(java.nio.file.Path.of(paths.show(location.file())), location.line(), location.column())
                        .toString()
                        .replace('\\', '/'));
    }

    private static void appendBody(StringBuilder out, Failure failure, PathDisplay paths) {
        if (failure.location() != null && failure.location().file() != null) {
            out.append("  --> ").append(location(failure.location(), paths)).append('\n');
        }
        for (Failure.Detail detail : failure.details()) {
            out.append("   = ")
                    .append(Printable.escape(detail.label()))
                    .append(": ")
                    .append(Printable.escape(detail.value()))
                    .append('\n');
        }
        for (String line : failure.closestLines()) {
            out.append("   = closest line ").append(Printable.escape(line)).append('\n');
        }
        if (!failure.hint().isEmpty()) {
            out.append("   = hint: ").append(Printable.escape(failure.hint())).append('\n');
        }
        for (Failure cause = failure.cause(); cause != null; cause = cause.cause()) {
            out.append("   = caused by: ").append(line(cause, paths)).append('\n');
        }
    }
}
