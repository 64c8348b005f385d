package dev.keel.core.autospec;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How rpmautospec wraps a changelog bullet: Python's {@code TextWrapper(width=75,
 * subsequent_indent="  ").fill(text)} with its defaults (tabs expanded to 8 columns, whitespace
 * turned into spaces, words split after hyphens, words longer than a line broken, whitespace
 * dropped at line ends). Lengths count code points, as Python does.
 */
final class ChangelogWrap {

    static final int WIDTH = 75;
    static final String SUBSEQUENT_INDENT = "  ";

    private static final String WS = "[\\t\\n\\x0b\\x0c\\r ]";
    private static final String NWS = "[^\\t\\n\\x0b\\x0c\\r ]";
    /** Python's {@code [\w!"'&.,?]}. */
    private static final String WORD_PUNCT = "[\\p{L}\\p{N}_!\"'&.,?]";
    /** Python's {@code [^\d\W]}: a word character that is not a decimal digit. */
    private static final String LETTER = "[\\p{L}\\p{Nl}\\p{No}_]";
    /** Python's {@code \w}. */
    private static final String WORD = "[\\p{L}\\p{N}_]";
    /** textwrap's {@code wordsep_re}: whitespace, an em-dash between words, or a (hyphenated) word. */
    private static final Pattern CHUNK = Pattern.compile(WS + "+"
            + "|(?<=" + WORD_PUNCT + ")-{2,}(?=" + WORD + ")"
            + "|" + NWS + "+?(?:-(?:(?<=" + LETTER + "{2}-)|(?<=" + LETTER + "-" + LETTER + "-))"
            + "(?=" + LETTER + "-?" + LETTER + ")"
            + "|(?=" + WS + "|\\z)"
            + "|(?<=" + WORD_PUNCT + ")(?=-{2,}" + WORD + "))");

    private ChangelogWrap() {}

    /** The wrapped text, lines joined by {@code \n}. */
    static String fill(String text) {
        return String.join("\n", wrap(chunks(munge(text))));
    }

    /** Tabs expanded to 8 columns (the column restarts after a line break), other whitespace made spaces. */
    private static String munge(String text) {
        StringBuilder out = new StringBuilder();
        int column = 0;
        for (int i = 0; i < text.length(); ) {
            int c = text.codePointAt(i);
            i += Character.charCount(c);
            if (c == '\t') {
                int spaces = 8 - column % 8;
                out.append(" ".repeat(spaces));
                column += spaces;
            } else if (c == '\n' || c == '\r') {
                out.append(' ');
                column = 0;
            } else {
                out.appendCodePoint(c == 0x0b || c == 0x0c ? ' ' : c);
                column++;
            }
        }
        return out.toString();
    }

    /** The text cut into chunks: what the pattern matches and what lies between, none empty. */
    private static List<String> chunks(String text) {
        List<String> chunks = new ArrayList<>();
        Matcher matcher = CHUNK.matcher(text);
        int at = 0;
        while (matcher.find()) {
            if (matcher.start() > at) {
                chunks.add(text.substring(at, matcher.start()));
            }
            chunks.add(matcher.group());
            at = matcher.end();
        }
        if (at < text.length()) {
            chunks.add(text.substring(at));
        }
        return chunks;
    }

    /** textwrap's greedy filling; a chunk cut by {@link #breakAt} is replaced by its rest in {@code remaining}. */
    private static List<String> wrap(List<String> remaining) {
        List<String> lines = new ArrayList<>();
        int next = 0;
        while (next < remaining.size()) {
            List<String> line = new ArrayList<>();
            int length = 0;
            String indent = lines.isEmpty() ? "" : SUBSEQUENT_INDENT;
            int width = WIDTH - indent.length();
            if (!lines.isEmpty() && isBlank(remaining.get(next))) {
                next++;
            }
            while (next < remaining.size() && length + length(remaining.get(next)) <= width) {
                length += length(remaining.get(next));
                line.add(remaining.get(next++));
            }
            if (next < remaining.size() && length(remaining.get(next)) > width) {
                String chunk = remaining.get(next);
                int end = breakAt(chunk, width - length);
                line.add(chunk.substring(0, end));
                remaining.set(next, chunk.substring(end));
            }
            if (!line.isEmpty() && isBlank(line.get(line.size() - 1))) {
                line.remove(line.size() - 1);
            }
            if (!line.isEmpty()) {
                lines.add(indent + String.join("", line));
            }
        }
        return lines;
    }

    /**
     * Where a chunk too long for any line is cut to fill the room left: after its last hyphen
     * within that room when non-hyphens come before it, else at the room's end (in chars).
     */
    private static int breakAt(String chunk, int room) {
        int[] points = chunk.codePoints().toArray();
        int end = room;
        if (points.length > room) {
            int hyphen = -1;
            for (int i = Math.min(room, points.length) - 1; i >= 0; i--) {
                if (points[i] == '-') {
                    hyphen = i;
                    break;
                }
            }
            boolean wordBefore = false;
            for (int i = 0; i < hyphen; i++) {
                wordBefore |= points[i] != '-';
            }
            if (hyphen > 0 && wordBefore) {
                end = hyphen + 1;
            }
        }
        return chunk.offsetByCodePoints(0, Math.min(end, points.length));
    }

    private static boolean isBlank(String chunk) {
        return PythonText.strip(chunk).isEmpty();
    }

    private static int length(String chunk) {
        return chunk.codePointCount(0, chunk.length());
    }
}
