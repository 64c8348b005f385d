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

    private static final String DISTRO_FILE = "distro/upstream.distro.toml";

    private final ExampleUpstream upstream;
    private final Path project;

    private ExampleDistro(ExampleUpstream upstream, Path project) {
        this.upstream = upstream;
        this.project = project;
    }

    /** Installs the example under {@code root} and starts serving its upstream. */
    public static ExampleDistro install(Path root, int preferredPort) throws IOException {
        Path upstreamSource = root.resolve("upstream-source");
        EmbeddedExample.copy("upstream", upstreamSource);
        ExampleUpstream upstream = ExampleUpstream.serve(upstreamSource, root.resolve("upstream"), preferredPort);
        try {
            Path project = root.resolve("project");
            EmbeddedExample.copy("project", project);
            Path distro = project.resolve(DISTRO_FILE);
            Files.writeString(distro, Files.readString(distro).replace(EXAMPLE_URI, upstream.baseUri()));
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

    /** Where the upstream is served. */
    public String upstreamUri() {
        return upstream.baseUri();
    }

    @Override
    public void close() {
        upstream.close();
    }
}
