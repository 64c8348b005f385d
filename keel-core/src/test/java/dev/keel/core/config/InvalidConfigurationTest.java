package dev.keel.core.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Invalid project-level configurations: unknown keys, wrong types and enum values, missing
 * required keys, includes, cross-file and cross-table references, TOML syntax. Each test checks
 * the one error reported: message, file, line, column, key path and hint.
 */
class InvalidConfigurationTest extends ConfigFixture {

    private static final String FEDORA = """
            [distros.fedora]
            default-version = "43"
            [distros.fedora.versions.43]
            release-ver = "43"
            [distros.fedora.versions.rawhide]
            release-ver = "rawhide"
            """;

    // ------------------------------------------------------------------ unknown keys

    @Test
    void unknownTopLevelKey() {
        write("azldev.toml", """
                [components.a]
                [component]
                """);
        expectOnly(
                "azldev.toml",
                2,
                1,
                "component",
                "unknown key 'component' in the top level",
                "did you mean 'components'?");
    }

    @Test
    void unknownTopLevelKeyWithoutCloseMatchListsKnownKeys() {
        write("azldev.toml", """
                bogus = 1
                """);
        expectOnly(
                "azldev.toml",
                1,
                1,
                "bogus",
                "unknown key 'bogus' in the top level",
                "known keys: $schema, component-groups, components, default-component-config,"
                        + " default-package-config, distros, images, includes, package-groups, project,"
                        + " resources, test-suites, tools");
    }

    @Test
    void unknownComponentKeySuggestsOverlayFiles() {
        write("azldev.toml", """
                [components.curl]
                overlay-file = ["curl/*.overlay.toml"]
                """);
        expectOnly(
                "azldev.toml",
                2,
                1,
                "components.curl.overlay-file",
                "unknown key 'overlay-file' in component 'curl'",
                "did you mean 'overlay-files'?");
    }

    @Test
    void unknownKeyInAComponentWithADottedName() {
        write("azldev.toml", """
                [components.'python3.12']
                buidl = { with = ["tests"] }
                """);
        expectOnly(
                "azldev.toml",
                2,
                1,
                "components.\"python3.12\".buidl",
                "unknown key 'buidl' in component 'python3.12'",
                "did you mean 'build'?");
    }

    @Test
    void nonAbsoluteDistGitUri() {
        write("azldev.toml", """
                [distros.fedora]
                dist-git-base-uri = "/srv/git/$pkg.git"
                """);
        expectOnly(
                "azldev.toml",
                2,
                1,
                "distros.fedora.dist-git-base-uri",
                "dist-git-base-uri must be an absolute URI",
                "e.g. https://src.example.org/rpms/$pkg.git");
    }

    @Test
    void unknownProjectKey() {
        write("azldev.toml", """
                [project]
                descripton = "x"
                """);
        expectOnly(
                "azldev.toml",
                2,
                1,
                "project.descripton",
                "unknown key 'descripton' in 'project'",
                "did you mean 'description'?");
    }

    @Test
    void unknownDistroKey() {
        write("azldev.toml", """
                [distros.fedora]
                default-verison = "43"
                """);
        expectOnly(
                "azldev.toml",
                2,
                1,
                "distros.fedora.default-verison",
                "unknown key 'default-verison' in distro 'fedora'",
                "did you mean 'default-version'?");
    }

    @Test
    void unknownDistroVersionKey() {
        write("azldev.toml", """
                [distros.fedora.versions."4.0-stage1"]
                release-ver = "4.0"
                dist-git-brach = "f43"
                """);
        expectOnly(
                "azldev.toml",
                3,
                1,
                "distros.fedora.versions.\"4.0-stage1\".dist-git-brach",
                "unknown key 'dist-git-brach' in 'versions.\"4.0-stage1\"' of distro 'fedora'",
                "did you mean 'dist-git-branch'?");
    }

    @Test
    void unknownBuildKey() {
        write("azldev.toml", """
                [components.a.build]
                withh = ["tests"]
                """);
        expectOnly(
                "azldev.toml",
                2,
                1,
                "components.a.build.withh",
                "unknown key 'withh' in 'build' of component 'a'",
                "did you mean 'with'?");
    }

