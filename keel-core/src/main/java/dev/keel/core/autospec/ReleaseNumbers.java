package dev.keel.core.autospec;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * rpmautospec's release number: for each commit, the largest number among its parents with the
 * same epoch:version (or an unknown one on either side), else 0; plus one if the spec exists in
 * the commit; raised to N by a {@code [bump release: N]} magic comment. Computed without
 * recursion, so long histories cannot overflow the stack.
 */
public final class ReleaseNumbers {

    private final Map<String, Commit> commits;
    private final Function<Commit, Optional<String>> epochVersion;
    private final Map<String, Integer> numbers = new HashMap<>();

    /**
     * @param commits every commit reachable from the head, by id
     * @param epochVersion a commit's {@code epoch:version}, empty when it cannot be determined
     */
    public ReleaseNumbers(Map<String, Commit> commits, Function<Commit, Optional<String>> epochVersion) {
        this.commits = commits;
        this.epochVersion = epochVersion;
    }

    public int of(String commitId) {
        Deque<String> stack = new ArrayDeque<>();
        stack.push(commitId);
        while (!stack.isEmpty()) {
            String id = stack.peek();
            if (numbers.containsKey(id)) {
                stack.pop();
                continue;
            }
            Commit commit = commits.get(id);
            boolean ready = true;
            for (String parent : commit.parents()) {
                if (commits.containsKey(parent)
                        && !numbers.containsKey(parent)
                        && sameVersion(commit, commits.get(parent))) {
                    stack.push(parent);
                    ready = false;
                }
            }
            if (ready) {
                stack.pop();
                numbers.put(id, compute(commit));
            }
        }
        return numbers.get(commitId);
    }

    private int compute(Commit commit) {
        int number = 0;
        for (String parent : commit.parents()) {
            Commit parentCommit = commits.get(parent);
            if (parentCommit != null && sameVersion(commit, parentCommit)) {
                number = Math.max(number, numbers.get(parent));
            }
        }
        if (commit.specExists()) {
            number++;
        }
        return Math.max(number, MagicComments.of(commit.message()).bumpRelease());
    }

    private boolean sameVersion(Commit a, Commit b) {
        Optional<String> first = epochVersion.apply(a);
        Optional<String> second = epochVersion.apply(b);
        return first.isEmpty() || second.isEmpty() || first.get().equals(second.get());
    }
}
