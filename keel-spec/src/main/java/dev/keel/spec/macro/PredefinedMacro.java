package dev.keel.spec.macro;

/**
 * A macro defined before the spec is read.
 *
 * @param name the macro name
 * @param options getopt-style options of a parametric macro, or {@code null} for a plain macro
 * @param body the body, expanded where the macro is used
 */
record PredefinedMacro(String name, String options, String body) {

    /** From a name that may carry options in parentheses, as in {@code --define 'foo(a:) body'}. */
    static PredefinedMacro parse(String name, String body) {
        int open = name.indexOf('(');
        if (open > 0 && name.endsWith(")")) {
            return new PredefinedMacro(name.substring(0, open), name.substring(open + 1, name.length() - 1), body);
        }
        return new PredefinedMacro(name, null, body);
    }
}
