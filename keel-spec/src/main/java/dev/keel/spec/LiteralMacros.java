package dev.keel.spec;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * The spec's own macros whose value is certain without running rpm: parameterless
 * {@code %global}/{@code %define} outside any conditional block, with one single-line body, never
 * redefined differently or undefined, plus {@code name}, {@code version}, {@code release} and
 * {@code epoch} from the main package's tags. Expansion gives {@code null} as soon as anything is
 * uncertain.
 */
final class LiteralMacros {

    private static final int MAX_DEPTH = 16;
    private static final String[] TAG_MACROS = {"name", "version", "release", "epoch"};

    private final Map<String, String> values;

    private LiteralMacros(Map<String, String> values) {
        this.values = values;
    }

    static LiteralMacros of(Spec spec) {
        Map<String, String> values = new HashMap<>();
        Set<String> uncertain = new HashSet<>();
        for (MacroDefinition macro : spec.macros()) {
            if (macro.kind().isBcond()) {
                continue;
            }
            boolean simple = macro.kind() != MacroDefinition.Kind.UNDEFINE
                    && macro.parameters() == null
                    && macro.body().indexOf('\n') < 0
                    && macro.elementIn(spec).block() < 0;
            String previous = values.putIfAbsent(macro.name(), macro.body());
            if (!simple || (previous != null && !previous.equals(macro.body()))) {
                uncertain.add(macro.name());
            }
        }
        for (String tagMacro : TAG_MACROS) {
            String value = null;
            for (Tag tag : spec.tags()) {
                if (tag.pkg().isMain() && tag.qualifier() == null && tag.name().equalsIgnoreCase(tagMacro)) {
                    if (value != null && !value.equals(tag.value())) {
                        uncertain.add(tagMacro);
                    }
                    value = tag.value();
                }
            }
            if (value != null && !values.containsKey(tagMacro)) {
                values.put(tagMacro, value);
            } else if (value != null) {
                uncertain.add(tagMacro);
            }
        }
        uncertain.forEach(values::remove);
        return new LiteralMacros(values);
    }

    /** The text with macros expanded, or {@code null} when any part cannot be determined. */
    String expand(String text) {
        return text == null ? null : expand(text, 0);
    }

    private String expand(String text, int depth) {
        if (text.indexOf('%') < 0) {
            return text;
        }
        if (depth > MAX_DEPTH) {
            return null;
        }
        StringBuilder out = new StringBuilder();
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c != '%' || i + 1 >= text.length()) {
                out.append(c);
                i++;
                continue;
            }
            char next = text.charAt(i + 1);
            String name;
            if (next == '%') {
                out.append('%');
                i += 2;
                continue;
            } else if (next == '{') {
                int close = text.indexOf('}', i);
                if (close < 0) {
                    return null;
                }
                name = text.substring(i + 2, close);
                i = close + 1;
            } else if (Chars.isAsciiLetter(next) || next == '_') {
                int end = Chars.wordEnd(text, i + 1, text.length());
                name = text.substring(i + 1, end);
                i = end;
            } else {
                return null;
            }
            String value = values.get(name);
            if (value == null) {
                return null;
            }
            String expanded = expand(value, depth + 1);
            if (expanded == null) {
                return null;
            }
            out.append(expanded);
        }
        return out.toString();
    }
}
