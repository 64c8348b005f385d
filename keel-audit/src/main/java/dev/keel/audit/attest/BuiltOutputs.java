package dev.keel.audit.attest;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** Where the files a component's last build published are: the builder keeps that record, not this module. */
@FunctionalInterface
public interface BuiltOutputs {

    /** No build: attestations of the rendered files only. */
    BuiltOutputs NONE = component -> Optional.empty();

    /**
     * The files the component's last complete build published (absolute paths, the source RPM
     * first), when they are all still there as it wrote them; empty when it has no such build.
     */
    Optional<List<Path>> of(String component) throws IOException;
}