    @Test
    void unknownCheckKeySuggestsUnderscore() {
        write("azldev.toml", """
                [components.a.build.check]
                skip = true
                skip-reason = "flaky"
                """);
        List<ConfigError> errors = errors();
        assertError(
                errors.get(0),
                "azldev.toml",
                3,
                1,
                "components.a.build.check.skip-reason",
                "unknown key 'skip-reason' in 'build.check' of component 'a'",
                "did you mean 'skip_reason'?");
        // the misspelt reason does not count, so skip has none
        assertThat(errors).extracting(ConfigError::message).contains("build.check.skip needs a skip_reason");
    }

    @Test
    void unknownOverlayKeyIsReportedOnce() {
        write("azldev.toml", """
                [components.a]
                [[components.a.overlays]]
                type = "spec-add-tag"
                tag = "BuildRequires"
                value = "make"
                descripton = "needs make"
                """);
        expectOnly(
                "azldev.toml",
                6,
                1,
                "components.a.overlays[0].descripton",
                "unknown key 'descripton' in 'overlays[0]' of component 'a'",
                "did you mean 'description'?");
    }

    @Test
    void unknownSourceFilesKey() {
        write("azldev.toml", """
                [[components.a.source-files]]
                filename = "a.tar.gz"
                hash_type = "SHA512"
                """);
        expectOnly(
                "azldev.toml",
                3,
                1,
                "components.a.source-files[0].hash_type",
                "unknown key 'hash_type' in 'source-files[0]' of component 'a'",
                "did you mean 'hash-type'?");
    }

    @Test
    void unknownComponentGroupKey() {
        write("azldev.toml", """
                [components.a]
                [component-groups.core]
                component = ["a"]
                """);
        expectOnly(
                "azldev.toml",
                3,
                1,
                "component-groups.core.component",
                "unknown key 'component' in component group 'core'",
                "did you mean 'components'?");
    }

    @Test
    void unknownImageKey() {
        write("azldev.toml", """
                [images.vm]
                description = "VM image"
                [images.vm.capabilities]
                containr = true
                """);
        expectOnly(
                "azldev.toml",
                4,
                1,
                "images.vm.capabilities.containr",
                "unknown key 'containr' in 'capabilities' of image 'vm'",
                "did you mean 'container'?");
    }

    @Test
    void unknownPackageGroupKey() {
        write("azldev.toml", """
                [package-groups.base]
                package = ["bash"]
                """);
        expectOnly(
                "azldev.toml",
                2,
                1,
                "package-groups.base.package",
                "unknown key 'package' in package group 'base'",
                "did you mean 'packages'?");
    }

    @Test
    void unknownKeyInIncludedFileIsLocatedThere() {
        write("azldev.toml", """
                includes = ["comps/*.comp.toml"]
                """);
        write("comps/curl.comp.toml", """
                # curl

                [components.curl.render]
                skip-file-filtr = true
                """);
        expectOnly(
                "comps/curl.comp.toml",
                4,
                1,
                "components.curl.render.skip-file-filtr",
                "unknown key 'skip-file-filtr' in 'render' of component 'curl'",
                "did you mean 'skip-file-filter'?");
    }

    // ------------------------------------------------------------------ wrong types

    @Test
    void stringWhereBoolean() {
        write("azldev.toml", """
                [components.a.build.check]
                skip = "yes"
                skip_reason = "flaky"
                """);
        expectOnly(
                "azldev.toml",
                2,
                1,
                "components.a.build.check.skip",
                "'skip' must be a boolean (true or false), found a string",
                "");
    }

    @Test
    void arrayWhereString() {
        write("azldev.toml", """
                [project]
                description = ["a", "b"]
                """);
        expectOnly("azldev.toml", 2, 1, "project.description", "'description' must be a string, found an array", "");
    }

    @Test
    void tableWhereArray() {
        write("azldev.toml", """
                [components.a]
                build = { with = { tests = true } }
                """);
        expectOnly("azldev.toml", 2, 11, "components.a.build.with", "'with' must be an array, found a table", "");
    }

    @Test
    void integerWhereString() {
        write("azldev.toml", """
                [distros.fedora.versions.43]
                release-ver = 43
                """);
        expectOnly(
                "azldev.toml",
                2,
                1,
                "distros.fedora.versions.43.release-ver",
                "'release-ver' must be a string, found an integer",
                "");
    }

    @Test
    void wrongTypeOfArrayItem() {
        write("azldev.toml", """
                [components.a.build]
                with = ["tests", 2]
                """);
        expectOnly(
                "azldev.toml", 2, 18, "components.a.build.with[1]", "'with[1]' must be a string, found an integer", "");
    }

    // ------------------------------------------------------------------ enum values

