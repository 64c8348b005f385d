package dev.keel.build.repo;

import dev.keel.core.config.Location;
import dev.keel.core.io.Digests;
import dev.keel.core.outcome.Failure;
import dev.keel.core.outcome.FailureException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The project's output directory as azldev lays it out: source RPMs in {@code srpms/}, binary RPMs
 * in {@code rpms/<channel>/} (in {@code rpms/} itself when no channel, or {@code none}, is
 * configured); and Keel's own {@code bootstrap/<component>/}, where the RPMs of stage-1 builds
 * are kept. A component is published only after its whole build succeeded, each file copied
 * next to its place and renamed into it, so a file is never seen half written; the files of its
 * previous build that the new one does not replace are then removed, and only those: a file Keel
 * did not write for that component is never overwritten or deleted.
 */
public final class OutputRepository {

    /** The directory of the stage-1 builds' RPMs. */
    public static final String BOOTSTRAP = "bootstrap";

    /** One file to publish: where the build left it, its package name and its channel. */
    public record Output(Path file, String name, String channel) {}

    private final Path root;

    public OutputRepository(Path root) {
        this.root = root.toAbsolutePath().normalize();
    }

    public Path root() {
        return root;
    }

    /**
     * Publishes one component's build and returns what is now published for it.
     *
     * @param previous the component's last published build, whose files it may replace, or null
     */
    public BuildRecord publish(String fingerprint, Output srpm, List<Output> rpms, BuildRecord previous)
            throws IOException {
        return publish(fingerprint, srpm, rpms, previous, true);
    }

    /**
     * Publishes a source RPM alone ({@code --srpm-only}), leaving the component's published binary
     * RPMs as they are; the result is not a complete build record.
     */
    public BuildRecord publishSource(Output srpm, BuildRecord previous) throws IOException {
        return publish(null, srpm, List.of(), previous, false);
    }

    /**
     * Keeps the RPMs of {@code component}'s stage-1 build, source RPM included, in {@code
     * bootstrap/<component>/}, out of the channels: they are for the builds that need them, not a
     * release (they usually have the final build's file names), and channels are ignored.
     *
     * @param previous the stage-1 build's last kept build, whose files it may replace, or null
     */
    public BuildRecord keepStage1(
            String component, String fingerprint, Output srpm, List<Output> rpms, BuildRecord previous)
            throws IOException {
        requirePlainName(component, "invalid component name '" + component + "'");
        String directory = BOOTSTRAP + "/" + component + "/";
        List<Placed> placed = new ArrayList<>();
        placed.add(place(srpm, directory + srpm.file().getFileName(), ""));
        for (Output rpm : rpms) {
            placed.add(place(rpm, directory + rpm.file().getFileName(), ""));
        }
        return publish(fingerprint, placed, previous, true);
    }

    private BuildRecord publish(
            String fingerprint, Output srpm, List<Output> rpms, BuildRecord previous, boolean replacesAll)
            throws IOException {
        List<Placed> placed = new ArrayList<>();
        placed.add(place(srpm, "srpms/" + srpm.file().getFileName(), srpm.channel()));
        for (Output rpm : rpms) {
            String channel = rpm.channel();
            if (!channel.isEmpty()) {
                requirePlainName(
                        channel, "package " + rpm.name() + " has the invalid publish channel '" + channel + "'");
            }
            String directory =
                    channel.isEmpty() || channel.equals(PublishChannels.NONE) ? "rpms/" : "rpms/" + channel + "/";
            placed.add(place(rpm, directory + rpm.file().getFileName(), channel));
        }
        return publish(fingerprint, placed, previous, replacesAll);
    }

    /** Places the files (the source RPM first) and removes what the previous build no longer has. */
    private BuildRecord publish(String fingerprint, List<Placed> placed, BuildRecord previous, boolean replacesAll)
            throws IOException {
        Map<String, String> owned = new TreeMap<>();
        if (previous != null) {
            previous.artifacts().forEach(artifact -> owned.put(artifact.path(), artifact.sha256()));
        }
        for (Placed file : placed) {
            Path target = root.resolve(file.path());
            if (Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
                boolean same = Files.isRegularFile(target, LinkOption.NOFOLLOW_LINKS)
                        && sha256(target).equals(file.sha256());
                boolean ours = owned.containsKey(file.path())
                        && Files.isRegularFile(target, LinkOption.NOFOLLOW_LINKS)
                        && sha256(target).equals(owned.get(file.path()));
                if (!same && !ours) {
                    throw new FailureException(Failure.of(
                                    Failure.Kind.FILESYSTEM,
                                    "cannot publish " + file.path() + ": a different file is there, which Keel did not"
                                            + " write for this component")
                            .at(Location.of(target))
                            .withHint("remove it if it is a leftover, or rename the package that collides"));
                }
            }
        }
        for (Placed file : placed) {
            AtomicCopy.copy(root, file.source(), root.resolve(file.path()));
        }
        Set<String> kept = new java.util.HashSet<>();
        placed.forEach(file -> kept.add(file.path()));
        for (Map.Entry<String, String> old : owned.entrySet()) {
            Path file = root.resolve(old.getKey()).normalize();
            if (replacesAll
                    && !kept.contains(old.getKey())
                    && file.startsWith(root)
                    && Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)
                    && sha256(file).equals(old.getValue())) {
                Files.delete(file);
            }
        }
        BuildRecord.Artifact srpmArtifact = placed.get(0).artifact();
        List<BuildRecord.Artifact> rpmArtifacts =
                placed.subList(1, placed.size()).stream().map(Placed::artifact).toList();
        return new BuildRecord(fingerprint, srpmArtifact, rpmArtifacts, List.of());
    }

    /** A file on its way: the build's copy, its place in the output directory, its digest. */
    private record Placed(Path source, String path, String sha256, String name, String channel) {
        BuildRecord.Artifact artifact() {
            return new BuildRecord.Artifact(path, sha256, name, channel);
        }
    }

    private static Placed place(Output output, String path, String channel) throws IOException {
        return new Placed(output.file(), path, sha256(output.file()), output.name(), channel);
    }

    /** Refuses a name that becomes a directory of the output directory unless it is a plain directory name. */
    private static void requirePlainName(String name, String message) throws FailureException {
        if (name.isEmpty()
                || name.equals(".")
                || name.equals("..")
                || name.contains("/")
                || name.contains("\\")
                || name.chars().anyMatch(Character::isISOControl)) {
            throw new FailureException(Failure.of(Failure.Kind.CONFIGURATION, message)
                    .withHint("it names a directory: a plain name, not empty, . or .., without / or \\"));
        }
    }

    /** The hexadecimal SHA-256 of a file. */
    public static String sha256(Path file) throws IOException {
        return Digests.hex("SHA-256", file);
    }
}
