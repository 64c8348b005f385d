package dev.keel.core.autospec;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * One generated changelog entry as rpmautospec formats it: {@code * Day Mon DD YYYY Author <email>
 * - EVR} (without {@code - EVR} when the version is unknown), then one bullet per item, each
 * wrapped at 75 columns with a two-space indent. The items come from the commit message: the
 * subject (its lines up to the first blank one, a leading {@code -} dropped), continued by a first
 * body paragraph starting with {@code ...} or {@code …}; then one item per {@code -} line of the
 * body, continued by the lines after it, up to a blank line; a body starting otherwise adds nothing.
 * {@code %} is doubled so rpm prints it as written.
 */
final class GeneratedChangelogEntry {

    private static final DateTimeFormatter DATE =
            DateTimeFormatter.ofPattern("EEE MMM dd yyyy", Locale.ENGLISH).withZone(ZoneOffset.UTC);
    private static final Pattern ELLIPSIS = Pattern.compile(
            "(?:\\.{3,}|…+)" + PythonText.SPACE + "*(.*)", Pattern.UNICODE_CHARACTER_CLASS | Pattern.DOTALL);

    private GeneratedChangelogEntry() {}

    /** The entry for a commit, {@code evr} null when unknown. */
    static String of(Commit commit, String evr) {
        return format(commit, evr, items(commit.message()));
    }

    /** An entry saying what rpmautospec could not do at this commit. */
    static String error(Commit commit, String evr, String detail) {
        return format(commit, evr, List.of("RPMAUTOSPEC: " + detail));
    }

    private static String format(Commit commit, String evr, List<String> items) {
        return "* " + DATE.format(commit.time()) + " " + commit.authorName() + " <" + commit.authorEmail() + ">"
                + (evr == null ? "" : " - " + evr) + "\n"
                + items.stream().map(item -> ChangelogWrap.fill("- " + item)).collect(Collectors.joining("\n"));
    }

    private enum State {
        BEFORE_SUBJECT,
        SUBJECT,
        BEFORE_BODY,
        CONTINUATION,
        BODY
    }

    /** The message's changelog items. */
    static List<String> items(String message) {
        List<List<String>> items = new ArrayList<>();
        items.add(new ArrayList<>());
        State state = State.BEFORE_SUBJECT;
        for (String raw : message.split("\n", -1)) {
            String line = PythonText.strip(raw.replace("%", "%%"));
            if (state == State.BEFORE_SUBJECT) {
                if (line.isEmpty()) {
                    continue;
                }
                state = State.SUBJECT;
                if (line.startsWith("-")) {
                    line = PythonText.lstrip(line.substring(1));
                }
            }
            if (state == State.SUBJECT) {
                if (!line.isEmpty()) {
                    items.get(0).add(line);
                    continue;
                }
                state = State.BEFORE_BODY;
            }
            if (state == State.BEFORE_BODY) {
                if (line.isEmpty()) {
                    continue;
                }
                Matcher ellipsis = ELLIPSIS.matcher(line);
                if (ellipsis.matches()) {
                    state = State.CONTINUATION;
                    items.get(0).add(ellipsis.group(1));
                    continue;
                }
                if (!line.startsWith("-")) {
                    break;
                }
                state = State.BODY;
            }
            if (state == State.CONTINUATION) {
                if (!line.isEmpty() && !line.startsWith("-")) {
                    items.get(0).add(line);
                    continue;
                }
                state = State.BODY;
            }
            if (line.isEmpty()) {
                break;
            }
            if (line.startsWith("-")) {
                line = PythonText.lstrip(line.substring(1));
                items.add(new ArrayList<>());
            }
            items.get(items.size() - 1).add(line);
        }
        return items.stream().map(lines -> String.join(" ", lines)).toList();
    }
}
