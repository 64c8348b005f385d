package dev.keel.spec.macro;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Reads the expanded lines of a package's {@code %files} sections as rpm's {@code files.c} does: the
 * directives with arguments ({@code %attr(...)}, {@code %defattr(...)}, {@code %verify(...)},
 * {@code %config(...)}, {@code %lang(...)}, {@code %caps(...)}, {@code %dev(...)}) and without
 * ({@code %dir}, {@code %doc}, {@code %license}, {@code %ghost}, {@code %exclude}, {@code %config},
 * {@code %docdir}, {@code %readme}, {@code %artifact}, {@code %missingok}) are taken off the line;
 * what is left are file names, blank-separated, double quotes allowed.
 */
final class FileCollector {

    private static final Set<String> WITH_ARGUMENTS =
            Set.of("%attr", "%defattr", "%verify", "%defverify", "%config", "%lang", "%caps", "%dev");
    private static final Set<String> PLAIN = Set.of(
            "%dir",
            "%doc",
            "%license",
            "%ghost",
            "%exclude",
            "%config",
            "%docdir",
            "%readme",
            "%artifact",
            "%missingok",
            "%pubkey");

    private final List<String> paths = new ArrayList<>();
    private final List<String> directories = new ArrayList<>();
    private final List<String> fileLists = new ArrayList<>();
    private final Set<String> undeterminable = new LinkedHashSet<>();

    void fileList(String file) {
        fileLists.add(file);
    }

    void unknown(String reason) {
        undeterminable.add(reason);
    }

    /** One expanded line of a {@code %files} section. */
    void line(String line, int number) {
        String text = line.strip();
        if (text.isEmpty() || text.startsWith("#")) {
            return;
        }
        Set<String> directives = new LinkedHashSet<>();
        List<String> names = new ArrayList<>();
        int p = 0;
        while (p < text.length()) {
            char c = text.charAt(p);
            if (Character.isWhitespace(c)) {
                p++;
                continue;
            }
            int end;
            String token;
            if (c == '"') {
                int close = text.indexOf('"', p + 1);
                end = close < 0 ? text.length() : close + 1;
                token = text.substring(p + 1, close < 0 ? text.length() : close);
            } else {
                end = p;
                while (end < text.length() && !Character.isWhitespace(text.charAt(end)) && text.charAt(end) != '(') {
                    end++;
                }
                token = text.substring(p, end);
                if (end < text.length() && text.charAt(end) == '(' && WITH_ARGUMENTS.contains(token)) {
                    int close = text.indexOf(')', end);
                    end = close < 0 ? text.length() : close + 1;
                } else {
                    while (end < text.length() && !Character.isWhitespace(text.charAt(end))) {
                        end++;
                    }
                    token = text.substring(p, end);
                }
            }
            if (c != '"' && token.startsWith("%") && (PLAIN.contains(token) || WITH_ARGUMENTS.contains(token))) {
                directives.add(token);
            } else if (c != '"' && token.startsWith("%") && !token.contains("/")) {
                directives.add(token);
            } else {
                names.add(token);
            }
            p = end;
        }
        for (String directive : directives) {
            if (!PLAIN.contains(directive) && !WITH_ARGUMENTS.contains(directive)) {
                undeterminable.add("line " + number + ": " + directive + " in %files is not a directive rpm knows"
                        + " (a macro the context does not define?)");
                return;
            }
        }
        if (directives.contains("%exclude") || directives.contains("%docdir")) {
            return;
        }
        for (String name : names) {
            if (name.indexOf('%') >= 0) {
                undeterminable.add("line " + number + ": " + name + " holds a macro the context does not define");
            } else if (name.startsWith("/")) {
                (directives.contains("%dir") ? directories : paths).add(name);
            }
        }
    }

    ExpandedFiles result() {
        return new ExpandedFiles(paths, directories, fileLists, List.copyOf(undeterminable));
    }
}
