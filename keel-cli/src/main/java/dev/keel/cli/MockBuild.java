package dev.keel.cli;

import dev.keel.build.backend.BuildTarget;
import dev.keel.build.mock.MockBackend;
import dev.keel.build.tool.HostArch;
import dev.keel.core.config.Project;
import dev.keel.core.outcome.Failure;
import dev.keel.core.outcome.FailureException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/** {@code component build --backend mock}: mock with the mock configuration of the project's distro version. */
final class MockBuild {

    /** The mock program to run instead of {@code mock} from the search path, an absolute path: for tests only. */
    static final String EXECUTABLE_PROPERTY = "keel.mock.executable";

    private MockBuild() {}

    /** The mock program. */
    static String executable() {
        return System.getProperty(EXECUTABLE_PROPERTY, "mock");
    }

    /** The backend of the project's default distro version, for the host's architecture. */
    static MockBackend backend(Project project, List<Path> localRepos) throws IOException {
        BuildTarget target = BuildTarget.of(project)
                .orElseThrow(() -> new FailureException(Failure.of(
                                Failure.Kind.CONFIGURATION,
                                "--backend mock builds with the mock configuration of the project's default-distro,"
                                        + " and the project has none")
                        .withHint("set default-distro = { name = \"NAME\", version = \"VERSION\" } in [project]")));
        return new MockBackend(MockBackend.Options.of(project, target, HostArch.rpm(), executable(), localRepos));
    }
}
