package dev.keel.core.config;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * Invalid components: spec sources, build settings, source files, overlays and overlay files.
 * Each test checks the one error reported: message, file, line, column, key path and hint.
 */
class InvalidComponentConfigurationTest extends ConfigFixture {

    private static final String FEDORA = """
            [distros.fedora]
            default-version = "43"
            [distros.fedora.versions.43]
            release-ver = "43"
            """;

    // ------------------------------------------------------------------ spec

    @Test
    void localSpecWithoutPath() {
        write("azldev.toml", """
                [components.a]
                spec = { type = "local" }
                """);
        expectOnly(
                "azldev.toml",
                2,
                10,
                "components.a.spec.type",
                "a local spec needs spec.path",
                "set spec.path to the spec file, relative to this file");
    }

    @Test
    void localSpecPathThatDoesNotExist() {
        write("azldev.toml", """
                includes = ["comps/a.comp.toml"]
                """);
        write("comps/a.comp.toml", """
                [components.a.spec]
                type = "local"
                path = "a.spec"
                """);
        expectOnly(
                "comps/a.comp.toml",
                3,
                1,
                "components.a.spec.path",
                "local spec not found: " + abs("comps/a.spec"),
                "");
    }

    @Test
    void specPathWithUpstreamType() {
        write("a.spec", "Name: a\n");
        write("azldev.toml", """
                [components.a]
                spec = { type = "upstream", path = "a.spec" }
                """);
        expectOnly(
                "azldev.toml",
                2,
                29,
                "components.a.spec.path",
                "spec.path is only allowed with spec.type = \"local\"",
                "set spec.type = \"local\" or remove spec.path");
    }

    @Test
    void upstreamCommitThatIsNotHex() {
        write("azldev.toml", """
                [components.a.spec]
                upstream-commit = "release-1.2"
                """);
        expectOnly(
                "azldev.toml",
                2,
                1,
                "components.a.spec.upstream-commit",
                "upstream-commit 'release-1.2' is not a commit hash",
                "use 7 to 40 hexadecimal digits");
    }

    @Test
    void upstreamCommitThatIsTooShort() {
        write("azldev.toml", """
                [components.a.spec]
                upstream-commit = "abc123"
                """);
        expectOnly(
                "azldev.toml",
                2,
                1,
                "components.a.spec.upstream-commit",
                "upstream-commit 'abc123' is not a commit hash",
                "use 7 to 40 hexadecimal digits");
    }

    @Test
    void perComponentUpstreamSnapshot() {
        write("azldev.toml", FEDORA + """
                [components.a.spec.upstream-distro]
                name = "fedora"
                snapshot = "2026-02-24T00:00:00-08:00"
                """);
        expectOnly(
                "azldev.toml",
                7,
                1,
                "components.a.spec.upstream-distro.snapshot",
                "a component cannot set its own upstream snapshot",
                "pin a commit with spec.upstream-commit, or set the snapshot in the distro version's"
                        + " default-component-config");
    }

    // ------------------------------------------------------------------ build

    @Test
    void checkSkipWithoutSkipReason() {
        write("azldev.toml", """
                [components.a.build.check]
                skip = true
                """);
        expectOnly(
                "azldev.toml",
                2,
                1,
                "components.a.build.check.skip",
                "build.check.skip needs a skip_reason",
                "say why %check is skipped: skip_reason = \"...\"");
    }

    @Test
    void checkSkipFromAGroupWithoutSkipReasonIsLocatedInTheGroup() {
        write("azldev.toml", """
                [components.a]
                [component-groups.flaky]
                components = ["a"]
                default-component-config = { build = { check = { skip = true, skip_reason = " " } } }
                """);
        expectOnly(
                "azldev.toml",
                4,
                50,
                "components.a.build.check.skip",
                "build.check.skip needs a skip_reason",
                "say why %check is skipped: skip_reason = \"...\"");
    }

    @Test
    void failureExpectedWithoutReason() {
        write("azldev.toml", """
                [components.a.build]
                failure = { expected = true }
                """);
        expectOnly(
                "azldev.toml",
                2,
                13,
                "components.a.build.failure.expected",
                "build.failure.expected needs an expected-reason",
                "");
    }

    // ------------------------------------------------------------------ source files

    @Test
    void sourceFileWithUnsafeFilename() {
        write("azldev.toml", """
                [[components.a.source-files]]
                filename = "../a.tar.gz"
                """);
        expectOnly(
                "azldev.toml",
                2,
                1,
                "components.a.source-files[0].filename",
                "source file name '../a.tar.gz' must be a plain file name",
                "no '/', '\\', '..' or leading '.'");
    }

    @Test
    void sourceFileListedTwice() {
        write("azldev.toml", """
                [[components.a.source-files]]
                filename = "a.tar.gz"
                [[components.a.source-files]]
                filename = "b.tar.gz"
                [[components.a.source-files]]
                filename = "a.tar.gz"
                """);
        expectOnly(
                "azldev.toml",
                6,
                1,
                "components.a.source-files[2].filename",
                "source file 'a.tar.gz' is listed twice",
                "");
    }