    @Test
    void invalidSpecType() {
        write("azldev.toml", """
                [components.a]
                spec = { type = "remote" }
                """);
        expectOnly(
                "azldev.toml",
                2,
                10,
                "components.a.spec.type",
                "invalid value 'remote' for 'type'",
                "expected one of: upstream, local");
    }

    @Test
    void invalidReleaseCalculation() {
        write("azldev.toml", """
                [components.a.release]
                calculation = "manaul"
                """);
        expectOnly(
                "azldev.toml",
                2,
                1,
                "components.a.release.calculation",
                "invalid value 'manaul' for 'calculation'",
                "did you mean 'manual'?");
    }

    @Test
    void invalidRenderTexts() {
        write("azldev.toml", """
                [project.render]
                texts = "azldve"
                """);
        expectOnly(
                "azldev.toml",
                2,
                1,
                "project.render.texts",
                "invalid value 'azldve' for 'texts'",
                "did you mean 'azldev'?");
    }

    @Test
    void unknownKeyInProjectRender() {
        write("azldev.toml", """
                [project.render]
                text = "azldev"
                """);
        expectOnly(
                "azldev.toml",
                2,
                1,
                "project.render.text",
                "unknown key 'text' in 'project.render'",
                "did you mean 'texts'?");
    }

    @Test
    void invalidOverlayTypeSuggestsTheClosest() {
        write("azldev.toml", """
                [[components.a.overlays]]
                type = "spec-search-replce"
                regex = "a"
                replacement = "b"
                """);
        expectOnly(
                "azldev.toml",
                2,
                1,
                "components.a.overlays[0].type",
                "invalid value 'spec-search-replce' for 'type'",
                "did you mean 'spec-search-replace'?");
    }

    @Test
    void invalidHashType() {
        write("azldev.toml", """
                [[components.a.source-files]]
                filename = "a.tar.gz"
                hash = "d41d8cd98f00b204e9800998ecf8427e"
                hash-type = "MD5"
                """);
        expectOnly(
                "azldev.toml",
                4,
                1,
                "components.a.source-files[0].hash-type",
                "invalid value 'MD5' for 'hash-type'",
                "expected one of: SHA256, SHA512");
    }

    @Test
    void invalidOriginTypeIsOneError() {
        write("azldev.toml", """
                [[components.a.source-files]]
                filename = "a.tar.gz"
                origin = { type = "git", uri = "https://example.org/a.git" }
                """);
        expectOnly(
                "azldev.toml",
                3,
                12,
                "components.a.source-files[0].origin.type",
                "invalid value 'git' for 'type'",
                "expected one of: download, custom, overlay");
    }

    @Test
    void invalidMetadataCategory() {
        write("azldev.toml", """
                [[components.a.overlays]]
                type = "spec-remove-subpackage"
                package = "doc"
                metadata = { category = "azl-pruned", upstream-status = "inapplicable" }
                """);
        expectOnly(
                "azldev.toml",
                4,
                14,
                "components.a.overlays[0].metadata.category",
                "invalid value 'azl-pruned' for 'category'",
                "did you mean 'azl-pruning'?");
    }

    @Test
    void invalidMetadataUpstreamStatus() {
        write("azldev.toml", """
                [[components.a.overlays]]
                type = "spec-remove-subpackage"
                package = "doc"
                [components.a.overlays.metadata]
                category = "azl-pruning"
                upstream-status = "upstream"
                """);
        expectOnly(
                "azldev.toml",
                6,
                1,
                "components.a.overlays[0].metadata.upstream-status",
                "invalid value 'upstream' for 'upstream-status'",
                "did you mean 'upstreamed'?");
    }

    // ------------------------------------------------------------------ missing required keys

    @Test
    void overlayWithoutType() {
        write("azldev.toml", """
                [components.a]

                [[components.a.overlays]]
                description = "no type"
                """);
        expectOnly(
                "azldev.toml",
                3,
                1,
                "components.a.overlays[0].type",
                "missing required key 'type' in 'overlays[0]' of component 'a'",
                "The overlay type, e.g. spec-search-replace.");
    }

    @Test
    void sourceFileWithoutFilename() {
        write("azldev.toml", """
                [components.a]
                [[components.a.source-files]]
                origin = { type = "download", uri = "https://example.org/a.tar.gz" }
                """);
        expectOnly(
                "azldev.toml",
                2,
                1,
                "components.a.source-files[0].filename",
                "missing required key 'filename' in 'source-files[0]' of component 'a'",
                "File name (a safe base name, unique per component).");
    }

