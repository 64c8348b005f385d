package dev.keel.core.render;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keel.core.config.Project;
import dev.keel.core.config.ProjectLoader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The rendered tree accounted for: rendered now, not rendered, or stale. */
class RenderEvidenceTest {

    private static final String SPEC = """
            Name: %s
            Version: 1.0
            Release: 1%%{?dist}
            Summary: A demo
            License: MIT

            %%description
            A demo.

            %%files
            """;

    @TempDir
    Path dir;

    private Project project;
    private SpecSnapshot snapshot;
    private Path specs;

    @BeforeEach
    void render() throws Exception {
        Files.writeString(dir.resolve("azldev.toml"), """
                [project]
                default-distro = { name = "fedora", version = "43" }
                [distros.fedora]
                default-version = "43"
                [distros.fedora.versions.43]
                release-ver = "43"
                [components.demo]
                [[components.demo.overlays]]
                type = "spec-add-tag"
                tag = "Provides"
                value = "greeting"
                [components.gone]
                [components.broken]
                [[components.broken.overlays]]
                type = "spec-update-tag"
                tag = "Vendor"
                value = "us"
                """);
        project = new ProjectLoader(false).load(dir.resolve("azldev.toml"));
        Path upstream = Files.createDirectories(dir.resolve("upstream"));
        Files.writeString(upstream.resolve("demo.spec"), SPEC.formatted("demo"));
        Files.writeString(upstream.resolve("broken.spec"), SPEC.formatted("broken"));
        snapshot = SpecSnapshot.open(upstream);
        specs = dir.resolve("specs");
        new RenderPipeline(
                        project,
                        snapshot,
                        new RenderPipeline.Options(specs, false, true, false, 1, dir.resolve("cache")))
                .run(project.components().values(), result -> {});
    }

    private List<RenderEvidence.Result> results() throws IOException, InterruptedException {
        List<RenderEvidence.Result> results = new ArrayList<>();
        new RenderEvidence(project, snapshot, specs).each(project.components().values(), 2, r -> r, results::add);
        return results;
    }

    @Test
    void aCurrentComponentComesWithItsPlanAndChanges() throws Exception {
        RenderEvidence.Rendered demo = (RenderEvidence.Rendered) results().get(1);

        assertThat(demo.component()).isEqualTo("demo");
        assertThat(demo.changes()).extracting(EditTrail.Change::name).containsExactly("overlay 1", "render: header");
        assertThat(demo.rendered().files()).containsOnlyKeys("demo.spec");
        assertThat(demo.source()).isSameAs(snapshot);
    }

    @Test
    void componentsWithoutASpecInTheTreeAreNotRendered() throws Exception {
        List<RenderEvidence.Result> results = results();

        assertThat(results.get(0)).isInstanceOf(RenderEvidence.NotRendered.class);
        assertThat(((RenderEvidence.NotRendered) results.get(0)).reason()).contains("Vendor");
        assertThat(results.get(2)).isEqualTo(new RenderEvidence.NotRendered("gone", "no upstream spec gone.spec"));
    }

    @Test
    void aTreeThatDiffersFromTheRenderIsStale() throws Exception {
        Path spec = specs.resolve("d/demo/demo.spec");
        Files.writeString(spec, Files.readString(spec).replace("Version: 1.0", "Version: 1.1"));
        Files.createDirectories(specs.resolve("g/gone"));
        Files.writeString(specs.resolve("g/gone/gone.spec"), "Name: gone\n");

        List<RenderEvidence.Result> results = results();

        assertThat(results.get(1)).isInstanceOf(RenderEvidence.Stale.class);
        assertThat(((RenderEvidence.Stale) results.get(1)).files()).containsExactly("demo.spec");
        assertThat(((RenderEvidence.Stale) results.get(2)).files()).containsExactly("gone.spec");
    }
}
