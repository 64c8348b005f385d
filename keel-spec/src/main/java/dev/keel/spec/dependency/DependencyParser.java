package dev.keel.spec.dependency;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits an expanded dependency tag value ({@code BuildRequires: a, b >= 1 (c or d)}) into
 * dependencies as rpm 4.18's {@code parseRCPOT} does: blanks and commas separate; a name may be
 * followed by an operator ({@code < <= = == >= > =< =>}) and a version; a rich dependency runs to
 * its closing parenthesis. What rpm refuses is a {@link DependencyException} with rpm's complaint.
 */
public final class DependencyParser {

    private static final String VERSION_CHARS = ".-_+:%{}~^";

    private DependencyParser() {}

    /**
     * Parses a value.
     *
     * @param value the expanded value
     * @param flags qualifier bits every dependency of the tag gets ({@code Requires(post)})
     * @param richAllowed whether the tag takes rich dependencies (not {@code Provides} or {@code Obsoletes})
     */
    public static List<Dependency> parse(String value, int flags, boolean richAllowed) throws DependencyException {
        List<Dependency> dependencies = new ArrayList<>();
        int p = 0;
        int length = value.length();
        while (true) {
            p = skipWhite(value, p);
            if (p >= length) {
                return dependencies;
            }
            if (value.charAt(p) == '(') {
                if (!richAllowed) {
                    throw new DependencyException("No rich dependencies allowed for this type");
                }
                RichParser parser = new RichParser(value, p);
                RichDependency rich = parser.parse();
                dependencies.add(new Dependency(rich.toString(), flags, null));
                p = parser.position();
                continue;
            }
            int nameEnd = skipNonWhite(value, p);
            String name = value.substring(p, nameEnd);
            int opStart = skipWhite(value, nameEnd);
            int opEnd = skipNonWhite(value, opStart);
            int sense = sense(value.substring(opStart, opEnd));
            String evr = null;
            p = opStart;
            if (sense != 0) {
                int evrStart = skipWhite(value, opEnd);
                int evrEnd = skipNonWhite(value, evrStart);
                if (evrEnd == evrStart) {
                    throw new DependencyException("Version required");
                }
                evr = value.substring(evrStart, evrEnd);
                p = evrEnd;
            }
            check(name, evr);
            int rpmlib = name.startsWith("rpmlib(") ? Dependency.RPMLIB : 0;
            dependencies.add(new Dependency(name, flags | sense | rpmlib, evr));
        }
    }

    /** rpm's {@code checkDep}: the first character, versioned file names, the version's characters and epoch. */
    private static void check(String name, String evr) throws DependencyException {
        char first = name.charAt(0);
        if (first < 128 && !(Character.isLetterOrDigit(first) || first == '_' || first == '/')) {
            throw new DependencyException("Dependency tokens must begin with alpha-numeric, '_' or '/': " + name);
        }
        if (evr == null) {
            return;
        }
        if (first == '/') {
            throw new DependencyException("Versioned file name not permitted: " + name);
        }
        for (int i = 0; i < evr.length(); i++) {
            char c = evr.charAt(i);
            boolean alnum = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
            if (!alnum && VERSION_CHARS.indexOf(c) < 0) {
                throw new DependencyException("Illegal char '" + c + "' in: " + evr);
            }
        }
        if (evr.contains("..")) {
            throw new DependencyException("Illegal sequence \"..\" in: " + evr);
        }
        int colon = evr.indexOf(':');
        if (colon >= 0 && !evr.substring(0, colon).chars().allMatch(Character::isDigit)) {
            throw new DependencyException("Invalid version (epoch must be unsigned integer): " + evr);
        }
    }

    /** rpm's {@code rpmParseDSFlags}: the comparison an operator token means, or 0 for none. */
    static int sense(String token) {
        return switch (token) {
            case "<=", "=<" -> Dependency.LESS | Dependency.EQUAL;
            case "<" -> Dependency.LESS;
            case "==", "=" -> Dependency.EQUAL;
            case ">=", "=>" -> Dependency.GREATER | Dependency.EQUAL;
            case ">" -> Dependency.GREATER;
            default -> 0;
        };
    }

    private static int skipWhite(String value, int from) {
        int p = from;
        while (p < value.length() && (RichParser.isSpace(value.charAt(p)) || value.charAt(p) == ',')) {
            p++;
        }
        return p;
    }

    private static int skipNonWhite(String value, int from) {
        int p = from;
        while (p < value.length() && !RichParser.isSpace(value.charAt(p)) && value.charAt(p) != ',') {
            p++;
        }
        return p;
    }
}
