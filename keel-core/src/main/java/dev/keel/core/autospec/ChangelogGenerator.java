package dev.keel.core.autospec;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * rpmautospec's {@code %autochangelog}: one entry per commit from the head back to the newest
 * commit that changed the {@code changelog} file, whose content follows verbatim. An entry is
 * {@code * Day Mon DD YYYY Author <email> - EVR} with the subject as its first bullet (a body
 * starting with {@code ...} continues it; {@code - } body lines are more bullets). A commit saying
 * {@code [skip changelog]} has no entry. At a merge the parent with the same tree is followed;
 * otherwise the entry notes an unresolvable merge and the first parent is followed.
 */
public final class ChangelogGenerator {

    private static final DateTimeFormatter DATE =
            DateTimeFormatter.ofPattern("EEE MMM dd yyyy", Locale.ROOT).withZone(ZoneOffset.UTC);

    private ChangelogGenerator() {}

    /**
     * @param commits every commit by id
     * @param head where to start
     * @param evr a commit's {@code [epoch:]version-release} as it appears in entries
     */
    public static String generate(Map<String, Commit> commits, String head, Function<Commit, String> evr) {
        StringBuilder out = new StringBuilder();
        String id = head;
        String previousChangelog = null;
        boolean first = true;
        while (id != null && commits.containsKey(id)) {
            Commit commit = commits.get(id);
            String parentId =
                    commit.parents().isEmpty() ? null : commit.parents().get(0);
            Commit parent = parentId == null ? null : commits.get(parentId);
            if (commit.changelogFile() != null
                    && (parent == null || !commit.changelogFile().equals(parent.changelogFile()))) {
                previousChangelog = commit.changelogFile();
                break;
            }
            List<String> bullets = bullets(commit);
            String follow = parentId;
            if (commit.parents().size() > 1) {
                follow = sameTreeParent(commits, commit);
                if (follow == null) {
                    bullets = List.of("RPMAUTOSPEC: unresolvable merge");
                    follow = parentId;
                }
            }
            if (!commit.message().contains("[skip changelog]") && commit.specExists()) {
                if (!first) {
                    out.append('\n');
                }
                out.append("* ")
                        .append(DATE.format(commit.time()))
                        .append(' ')
                        .append(commit.authorName())
                        .append(" <")
                        .append(commit.authorEmail())
                        .append("> - ")
                        .append(evr.apply(commit))
                        .append('\n');
                bullets.forEach(bullet -> out.append("- ").append(bullet).append('\n'));
                first = false;
            }
            id = follow;
        }
        if (previousChangelog != null) {
            if (!first) {
                out.append('\n');
            }
            out.append(previousChangelog.endsWith("\n") ? previousChangelog : previousChangelog + "\n");
        }
        return out.toString();
    }

    private static List<String> bullets(Commit commit) {
        List<String> bullets = new ArrayList<>();
        String[] lines = commit.message().strip().split("\n");
        StringBuilder subject = new StringBuilder(lines[0].strip());
        int i = 1;
        while (i < lines.length && lines[i].isBlank()) {
            i++;
        }
        if (i < lines.length
                && (lines[i].strip().startsWith("...") || lines[i].strip().startsWith("…"))) {
            String continuation = lines[i].strip();
            subject.append(' ')
                    .append(
                            continuation.startsWith("...")
                                    ? continuation.substring(3).strip()
                                    : continuation.substring(1).strip());
            i++;
        }
        bullets.add(subject.toString());
        for (; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.startsWith("- ")) {
                bullets.add(line.substring(2).strip());
            }
        }
        return bullets;
    }

    private static String sameTreeParent(Map<String, Commit> commits, Commit merge) {
        for (String parent : merge.parents()) {
            Commit commit = commits.get(parent);
            if (commit != null && commit.treeId().equals(merge.treeId())) {
                return parent;
            }
        }
        return null;
    }
}
