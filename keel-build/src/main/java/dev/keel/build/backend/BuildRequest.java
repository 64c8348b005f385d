package dev.keel.build.backend;

import java.nio.file.Path;
import java.util.List;

/**
 * What to build.
 *
 * @param component the component's name
 * @param sources the prepared sources: the rendered spec and every file it needs
 * @param spec the spec's file name in {@code sources}
 * @param conditionals the build conditionals every rpmbuild of the build gets (none for a normal
 *     build, the bootstrap's for a stage-1 build)
 * @param dependencies the RPM files of the in-distro components this one needs, already built
 * @param workDir a directory the backend owns for this build (created, replaced)
 * @param log the build log, appended to
 * @param srpmOnly build the source RPM only
 * @param noCheck skip the spec's {@code %check}
 */
public record BuildRequest(
        String component,
        Path sources,
        String spec,
        BuildConditionals conditionals,
        List<Path> dependencies,
        Path workDir,
        Path log,
        boolean srpmOnly,
        boolean noCheck) {

    public BuildRequest {
        dependencies = List.copyOf(dependencies);
    }
}
