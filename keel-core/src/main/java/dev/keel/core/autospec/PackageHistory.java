package dev.keel.core.autospec;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * A package's history as rpmautospec needs it: every commit reachable from the head, and each
 * commit's {@code [epoch:]version} (empty when it cannot be determined).
 */
public record PackageHistory(
        Map<String, Commit> commits, String head, Function<Commit, Optional<String>> epochVersion) {

    /**
     * The history azldev gives a component without a repository of its own (a local spec): one
     * {@code Initial sources} commit by Keel at the epoch.
     */
    public static PackageHistory initialSources(Optional<String> epochVersion) {
        Commit initial = new Commit(
                "initial-sources",
                List.of(),
                "Keel",
                "keel@local",
                Instant.EPOCH,
                "Initial sources",
                true,
                null,
                "initial");
        return new PackageHistory(Map.of(initial.id(), initial), initial.id(), commit -> epochVersion);
    }

    /** The release number of the head, by rpmautospec's rules. */
    public int headReleaseNumber() {
        return new ReleaseNumbers(commits, epochVersion).of(head);
    }

    /** The generated {@code %autochangelog} text, with {@code flags} rendering each entry's release. */
    public String changelog(AutoreleaseFlags flags) {
        ReleaseNumbers numbers = new ReleaseNumbers(commits, epochVersion);
        return ChangelogGenerator.generate(
                commits,
                head,
                commit -> epochVersion.apply(commit).orElse("?") + "-" + flags.render(numbers.of(commit.id())));
    }
}