    @Test
    void distroVersionWithoutReleaseVer() {
        write("azldev.toml", """
                [distros.fedora]
                default-version = "43"

                [distros.fedora.versions.43]
                description = "Fedora 43"
                """);
        expectOnly(
                "azldev.toml",
                4,
                1,
                "distros.fedora.versions.43.release-ver",
                "missing required key 'release-ver' in 'versions.43' of distro 'fedora'",
                "The value of $releasever.");
    }

    @Test
    void overlayFileMetadataWithoutCategory() {
        write("azldev.toml", """
                [components.a]
                overlay-files = ["a.overlay.toml"]
                """);
        write("a.overlay.toml", """
                [metadata]
                upstream-status = "inapplicable"

                [[overlays]]
                type = "spec-remove-subpackage"
                package = "doc"
                """);
        expectOnly(
                "a.overlay.toml",
                1,
                1,
                "metadata.category",
                "missing required key 'category' in 'metadata'",
                "Why the overlay exists.");
    }

    // ------------------------------------------------------------------ includes

    @Test
    void missingLiteralInclude() {
        write("azldev.toml", """
                includes = ["base/project.toml"]
                """);
        expectOnly(
                "azldev.toml",
                1,
                13,
                "includes",
                "included file not found: base/project.toml",
                "the path is relative to ./");
    }

    @Test
    void missingLiteralIncludeInSubdirectory() {
        write("azldev.toml", """
                includes = ["base/project.toml"]
                """);
        write("base/project.toml", """
                includes = ["*.comp.toml", "images/images.toml"]
                """);
        expectOnly(
                "base/project.toml",
                1,
                28,
                "includes",
                "included file not found: images/images.toml",
                "the path is relative to base/");
    }

    @Test
    void includeEscapingTheProjectDirectory() {
        write("proj/azldev.toml", """
                includes = ["../x.toml"]
                """);
        write("x.toml", """
                [components.outside]
                """);
        assertError(
                onlyError("proj/azldev.toml"),
                "proj/azldev.toml",
                1,
                13,
                "includes",
                "include '../x.toml' leaves the project directory: " + abs("x.toml"),
                "included files must be inside " + abs("proj"));
    }

    @Test
    void includeCycle() {
        write("azldev.toml", """
                includes = ["a.toml"]
                """);
        write("a.toml", """
                includes = ["sub/b.toml"]
                """);
        write("sub/b.toml", """
                # back to a
                includes = ["../a.toml"]
                """);
        expectOnly(
                "sub/b.toml",
                2,
                13,
                "includes",
                "circular include: a.toml -> sub/b.toml -> a.toml",
                "remove the include that leads back to a.toml");
    }

    @Test
    void diamondIncludeIsLoadedOnce() {
        write("azldev.toml", """
                includes = ["a.toml", "b.toml"]
                """);
        write("a.toml", """
                includes = ["common.toml"]
                [components.a]
                """);
        write("b.toml", """
                includes = ["common.toml"]
                [components.b]
                """);
        write("common.toml", """
                [components.common]
                """);
        Project project = load();
        assertThat(project.files())
                .extracting(this::relative)
                .containsExactly("azldev.toml", "a.toml", "common.toml", "b.toml");
        assertThat(project.components()).containsOnlyKeys("a", "b", "common");
        assertThat(project.warnings()).isEmpty();
    }

    // ------------------------------------------------------------------ cross-file and cross-table references

    @Test
    void componentDefinedInTwoFiles() {
        write("azldev.toml", """
                includes = ["comps/*.toml"]

                [components.curl]
                """);
        write("comps/curl.toml", """
                # a second definition
                [components.curl]
                build.with = ["tests"]
                """);
        expectOnly(
                "comps/curl.toml",
                2,
                1,
                "components.curl",
                "component 'curl' is defined twice",
                "first defined at " + abs("azldev.toml") + ":3:1");
    }

    @Test
    void componentGroupListingAnUnknownComponent() {
        write("azldev.toml", """
                [components.curl]
                [component-groups.net]
                components = ["curl", "wgte"]
                [components.wget]
                """);
        expectOnly(
                "azldev.toml",
                3,
                23,
                "component-groups.net.components",
                "component group 'net' lists 'wgte', which is not a component",
                "did you mean 'wget'?");
    }

