package dev.keel.core.config;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keel.core.config.model.ComponentConfig;
import dev.keel.core.config.model.ConfigFile;
import dev.keel.core.config.model.Overlay;
import dev.keel.core.config.model.OverlayCategory;
import dev.keel.core.config.model.OverlayMetadata;
import dev.keel.core.config.model.SpecType;
import dev.keel.core.config.model.UpstreamStatus;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import org.junit.jupiter.api.Test;

/** How components are resolved from their layers, and what the resolved values and trees say. */
class ResolutionTest extends ConfigFixture {

    /** Fedora 43 (the project default) and 44 have component defaults; rawhide has none. */
    private static final String DISTRO = """
            [distros.fedora]
            default-version = "43"

            [distros.fedora.versions.43]
            release-ver = "43"

            [distros.fedora.versions.43.default-component-config]
            spec = { upstream-distro = { name = "fedora", version = "43", snapshot = "2026-01-01T00:00:00Z" } }
            build = { with = ["distro"], defines = { layer = "distro", distro = "43" } }
            overlays = [{ type = "spec-add-tag", tag = "Vendor", value = "distro" }]

            [distros.fedora.versions.44]
            release-ver = "44"

            [distros.fedora.versions.44.default-component-config]
            build = { with = ["distro44"], defines = { distro = "44" } }

            [distros.fedora.versions.rawhide]
            release-ver = "rawhide"
            """;

    /** The project default, two groups (declared out of alphabetical order) and their members. */
    private static final String LAYERS = """
            includes = ["distro.toml"]

            [project]
            default-distro = { name = "fedora", version = "43" }

            [default-component-config]
            build = { with = ["project"], defines = { layer = "project", project = "yes" } }
            overlays = [{ type = "spec-add-tag", tag = "Vendor", value = "project" }]

            [component-groups.beta]
            components = ["both", "beta-only"]
            default-component-config = { build = { with = ["beta"], defines = { layer = "beta", group = "beta" } } }

            [component-groups.alpha]
            components = ["both"]
            [component-groups.alpha.default-component-config]
            build = { with = ["alpha"], defines = { layer = "alpha", group = "alpha", alpha = "yes" } }
            overlays = [{ type = "spec-add-tag", tag = "Vendor", value = "alpha" }]

            [components.both]
            build = { with = ["component"], defines = { layer = "component" } }
            overlays = [{ type = "spec-add-tag", tag = "Vendor", value = "component" }]

            [components.beta-only]

            [components.plain]
            """;

    private Project layered() {
        write("distro.toml", DISTRO);
        write("azldev.toml", LAYERS);
        return load();
    }

    private static ComponentConfig config(Project project, String name) {
        return project.components().get(name).config();
    }

    private static List<String> overlayValues(ComponentConfig config) {
        return config.overlays().stream()
                .map(overlay -> ((Overlay.SpecAddTag) overlay).value())
                .toList();
    }

    // ------------------------------------------------------------------ layers

    @Test
    void laterLayersWinInOrderDistroProjectGroupsAlphabeticallyComponent() {
        Project project = layered();
        assertThat(config(project, "plain").build().defines()).containsEntry("layer", "project");
        assertThat(config(project, "beta-only").build().defines()).containsEntry("layer", "beta");
        assertThat(config(project, "both").build().defines()).containsEntry("layer", "component");
        // alpha and beta both set 'group': beta is applied after alpha whatever the declaration order
        assertThat(config(project, "both").build().defines()).containsEntry("group", "beta");
        assertThat(project.components().get("both").groups()).containsExactly("alpha", "beta");
    }

    @Test
    void arraysAppendAcrossLayers() {
        Project project = layered();
        ComponentConfig both = config(project, "both");
        assertThat(both.build().with()).containsExactly("distro", "project", "alpha", "beta", "component");
        assertThat(overlayValues(both)).containsExactly("distro", "project", "alpha", "component");
        assertThat(config(project, "plain").build().with()).containsExactly("distro", "project");
        assertThat(overlayValues(config(project, "plain"))).containsExactly("distro", "project");
    }

