package dev.keel.audit.attest;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/** Where the files a component's last build published are: the builder keeps that record, not this module. */
@FunctionalInterface
public interface BuiltOutputs {

    /** No build: attestations and SBOMs of the rendered files only. */
    BuiltOutputs NONE = component -> new NotBuilt();

    /** What the output directory holds of the component's last complete build. */
    LastBuild of(String component) throws IOException;

    /** What the output directory holds of a component's last complete build. */
    sealed interface LastBuild {}

    /** No complete build of the component is recorded. */
    record NotBuilt() implements LastBuild {}

    /**
     * The build's files, all still there as it published them.
     *
     * @param files absolute paths, the source RPM first (never empty)
     */
    record Published(List<Path> files) implements LastBuild {
        public Published {
            files = List.copyOf(files);
            if (files.isEmpty()) {
                throw new IllegalArgumentException("a published build has a source RPM");
            }
        }
    }

    /**
     * A build is recorded, but its files are not all as it published them, so they are not read.
     *
     * @param problems one sentence per file that is not (missing, changed, a link or a directory in
     *     its place, a path that leads out of the output directory), naming it
     */
    record Damaged(List<String> problems) implements LastBuild {
        public Damaged {
            problems = List.copyOf(problems);
            if (problems.isEmpty()) {
                throw new IllegalArgumentException("a damaged build says what is wrong with it");
            }
        }
    }
}
