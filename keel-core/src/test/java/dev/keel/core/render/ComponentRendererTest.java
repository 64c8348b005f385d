package dev.keel.core.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.keel.core.config.Location;
import dev.keel.core.config.Project;
import dev.keel.core.config.ProjectLoader;
import dev.keel.core.config.ResolvedComponent;
import dev.keel.core.outcome.Failure;
import dev.keel.core.overlay.SourceFile;
import dev.keel.core.overlay.SourceTree;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What one component renders to: the spec edits in their order, the macros, sources and sidecar files. */
class ComponentRendererTest {

    private static final String PROJECT = """
            [project]
            default-distro = { name = "fedora", version = "43" }

            [distros.fedora]
            default-version = "43"

            [distros.fedora.versions.43]
            release-ver = "43"

            [components.demo]
            """;

    private static final String SPEC = """
            Name:           demo
            Version:        1.0
            Release:        1%{?dist}
            Summary:        A demo
            License:        MIT
            Source0:        https://example.org/releases/demo-%{version}.tar.gz
            Source1:        demo.conf
            Patch0:         demo-fix.patch

            %description
            A demo.

            %prep
            %autosetup

            %check
            make test

            %files
            /usr/bin/demo
            """;

    private static final String HEADER = """
            # This spec file has been modified by Keel to include build configuration overlays.
            # Do not edit manually; changes may be overwritten.

            """;

    private static final String LOAD_BLOCK = """
            # All specs with overlays include this macro file, irrespective of whether new macros have been added.
            %{load:%{_sourcedir}/demo.azl.macros}

            """;

    private static final String SHA_A = "a".repeat(128);
    private static final String SHA_B = "b".repeat(128);
    private static final String SHA_C = "c".repeat(64);
    private static final String MD5 = "0123456789abcdef0123456789abcdef";

    @TempDir
    Path dir;

    // ------------------------------------------------------------------ helpers

    private Project project(String componentToml) throws IOException {
        Files.writeString(dir.resolve("azldev.toml"), PROJECT + componentToml);
        return new ProjectLoader(false).load(dir.resolve("azldev.toml"));
    }

    private RenderedComponent render(String componentToml, Map<String, String> upstream) throws Exception {
        Project project = project(componentToml);
        return renderer(project).render(project.components().get("demo"), RenderInput.of(tree(upstream), false));
    }

    private RenderedComponent render(String componentToml) throws Exception {
        return render(componentToml, Map.of("demo.spec", SPEC));
    }

    private static ComponentRenderer renderer(Project project) {
        return new ComponentRenderer(project);
    }

    private static SourceTree tree(Map<String, String> files) {
        Map<String, SourceFile> tree = new TreeMap<>();
        files.forEach((name, text) -> tree.put(name, new SourceFile(text.getBytes(StandardCharsets.UTF_8), false)));
        return SourceTree.of(tree);
    }

    private static String text(RenderedComponent rendered, String file) {
        assertThat(rendered.files()).containsKey(file);
        return new String(rendered.files().get(file).content(), StandardCharsets.UTF_8);
    }

    private static Map<String, String> withSpec(String... pathsAndContents) {
        Map<String, String> files = new LinkedHashMap<>();
        files.put("demo.spec", SPEC);
        for (int i = 0; i < pathsAndContents.length; i += 2) {
            files.put(pathsAndContents[i], pathsAndContents[i + 1]);
        }
        return files;
    }

    private RenderException renderFails(String componentToml, Map<String, String> upstream) throws IOException {
        Project project = project(componentToml);
        ResolvedComponent component = project.components().get("demo");
        RenderException thrown = catchThrowableOfType(
                RenderException.class,
                () -> renderer(project).render(component, RenderInput.of(tree(upstream), false)));
        assertThat(thrown).as("the render should fail").isNotNull();
        return thrown;
    }

    // ------------------------------------------------------------------ header