    @Test
    void hashWithoutHashType() {
        write("azldev.toml", """
                [[components.a.source-files]]
                filename = "a.tar.gz"
                hash = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"
                """);
        expectOnly(
                "azldev.toml",
                3,
                1,
                "components.a.source-files[0].hash",
                "hash needs a hash-type",
                "set hash-type = \"SHA512\" or \"SHA256\"");
    }

    @Test
    void downloadOriginWithoutScheme() {
        write("azldev.toml", """
                [[components.a.source-files]]
                filename = "a.tar.gz"
                origin = { type = "download", uri = "example.org/a.tar.gz" }
                """);
        expectOnly(
                "azldev.toml",
                3,
                1,
                "components.a.source-files[0].origin",
                "a download origin needs a uri with a scheme",
                "e.g. uri = \"https://example.org/f.tar.gz\"");
    }

    @Test
    void overlayOriginWithoutReplaceUpstream() {
        write("azldev.toml", """
                [[components.a.source-files]]
                filename = "a.tar.gz"
                origin = { type = "overlay" }
                """);
        expectOnly(
                "azldev.toml",
                3,
                1,
                "components.a.source-files[0].origin",
                "an overlay origin needs replace-upstream = true",
                "");
    }

    @Test
    void replaceUpstreamWithoutReplaceReason() {
        write("azldev.toml", """
                [[components.a.source-files]]
                filename = "a.tar.gz"
                origin = { type = "overlay" }
                replace-upstream = true
                """);
        expectOnly(
                "azldev.toml",
                4,
                1,
                "components.a.source-files[0].replace-upstream",
                "replace-upstream needs a replace-reason",
                "");
    }

    // ------------------------------------------------------------------ overlays

    @Test
    void overlayMissingAFieldItsTypeRequires() {
        write("azldev.toml", """
                [components.a]
                [[components.a.overlays]]
                type = "spec-search-replace"
                description = "use the system zlib"
                replacement = "-lz"
                """);
        expectOnly(
                "azldev.toml",
                2,
                1,
                "components.a.overlays[0].regex",
                "a spec-search-replace overlay needs 'regex'",
                "(overlay \"use the system zlib\")");
    }

    @Test
    void overlayFieldItsTypeDoesNotUse() {
        write("azldev.toml", """
                [[components.a.overlays]]
                type = "spec-remove-section"
                section = "%check"
                regex = "make check"
                """);
        expectOnly(
                "azldev.toml",
                4,
                1,
                "components.a.overlays[0].regex",
                "'regex' is not used by a spec-remove-section overlay",
                "it takes package, section");
    }

    @Test
    void overlayWithInvalidRe2Regex() {
        write("azldev.toml", """
                [[components.a.overlays]]
                type = "spec-search-replace"
                regex = '(?<=x)y'
                replacement = "z"
                """);
        expectOnly(
                "azldev.toml",
                3,
                1,
                "components.a.overlays[0].regex",
                "invalid regular expression: invalid named capture",
                "RE2 syntax (no look-around, no back-references)");
    }

    @Test
    void overlayWithLookAheadRegex() {
        write("azldev.toml", """
                [[components.a.overlays]]
                type = "file-search-replace"
                file = "Makefile"
                regex = '-O2(?= )'
                """);
        expectOnly(
                "azldev.toml",
                4,
                1,
                "components.a.overlays[0].regex",
                "invalid regular expression: invalid or unsupported Perl syntax",
                "RE2 syntax (no look-around, no back-references)");
    }

    @Test
    void overlayFileWithParentSegment() {
        write("azldev.toml", """
                [[components.a.overlays]]
                type = "file-remove"
                file = "src/../../etc/passwd"
                """);
        expectOnly(
                "azldev.toml",
                3,
                1,
                "components.a.overlays[0].file",
                "overlay file 'src/../../etc/passwd' must be a relative path inside the sources",
                "no absolute paths and no '..'");
    }

    @Test
    void overlayFileWithAbsolutePath() {
        write("azldev.toml", """
                [[components.a.overlays]]
                type = "patch-remove"
                file = "/etc/fix.patch"
                """);
        expectOnly(
                "azldev.toml",
                3,
                1,
                "components.a.overlays[0].file",
                "overlay file '/etc/fix.patch' must be a relative path inside the sources",
                "no absolute paths and no '..'");
    }

    @Test
    void overlayWithBadArchiveName() {
        write("azldev.toml", """
                [[components.a.overlays]]
                type = "file-remove"
                file = "docs/*.pdf"
                archive = "a-1.0.zip"
                """);
        expectOnly(
                "azldev.toml",
                4,
                1,
                "components.a.overlays[0].archive",
                "archive 'a-1.0.zip' must be a tar archive file name",
                "one of .tar, .tar.gz, .tgz, .tar.xz, .txz, .tar.zst, .tzst, .tar.bz2, .tbz2");
    }

    @Test
    void specRemoveSectionOfThePreamble() {
        write("azldev.toml", """
                [[components.a.overlays]]
                type = "spec-remove-section"
                section = ""
                """);
        expectOnly(
                "azldev.toml",
                3,
                1,
                "components.a.overlays[0].section",
                "spec-remove-section cannot remove the preamble",
                "name a section such as %files");
    }