    @Test
    void mapsMergeKeyWise() {
        Project project = layered();
        assertThat(config(project, "both").build().defines())
                .containsExactly(
                        Map.entry("layer", "component"),
                        Map.entry("distro", "43"),
                        Map.entry("project", "yes"),
                        Map.entry("group", "beta"),
                        Map.entry("alpha", "yes"));
    }

    @Test
    void releaseCalculationDefaultsToAuto() {
        Project project = layered();
        assertThat(config(project, "plain").release().calculation().name()).isEqualTo("AUTO");
    }

    @Test
    void componentResetsAnInheritedSkipAndReason() {
        write("azldev.toml", """
                [component-groups.flaky]
                components = ["a", "b"]
                default-component-config = { build = { check = { skip = true, skip_reason = "flaky" } } }

                [components.a]
                build.check = { skip = false, skip_reason = "" }

                [components.b]
                """);
        Project project = load();
        assertThat(config(project, "a").build().check().skip()).isFalse();
        assertThat(config(project, "a").build().check().skipReason()).isEmpty();
        assertThat(config(project, "b").build().check().skip()).isTrue();
        assertThat(config(project, "b").build().check().skipReason()).isEqualTo("flaky");
    }

    @Test
    void distroVersionDefaultsFollowTheComponentsDistroVersion() {
        write("distro.toml", DISTRO);
        write("azldev.toml", """
                includes = ["distro.toml"]
                [project]
                default-distro = { name = "fedora" }

                [components.on44]
                spec = { upstream-distro = { name = "fedora", version = "44" } }
                [components.onrawhide]
                spec = { upstream-distro = { name = "fedora", version = "rawhide" } }
                [components.ondefault]
                """);
        Project project = load();
        ComponentConfig on44 = config(project, "on44");
        assertThat(on44.build().with()).containsExactly("distro44");
        assertThat(on44.build().defines()).containsExactly(Map.entry("distro", "44"));
        assertThat(on44.overlays()).isNull();
        assertThat(on44.spec().upstreamDistro().snapshot()).isNull();
        // rawhide has no defaults: the project default distro's default version (43) applies,
        // its snapshot included, but the component's version wins
        ComponentConfig onRawhide = config(project, "onrawhide");
        assertThat(onRawhide.build().with()).containsExactly("distro");
        assertThat(onRawhide.spec().upstreamDistro().version()).isEqualTo("rawhide");
        assertThat(onRawhide.spec().upstreamDistro().snapshot()).isEqualTo("2026-01-01T00:00:00Z");
        ComponentConfig onDefault = config(project, "ondefault");
        assertThat(onDefault.build().defines()).containsEntry("distro", "43");
        assertThat(onDefault.spec().upstreamDistro().version()).isEqualTo("43");
    }

    // ------------------------------------------------------------------ overlay files

    private static final String METADATA = """
            [metadata]
            category = "%s"
            upstream-status = "inapplicable"
            """;

    private void overlayFile(String path, String category, String... values) {
        StringBuilder text = new StringBuilder(METADATA.formatted(category));
        for (String value : values) {
            text.append("\n[[overlays]]\ntype = \"spec-add-tag\"\ntag = \"Vendor\"\nvalue = \"")
                    .append(value)
                    .append("\"\n");
        }
        write(path, text.toString());
    }

    @Test
    void overlayFilesReplacedByALaterLayer() {
        overlayFile("common/common.toml", "azl-compatibility", "common");
        overlayFile("own/own.toml", "azl-compatibility", "own");
        write("azldev.toml", """
                [default-component-config]
                overlay-files = ["common/*.toml"]

                [components.inherits]
                [components.replaces]
                overlay-files = ["own/*.toml"]
                [components.disables]
                overlay-files = []
                """);
        Project project = load();
        assertThat(overlayValues(config(project, "inherits"))).containsExactly("common");
        assertThat(overlayValues(config(project, "replaces"))).containsExactly("own");
        assertThat(config(project, "disables").overlays()).isNull();
    }

