package dev.keel.spec;

import java.util.List;

/** An edit that cannot be made; nothing was changed. Says why and, where useful, what came close. */
public final class SpecEditException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** Why an edit failed. */
    public enum Reason {
        /** The sub-package or section the edit targets does not exist. */
        SECTION_NOT_FOUND,
        /** No tag with that name (and value) in the targeted package. */
        TAG_NOT_FOUND,
        /** The pattern matched no line in scope. */
        PATTERN_NOT_FOUND,
        /** No source or patch reference matched. */
        REFERENCE_NOT_FOUND,
        /** Removing the lines would split a conditional block or leave it unbalanced. */
        CONDITIONAL_SPANS_SECTIONS,
        /** The arguments are unusable (for example an empty section name where one is required). */
        INVALID_ARGUMENT
    }

    private final Reason reason;
    private final transient List<String> candidates;

    public SpecEditException(Reason reason, String message) {
        this(reason, message, List.of());
    }

    public SpecEditException(Reason reason, String message, List<String> candidates) {
        super(message);
        this.reason = reason;
        this.candidates = List.copyOf(candidates);
    }

    public Reason reason() {
        return reason;
    }

    /** The spec lines closest to what was looked for, formatted {@code "LINE: text"}; may be empty. */
    public List<String> candidates() {
        return candidates;
    }
}