    @Test
    void withoutConfigurationTheSpecGetsOnlyTheHeaderBlock() throws Exception {
        RenderedComponent rendered = render("");
        assertThat(text(rendered, "demo.spec")).isEqualTo(HEADER + SPEC);
        assertThat(rendered.files()).containsOnlyKeys("demo.spec");
        assertThat(rendered.notes()).isEmpty();
    }

    @Test
    void headerBlockIsFirstEvenWhenAnOverlayPrependsToTheTopOfTheSpec() throws Exception {
        RenderedComponent rendered = render("""
                [[components.demo.overlays]]
                type = "spec-prepend-lines"
                lines = ["%global user_macro 1"]
                """);
        assertThat(text(rendered, "demo.spec")).isEqualTo(HEADER + "%global user_macro 1\n" + SPEC);
    }

    // ------------------------------------------------------------------ macros

    @Test
    void macrosFileHoldsWithWithoutAndDefinesSortedMinusUndefines() throws Exception {
        RenderedComponent rendered = render("""
                [components.demo.build]
                with = ["zlib", "bootstrap"]
                without = ["docs", "tests"]
                defines = { dist = ".azl4", _with_zlib = "2", vendor = "Keel Project" }
                undefines = ["_without_tests"]
                """);
        assertThat(text(rendered, "demo.azl.macros")).isEqualTo("""
                        # Macros file automatically generated by Keel.
                        # Do not edit manually; changes will be overwritten.
                        %_with_bootstrap 1
                        %_with_zlib 2
                        %_without_docs 1
                        %dist .azl4
                        %vendor Keel Project
                        """);
    }

    @Test
    void macrosFileIsLoadedAtTheTopAndListedAsSource9999() throws Exception {
        RenderedComponent rendered = render("build = { with = [\"docs\"] }\n");
        String expected = HEADER
                + LOAD_BLOCK
                + SPEC.replace(
                        "Source1:        demo.conf\n", "Source1:        demo.conf\nSource9999: demo.azl.macros\n");
        assertThat(text(rendered, "demo.spec")).isEqualTo(expected);
        assertThat(text(rendered, "demo.azl.macros")).endsWith("\n%_with_docs 1\n");
        assertThat(rendered.files()).containsOnlyKeys("demo.spec", "demo.azl.macros");
    }

    @Test
    void noMacrosMeansNoFileNoLoadBlockAndNoSourceTag() throws Exception {
        // an undefine that cancels the only macro leaves nothing to write
        RenderedComponent rendered = render("build = { with = [\"docs\"], undefines = [\"_with_docs\"] }\n");
        assertThat(rendered.files()).containsOnlyKeys("demo.spec");
        assertThat(text(rendered, "demo.spec")).isEqualTo(HEADER + SPEC);
    }

    @Test
    void azldevTextsWordTheHeaderAndTheMacrosCommentsExactlyAsAzldev() throws Exception {
        // As in azldev's renders of Azure Linux 4 (e.g. specs/m/mesa in microsoft/azurelinux).
        Files.writeString(
                dir.resolve("azldev.toml"), PROJECT.replace("[project]\n", """
                [project]
                render = { texts = "azldev" }
                """) + "build = { with = [\"docs\"] }\n");
        Project project = new ProjectLoader(false).load(dir.resolve("azldev.toml"));
        RenderedComponent rendered = renderer(project)
                .render(project.components().get("demo"), RenderInput.of(tree(Map.of("demo.spec", SPEC)), false));

        assertThat(text(rendered, "demo.spec"))
                .isEqualTo("""
                        # This spec file has been modified by azldev to include build configuration overlays.
                        # Do not edit manually; changes may be overwritten.

                        # All Azure Linux specs with overlays include this macro file, irrespective of whether new macros have been added.
                        %{load:%{_sourcedir}/demo.azl.macros}

                        """
                        + SPEC.replace(
                                "Source1:        demo.conf\n",
                                "Source1:        demo.conf\nSource9999: demo.azl.macros\n"));
        assertThat(text(rendered, "demo.azl.macros")).isEqualTo("""
                        # Macros file automatically generated by azldev.
                        # Do not edit manually; changes will be overwritten.
                        %_with_docs 1
                        """);
    }