    @Test
    void overlayFilesInPatternOrderThenBaseNameOnceEach() {
        overlayFile("ov/x/20-b.toml", "azl-compatibility", "20-b");
        overlayFile("ov/x/30-c.toml", "azl-compatibility", "30-c");
        overlayFile("ov/y/10-a.toml", "azl-compatibility", "10-a.1", "10-a.2");
        write("azldev.toml", """
                [components.a]
                overlays = [{ type = "spec-add-tag", tag = "Vendor", value = "inline" }]
                overlay-files = ["ov/x/30-c.toml", "ov/**/*.toml"]
                """);
        assertThat(overlayValues(config(load(), "a"))).containsExactly("inline", "30-c", "10-a.1", "10-a.2", "20-b");
    }

    @Test
    void overlayFileMetadataIsCopiedOntoEachOverlay() {
        write("azldev.toml", """
                [components.a]
                overlay-files = ["a.overlay.toml"]
                """);
        write("a.overlay.toml", """
                [metadata]
                category = "upstream-backport"
                upstream-status = "upstreamed"
                commits = [{ url = "https://example.org/commit/1" }]

                [[overlays]]
                type = "spec-add-tag"
                tag = "Vendor"
                value = "one"

                [[overlays]]
                type = "spec-remove-subpackage"
                package = "doc"
                """);
        List<Overlay> overlays = config(load(), "a").overlays();
        assertThat(overlays).hasSize(2);
        for (Overlay overlay : overlays) {
            OverlayMetadata metadata = overlay.notes().metadata().orElseThrow();
            assertThat(metadata.category()).isEqualTo(OverlayCategory.UPSTREAM_BACKPORT);
            assertThat(metadata.upstreamStatus()).isEqualTo(UpstreamStatus.UPSTREAMED);
            assertThat(metadata.commits())
                    .singleElement()
                    .satisfies(link -> assertThat(link.url()).isEqualTo("https://example.org/commit/1"));
        }
    }

    // ------------------------------------------------------------------ spec-glob groups

    @Test
    void specGlobGroupsCreateLocalComponentsAndAreSelectable() {
        write("specs/a/a.spec", "Name: a\n");
        write("specs/b.spec", "Name: b\n");
        write("specs/broken/c.spec", "Name: c\n");
        write("azldev.toml", """
                includes = ["groups/local.toml"]
                [components.curl]
                [components.b]
                spec = { type = "local", path = "specs/b.spec" }
                build.with = ["tests"]
                """);
        write("groups/local.toml", """
                [component-groups.local]
                components = ["curl"]
                specs = ["../specs/**/*.spec"]
                excluded-paths = ["../specs/broken/**"]
                """);
        Project project = load();
        assertThat(project.components()).containsOnlyKeys("a", "b", "curl");
        assertThat(project.groupMembers()).containsEntry("local", List.of("a", "b", "curl"));
        ResolvedComponent a = project.components().get("a");
        assertThat(a.specType()).isEqualTo(SpecType.LOCAL);
        assertThat(a.config().spec().path()).isEqualTo(abs("specs/a/a.spec"));
        assertThat(a.groups()).containsExactly("local");
        ResolvedComponent b = project.components().get("b");
        assertThat(b.specType()).isEqualTo(SpecType.LOCAL);
        assertThat(b.config().spec().path()).isEqualTo(abs("specs/b.spec"));
        assertThat(b.config().build().with()).containsExactly("tests");

        SortedMap<String, ResolvedComponent> selected =
                ComponentSelector.select(project, false, List.of(), List.of("local"));
        assertThat(selected).containsOnlyKeys("a", "b", "curl");
    }

    // ------------------------------------------------------------------ paths