    @Test
    void overlaySourceThatDoesNotExist() {
        write("azldev.toml", """
                includes = ["comps/a.comp.toml"]
                """);
        write("comps/a.comp.toml", """
                [[components.a.overlays]]
                type = "patch-add"
                source = "a/fix.patch"
                """);
        expectOnly(
                "comps/a.comp.toml",
                3,
                1,
                "components.a.overlays[0].source",
                "overlay source not found: " + abs("comps/a/fix.patch"),
                "the path is relative to the file that declares the overlay");
    }

    @Test
    void metadataUrlThatIsNotHttp() {
        write("azldev.toml", """
                [[components.a.overlays]]
                type = "spec-remove-subpackage"
                package = "doc"
                [components.a.overlays.metadata]
                category = "azl-pruning"
                upstream-status = "inapplicable"
                bugs = [{ url = "https://bugs.example.org/1" }, { url = "ftp://bugs.example.org/2" }]
                """);
        expectOnly(
                "azldev.toml",
                7,
                49,
                "components.a.overlays[0].metadata.bugs",
                "'ftp://bugs.example.org/2' is not an http(s) URL",
                "");
    }

    // ------------------------------------------------------------------ overlay files

    private static final String FILE_METADATA = """
            [metadata]
            category = "azl-pruning"
            upstream-status = "inapplicable"
            """;

    @Test
    void literalOverlayFileNotFound() {
        write("azldev.toml", """
                [components.a]
                overlay-files = ["a/*.overlay.toml", "a/extra.toml"]
                """);
        expectOnly(
                "azldev.toml",
                2,
                38,
                "components.a.overlay-files",
                "overlay file not found: " + abs("a/extra.toml"),
                "");
    }

    @Test
    void overlayFileWithoutMetadata() {
        write("azldev.toml", """
                [components.a]
                overlay-files = ["a/*.overlay.toml"]
                """);
        write("a/doc.overlay.toml", """
                [[overlays]]
                type = "spec-remove-subpackage"
                package = "doc"
                """);
        expectOnly(
                "a/doc.overlay.toml",
                1,
                1,
                "metadata",
                "missing required key 'metadata' in the top level",
                "Why these overlays exist.");
    }

    @Test
    void overlayFileWithATableOfOverlays() {
        write("azldev.toml", """
                [components.a]
                overlay-files = ["a/*.overlay.toml"]
                """);
        write("a/doc.overlay.toml", FILE_METADATA + """

                [overlays]
                type = "spec-remove-subpackage"
                package = "doc"
                """);
        expectOnly(
                "a/doc.overlay.toml",
                5,
                1,
                "overlays",
                "'overlays' must be an array, found a table",
                "write [[overlays]], not [overlays]");
    }

    @Test
    void overlayInAnOverlayFileWithItsOwnMetadata() {
        write("azldev.toml", """
                [components.a]
                overlay-files = ["a/doc.overlay.toml"]
                """);
        write("a/doc.overlay.toml", FILE_METADATA + """
                [[overlays]]
                type = "spec-remove-subpackage"
                package = "doc"
                metadata = { category = "azl-compatibility", upstream-status = "unknown" }
                """);
        expectOnly(
                "a/doc.overlay.toml",
                7,
                1,
                "overlays[0].metadata",
                "an overlay in an overlay file cannot have its own metadata",
                "the file's [metadata] applies to every overlay in it");
    }

    @Test
    void upstreamBackportWithoutCommits() {
        write("azldev.toml", """
                [components.a]
                overlay-files = ["a/*.overlay.toml"]
                """);
        write("a/fix.overlay.toml", """
                # backport of the upstream fix
                [metadata]
                category = "upstream-backport"
                upstream-status = "upstreamed"

                [[overlays]]
                type = "spec-append-lines"
                section = "%prep"
                lines = ["sed -i s/a/b/ configure"]
                """);
        expectOnly(
                "a/fix.overlay.toml",
                2,
                1,
                "components.a.overlays[0].metadata.commits",
                "an upstream-backport needs at least one commit",
                "commits = [{ url = \"https://...\" }]");
    }

    @Test
    void overlayFileUsedByTwoComponentsReportsItsErrorOnce() {
        write("azldev.toml", """
                [components.a]
                overlay-files = ["common.overlay.toml"]
                [components.b]
                overlay-files = ["common.overlay.toml"]
                """);
        write("common.overlay.toml", FILE_METADATA + """
                [[overlays]]
                type = "spec-remove-subpackage"
                pkg = "doc"
                """);
        assertThat(errors())
                .extracting(ConfigError::keyPath, ConfigError::message)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("overlays[0].pkg", "unknown key 'pkg' in 'overlays[0]'"),
                        org.assertj.core.groups.Tuple.tuple(
                                "components.a.overlays[0].package", "a spec-remove-subpackage overlay needs 'package'"),
                        org.assertj.core.groups.Tuple.tuple(
                                "components.b.overlays[0].package",
                                "a spec-remove-subpackage overlay needs 'package'"));
    }
}
