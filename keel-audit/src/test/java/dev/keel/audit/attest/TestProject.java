package dev.keel.audit.attest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keel.core.config.Project;
import dev.keel.core.config.ProjectLoader;
import dev.keel.core.render.RenderPipeline;
import dev.keel.core.render.SpecSnapshot;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A small project rendered for real: {@code curl} from a spec snapshot with a patch overlay and a
 * downloaded source file (its address carrying credentials), {@code hello} a local spec, {@code
 * ghost} with no upstream spec.
 */
final class TestProject {

    static final String SOURCE_SHA512 = "ab".repeat(64);

    static final String CONFIG = """
            [project]
            default-distro = { name = "fedora", version = "43" }

            [distros.fedora]
            default-version = "43"

            [distros.fedora.versions.43]
            release-ver = "43"

            [components.curl]

            [[components.curl.overlays]]
            description = "Vendor tag"
            type = "spec-add-tag"
            tag = "Vendor"
            value = "Keel"

            [[components.curl.overlays]]
            description = "Our fix"
            type = "patch-add"
            source = "patches/curl-fix.patch"

            [[components.curl.source-files]]
            filename = "curl-1.0.tar.gz"
            hash = "%s"
            hash-type = "SHA512"
            origin = { type = "download", uri = "https://builder:s3cret@downloads.example.org/curl/$filename" }

            [components.ghost]

            [components.hello]
            spec = { type = "local", path = "local/hello/hello.spec" }
            """.formatted(SOURCE_SHA512);

    final Path root;
    final Path snapshot;
    final Path cache;

    private TestProject(Path root, Path snapshot, Path cache) {
        this.root = root;
        this.snapshot = snapshot;
        this.cache = cache;
    }

    /** Writes the project under {@code dir/name} and its snapshot and cache beside it. */
    static TestProject create(Path dir, String name) throws IOException {
        TestProject project =
                new TestProject(dir.resolve(name), dir.resolve(name + "-snapshot"), dir.resolve(name + "-cache"));
        writeFile(project.root.resolve("azldev.toml"), CONFIG);
        writeFile(project.root.resolve("patches/curl-fix.patch"), "--- a/lib/url.c\n+++ b/lib/url.c\n");
        writeFile(
                project.root.resolve("local/hello/hello.spec"),
                spec("hello").replace("Source0:", "Source1: hello.conf\nSource0:"));
        writeFile(project.root.resolve("local/hello/hello.conf"), "greeting=hi\n");
        writeFile(project.snapshot.resolve("curl.spec"), spec("curl"));
        return project;
    }

    static String spec(String name) {
        return """
                Name:           %1$s
                Version:        1.0
                Release:        1%%{?dist}
                Summary:        The %1$s package
                License:        MIT
                Source0:        https://example.org/%1$s-1.0.tar.gz

                %%description
                The %1$s package.

                %%files
                /usr/bin/%1$s
                """.formatted(name);
    }

    static void writeFile(Path file, String text) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
    }

    Project load() {
        return new ProjectLoader(false).load(root.resolve("azldev.toml"));
    }

    SpecSnapshot upstream() throws IOException {
        return SpecSnapshot.open(snapshot);
    }

    /** Renders every component into the project's rendered-specs directory. */
    TestProject render() throws Exception {
        Project project = load();
        RenderPipeline.Report report = new RenderPipeline(
                        project, upstream(), new RenderPipeline.Options(null, false, true, false, 2, cache))
                .run(project.components().values(), result -> {});
        assertThat(report.failed()).isFalse();
        return this;
    }

    /** Every component's attestation, by component. */
    Map<String, Attestation> attest(BuiltOutputs built, int jobs) throws Exception {
        Project project = load();
        List<Attestation> attestations = new Attestor(project, upstream(), built, new Attestor.Options("1.2.3", jobs))
                .attest(project.components().values());
        Map<String, Attestation> byName = new TreeMap<>();
        attestations.forEach(attestation -> byName.put(attestation.component(), attestation));
        return byName;
    }

    Map<String, Attestation> attest() throws Exception {
        return attest(BuiltOutputs.NONE, 2);
    }

    Statement statement(String component) throws Exception {
        Attestation attestation = attest().get(component);
        assertThat(attestation.outcome().key()).as("%s", attestation.outcome()).isEqualTo("ok");
        return attestation.statement().orElseThrow();
    }
}
