package dev.keel.core.config;

import java.util.Optional;

/**
 * What rpm accepts as a package name (its {@code Name:} rule: letters, digits and {@code . _ + -},
 * starting with a letter, a digit or {@code _}, never {@code ..}), applied to component and
 * upstream names because they become directory, file and lock names: a name that passes cannot
 * leave the directory it is joined to.
 */
final class PackageNames {

    /** Leaves room for Keel's own suffixes ({@code .spec}, {@code .azl.macros}, temporary names) in a file name. */
    static final int MAX_LENGTH = 200;

    static final String HINT = "a package name uses letters, digits and . _ + - and starts with a letter, a digit or _";

    private PackageNames() {}

    /** Why {@code name} is not a valid package name, or empty when it is one. */
    static Optional<String> problem(String name) {
        if (name.isEmpty()) {
            return Optional.of("the name is empty");
        }
        if (name.length() > MAX_LENGTH) {
            return Optional.of("the name is longer than " + MAX_LENGTH + " characters");
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (Character.isISOControl(c)) {
                return Optional.of("the name contains a control character");
            }
            if (c == '/' || c == '\\') {
                return Optional.of("the name contains a path separator '" + c + "'");
            }
            if (!allowed(c)) {
                return Optional.of("the name contains '" + c + "', which rpm does not allow in a package name");
            }
        }
        char first = name.charAt(0);
        if (!(isAsciiLetterOrDigit(first) || first == '_')) {
            return Optional.of("the name starts with '" + first + "'");
        }
        if (name.contains("..")) {
            return Optional.of("the name contains '..'");
        }
        return Optional.empty();
    }

    private static boolean allowed(char c) {
        return isAsciiLetterOrDigit(c) || c == '.' || c == '_' || c == '+' || c == '-';
    }

    private static boolean isAsciiLetterOrDigit(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
    }
}