    @Test
    void relativePathsResolveAgainstTheDeclaringFile() {
        write("base/comps/a/a.spec", "Name: a\n");
        write("base/comps/a/fix.patch", "--- a\n+++ b\n");
        write("azldev.toml", """
                includes = ["base/project.toml"]
                """);
        write("base/project.toml", """
                includes = ["comps/**/*.comp.toml"]
                [project]
                rendered-specs-dir = "../specs"
                """);
        write("base/comps/a/a.comp.toml", """
                [components.a]
                spec = { type = "local", path = "a.spec" }
                overlays = [{ type = "patch-add", source = "fix.patch" }]
                """);
        Project project = load();
        ComponentConfig a = config(project, "a");
        assertThat(a.spec().path()).isEqualTo(abs("base/comps/a/a.spec"));
        assertThat(((Overlay.PatchAdd) a.overlays().get(0)).source()).isEqualTo(abs("base/comps/a/fix.patch"));
        assertThat(project.renderedSpecsDir()).isEqualTo(dir.resolve("specs").toAbsolutePath());
        assertThat(project.lockDir()).isEqualTo(dir.resolve("locks").toAbsolutePath());
    }

    @Test
    void overlaySourceInAnOverlayFileIsRelativeToThatFile() {
        write("ov/patches/fix.patch", "--- a\n+++ b\n");
        write("azldev.toml", """
                [components.a]
                overlay-files = ["ov/*.toml"]
                """);
        write("ov/fix.toml", """
                [metadata]
                category = "azl-compatibility"
                upstream-status = "upstreamable"

                [[overlays]]
                type = "patch-add"
                source = "patches/fix.patch"
                """);
        assertThat(((Overlay.PatchAdd) config(load(), "a").overlays().get(0)).source())
                .isEqualTo(abs("ov/patches/fix.patch"));
    }

    // ------------------------------------------------------------------ trees

    @Test
    void everyResolvedNodeSaysItsLayerFileAndLine() {
        Project project = layered();
        ResolvedComponent both = project.components().get("both");
        ConfigNode.Table tree = both.tree();
        Path distro = dir.resolve("distro.toml");
        Path root = dir.resolve("azldev.toml");

        assertNode(tree, "component", root, 20);
        assertNode(TreeLookup.at(tree, "spec", "upstream-distro", "snapshot"), "distro fedora 43", distro, 8);
        assertNode(TreeLookup.at(tree, "build", "defines", "distro"), "distro fedora 43", distro, 9);
        assertNode(TreeLookup.at(tree, "build", "defines", "project"), "project default-component-config", root, 7);
        assertNode(TreeLookup.at(tree, "build", "defines", "alpha"), "group alpha", root, 17);
        assertNode(TreeLookup.at(tree, "build", "defines", "group"), "group beta", root, 12);
        assertNode(TreeLookup.at(tree, "build", "defines", "layer"), "component", root, 21);
        assertNode(TreeLookup.at(tree, "release", "calculation"), "default", root, 20);

        ConfigNode.Array with = (ConfigNode.Array) TreeLookup.at(tree, "build", "with");
        assertThat(with.items())
                .extracting(ConfigNode::layer)
                .containsExactly(
                        "distro fedora 43",
                        "project default-component-config",
                        "group alpha",
                        "group beta",
                        "component");
        assertThat(with.items()).extracting(node -> node.location().line()).containsExactly(9, 7, 17, 12, 21);
        ConfigNode.Array overlays = (ConfigNode.Array) tree.get("overlays");
        assertThat(overlays.items())
                .extracting(ConfigNode::layer)
                .containsExactly("distro fedora 43", "project default-component-config", "group alpha", "component");
        assertThat(overlays.items())
                .extracting(node ->
                        relative(node.location().file()) + ":" + node.location().line())
                .containsExactly("distro.toml:10", "azldev.toml:8", "azldev.toml:18", "azldev.toml:22");

        // and every node of every component knows its layer and where it was written
        for (ResolvedComponent component : project.components().values()) {
            for (ConfigNode node : allNodes(component.tree())) {
                assertThat(node.layer()).as("layer of %s", node).isNotNull();
                assertThat(node.location().file()).isIn(distro, root);
                assertThat(node.location().line()).isPositive();
                assertThat(node.location().column()).isPositive();
            }
        }
    }