    @Test
    void packageInTwoPackageGroups() {
        write("azldev.toml", """
                [package-groups.base]
                packages = ["bash", "coreutils"]
                [package-groups.sdk]
                packages = ["gcc", "bash"]
                """);
        expectOnly(
                "azldev.toml",
                4,
                20,
                "package-groups.sdk.packages",
                "package 'bash' is in package groups 'base' and 'sdk'",
                "a package may be in one group only");
    }

    @Test
    void packageTwiceInOneGroup() {
        write("azldev.toml", """
                [package-groups.base]
                packages = [
                    "bash",
                    "coreutils",
                    "bash",
                ]
                """);
        expectOnly(
                "azldev.toml",
                5,
                5,
                "package-groups.base.packages",
                "package 'bash' is listed twice in package group 'base'",
                "");
    }

    @Test
    void unknownUpstreamDistro() {
        write("azldev.toml", FEDORA + """
                [components.a]
                spec = { type = "upstream", upstream-distro = { name = "fedroa" } }
                """);
        expectOnly(
                "azldev.toml",
                8,
                49,
                "components.a.spec.upstream-distro.name",
                "unknown distro 'fedroa'",
                "did you mean 'fedora'?");
    }

    @Test
    void unknownProjectDefaultDistro() {
        write("azldev.toml", FEDORA + """
                [project]
                default-distro = { name = "debian" }
                """);
        expectOnly("azldev.toml", 8, 20, "project.default-distro.name", "unknown distro 'debian'", "");
    }

    @Test
    void unknownDistroVersion() {
        write("azldev.toml", FEDORA + """
                [components.a.spec.upstream-distro]
                name = "fedora"
                version = "rawhid"
                """);
        expectOnly(
                "azldev.toml",
                9,
                1,
                "components.a.spec.upstream-distro.version",
                "distro 'fedora' has no version 'rawhid'",
                "did you mean 'rawhide'?");
    }

    @Test
    void unknownProjectDefaultDistroVersion() {
        write("azldev.toml", FEDORA + """
                [project.default-distro]
                name = "fedora"
                version = "45"
                """);
        expectOnly(
                "azldev.toml",
                9,
                1,
                "project.default-distro.version",
                "distro 'fedora' has no version '45'",
                "did you mean '43'?");
    }

    @Test
    void distroDefaultVersionNotInVersions() {
        write("azldev.toml", """
                [distros.fedora]
                default-version = "rawhid"
                [distros.fedora.versions.rawhide]
                release-ver = "rawhide"
                """);
        expectOnly(
                "azldev.toml",
                2,
                1,
                "distros.fedora.default-version",
                "distro 'fedora' has no version 'rawhid'",
                "did you mean 'rawhide'?");
    }

    @Test
    void badPlaceholderInDistGitBaseUri() {
        write("azldev.toml", """
                [distros.fedora]
                dist-git-base-uri = "https://src.example.org/rpms/$name.git"
                """);
        expectOnly(
                "azldev.toml",
                2,
                1,
                "distros.fedora.dist-git-base-uri",
                "unknown placeholder $name in dist-git-base-uri",
                "allowed: $pkg");
    }

    @Test
    void nonAbsoluteLookasideUri() {
        write("azldev.toml", """
                [distros.fedora]
                lookaside-base-uri = "src.example.org/repo/pkgs/$pkg/$filename/$hashtype/$hash/$filename"
                """);
        expectOnly(
                "azldev.toml",
                2,
                1,
                "distros.fedora.lookaside-base-uri",
                "lookaside-base-uri must be an absolute URI",
                "e.g. https://src.example.org/repo/pkgs/$pkg/$filename/$hashtype/$hash/$filename");
    }

    @Test
    void kojiTargetIsReadPerDistroVersion() {
        write("azldev.toml", """
                [distros.fedora.versions.43]
                release-ver = "43"
                koji-target = "f43-build"
                """);
        Project project = load();
        assertThat(project.distros().get("fedora").versions().get("43").kojiTarget())
                .isEqualTo("f43-build");
        assertThat(project.warnings()).isEmpty();
    }

    @Test
    void kojiTargetWithWhitespace() {
        write("azldev.toml", """
                [distros.fedora.versions.43]
                release-ver = "43"
                koji-target = "f43 build"
                """);
        expectOnly(
                "azldev.toml",
                3,
                1,
                "distros.fedora.versions.43.koji-target",
                "koji-target must be a Koji target name, without whitespace",
                "e.g. koji-target = \"f43-build\"");
    }