    @Test
    void keelTextsAreTheDefaultAndCanBeSpelledOut() throws Exception {
        Files.writeString(
                dir.resolve("azldev.toml"), PROJECT.replace("[project]\n", """
                [project]
                render = { texts = "keel" }
                """) + "build = { with = [\"docs\"] }\n");
        Project project = new ProjectLoader(false).load(dir.resolve("azldev.toml"));
        RenderedComponent explicit = renderer(project)
                .render(project.components().get("demo"), RenderInput.of(tree(Map.of("demo.spec", SPEC)), false));
        RenderedComponent byDefault = render("build = { with = [\"docs\"] }\n");

        assertThat(text(explicit, "demo.spec"))
                .isEqualTo(text(byDefault, "demo.spec"))
                .startsWith(HEADER + LOAD_BLOCK);
        assertThat(text(explicit, "demo.azl.macros"))
                .isEqualTo(text(byDefault, "demo.azl.macros"))
                .startsWith("# Macros file automatically generated by Keel.\n");
    }

    // ------------------------------------------------------------------ check skip

    @Test
    void checkSkipPrependsExitToCheck() throws Exception {
        RenderedComponent rendered = render("build = { check = { skip = true, skip_reason = \"needs network\" } }\n");
        String expected = HEADER
                + SPEC.replace(
                        "%check\nmake test\n",
                        "%check\n# Check section disabled: needs network\nexit 0\n\nmake test\n");
        assertThat(text(rendered, "demo.spec")).isEqualTo(expected);
        assertThat(rendered.notes()).isEmpty();
    }

    @Test
    void checkSkipOnASpecWithoutCheckRendersWithAWarningNote() throws Exception {
        String noCheck = SPEC.replace("%check\nmake test\n\n", "");
        RenderedComponent rendered = render(
                "build = { check = { skip = true, skip_reason = \"needs network\" } }\n", Map.of("demo.spec", noCheck));
        assertThat(text(rendered, "demo.spec")).isEqualTo(HEADER + noCheck);
        assertThat(rendered.notes())
                .containsExactly(
                        "warning: build.check.skip is set but the spec has no %check section; nothing to skip");
    }

    // ------------------------------------------------------------------ order

    @Test
    void thePlansEditStepsGiveTheSourcesRenderFinishesAndSayWhoMadeEachLine() throws Exception {
        Project project = project("""
                build = { with = ["docs"] }

                [[components.demo.overlays]]
                type = "spec-add-tag"
                tag = "Vendor"
                value = "Keel"
                """);
        ResolvedComponent component = project.components().get("demo");
        RenderInput input = RenderInput.of(tree(Map.of("demo.spec", SPEC, "demo.conf", "x\n")), false);
        RenderPlan plan = renderer(project).plan(component, input);

        dev.keel.core.overlay.OverlayResult edited = renderer(project).edited(plan, input);

        RenderedComponent rendered = renderer(project).render(component, input);
        assertThat(edited.tree().get("demo.spec").orElseThrow().content())
                .as("no result step changes this spec: rendered = edited")
                .isEqualTo(rendered.files().get("demo.spec").content());
        assertThat(edited.origins().file("demo.azl.macros").madeBy())
                .hasValueSatisfying(by -> assertThat(by.label()).isEqualTo("render: macros file"));
        assertThat(edited.origins().overlaysOf("demo.spec"))
                .extracting(dev.keel.core.config.LocatedOverlay::label)
                .containsExactlyInAnyOrder("render: macros file", "overlay 1", "render: header");
    }

