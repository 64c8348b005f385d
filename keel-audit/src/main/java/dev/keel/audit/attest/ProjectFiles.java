package dev.keel.audit.attest;

import dev.keel.core.config.Confinement;
import dev.keel.core.config.Location;
import dev.keel.core.io.Digests;
import dev.keel.core.io.FileErrors;
import dev.keel.core.io.InputFiles;
import dev.keel.core.outcome.Failure;
import dev.keel.core.outcome.FailureException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The project's files as attestations name them: by their path relative to the project
 * directory, with {@code /}, and their SHA-256 (each file hashed once per run, however many
 * components read it). A file outside the project, directly or through a link, has no name.
 */
final class ProjectFiles {

    private final Path root;
    private final Map<Path, String> digests = new ConcurrentHashMap<>();

    ProjectFiles(Path root) {
        this.root = root.toAbsolutePath().normalize();
    }

    Path root() {
        return root;
    }

    /** The project-relative name of {@code file}. */
    String name(Path file) throws FailureException {
        Path absolute = file.toAbsolutePath().normalize();
        if (!Confinement.isInside(root, absolute)) {
            throw new FailureException(Failure.of(
                            Failure.Kind.CONFIGURATION,
                            "an input is outside the project directory, so no path names it")
                    .at(Location.of(absolute))
                    .withHint("keep the project's inputs inside its directory"));
        }
        return root.relativize(absolute).toString().replace('\\', '/');
    }

    /** The file's SHA-256, hex. */
    String sha256(Path file) throws FailureException {
        Path absolute = file.toAbsolutePath().normalize();
        String known = digests.get(absolute);
        if (known == null) {
            try {
                InputFiles.requireRegular(absolute);
                known = Digests.hex("SHA-256", absolute);
            } catch (IOException e) {
                throw new FailureException(Failure.of(Failure.Kind.FILESYSTEM, FileErrors.cannotRead("an input", e))
                        .at(Location.of(absolute)));
            }
            digests.put(absolute, known);
        }
        return known;
    }

    /**
     * Why a name from an attestation is not a relative path inside the project ({@code an absolute
     * path}, {@code a '..' segment}...), or empty when it is one.
     */
    static Optional<String> unsafeName(String name) {
        if (name == null || name.isEmpty()) {
            return Optional.of("no name");
        }
        if (name.startsWith("/")) {
            return Optional.of("an absolute path");
        }
        if (name.indexOf('\\') >= 0) {
            return Optional.of("a backslash in the path");
        }
        if (name.chars().anyMatch(Character::isISOControl)) {
            return Optional.of("a control character in the path");
        }
        for (String segment : name.split("/", -1)) {
            if (segment.equals("..")) {
                return Optional.of("a '..' in the path");
            }
            if (segment.isEmpty() || segment.equals(".")) {
                return Optional.of("an empty or '.' segment in the path");
            }
        }
        return Optional.empty();
    }

    /** The file as a resource: its name and SHA-256. */
    ResourceDescriptor describe(Path file) throws FailureException {
        return ResourceDescriptor.file(name(file), sha256(file));
    }
}
