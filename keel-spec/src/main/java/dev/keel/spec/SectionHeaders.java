package dev.keel.spec;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** Parses section header arguments the way rpm's popt-based header parsing reads them. */
final class SectionHeaders {

    private SectionHeaders() {}

    /**
     * Parses a header. {@code knownSuffixes} are the {@code %package} suffixes seen so far: a
     * {@code %description} argument that is a macro such as {@code %{_description}} is taken as the
     * section's text (rpm expands it first), unless a package has that suffix.
     */
    static SectionHeader parse(
            String keyword,
            String arguments,
            SectionKind kind,
            int line,
            Set<String> knownSuffixes,
            List<Diagnostic> diagnostics) {
        String args = arguments.strip();
        String triggerCondition = null;
        String options = args;
        int dashes = findDoubleDash(args);
        if (dashes >= 0) {
            triggerCondition = args.substring(dashes + 2).strip();
            options = args.substring(0, dashes);
        }
        List<String> tokens = kind.takesPackage() ? tokens(options) : List.of();
        PackageRef pkg = PackageRef.MAIN;
        List<String> fileLists = new ArrayList<>();
        List<String> flags = new ArrayList<>();
        String interpreter = null;
        String language = null;
        String priority = null;
        for (int i = 0; i < tokens.size(); i++) {
            String token = tokens.get(i);
            boolean takesValue = token.equals("-n")
                    || token.equals("-f")
                    || token.equals("-p")
                    || token.equals("-l")
                    || token.equals("-P");
            if (takesValue) {
                if (i + 1 >= tokens.size()) {
                    diagnostics.add(Diagnostic.error(line + 1, keyword + ": option " + token + " needs an argument"));
                    continue;
                }
                String value = tokens.get(++i);
                switch (token) {
                    case "-n" -> pkg = PackageRef.full(value);
                    case "-f" -> fileLists.add(value);
                    case "-p" -> interpreter = value;
                    case "-l" -> language = value;
                    default -> priority = value;
                }
            } else if (token.startsWith("-") && token.length() > 1) {
                flags.add(token);
            } else if (isInlineText(token, kind, pkg, knownSuffixes)) {
                break;
            } else if (isConditionalMacro(token)) {
                flags.add(token);
            } else if (pkg.isMain()) {
                pkg = PackageRef.suffix(token);
            } else {
                diagnostics.add(Diagnostic.warning(line + 1, keyword + ": unexpected argument '" + token + "'"));
            }
        }
        if (kind == SectionKind.PACKAGE && pkg.isMain()) {
            diagnostics.add(Diagnostic.error(line + 1, "%package needs a sub-package name"));
        }
        return new SectionHeader(
                keyword, args, pkg, fileLists, interpreter, language, priority, flags, triggerCondition);
    }

    /**
     * {@code %{?with_x:-f list}}: options that only exist under a condition. A bare
     * {@code %{?subpkg}} is a name (rpm expands it before reading the header).
     */
    private static boolean isConditionalMacro(String token) {
        return (token.startsWith("%{?") || token.startsWith("%{!?")) && token.indexOf(':') >= 0;
    }

    private static boolean isInlineText(String token, SectionKind kind, PackageRef pkg, Set<String> knownSuffixes) {
        return kind == SectionKind.DESCRIPTION
                && token.startsWith("%")
                && (!pkg.isMain() || !knownSuffixes.contains(token));
    }

    private static int findDoubleDash(String args) {
        for (int[] span : spans(args)) {
            if (span[1] - span[0] == 2 && args.startsWith("--", span[0])) {
                return span[0];
            }
        }
        return -1;
    }

    private static List<String> tokens(String text) {
        List<String> tokens = new ArrayList<>();
        for (int[] span : spans(text)) {
            tokens.add(text.substring(span[0], span[1]));
        }
        return tokens;
    }

    private static List<int[]> spans(String text) {
        List<int[]> spans = new ArrayList<>();
        int i = 0;
        int end = text.length();
        while (true) {
            i = Chars.skipSpace(text, i, end);
            if (i >= end) {
                return spans;
            }
            int tokenEnd = Chars.argumentEnd(text, i, end);
            spans.add(new int[] {i, tokenEnd});
            i = tokenEnd;
        }
    }
}
