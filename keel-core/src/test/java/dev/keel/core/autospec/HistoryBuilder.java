package dev.keel.core.autospec;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Builds package histories for tests: each commit has a version (null = unparseable) and a message. */
final class HistoryBuilder {

    final Map<String, Commit> commits = new LinkedHashMap<>();
    final Map<String, String> versions = new HashMap<>();
    private String head;
    private long clock = 1_700_000_000L;

    HistoryBuilder commit(String id, String version, String message, String... parents) {
        return add(id, version, message, true, null, "tree-" + id, parents);
    }

    HistoryBuilder add(
            String id,
            String version,
            String message,
            boolean specExists,
            String changelog,
            String tree,
            String... parents) {
        List<String> parentList = parents.length == 0 && head != null ? List.of(head) : List.of(parents);
        if (parents.length == 1 && parents[0].isEmpty()) {
            parentList = List.of();
        }
        clock += 86_400;
        commits.put(
                id,
                new Commit(
                        id,
                        parentList,
                        "Jane Packager",
                        "jane@example.org",
                        Instant.ofEpochSecond(clock),
                        message,
                        specExists,
                        changelog,
                        tree));
        if (version != null) {
            versions.put(id, version);
        }
        head = id;
        return this;
    }

    Optional<String> epochVersion(Commit commit) {
        return Optional.ofNullable(versions.get(commit.id()));
    }

    Optional<SpecVersion> version(Commit commit) {
        return epochVersion(commit).map(version -> new SpecVersion(version, AutoreleaseFlags.DEFAULT));
    }

    int release(String id) {
        return new ReleaseNumbers(commits, this::epochVersion).of(id);
    }

    String head() {
        return head;
    }

    List<String> ids() {
        return new ArrayList<>(commits.keySet());
    }
}
