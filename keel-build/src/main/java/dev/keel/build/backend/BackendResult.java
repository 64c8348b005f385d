package dev.keel.build.backend;

import dev.keel.core.outcome.Failure;
import java.nio.file.Path;
import java.util.List;

/**
 * What a backend built: the source RPM and the binary RPMs (in the backend's work directory), or
 * the failure; with notes either way.
 *
 * @param srpm the source RPM, or null when the build failed before it
 * @param rpms the binary RPMs, sorted (empty for a source-only build or a failure)
 * @param notes what the build wants said (build requirements it could not check, ...)
 * @param failure why the build failed, or null
 */
public record BackendResult(Path srpm, List<Path> rpms, List<String> notes, Failure failure) {

    public BackendResult {
        rpms = rpms.stream().sorted().toList();
        notes = List.copyOf(notes);
    }

    public static BackendResult built(Path srpm, List<Path> rpms, List<String> notes) {
        return new BackendResult(srpm, rpms, notes, null);
    }

    public static BackendResult failed(Failure failure, List<String> notes) {
        return new BackendResult(null, List.of(), notes, failure);
    }

    public boolean succeeded() {
        return failure == null;
    }
}
