package dev.keel.core.render;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keel.core.autospec.ProjectChange;
import dev.keel.core.config.Project;
import dev.keel.core.config.ProjectLoader;
import dev.keel.core.config.ResolvedComponent;
import dev.keel.core.overlay.SourceFile;
import dev.keel.core.overlay.SourceTree;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A plan's edits one change at a time: Keel's steps and each overlay, adding up to what render edits. */
class EditTrailTest {

    private static final String PROJECT = """
            [project]
            default-distro = { name = "fedora", version = "43" }

            [distros.fedora]
            default-version = "43"

            [distros.fedora.versions.43]
            release-ver = "43"

            """;

    private static final String SPEC = """
            Name:           demo
            Version:        1.0
            Release:        1%{?dist}
            Summary:        A demo
            License:        MIT
            URL: https://example.org/demo
            Source1:        demo.conf

            %description
            A demo.

            %build
            make CFLAGS="%{optflags}"

            %check
            make test

            %files
            /usr/bin/demo
            """;

    @TempDir
    Path dir;

    private Project project(String components) throws IOException {
        Files.writeString(dir.resolve("azldev.toml"), PROJECT + components);
        return new ProjectLoader(false).load(dir.resolve("azldev.toml"));
    }

    private static SourceTree upstream(Map<String, byte[]> extra) {
        Map<String, SourceFile> files = new TreeMap<>();
        files.put("demo.spec", new SourceFile(SPEC.getBytes(StandardCharsets.UTF_8), false));
        files.put("demo.conf", new SourceFile("greeting = Hello\n".getBytes(StandardCharsets.UTF_8), false));
        extra.forEach((path, content) -> files.put(path, new SourceFile(content, false)));
        return SourceTree.of(files);
    }

    private List<EditTrail.Change> trail(Project project, RenderInput input) throws Exception {
        ResolvedComponent component = project.components().get("demo");
        RenderPlan plan = new ComponentRenderer(project).plan(component, input);
        return EditTrail.of(plan, input.upstream(), Optional.empty(), project.root())
                .changes();
    }

    private static final String OVERLAYS = """
            [components.demo]
            build = { defines = { vendor = "Example" }, check = { skip = true, skip_reason = "no test tools" } }

            [[components.demo.overlays]]
            type = "spec-add-tag"
            tag = "Provides"
            value = "greeting"

            [[components.demo.overlays]]
            type = "file-search-replace"
            file = "demo.conf"
            regex = "Hello"
            replacement = "Hi"

            [[components.demo.overlays]]
            description = "Already what we want: changes nothing"
            type = "spec-set-tag"
            tag = "URL"
            value = "https://example.org/demo"

            [[components.demo.overlays]]
            type = "file-add"
            file = "notes.txt"
            source = "notes.txt"
            """;

    @Test
    void keelsStepsAndEachOverlayAreChangesInTheOrderTheyApply() throws Exception {
        Files.writeString(dir.resolve("notes.txt"), "our notes\n");
        Project project = project(OVERLAYS);
        List<EditTrail.Change> changes = trail(project, RenderInput.of(upstream(Map.of()), false));

        assertThat(changes)
                .extracting(EditTrail.Change::name)
                .containsExactly(
                        "render: macros file",
                        "overlay 1",
                        "overlay 2",
                        "overlay 3",
                        "overlay 4",
                        "build.check.skip",
                        "render: header");
        assertThat(changes.get(0).overlay()).isEmpty();
        assertThat(changes.get(1).overlay().orElseThrow().index()).isZero();
        for (int i = 1; i < changes.size(); i++) {
            assertThat(changes.get(i).before()).isEqualTo(changes.get(i - 1).after());
        }
    }

    @Test
    void theChangesAddUpToWhatRenderEdits() throws Exception {
        Files.writeString(dir.resolve("notes.txt"), "our notes\n");
        Project project = project(OVERLAYS);
        RenderInput input = RenderInput.of(upstream(Map.of()), false);
        ComponentRenderer renderer = new ComponentRenderer(project);
        RenderPlan plan = renderer.plan(project.components().get("demo"), input);

        List<EditTrail.Change> changes = EditTrail.of(plan, input.upstream(), Optional.empty(), project.root())
                .changes();

        assertThat(changes.get(0).before()).isEqualTo(input.upstream());
        assertThat(changes.get(changes.size() - 1).after())
                .isEqualTo(renderer.edited(plan, input).tree());
    }