    @Test
    void aSpecSnapshotPlanSkipsTheSidecarOverlaysAndSaysWhy() throws Exception {
        Project project = project("""
                build = { with = ["docs"] }

                [[components.demo.overlays]]
                description = "Tune the config"
                type = "file-search-replace"
                file = "demo.conf"
                regex = "a"
                replacement = "b"

                [[components.demo.overlays]]
                type = "spec-add-tag"
                tag = "Vendor"
                value = "Keel"
                """);
        ResolvedComponent component = project.components().get("demo");
        RenderPlan plan = renderer(project).plan(component, RenderInput.of(tree(Map.of("demo.spec", SPEC)), true));

        assertThat(plan.skipped()).singleElement().satisfies(skip -> {
            assertThat(skip.overlay()).isEqualTo(component.overlays().get(0));
            assertThat(skip.reason()).isEqualTo(SkippedOverlay.Reason.SPEC_ONLY);
        });
        assertThat(plan.skipOf(component.overlays().get(0))).isPresent();
        assertThat(plan.skipOf(component.overlays().get(1))).isEmpty();
        assertThat(plan.overlays()).containsExactly(component.overlays().get(1));
        assertThat(plan.notes())
                .containsExactly("overlay 1 skipped: the spec snapshot has no sidecar files (Tune the config)");
        assertThat(plan.beforeOverlays().stepNames()).containsExactly("render: macros file", "render: macros file");
    }

    @Test
    void aPlanCannotEditTheSourcesAfterAStepReadThem() {
        RenderStep.Edits edits = new RenderStep.Edits(RenderPlan.OVERLAYS, java.util.List.of());
        IllegalArgumentException refused = catchThrowableOfType(
                () -> new RenderPlan(
                        "demo",
                        "demo.spec",
                        java.util.List.of(new RenderStep.Autospec(), edits),
                        java.util.List.of(),
                        java.util.List.of()),
                IllegalArgumentException.class);
        assertThat(refused).hasMessageContaining("the edit step overlays comes after a step that reads");
    }

    @Test
    void thePlanNamesEveryStepInTheOrderItAppliesWithEachStepsEdits() throws Exception {
        Project project = project("""
                build = { with = ["docs"], check = { skip = true, skip_reason = "flaky" } }

                [[components.demo.overlays]]
                type = "spec-prepend-lines"
                lines = ["# user top line"]
                """);
        ResolvedComponent component = project.components().get("demo");
        dev.keel.core.autospec.ProjectChange change = new dev.keel.core.autospec.ProjectChange(
                "0123abcd", "A Maintainer", "a@example.org", java.time.Instant.EPOCH, "Brand demo", null);
        RenderInput input = new RenderInput(
                tree(Map.of("demo.spec", SPEC)),
                false,
                java.util.Optional.empty(),
                java.util.List.of(change, change),
                null,
                false);
        RenderPlan plan = renderer(project)
                .plan(component, input, dev.keel.spec.Spec.parse(SPEC.getBytes(StandardCharsets.UTF_8)));
        assertThat(plan.stepNames())
                .containsExactly(
                        "render: macros file",
                        "render: macros file",
                        "overlays",
                        "build.check.skip",
                        "render: release bump",
                        "render: header",
                        "render: archive hashes",
                        "render: rpmautospec",
                        "render: sources file",
                        "render: sidecar files");
        assertThat(plan.steps().get(0))
                .isInstanceOfSatisfying(
                        RenderStep.Generate.class,
                        generate -> assertThat(generate.path()).isEqualTo("demo.azl.macros"));
        assertThat(((RenderStep.Edits) plan.steps().get(2)).overlays())
                .extracting(located -> located.overlay().type())
                .containsExactly(dev.keel.core.config.model.OverlayType.SPEC_PREPEND_LINES);
        assertThat(((RenderStep.Edits) plan.steps().get(3)).overlays()).hasSize(1);
        assertThat(plan.steps().get(4)).isInstanceOfSatisfying(RenderStep.ReleaseBump.class, bump -> {
            assertThat(bump.changes()).isEqualTo(2);
            assertThat(bump.calculation()).isEqualTo(dev.keel.core.config.model.ReleaseCalculation.AUTO);
        });

        RenderedComponent rendered = renderer(project).render(component, input);
        assertThat(text(rendered, "demo.spec"))
                .as("the release bump reads the spec the earlier steps made, in the same single application")
                .contains("\nRelease: 3%{?dist}\n")
                .startsWith(HEADER + "# user top line\n");
    }

