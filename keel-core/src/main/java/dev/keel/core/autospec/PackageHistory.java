package dev.keel.core.autospec;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * A package's history as rpmautospec needs it: every commit reachable from the head, and what each
 * commit's spec says ({@code [epoch:]version} and {@code %autorelease} options; empty when that
 * cannot be determined).
 */
public record PackageHistory(
        Map<String, Commit> commits, String head, Function<Commit, Optional<SpecVersion>> versions) {

    /**
     * The history azldev gives a component without a repository of its own (a local spec): one
     * {@code Initial sources} commit by Keel at the epoch.
     */
    public static PackageHistory initialSources(Optional<SpecVersion> version) {
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
        return new PackageHistory(Map.of(initial.id(), initial), initial.id(), commit -> version);
    }

    /** The release number of the head, by rpmautospec's rules. */
    public int headReleaseNumber() {
        return new ReleaseNumbers(commits, this::epochVersion).of(head);
    }

    /**
     * The head's release as {@code rpmautospec calculate-release --complete-release} gives it,
     * without the dist tag: its number with the head spec's {@code %autorelease} options.
     */
    public String headRelease() {
        return versions.apply(commits.get(head))
                .map(SpecVersion::flags)
                .orElse(AutoreleaseFlags.DEFAULT)
                .render(headReleaseNumber());
    }

    /** The generated {@code %autochangelog} entries, newest first (the {@code changelog} file's content last, verbatim). */
    public List<String> changelog() {
        ReleaseNumbers numbers = new ReleaseNumbers(commits, this::epochVersion);
        return ChangelogGenerator.generate(
                commits,
                head,
                commit -> versions.apply(commit)
                        .map(version -> version.evr(numbers.of(commit.id())))
                        .orElse(null));
    }

    private Optional<String> epochVersion(Commit commit) {
        return versions.apply(commit).map(SpecVersion::epochVersion);
    }
}
