package dev.keel.cli.demo;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The embedded example installed in a directory: its upstream generated and served on loopback
 * ({@code upstream/}), its project copied beside it ({@code project/}) and pointed at that upstream.
 */
public final class ExampleDistro implements AutoCloseable {

    /** The dist-git address the example project is written with. */
    private static final String EXAMPLE_URI = "git://127.0.0.1:9418/";

    /** The lookaside address the example project is written with. */
    private static final String EXAMPLE_LOOKASIDE = "http://127.0.0.1:9419/lookaside/";

    private static final String DISTRO_FILE = "distro/upstream.distro.toml";

    private final ExampleUpstream upstream;
    private final Path project;

    private ExampleDistro(ExampleUpstream upstream, Path project) {
        this.upstream = upstream;
        this.project = project;
    }

    /**
     * Installs the example under {@code root} and starts serving its upstream: git on {@code
     * preferredPort} and the lookaside on the next port when they are free (any ports otherwise;
     * 0 asks for any).
     */
    public static ExampleDistro install(Path root, int preferredPort) throws IOException {
        Path upstreamSource = root.resolve("upstream-source");
        EmbeddedExample.copy("upstream", upstreamSource);
        ExampleUpstream upstream = ExampleUpstream.serve(
                upstreamSource, root.resolve("upstream"), preferredPort, preferredPort == 0 ? 0 : preferredPort + 1);
        try {
            Path project = root.resolve("project");
            EmbeddedExample.copy("project", project);
            Path distro = project.resolve(DISTRO_FILE);
            Files.writeString(
                    distro,
                    Files.readString(distro)
                            .replace(EXAMPLE_URI, upstream.baseUri())
                            .replace(EXAMPLE_LOOKASIDE, upstream.lookasideUri()));
            return new ExampleDistro(upstream, project);
        } catch (IOException | RuntimeException e) {
            upstream.close();
            throw e;
        }
    }

    /** The example project's directory. */
    public Path project() {
        return project;
    }

    /** Where the upstream dist-git is served. */
    public String upstreamUri() {
        return upstream.baseUri();
    }

    /** Where the upstream lookaside is served. */
    public String lookasideUri() {
        return upstream.lookasideUri();
    }

    @Override
    public void close() {
        upstream.close();
    }
}
