package dev.keel.cli.demo;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The embedded example installed in a directory: its upstream generated into {@code upstream/}
 * and its project copied beside it ({@code project/}), pointed at that upstream: with {@code file}
 * URLs, so the project works as long as the directory exists, or at the upstream served on loopback.
 */
public final class ExampleDistro implements AutoCloseable {

    /** The dist-git address the example project is written with. */
    private static final String EXAMPLE_URI = "git://127.0.0.1:9418/$pkg.git";

    /** The lookaside address the example project is written with. */
    private static final String EXAMPLE_LOOKASIDE = "http://127.0.0.1:9419/lookaside/$pkg/$filename";

    /** The address of the upstream's binary repository the example project is written with. */
    private static final String EXAMPLE_RUNTIME = "http://127.0.0.1:9420/runtime";

    private static final String DISTRO_FILE = "distro/upstream.distro.toml";

    private final Optional<ExampleUpstream> served;
    private final Path project;
    private final String upstreamUri;
    private final String lookasideUri;

    private ExampleDistro(Optional<ExampleUpstream> served, Path project, String upstreamUri, String lookasideUri) {
        this.served = served;
        this.project = project;
        this.upstreamUri = upstreamUri;
        this.lookasideUri = lookasideUri;
    }

    /** Installs the example under {@code root}, its project reading the upstream with {@code file} URLs. */
    public static ExampleDistro install(Path root) throws IOException {
        Path upstream = generate(root);
        return copyProject(
                root,
                Optional.empty(),
                ExampleUpstream.localBaseUri(upstream),
                ExampleUpstream.localLookasideUri(upstream));
    }

    /**
     * Installs the example under {@code root} and serves its upstream: git on {@code preferredPort}
     * and the lookaside on the next port when they are free (any ports otherwise; 0 asks for any).
     */
    public static ExampleDistro serve(Path root, int preferredPort) throws IOException {
        ExampleUpstream upstream =
                ExampleUpstream.serve(generate(root), preferredPort, preferredPort == 0 ? 0 : preferredPort + 1);
        try {
            return copyProject(root, Optional.of(upstream), upstream.baseUri(), upstream.lookasideUri());
        } catch (IOException | RuntimeException e) {
            upstream.close();
            throw e;
        }
    }

    private static Path generate(Path root) throws IOException {
        Path source = root.resolve("upstream-source");
        EmbeddedExample.copy("upstream", source);
        Path upstream = root.resolve("upstream");
        ExampleUpstream.generate(source, upstream);
        return upstream;
    }

    private static ExampleDistro copyProject(
            Path root, Optional<ExampleUpstream> served, String upstreamUri, String lookasideUri) throws IOException {
        Path project = root.resolve("project");
        EmbeddedExample.copy("project", project);
        Path distro = project.resolve(DISTRO_FILE);
        Files.writeString(
                distro,
                Files.readString(distro)
                        .replace(EXAMPLE_URI, upstreamUri)
                        .replace(EXAMPLE_LOOKASIDE, lookasideUri)
                        .replace(
                                EXAMPLE_RUNTIME, runtimeRepository(root).toUri().toString()));
        return new ExampleDistro(served, project, upstreamUri, lookasideUri);
    }

    /**
     * Where {@link UpstreamRuntime} builds the upstream's binary repository under {@code root},
     * which the installed project names as its rpm-build input.
     */
    public static Path runtimeRepository(Path root) {
        return root.toAbsolutePath().resolve("runtime");
    }

    /** The example project's directory. */
    public Path project() {
        return project;
    }

    /** The upstream dist-git's URL template ({@code $pkg}). */
    public String upstreamUri() {
        return upstreamUri;
    }

    /** The upstream lookaside's URL template ({@code $pkg}, {@code $filename}). */
    public String lookasideUri() {
        return lookasideUri;
    }

    /** Stops serving the upstream, if it is served; the project then reaches it no more. */
    @Override
    public void close() {
        served.ifPresent(ExampleUpstream::close);
    }
}