    @Test
    void overlaysFromOverlayFilesSayWhichFile() {
        write("azldev.toml", """
                [components.a]
                overlay-files = ["a.overlay.toml"]
                """);
        overlayFile("a.overlay.toml", "azl-compatibility", "one");
        ConfigNode.Array overlays = (ConfigNode.Array) project("a").tree().get("overlays");
        ConfigNode overlay = overlays.items().get(0);
        assertNode(overlay, "overlay file a.overlay.toml", dir.resolve("a.overlay.toml"), 5);
        assertNode(TreeLookup.at(overlay, "value"), "overlay file a.overlay.toml", dir.resolve("a.overlay.toml"), 8);
        assertNode(
                TreeLookup.at(overlay, "metadata", "category"),
                "overlay file a.overlay.toml",
                dir.resolve("a.overlay.toml"),
                2);
    }

    private ResolvedComponent project(String name) {
        return load().components().get(name);
    }

    private static void assertNode(ConfigNode node, String layer, Path file, int line) {
        assertThat(node).isNotNull();
        assertThat(node.layer()).as("layer").isEqualTo(layer);
        assertThat(node.location().file()).as("file").isEqualTo(file);
        assertThat(node.location().line()).as("line").isEqualTo(line);
    }

    private static List<ConfigNode> allNodes(ConfigNode node) {
        List<ConfigNode> nodes = new ArrayList<>();
        nodes.add(node);
        if (node instanceof ConfigNode.Table table) {
            table.entries().values().forEach(child -> nodes.addAll(allNodes(child)));
        } else if (node instanceof ConfigNode.Array array) {
            array.items().forEach(item -> nodes.addAll(allNodes(item)));
        }
        return nodes;
    }

    // ------------------------------------------------------------------ config dump

    @Test
    void configDumpReloadsToTheSameComponents() throws Exception {
        write("specs/b.spec", "Name: b\n");
        write("base/a/fix.patch", "--- a\n+++ b\n");
        overlayFile("base/a/a.overlay.toml", "azl-compatibility", "from-file");
        write("distro.toml", DISTRO);
        write("azldev.toml", LAYERS + """
                [components.a]
                release = { calculation = "manual" }
                overlay-files = ["base/a/*.overlay.toml"]
                overlays = [{ type = "patch-add", source = "base/a/fix.patch", description = "say \\"hi\\"\\n" }]
                source-files = [{ filename = "a.tar.gz", hash = "ab", hash-type = "SHA256", origin = { type = "download", uri = "https://example.org/a.tar.gz" } }]
                packages = { a-libs = { publish = { rpm-channel = "base" } } }

                [component-groups.local]
                specs = ["specs/*.spec"]

                [package-groups.base]
                packages = ["bash"]
                """);
        Project original = load();

        String dump = TomlWriter.write(PathRewriter.relativize(original.tree(), ConfigFile.class, original.root()));
        assertThat(dump).doesNotContain(dir.toString());
        Files.writeString(dir.resolve("dump.toml"), dump);
        Project reloaded = new ProjectLoader(false).load(dir.resolve("dump.toml"));

        assertThat(reloaded.components().keySet())
                .containsExactlyElementsOf(original.components().keySet());
        assertThat(original.components()).containsKeys("a", "b", "both");
        original.components()
                .forEach((name, component) -> assertThat(
                                reloaded.components().get(name).config())
                        .as(name)
                        .isEqualTo(component.config()));
        assertThat(reloaded.groupMembers()).isEqualTo(original.groupMembers());
        assertThat(reloaded.config().distros()).isEqualTo(original.config().distros());
        assertThat(reloaded.config().packageGroups())
                .isEqualTo(original.config().packageGroups());
    }
}
