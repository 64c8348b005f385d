package dev.keel.spec.macro;

import dev.keel.spec.SectionKind;
import java.util.ArrayList;
import java.util.List;

/**
 * An expanded section header line as rpm's section parsers read it with popt: the package it is
 * about ({@code -n NAME} for a full name, else a suffix of the main package's name, else the main
 * package) and the {@code -f} file lists of {@code %files}; {@code --} ends the options of a trigger.
 *
 * @param kind the section
 * @param name the package name or suffix given, or {@code null} for the main package
 * @param fullName whether {@code name} is a full name ({@code -n})
 * @param fileLists the {@code -f} arguments
 * @param interpreter the {@code -p} argument of a scriptlet or trigger, or {@code null}
 */
record SectionLine(SectionKind kind, String name, boolean fullName, List<String> fileLists, String interpreter) {

    /** The header on an expanded line, or {@code null} when the line is not one. */
    static SectionLine parse(String line) {
        List<String> tokens = tokens(line);
        if (tokens.isEmpty() || !line.startsWith("%")) {
            return null;
        }
        SectionKind kind = SectionKind.forKeyword(tokens.get(0));
        if (kind == null) {
            return null;
        }
        String name = null;
        boolean full = false;
        List<String> fileLists = new ArrayList<>();
        String interpreter = null;
        for (int i = 1; i < tokens.size(); i++) {
            String token = tokens.get(i);
            if (token.equals("--")) {
                break;
            }
            boolean takesValue = List.of("-n", "-f", "-p", "-l", "-P").contains(token);
            if (takesValue && i + 1 < tokens.size()) {
                String value = tokens.get(++i);
                if (token.equals("-n")) {
                    name = value;
                    full = true;
                } else if (token.equals("-f")) {
                    fileLists.add(value);
                } else if (token.equals("-p")) {
                    interpreter = value;
                }
            } else if (!token.startsWith("-") && name == null && kind.takesPackage()) {
                name = token;
            }
        }
        return new SectionLine(kind, name, full, fileLists, interpreter);
    }

    /** popt's {@code poptParseArgvString}: blank-separated, quotes group, a backslash escapes. */
    private static List<String> tokens(String line) {
        List<String> tokens = new ArrayList<>();
        StringBuilder current = null;
        char quote = 0;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quote != 0 && c == quote) {
                quote = 0;
            } else if (quote == 0 && (c == '"' || c == '\'')) {
                quote = c;
                current = current == null ? new StringBuilder() : current;
            } else if (quote == 0 && Character.isWhitespace(c)) {
                if (current != null) {
                    tokens.add(current.toString());
                    current = null;
                }
            } else {
                if (c == '\\' && i + 1 < line.length()) {
                    c = line.charAt(++i);
                }
                current = current == null ? new StringBuilder() : current;
                current.append(c);
            }
        }
        if (current != null) {
            tokens.add(current.toString());
        }
        return tokens;
    }
}
