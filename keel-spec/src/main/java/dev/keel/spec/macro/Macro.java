package dev.keel.spec.macro;

/**
 * One definition on a macro name's stack, as rpm keeps it: newer definitions hide older ones until
 * popped by {@code %undefine} or by the end of the parametric macro call that made them.
 *
 * @param name the macro name
 * @param options getopt-style options of a parametric macro ({@code ""} for one without options),
 *     or {@code null} for a plain macro
 * @param body the body (the reason, for an unknown definition)
 * @param level the call depth it was defined at; argument macros are visible only at their level
 * @param kind how it expands
 * @param builtin the function, for {@link Kind#BUILTIN}
 */
record Macro(String name, String options, String body, int level, Kind kind, Builtin builtin) {

    /** How a macro expands. */
    enum Kind {
        /** The body is expanded where the macro is used. */
        USER,
        /** An argument or option of a parametric macro call ({@code %1}, {@code %*}, {@code %{-f}}): used as is. */
        AUTOMATIC,
        /** A function implemented by the expander ({@code %{basename:...}}, {@code %define}...). */
        BUILTIN,
        /**
         * Whether and how it is defined is not known (it is set in a branch of a condition that
         * cannot be evaluated): any use gives unknown text.
         */
        UNKNOWN
    }

    static Macro user(String name, String options, String body, int level) {
        return new Macro(name, options, body, level, Kind.USER, null);
    }

    static Macro automatic(String name, String body, int level) {
        return new Macro(name, null, body, level, Kind.AUTOMATIC, null);
    }

    static Macro builtin(Builtin builtin) {
        return new Macro(builtin.macroName(), builtin.arguments() == 0 ? null : "", "", -1, Kind.BUILTIN, builtin);
    }

    static Macro unknown(String name, String reason, int level) {
        return new Macro(name, null, reason, level, Kind.UNKNOWN, null);
    }
}