    @Test
    void userOverlaysApplyAfterTheMacrosAndBeforeCheckSkipAndHeader() throws Exception {
        RenderedComponent rendered = render("""
                build = { with = ["docs"], check = { skip = true, skip_reason = "flaky" } }

                [[components.demo.overlays]]
                description = "Sees the macros load line"
                type = "spec-search-replace"
                regex = "demo\\\\.azl\\\\.macros\\\\}$"
                replacement = "demo.azl.macros} # seen by overlay 1"

                [[components.demo.overlays]]
                type = "spec-prepend-lines"
                section = "%check"
                lines = ["echo user check line"]

                [[components.demo.overlays]]
                type = "spec-prepend-lines"
                lines = ["# user top line"]
                """);
        String expected = HEADER
                + "# user top line\n"
                + LOAD_BLOCK.replace(
                        "%{load:%{_sourcedir}/demo.azl.macros}",
                        "%{load:%{_sourcedir}/demo.azl.macros} # seen by overlay 1")
                + SPEC.replace(
                                "Source1:        demo.conf\n",
                                "Source1:        demo.conf\nSource9999: demo.azl.macros\n")
                        .replace(
                                "%check\nmake test\n",
                                "%check\n# Check section disabled: flaky\nexit 0\n\necho user check line\nmake test\n");
        assertThat(text(rendered, "demo.spec")).isEqualTo(expected);
    }

    @Test
    void aFailingOverlayIsARenderExceptionNamingIt() throws IOException {
        RenderException thrown = renderFails("""
                [[components.demo.overlays]]
                type = "spec-add-tag"
                tag = "Vendor"
                value = "Keel"

                [[components.demo.overlays]]
                description = "Quiet the tests"
                type = "spec-search-replace"
                section = "%check"
                regex = "^make check$"
                replacement = "make check V=0"
                """, Map.of("demo.spec", SPEC));
        Failure failure = thrown.failure();
        assertThat(failure.kind()).isEqualTo(Failure.Kind.OVERLAY);
        assertThat(failure.message())
                .isEqualTo("overlay 2 (spec-search-replace) failed: pattern /^make check$/ matched no line in %check");
        assertThat(failure.details()).contains(new Failure.Detail("overlay", "Quiet the tests"));
        assertThat(failure.location().line()).isPositive();
    }

    @Test
    void aMissingUpstreamSpecIsARenderException() throws IOException {
        RenderException thrown = renderFails("", Map.of("other.spec", SPEC));
        assertThat(thrown.getMessage()).isEqualTo("the upstream sources have no demo.spec");
    }

    // ------------------------------------------------------------------ sources file

    @Test
    void upstreamSourcesAreKeptAndSourceFilesAppendedInOrder() throws Exception {
        RenderedComponent rendered =
                render("""
                [[components.demo.source-files]]
                filename = "zz-extra.tar.gz"
                hash = "%s"
                hash-type = "SHA256"

                [[components.demo.source-files]]
                filename = "aa-extra.tar.gz"
                hash = "%s"
                hash-type = "SHA512"
                """.formatted(SHA_C, SHA_B), withSpec("sources", "SHA512 (demo-1.0.tar.gz) = " + SHA_A + "\n"));
        assertThat(text(rendered, "sources"))
                .isEqualTo("SHA512 (demo-1.0.tar.gz) = " + SHA_A + "\n"
                        + "SHA256 (zz-extra.tar.gz) = " + SHA_C + "\n"
                        + "SHA512 (aa-extra.tar.gz) = " + SHA_B + "\n");
    }