    @Test
    void onePassGivesTheChangesThatApplyingThePlanUpToEachGives() throws Exception {
        Files.writeString(dir.resolve("notes.txt"), "our notes\n");
        Project project = project(OVERLAYS);
        RenderInput input = RenderInput.of(upstream(Map.of()), false);
        RenderPlan plan =
                new ComponentRenderer(project).plan(project.components().get("demo"), input);

        EditTrail.Trail onePassTrail = EditTrail.inOnePass(plan, input.upstream(), Optional.empty(), project.root());
        List<EditTrail.Change> onePass = onePassTrail.changes();
        EditTrail.Trail byPrefixesTrail =
                EditTrail.byPrefixes(plan, input.upstream(), Optional.empty(), project.root());
        List<EditTrail.Change> byPrefixes = byPrefixesTrail.changes();

        assertThat(onePass).hasSize(7).isEqualTo(byPrefixes);
        assertThat(onePassTrail.edited().tree())
                .isEqualTo(byPrefixesTrail.edited().tree());
        assertThat(onePassTrail.edited().archiveDigests())
                .isEqualTo(byPrefixesTrail.edited().archiveDigests());
        assertThat(onePass)
                .extracting(EditTrail.Change::diff)
                .isEqualTo(byPrefixes.stream().map(EditTrail.Change::diff).toList());
    }

    @Test
    void aRenderFinishedFromTheTrailIsTheRender() throws Exception {
        Files.writeString(dir.resolve("notes.txt"), "our notes\n");
        Project project = project(OVERLAYS);
        RenderInput input = RenderInput.of(upstream(Map.of()), false);
        ComponentRenderer renderer = new ComponentRenderer(project);
        ResolvedComponent component = project.components().get("demo");
        RenderPlan plan = renderer.plan(component, input);

        EditTrail.Trail trail = EditTrail.of(plan, input.upstream(), Optional.empty(), project.root());
        EditTrail.Trail fromParsed = EditTrail.of(
                plan, input.upstream(), Optional.of(ComponentRenderer.upstreamSpec(component, input)), project.root());

        assertThat(renderer.render(component, input, plan, trail)).isEqualTo(renderer.render(component, input));
        assertThat(renderer.render(component, input, plan, fromParsed)).isEqualTo(renderer.render(component, input));
        assertThat(fromParsed.changes()).isEqualTo(trail.changes());
    }

    @Test
    void eachDiffHoldsOnlyItsOwnChange() throws Exception {
        Files.writeString(dir.resolve("notes.txt"), "our notes\n");
        List<EditTrail.Change> changes = trail(project(OVERLAYS), RenderInput.of(upstream(Map.of()), false));

        assertThat(changes.get(1).diff())
                .startsWith("--- a/demo.spec\n+++ b/demo.spec\n@@ ")
                .contains("+Provides: greeting\n")
                .doesNotContain("Keel")
                .doesNotContain("+++ b/demo.conf");
        assertThat(changes.get(2).diff()).isEqualTo("""
                        --- a/demo.conf
                        +++ b/demo.conf
                        @@ -1,1 +1,1 @@
                        -greeting = Hello
                        +greeting = Hi
                        """);
        assertThat(changes.get(3).changed()).isFalse();
        assertThat(changes.get(3).diff()).isEmpty();
        assertThat(changes.get(4).diff()).isEqualTo("""
                        --- /dev/null
                        +++ b/notes.txt
                        @@ -0,0 +1,1 @@
                        +our notes
                        """);
        assertThat(changes.get(0).diff()).contains("+++ b/demo.azl.macros").contains("+%{load:%{_sourcedir}/");
        assertThat(changes.get(5).diff()).contains("%check\n+");
        assertThat(changes.get(6).diff()).contains("+# This spec file has been modified by Keel");
    }

    @Test
    void keelsStepsThatChangeNothingAreLeftOut() throws Exception {
        Project project =
                project("[components.demo]\nbuild = { check = { skip = true, skip_reason = \"no test tools\" } }\n");
        String noCheck = SPEC.replace("%check\nmake test\n\n", "");
        SourceTree upstream =
                SourceTree.of(Map.of("demo.spec", new SourceFile(noCheck.getBytes(StandardCharsets.UTF_8), false)));

        List<EditTrail.Change> changes = trail(project, RenderInput.of(upstream, false));

        assertThat(changes).extracting(EditTrail.Change::name).containsExactly("render: header");
    }

    @Test
    void theReleaseBumpIsAChangeOfItsOwn() throws Exception {
        Project project = project("[components.demo]\n");
        ProjectChange change = new ProjectChange("abc", "A", "a@example.org", Instant.EPOCH, "Change the demo", "def");
        RenderInput input = new RenderInput(upstream(Map.of()), false, Optional.empty(), List.of(change), null, false);

        List<EditTrail.Change> changes = trail(project, input);

        assertThat(changes)
                .extracting(EditTrail.Change::name)
                .containsExactly("render: release bump", "render: header");
        assertThat(changes.get(0).diff())
                .contains("-Release:        1%{?dist}\n")
                .contains("+Release: 2%{?dist}\n");
    }

    @Test
    void binaryFilesAndModesAreNamedNotPrinted() throws Exception {
        Files.write(dir.resolve("logo.png"), new byte[] {(byte) 0x89, 'P', 'N', 'G', 0, 1, 2});
        Project project = project("""
                [components.demo]

                [[components.demo.overlays]]
                type = "file-add"
                file = "logo.png"
                source = "logo.png"
                """);

        List<EditTrail.Change> changes = trail(project, RenderInput.of(upstream(Map.of()), false));

        assertThat(changes.get(0).diff()).isEqualTo("Binary files /dev/null and b/logo.png differ\n");
    }
}
