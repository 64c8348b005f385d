package dev.keel.build;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * One component's build: how it ended, what it published and where its log is.
 *
 * @param component the component
 * @param outcome how it ended
 * @param srpm the published source RPM, or null
 * @param rpms the published binary RPMs, sorted by path
 * @param log the build log, or null when nothing ran
 * @param elapsed how long it took
 * @param notes what else is worth saying
 */
public record BuildResult(
        String component,
        BuildOutcome outcome,
        Path srpm,
        List<PublishedRpm> rpms,
        Path log,
        Duration elapsed,
        List<String> notes) {

    /** A published binary RPM with its package name and the channel it was published to. */
    public record PublishedRpm(Path path, String name, String channel) {}

    public BuildResult {
        rpms = rpms.stream()
                .sorted(java.util.Comparator.comparing(rpm -> rpm.path().toString()))
                .toList();
        notes = List.copyOf(notes);
    }

    /** A result with no outputs, log or notes. */
    public static BuildResult of(String component, BuildOutcome outcome) {
        return new BuildResult(component, outcome, null, List.of(), null, Duration.ZERO, List.of());
    }
}