    @Test
    void replaceUpstreamSwapsTheEntryInPlaceKeepingBlankLines() throws Exception {
        String upstream = "\n"
                + "SHA512 (demo-1.0.tar.gz) = " + SHA_A + "\n"
                + "\n"
                + "SHA512 (demo-data.tar.gz) = " + SHA_A + "\n";
        RenderedComponent rendered = render("""
                [[components.demo.source-files]]
                filename = "demo-1.0.tar.gz"
                hash = "%s"
                hash-type = "SHA512"
                replace-upstream = true
                replace-reason = "patched for CVE-2026-0001"
                """.formatted(SHA_B), withSpec("sources", upstream));
        assertThat(text(rendered, "sources"))
                .isEqualTo(upstream.replace("demo-1.0.tar.gz) = " + SHA_A, "demo-1.0.tar.gz) = " + SHA_B));
    }

    @Test
    void aSourcesFileLineThatIsNoEntryIsALocatedError() throws IOException {
        RenderException thrown = renderFails(
                "", withSpec("sources", "SHA512 (demo-1.0.tar.gz) = " + SHA_A + "\n# a comment fedpkg refuses\n"));
        assertThat(thrown.failure().kind()).isEqualTo(Failure.Kind.SOURCES);
        assertThat(thrown.failure().message())
                .isEqualTo(
                        "the sources file has a line that is neither an entry nor blank: # a comment fedpkg refuses");
        assertThat(thrown.failure().location()).isEqualTo(new Location(Path.of("sources"), 2, 1));
    }

    @Test
    void aSourcesFileNamingAPathIsRefused() throws IOException {
        RenderException thrown = renderFails("", withSpec("sources", "SHA512 (../../etc/passwd) = " + SHA_A + "\n"));
        assertThat(thrown.failure().message())
                .isEqualTo("the sources file names '../../etc/passwd', which is not a plain file name");
    }

    @Test
    void aTrackedFileMustHaveTheHashTheSourcesFileGives() throws IOException {
        Map<String, String> files = new java.util.HashMap<>(withSpec("sources", "SHA512 (README) = " + SHA_A + "\n"));
        files.put("README", "tracked by git\n");
        RenderException thrown = renderFails("", files);
        assertThat(thrown.failure().kind()).isEqualTo(Failure.Kind.SOURCES);
        assertThat(thrown.failure().message())
                .startsWith(
                        "the sources file gives README SHA512 " + SHA_A + ", but the file the repository tracks has ");
        assertThat(thrown.failure().location()).isEqualTo(new Location(Path.of("sources"), 1, 1));
    }

