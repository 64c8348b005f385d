package dev.keel.core.outcome;

import dev.keel.core.config.Location;
import java.util.ArrayList;
import java.util.List;

/**
 * Why something failed, as data: the kind of failure, what went wrong, where (a file, line and
 * column, or null), labelled details, the closest lines when a pattern or tag matched nothing, a
 * hint, and the failure that caused it (a chain, innermost last).
 *
 * @param kind what kind of failure, which decides for instance whether a render marks it
 * @param message what went wrong, one line
 * @param location where, or null when the failure has no place in a file
 * @param details labelled facts, in order ({@code overlay: Remove ...}, {@code reason: tag-not-found})
 * @param closestLines lines that nearly matched, each as {@code N: text}
 * @param hint what to do about it, or empty
 * @param cause the failure behind this one, or null
 */
public record Failure(
        Kind kind,
        String message,
        Location location,
        List<Detail> details,
        List<String> closestLines,
        String hint,
        Failure cause) {

    /** The kinds of failure. */
    public enum Kind {
        /** An overlay cannot be applied to the upstream sources. */
        OVERLAY(true),
        /** The configuration asks for something that cannot be done (valid syntax, impossible request). */
        CONFIGURATION(true),
        /** The upstream sources are inconsistent (a sources file that does not parse, a wrong hash). */
        SOURCES(true),
        /** The upstream could not be reached or does not have what was asked for. */
        UPSTREAM(false),
        /** A local file could not be read or written (missing, unreadable, disk full). */
        FILESYSTEM(false),
        /** A build ran and failed: the build tool reported an error about the component's sources. */
        BUILD(true),
        /**
         * An external tool is missing, could not run or ran out of time, or the host lacks
         * something a build needs.
         */
        TOOL(false),
        /** A bug in Keel. */
        INTERNAL(false);

        private final boolean fromInputs;

        Kind(boolean fromInputs) {
            this.fromInputs = fromInputs;
        }

        /**
         * Whether the same inputs always fail this way (a property of the configuration and the
         * upstream sources), as opposed to a failure of the environment (network, disk, a bug).
         */
        public boolean fromInputs() {
            return fromInputs;
        }

        /** The spelling used in reports: {@code overlay}, {@code sources}, ... */
        public String key() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /** One labelled fact of a failure. */
    public record Detail(String label, String value) {}

    public Failure {
        if (kind == null || message == null || message.isBlank()) {
            throw new IllegalArgumentException("a failure needs a kind and a message");
        }
        details = List.copyOf(details);
        closestLines = List.copyOf(closestLines);
        hint = hint == null ? "" : hint;
    }

    /** A failure with only a kind and a message. */
    public static Failure of(Kind kind, String message) {
        return new Failure(kind, message, null, List.of(), List.of(), "", null);
    }

    public Failure at(Location where) {
        return new Failure(kind, message, where, details, closestLines, hint, cause);
    }

    public Failure withDetail(String label, String value) {
        List<Detail> more = new ArrayList<>(details);
        more.add(new Detail(label, value));
        return new Failure(kind, message, location, more, closestLines, hint, cause);
    }

    public Failure withClosestLines(List<String> lines) {
        return new Failure(kind, message, location, details, lines, hint, cause);
    }

    public Failure withHint(String text) {
        return new Failure(kind, message, location, details, closestLines, text, cause);
    }

    public Failure causedBy(Failure inner) {
        return new Failure(kind, message, location, details, closestLines, hint, inner);
    }
}
