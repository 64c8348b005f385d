package dev.keel.spec.macro;

import java.util.Set;

/** The directives rpm recognises on a line before anything else ({@code parseLineType}), in its order. */
enum LineType {
    ENDIF("%endif", false),
    ELSE("%else", false),
    IF("%if", true),
    IFARCH("%ifarch", true),
    IFNARCH("%ifnarch", true),
    IFOS("%ifos", true),
    IFNOS("%ifnos", true),
    INCLUDE("%include", true),
    ELIFARCH("%elifarch", true),
    ELIFOS("%elifos", true),
    ELIF("%elif", true);

    private final String directive;
    private final boolean takesArgument;

    LineType(String directive, boolean takesArgument) {
        this.directive = directive;
        this.takesArgument = takesArgument;
    }

    String directive() {
        return directive;
    }

    boolean opensBlock() {
        return this == IF || this == IFARCH || this == IFNARCH || this == IFOS || this == IFNOS;
    }

    boolean isElif() {
        return this == ELIF || this == ELIFARCH || this == ELIFOS;
    }

    /** The directives that may not come right before this one in the same block. */
    Set<LineType> wrongPrecursors() {
        return switch (this) {
            case ENDIF -> Set.of(ENDIF);
            case ELSE, ELIF, ELIFARCH, ELIFOS -> Set.of(ENDIF, ELSE);
            default -> Set.of();
        };
    }

    /**
     * The directive a line starts with, or {@code null}. A directive with an argument needs a blank
     * or the end of the text after it; {@code %else} and {@code %endif} only a non-letter.
     */
    static LineType of(String line) {
        for (LineType type : values()) {
            if (!line.startsWith(type.directive)) {
                continue;
            }
            int after = type.directive.length();
            char next = after < line.length() ? line.charAt(after) : 0;
            boolean matches = type.takesArgument
                    ? next == 0 || MacroSyntax.isBlank(next)
                    : !Character.isLetter(next) || next > 127;
            if (matches) {
                return type;
            }
        }
        return null;
    }
}