    @Test
    void aTrackedFileWithTheRightHashIsKept() throws Exception {
        String readme = "tracked by git\n";
        String sha = dev.keel.core.io.Digests.hex("SHA-512", readme.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        Map<String, String> files = new java.util.HashMap<>(withSpec("sources", "SHA512 (README) = " + sha + "\n"));
        files.put("README", readme);
        assertThat(text(render("", files), "sources")).isEqualTo("SHA512 (README) = " + sha + "\n");
    }

    @Test
    void aSourceFileThatCollidesWithUpstreamNeedsReplaceUpstream() throws IOException {
        RenderException thrown =
                renderFails("""
                [[components.demo.source-files]]
                filename = "demo-1.0.tar.gz"
                hash = "%s"
                hash-type = "SHA512"
                """.formatted(SHA_B), withSpec("sources", "SHA512 (demo-1.0.tar.gz) = " + SHA_A + "\n"));
        assertThat(thrown.failure().message())
                .isEqualTo("source file demo-1.0.tar.gz is already in the upstream sources file");
        assertThat(thrown.failure().hint()).isEqualTo("set replace-upstream = true to replace it");
        assertThat(thrown.failure().kind()).isEqualTo(Failure.Kind.CONFIGURATION);
        assertThat(thrown.failure().location().line()).isPositive();
    }

    @Test
    void replaceUpstreamWithoutAnUpstreamEntryIsAnError() throws IOException {
        RenderException thrown =
                renderFails("""
                [[components.demo.source-files]]
                filename = "demo-2.0.tar.gz"
                hash = "%s"
                hash-type = "SHA512"
                replace-upstream = true
                replace-reason = "typo"
                """.formatted(SHA_B), withSpec("sources", "SHA512 (demo-1.0.tar.gz) = " + SHA_A + "\n"));
        assertThat(thrown.getMessage())
                .isEqualTo("source file demo-2.0.tar.gz has replace-upstream = true but upstream has no such file");
    }

    @Test
    void legacyMd5LinesAreKeptAsWrittenWhenMerging() throws Exception {
        String upstream = MD5 + "  demo-1.0.tar.gz\n";
        RenderedComponent rendered = render("""
                [[components.demo.source-files]]
                filename = "demo-extra.tar.gz"
                hash = "%s"
                hash-type = "SHA512"
                """.formatted(SHA_B), withSpec("sources", upstream));
        assertThat(text(rendered, "sources")).isEqualTo(upstream + "SHA512 (demo-extra.tar.gz) = " + SHA_B + "\n");
    }

    @Test
    void withoutSourceFilesTheUpstreamSourcesFileIsCopiedByteForByte() throws Exception {
        String upstream = MD5 + "  demo-1.0.tar.gz\n" + "SHA512 (demo-data.tar.gz) = " + SHA_A.toUpperCase() + "\n";
        RenderedComponent rendered = render("", withSpec("sources", upstream));
        assertThat(text(rendered, "sources")).isEqualTo(upstream);
    }

    @Test
    void anEmptyUpstreamSourcesFileIsKept() throws Exception {
        RenderedComponent rendered = render("", withSpec("sources", ""));
        assertThat(rendered.files()).containsKey("sources");
        assertThat(rendered.files().get("sources").content()).isEmpty();
    }

    @Test
    void sourceFilesWithoutAnUpstreamSourcesFileCreateOne() throws Exception {
        RenderedComponent rendered = render("""
                [[components.demo.source-files]]
                filename = "demo-1.0.tar.gz"
                hash = "%s"
                hash-type = "SHA256"
                """.formatted(SHA_C));
        assertThat(text(rendered, "sources")).isEqualTo("SHA256 (demo-1.0.tar.gz) = " + SHA_C + "\n");
    }

    // ------------------------------------------------------------------ sidecar files

    @Test
    void onlyFilesTheSpecReferencesAreKept() throws Exception {
        RenderedComponent rendered = render(
                "",
                withSpec(
                        "demo.conf", "level=1\n",
                        "demo-fix.patch", "--- a\n+++ b\n",
                        "unused.txt", "not referenced\n",
                        "README.md", "dist-git readme\n"));
        assertThat(rendered.files()).containsOnlyKeys("demo.spec", "demo.conf", "demo-fix.patch");
        assertThat(text(rendered, "demo.conf")).isEqualTo("level=1\n");
    }

    @Test
    void urlFragmentsNameTheLocalFile() throws Exception {
        String spec = SPEC.replace(
                "Patch0:",
                "Source2:        https://keys.example.org/pks/lookup?op=get&search=0x1234#/demo.gpg\n"
                        + "Source3:        https://example.org/sig?id=7#./demo.sig\n"
                        + "Source4:        https://example.org/get.php?file=demo.txt\n"
                        + "Patch0:");
        RenderedComponent rendered = render(
                "",
                Map.of(
                        "demo.spec", spec,
                        "demo.gpg", "key\n",
                        "demo.sig", "sig\n",
                        "get.php", "named by the URL path\n",
                        "lookup", "the URL path's name, overridden by the fragment\n"));
        assertThat(rendered.files()).containsOnlyKeys("demo.spec", "demo.gpg", "demo.sig", "get.php");
    }

    @Test
    void aSourceInASubdirectoryKeepsTheWholeTopLevelDirectory() throws Exception {
        String spec = SPEC.replace("Patch0:", "Source2:        tests/run-tests.sh\nPatch0:");
        RenderedComponent rendered = render(
                "",
                Map.of(
                        "demo.spec", spec,
                        "tests/run-tests.sh", "#!/bin/sh\n",
                        "tests/data/input.txt", "input\n",
                        "run-tests.sh", "a different file of the same base name\n",
                        "other/notes.txt", "not referenced\n"));
        assertThat(rendered.files()).containsOnlyKeys("demo.spec", "tests/run-tests.sh", "tests/data/input.txt");
    }

    @Test
    void everythingIsKeptWhenAReferenceCannotBeResolved() throws Exception {
        String spec = SPEC.replace("Patch0:", "Source2:        %{undefined_url}/extra.tar.gz\nPatch0:");
        RenderedComponent rendered =
                render("", Map.of("demo.spec", spec, "unused.txt", "kept\n", "sub/file.txt", "kept too\n"));
        assertThat(rendered.files()).containsOnlyKeys("demo.spec", "unused.txt", "sub/file.txt");
    }

    @Test
    void skipFileFilterKeepsEverything() throws Exception {
        RenderedComponent rendered = render(
                "render = { skip-file-filter = true }\n",
                withSpec("demo.conf", "level=1\n", "unused.txt", "kept\n", "sub/file.txt", "kept too\n"));
        assertThat(rendered.files()).containsOnlyKeys("demo.spec", "demo.conf", "unused.txt", "sub/file.txt");
    }

    @Test
    void sidecarOverlaysOnASpecOnlySnapshotAreSkippedWithANote() throws Exception {
        Project project = project("""
                [[components.demo.overlays]]
                description = "Tune the config"
                type = "file-search-replace"
                file = "demo.conf"
                regex = "level=1"
                replacement = "level=2"
                """);
        RenderedComponent rendered = renderer(project)
                .render(project.components().get("demo"), RenderInput.of(tree(Map.of("demo.spec", SPEC)), true));
        assertThat(text(rendered, "demo.spec")).isEqualTo(HEADER + SPEC);
        assertThat(rendered.notes())
                .containsExactly("overlay 1 skipped: the spec snapshot has no sidecar files (Tune the config)");
    }

    // ------------------------------------------------------------------ local specs

    @Test
    void aLocalSpecTakesItsDirectorysFiles() throws Exception {
        Path specDir = Files.createDirectories(dir.resolve("specs/demo"));
        Files.writeString(specDir.resolve("demo.spec"), SPEC);
        Files.writeString(specDir.resolve("demo.conf"), "level=1\n");
        Files.writeString(specDir.resolve("demo-fix.patch"), "--- a\n+++ b\n");
        Files.writeString(specDir.resolve("notes.txt"), "not referenced\n");
        Project project = project("spec = { type = \"local\", path = \"specs/demo/demo.spec\" }\n");
        ResolvedComponent component = project.components().get("demo");

        LocalSpecs local = new LocalSpecs();
        SourceTree sources = local.fetch(component).orElseThrow();
        assertThat(sources.files()).containsOnlyKeys("demo.spec", "demo.conf", "demo-fix.patch", "notes.txt");

        RenderedComponent rendered = renderer(project).render(component, RenderInput.of(sources, local.specOnly()));
        assertThat(rendered.files()).containsOnlyKeys("demo.spec", "demo.conf", "demo-fix.patch");
        assertThat(text(rendered, "demo.spec")).isEqualTo(HEADER + SPEC);
    }

    @Test
    void aLocalSpecWithAnotherFileNameIsRenamedToTheComponent() throws Exception {
        Path specDir = Files.createDirectories(dir.resolve("specs/demo"));
        Files.writeString(specDir.resolve("upstream-name.spec"), SPEC);
        Files.writeString(specDir.resolve("demo.conf"), "level=1\n");
        Project project = project("spec = { type = \"local\", path = \"specs/demo/upstream-name.spec\" }\n");

        SourceTree sources =
                new LocalSpecs().fetch(project.components().get("demo")).orElseThrow();

        assertThat(sources.files()).containsOnlyKeys("demo.spec", "demo.conf");
    }
}
