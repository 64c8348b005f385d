package dev.keel.core.autospec;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * azldev's synthetic history, in memory: the upstream commits from the import commit to the locked
 * one (first parent, oldest first) with one commit per project change placed after the upstream
 * commit it was locked to, replayed as a straight line on top of the import commit. Project
 * changes have the project commit's author, time and subject (with a {@code Project commit:} line);
 * all are empty except the last, which carries the rendered tree and its {@link SpecVersion}.
 */
public final class SyntheticHistory {

    private SyntheticHistory() {}

    /**
     * @param importCommit the oldest upstream commit to replay (the lock's {@code import-commit}),
     *     or null for a component without upstream (every change then goes on top)
     * @param renderedVersion the rendered spec's version and {@code %autorelease} options, or empty
     *     to keep the upstream head's
     * @param warnings told about changes whose upstream commit is not in the replayed range
     */
    public static PackageHistory interleave(
            PackageHistory upstream,
            String importCommit,
            List<ProjectChange> changes,
            Optional<SpecVersion> renderedVersion,
            Consumer<String> warnings) {
        if (changes.isEmpty()) {
            return upstream;
        }
        List<String> chain = firstParentChain(upstream, importCommit);
        String newest = chain.isEmpty() ? null : chain.get(chain.size() - 1);
        Map<String, List<ProjectChange>> after = new HashMap<>();
        List<ProjectChange> onTop = new ArrayList<>();
        for (ProjectChange change : changes) {
            String on = change.upstreamCommit();
            if (on == null || on.isEmpty() || on.equals(newest)) {
                onTop.add(change);
            } else if (chain.contains(on)) {
                after.computeIfAbsent(on, key -> new ArrayList<>()).add(change);
            } else {
                warnings.accept("project change " + change.projectCommit() + " (" + change.subject()
                        + ") is locked to upstream commit " + on + ", which is not in the history; left out");
            }
        }
        Replay replay = new Replay(upstream);
        for (String id : chain) {
            replay.upstream(upstream.commits().get(id));
            after.getOrDefault(id, List.of()).forEach(change -> replay.change(change, false, Optional.empty()));
        }
        int last = onTop.size() - 1;
        for (int i = 0; i < onTop.size(); i++) {
            replay.change(onTop.get(i), i == last, i == last ? renderedVersion : Optional.empty());
        }
        if (onTop.isEmpty()) {
            replay.markLastAsRendered(renderedVersion);
        }
        return replay.history();
    }

    /** The first-parent chain from the import commit (inclusive) to the head, oldest first. */
    private static List<String> firstParentChain(PackageHistory upstream, String importCommit) {
        List<String> chain = new ArrayList<>();
        String id = upstream.head();
        while (id != null && upstream.commits().containsKey(id)) {
            chain.add(id);
            if (id.equals(importCommit)) {
                break;
            }
            List<String> parents = upstream.commits().get(id).parents();
            id = parents.isEmpty() ? null : parents.get(0);
        }
        if (importCommit != null && !chain.contains(importCommit)) {
            throw new IllegalArgumentException(
                    "the import commit " + importCommit + " is not a first-parent ancestor of " + upstream.head());
        }
        Collections.reverse(chain);
        return chain;
    }

    /** Builds the straight-line history. */
    private static final class Replay {

        private final PackageHistory upstream;
        private final Map<String, Commit> commits;
        private final Map<String, Optional<SpecVersion>> versions = new HashMap<>();
        private Commit previous;
        private int synthetic;

        Replay(PackageHistory upstream) {
            this.upstream = upstream;
            this.commits = new LinkedHashMap<>(upstream.commits());
        }

        void upstream(Commit original) {
            Commit commit = previous == null
                    ? original
                    : new Commit(
                            "replayed:" + original.id(),
                            List.of(previous.id()),
                            original.authorName(),
                            original.authorEmail(),
                            original.time(),
                            original.message(),
                            original.specExists(),
                            original.changelogFile(),
                            original.treeId());
            versions.put(commit.id(), upstream.versions().apply(original));
            add(commit);
        }

        void change(ProjectChange change, boolean rendered, Optional<SpecVersion> renderedVersion) {
            String parentId = previous == null ? null : previous.id();
            Commit commit = new Commit(
                    "synthetic-" + ++synthetic + ":" + change.projectCommit(),
                    parentId == null ? List.of() : List.of(parentId),
                    change.authorName(),
                    change.authorEmail(),
                    change.time(),
                    change.subject() + "\n\nProject commit: " + change.projectCommit(),
                    previous == null || previous.specExists() || rendered,
                    previous == null ? null : previous.changelogFile(),
                    previous == null || rendered ? "rendered" : previous.treeId());
            versions.put(
                    commit.id(),
                    renderedVersion.or(() -> parentId == null ? Optional.empty() : versions.get(parentId)));
            add(commit);
        }

        /** The last commit carries the rendered tree: a different tree, and the rendered version. */
        void markLastAsRendered(Optional<SpecVersion> renderedVersion) {
            renderedVersion.ifPresent(version -> versions.put(previous.id(), Optional.of(version)));
        }

        private void add(Commit commit) {
            commits.put(commit.id(), commit);
            previous = commit;
        }

        PackageHistory history() {
            Map<String, Optional<SpecVersion>> known = Map.copyOf(versions);
            return new PackageHistory(
                    commits,
                    previous.id(),
                    commit -> known.containsKey(commit.id())
                            ? known.get(commit.id())
                            : upstream.versions().apply(commit));
        }
    }
}