    @Test
    void emptyKojiTarget() {
        write("azldev.toml", """
                [distros.fedora.versions.43]
                release-ver = "43"
                koji-target = ""
                """);
        expectOnly(
                "azldev.toml",
                3,
                1,
                "distros.fedora.versions.43.koji-target",
                "koji-target must be a Koji target name, without whitespace",
                "e.g. koji-target = \"f43-build\"");
    }

    @Test
    void invalidPublishChannel() {
        write("azldev.toml", """
                [components.a.publish]
                rpm-channel = "base"
                srpm-channel = "a/b"
                """);
        expectOnly(
                "azldev.toml",
                3,
                1,
                "components.a.publish.srpm-channel",
                "invalid channel name 'a/b'",
                "not '.' or '..', and no '/' or '\\'");
    }

    // ------------------------------------------------------------------ syntax, several errors, permissive

    @Test
    void tomlSyntaxError() {
        write("azldev.toml", """
                includes = ["comps.toml"]
                """);
        write("comps.toml", """
                [components.a]
                # fine so far
                build.with = ["tests]
                """);
        ConfigError error = onlyError();
        assertThat(relative(error.location().file())).isEqualTo("comps.toml");
        assertThat(error.location().line()).isEqualTo(3);
        assertThat(error.message()).startsWith("TOML syntax");
    }

    @Test
    void tomlSyntaxErrorOnItsLine() {
        write("azldev.toml", """
                [components.a]
                spec = = "x"
                """);
        ConfigError error = onlyError();
        assertThat(relative(error.location().file())).isEqualTo("azldev.toml");
        assertThat(error.location().line()).isEqualTo(2);
        assertThat(error.message()).startsWith("TOML syntax");
    }

    @Test
    void everyErrorOfALoadIsReported() {
        write("azldev.toml", "includes = [\"comps.toml\"]\n" + FEDORA);
        write("comps.toml", """
                [components.a]
                spec = { type = "upstream", upstream-distro = { name = "fedroa" } }

                [components.b.build]
                check = { skip = true }
                """);
        List<ConfigError> errors = errors();
        assertThat(errors).hasSize(2);
        assertError(
                errors.get(0),
                "comps.toml",
                2,
                49,
                "components.a.spec.upstream-distro.name",
                "unknown distro 'fedroa'",
                "did you mean 'fedora'?");
        assertError(
                errors.get(1),
                "comps.toml",
                5,
                11,
                "components.b.build.check.skip",
                "build.check.skip needs a skip_reason",
                "say why %check is skipped: skip_reason = \"...\"");
    }

    @Test
    void errorsOfDifferentFilesAndPhasesAreAllReported() {
        write("azldev.toml", """
                includes = ["a.toml"]
                bogus = true
                """);
        write("a.toml", """
                [components.a]
                spec = { type = "local" }
                [component-groups.g]
                components = ["nope"]
                """);
        assertThat(errors())
                .extracting(ConfigError::message)
                .containsExactlyInAnyOrder(
                        "unknown key 'bogus' in the top level",
                        "component group 'g' lists 'nope', which is not a component",
                        "a local spec needs spec.path");
    }

    @Test
    void permissiveConfigTurnsUnknownKeysIntoWarnings() {
        write("azldev.toml", """
                future-key = 1
                [components.curl]
                overlay-file = ["x.toml"]
                [components.curl.build]
                with = ["tests"]
                """);
        Project project = new ProjectLoader(true).load(dir.resolve("azldev.toml"));
        assertThat(project.components()).containsOnlyKeys("curl");
        assertThat(project.components().get("curl").config().build().with()).containsExactly("tests");
        assertThat(project.warnings())
                .extracting(ConfigError::severity, ConfigError::keyPath, ConfigError::message)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(
                                ConfigError.Severity.WARNING,
                                "future-key",
                                "unknown key 'future-key' in the top level"),
                        org.assertj.core.groups.Tuple.tuple(
                                ConfigError.Severity.WARNING,
                                "components.curl.overlay-file",
                                "unknown key 'overlay-file' in component 'curl'"));
    }

    @Test
    void withoutPermissiveConfigTheSameKeysAreErrors() {
        write("azldev.toml", """
                future-key = 1
                [components.curl]
                overlay-file = ["x.toml"]
                """);
        assertThat(errors())
                .extracting(ConfigError::keyPath)
                .containsExactly("future-key", "components.curl.overlay-file");
    }
}
