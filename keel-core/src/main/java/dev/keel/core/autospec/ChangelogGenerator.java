package dev.keel.core.autospec;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * rpmautospec's {@code %autochangelog} entries, newest first: one per commit from the head back to
 * the newest commit whose {@code changelog} file differs from every parent's, whose content ends
 * the list verbatim (unless a later commit removed the file: then nothing is added). A commit with
 * a {@code [skip changelog]} magic comment or without the spec has no entry. At a merge the parent
 * with the same tree is followed and the merge has no entry of its own; a merge with no such parent
 * and no new {@code changelog} file ends the list with an {@code RPMAUTOSPEC: unresolvable merge}
 * entry.
 */
final class ChangelogGenerator {

    private ChangelogGenerator() {}

    /**
     * @param commits every commit by id
     * @param head where to start
     * @param evr a commit's {@code [epoch:]version-release} as its entry shows it, null when unknown
     */
    static List<String> generate(Map<String, Commit> commits, String head, Function<Commit, String> evr) {
        List<String> entries = new ArrayList<>();
        boolean removedLater = false;
        String id = head;
        while (id != null && commits.containsKey(id)) {
            Commit commit = commits.get(id);
            List<Commit> parents = commit.parents().stream()
                    .map(commits::get)
                    .filter(Objects::nonNull)
                    .toList();
            String changelog = commit.changelogFile();
            boolean changed = parents.isEmpty() ? changelog != null : differsFromEvery(changelog, parents);
            boolean removedHere =
                    changelog == null && parents.stream().anyMatch(parent -> parent.changelogFile() != null);
            Commit follow = parents.size() == 1 ? parents.get(0) : sameTree(commit, parents);
            if (parents.size() > 1 && follow == null && !(changed && changelog != null)) {
                entries.add(GeneratedChangelogEntry.error(commit, evr.apply(commit), "unresolvable merge"));
                break;
            }
            if (changed && changelog != null) {
                if (!removedLater) {
                    entries.add(changelog);
                }
                break;
            }
            removedLater |= removedHere;
            boolean skip = parents.size() > 1
                    || !commit.specExists()
                    || MagicComments.of(commit.message()).skipChangelog();
            if (!skip) {
                entries.add(GeneratedChangelogEntry.of(commit, evr.apply(commit)));
            }
            id = follow == null ? null : follow.id();
        }
        return entries;
    }

    private static boolean differsFromEvery(String changelog, List<Commit> parents) {
        return parents.stream().noneMatch(parent -> Objects.equals(changelog, parent.changelogFile()));
    }

    private static Commit sameTree(Commit merge, List<Commit> parents) {
        return parents.stream()
                .filter(parent -> parent.treeId().equals(merge.treeId()))
                .findFirst()
                .orElse(null);
    }
}
