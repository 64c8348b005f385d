package dev.keel.core.config;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keel.core.config.model.ComponentConfig;
import dev.keel.core.config.model.ConfigFile;
import dev.keel.core.config.model.Overlay;
import dev.keel.core.config.model.OverlayType;
import dev.keel.core.config.model.ReleaseCalculation;
import dev.keel.core.config.model.SpecType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * Conformance: the real Azure Linux 4.0 configuration loads, resolves to the values its TOML files
 * say (each spot check below was read from the files), and survives a {@code config dump}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AzureLinuxConfigTest {

    private static final String SNAPSHOT = "2026-02-24T00:00:00-08:00";

    private Path corpus;
    private Project project;

    @BeforeAll
    void load() {
        corpus = Path.of(System.getProperty("keel.shared.dir", "../../shared"), "corpus/azurelinux-4.0-config")
                .toAbsolutePath()
                .normalize();
        if (!Files.isDirectory(corpus)) {
            Assumptions.assumeTrue(false, "corpus not found at " + corpus + "; skipping");
        }
        project = new ProjectLoader(false).load(corpus.resolve("azldev.toml"));
    }

    private ComponentConfig config(String name) {
        assertThat(project.components()).containsKey(name);
        return project.components().get(name).config();
    }

    @Test
    void loadsEveryComponentAndFile() {
        assertThat(project.components()).hasSize(7_583);
        assertThat(project.files()).hasSize(213);
        assertThat(project.files().get(0)).isEqualTo(corpus.resolve("azldev.toml"));
        // the only warnings: the deprecated publish.channel in base/packages/*.toml
        assertThat(project.warnings()).hasSize(4).allSatisfy(warning -> {
            assertThat(warning.severity()).isEqualTo(ConfigError.Severity.WARNING);
            assertThat(warning.message()).isEqualTo("'channel' is deprecated");
            assertThat(warning.hint()).isEqualTo("use 'rpm-channel' instead");
        });
        assertThat(project.warnings().get(0).location())
                .isEqualTo(new Location(corpus.resolve("base/packages/packages.toml"), 18, 13));
        assertThat(project.renderedSpecsDir()).isEqualTo(corpus.resolve("specs"));
    }

    @Test
    void plainComponentInheritsTheDefaultDistroVersionSpec() {
        // base/comps/components.toml: [components.389-ds-base] with no settings;
        // distro/azurelinux.distro.toml: 4.0-stage2 (the default version) defaults to fedora 43 at the snapshot
        ResolvedComponent component = project.components().get("389-ds-base");
        assertThat(component.specType()).isEqualTo(SpecType.UPSTREAM);
        assertThat(component.upstreamDistro().name()).isEqualTo("fedora");
        assertThat(component.upstreamDistro().version()).isEqualTo("43");
        assertThat(component.upstreamDistro().snapshot()).isEqualTo(SNAPSHOT);
        assertThat(component.config().release().calculation()).isEqualTo(ReleaseCalculation.AUTO);
        assertThat(component.upstreamName()).isEqualTo("389-ds-base");
    }

    @Test
    void upstreamCommitPin() {
        // base/comps/rust-equator/rust-equator.comp.toml
        ComponentConfig config = config("rust-equator");
        assertThat(config.spec().type()).isEqualTo(SpecType.UPSTREAM);
        assertThat(config.spec().upstreamCommit()).isEqualTo("cfa619f43f82ebbfc20756d0308aa8c3a1d3c09e");
        assertThat(config.spec().upstreamDistro().snapshot()).isEqualTo(SNAPSHOT);
    }

    @Test
    void upstreamNameAndCommit() {
        // base/comps/rust-quick-xml0.38/rust-quick-xml0.38.comp.toml
        ResolvedComponent component = project.components().get("rust-quick-xml0.38");
        assertThat(component.config().spec().upstreamName()).isEqualTo("rust-quick-xml0.38");
        assertThat(component.upstreamName()).isEqualTo("rust-quick-xml0.38");
        assertThat(component.config().spec().upstreamCommit()).isEqualTo("d94a78960d1a8a514691581d14bb75d9f8f9f7f1");
        assertThat(component.upstreamDistro().version()).isEqualTo("43");
    }

    @Test
    void localSpecPathIsRelativeToItsFile() {
        // base/comps/azurelinux-release/azurelinux-release.comp.toml
        ResolvedComponent component = project.components().get("azurelinux-release");
        assertThat(component.specType()).isEqualTo(SpecType.LOCAL);
        assertThat(Path.of(component.config().spec().path()))
                .isEqualTo(corpus.resolve("base/comps/azurelinux-release/azurelinux-release.spec"));
        assertThat(component.definedAt().file())
                .isEqualTo(corpus.resolve("base/comps/azurelinux-release/azurelinux-release.comp.toml"));
        assertThat(component.definedAt().line()).isEqualTo(1);
    }

    @Test
    void manualReleaseAndItsOverlay() {
        // base/comps/elfutils/elfutils.comp.toml
        ComponentConfig config = config("elfutils");
        assertThat(config.release().calculation()).isEqualTo(ReleaseCalculation.MANUAL);
        assertThat(config.overlays()).singleElement().satisfies(overlay -> {
            assertThat(overlay.type()).isEqualTo(OverlayType.SPEC_SEARCH_REPLACE);
            assertThat(overlay.description()).hasValue("Remove elfutils-default-yama-scope package");
            Overlay.SpecSearchReplace replace = (Overlay.SpecSearchReplace) overlay;
            assertThat(replace.regex()).isEqualTo("%global provide_yama_scope\\s+1");
            assertThat(replace.replacement()).isEqualTo("%global provide_yama_scope 0");
        });
    }

    @Test
    void buildWithout() {
        // base/comps/libdeflate/libdeflate.comp.toml
        ComponentConfig config = config("libdeflate");
        assertThat(config.build().without()).containsExactly("mingw");
        assertThat(config.build().with()).isNull();
    }

    @Test
    void checkSkippedThroughTheDisablementGroup() {
        // base/comps/component-check-disablement.toml lists "git" in check-skip-initial-failures
        ResolvedComponent git = project.components().get("git");
        assertThat(git.groups()).contains("check-skip-initial-failures");
        assertThat(git.config().build().check().skip()).isTrue();
        assertThat(git.config().build().check().skipReason())
                .isEqualTo("Disabling checks for initial set of failures.");
        assertThat(project.groupMembers().get("check-skip-initial-failures")).contains("git", "dnf", "glib2");
        // and a component outside the group does not skip
        assertThat(config("389-ds-base").build()).isNull();
    }

    @Test
    void overlaysInOrder() {
        // base/comps/javapackages-tools/javapackages-tools.comp.toml: nine [[overlays]]
        ComponentConfig config = config("javapackages-tools");
        assertThat(config.overlays()).hasSize(9);
        assertThat(config.overlays().get(0).description()).hasValue("Remove maven-local-openjdk21 %package section");
        assertThat(config.overlays().get(0).type()).isEqualTo(OverlayType.SPEC_REMOVE_SECTION);
        Overlay.SpecRemoveSection remove =
                (Overlay.SpecRemoveSection) config.overlays().get(0);
        assertThat(remove.section()).isEqualTo("%package");
        assertThat(remove.pkg()).isEqualTo("maven-local-openjdk21");
    }

    @Test
    void rawhideComponentInheritsTheDistroDefaultSnapshot() {
        // base/comps/libseccomp/libseccomp.comp.toml names fedora rawhide, which has no defaults: the
        // project default distro's version defaults apply, snapshot included
        ResolvedComponent component = project.components().get("libseccomp");
        assertThat(component.upstreamDistro().name()).isEqualTo("fedora");
        assertThat(component.upstreamDistro().version()).isEqualTo("rawhide");
        assertThat(component.upstreamDistro().snapshot()).isEqualTo(SNAPSHOT);
        ConfigNode snapshot = TreeLookup.at(component.tree(), "spec", "upstream-distro", "snapshot");
        assertThat(snapshot.layer()).isEqualTo("distro azurelinux 4.0-stage2");
        assertThat(snapshot.location().file()).isEqualTo(corpus.resolve("distro/azurelinux.distro.toml"));
        assertThat(snapshot.location().line()).isEqualTo(38);
    }

    @Test
    void distros() {
        assertThat(project.distros()).containsOnlyKeys("azurelinux", "fedora");
        assertThat(project.distros().get("azurelinux").defaultVersion()).isEqualTo("4.0-stage2");
        assertThat(project.distros().get("fedora").versions()).containsOnlyKeys("41", "42", "43", "44", "rawhide");
        assertThat(project.distros().get("fedora").versions().get("44").releaseVer())
                .isEqualTo("43");
        assertThat(project.distros().get("fedora").repos()).hasSize(3);
    }

    @Test
    void configDumpReloadsToTheSameComponents(@TempDir Path copyDir) throws Exception {
        // the dump's paths are relative to the project: save it in (a copy of) the project directory
        Path copy = copyDir.resolve("azurelinux");
        try (java.util.stream.Stream<Path> files = Files.walk(corpus)) {
            for (Path file : files.toList()) {
                Path target = copy.resolve(corpus.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(file, target);
                }
            }
        }
        ConfigNode.Table dump = PathRewriter.relativize(project.tree(), ConfigFile.class, project.root());
        assertThat(TomlWriter.write(dump))
                .doesNotContain(corpus.toAbsolutePath().toString());
        Files.writeString(copy.resolve("dump.toml"), TomlWriter.write(dump));
        Project original = new ProjectLoader(false).load(copy.resolve("azldev.toml"));
        Project reloaded = new ProjectLoader(false).load(copy.resolve("dump.toml"));
        assertThat(reloaded.components().keySet())
                .containsExactlyElementsOf(original.components().keySet());
        List<String> different = new ArrayList<>();
        original.components().forEach((name, component) -> {
            if (!component.config().equals(reloaded.components().get(name).config())) {
                different.add(name + ": " + component.config() + " <> "
                        + reloaded.components().get(name).config());
            }
        });
        assertThat(different).isEmpty();
        assertThat(reloaded.groupMembers()).isEqualTo(original.groupMembers());
        assertThat(reloaded.config().distros()).isEqualTo(original.config().distros());
    }
}
