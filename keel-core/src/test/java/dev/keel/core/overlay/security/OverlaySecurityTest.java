package dev.keel.core.overlay.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.keel.core.config.LocatedOverlay;
import dev.keel.core.config.Location;
import dev.keel.core.config.model.Overlay;
import dev.keel.core.config.model.OverlayType;
import dev.keel.core.io.SpecialFiles;
import dev.keel.core.overlay.OverlayEngine;
import dev.keel.core.overlay.OverlayException;
import dev.keel.core.overlay.OverlayFailure;
import dev.keel.core.overlay.OverlayPaths;
import dev.keel.core.overlay.OverlayResult;
import dev.keel.core.overlay.SourceFile;
import dev.keel.core.overlay.SourceTree;
import dev.keel.core.overlay.archive.ArchiveEntry;
import dev.keel.core.overlay.archive.Compression;
import dev.keel.core.overlay.archive.TarArchive;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Paths from overlays stay inside their roots; regexes and globs run in linear time and are
 * refused when they would compile too large or nest too deep; sources are regular files of
 * bounded size.
 */
class OverlaySecurityTest {

    @TempDir
    Path root;

    private static SourceTree sources(String... extra) {
        Map<String, SourceFile> files = new java.util.HashMap<>();
        files.put("pkg.spec", file("Name: pkg\nVersion: 1\n%description\nx\n"));
        for (String path : extra) {
            files.put(path, file("content of " + path + "\n"));
        }
        return SourceTree.of(files);
    }

    private static SourceFile file(String text) {
        return new SourceFile(text.getBytes(StandardCharsets.UTF_8), false);
    }

    private static final Overlay.Notes ATTACK = new Overlay.Notes(Optional.of("attack"), Optional.empty());

    /** An overlay of that type with those fields, as the loader would make it (a missing field empty). */
    private static LocatedOverlay overlay(
            OverlayType type, String file, String source, String regex, String replacement) {
        Overlay overlay = switch (type) {
            case FILE_ADD -> new Overlay.FileAdd(file, source, ATTACK);
            case PATCH_ADD -> new Overlay.PatchAdd(Optional.ofNullable(file), source, ATTACK);
            case FILE_RENAME -> new Overlay.FileRename(file, replacement, ATTACK);
            case FILE_REMOVE -> new Overlay.FileRemove(file, Optional.empty(), ATTACK);
            case PATCH_REMOVE -> new Overlay.PatchRemove(file, ATTACK);
            case SPEC_SEARCH_REPLACE -> new Overlay.SpecSearchReplace("", "", regex, replacement, ATTACK);
            case FILE_SEARCH_REPLACE ->
                new Overlay.FileSearchReplace(file, regex, replacement, Optional.empty(), ATTACK);
            default -> throw new IllegalArgumentException("no attack with a " + type + " overlay");
        };
        return located(overlay);
    }

    private static LocatedOverlay located(Overlay overlay) {
        return new LocatedOverlay(0, overlay, new Location(Path.of("o.toml"), 1, 1));
    }

    private OverlayFailure.Reason failure(SourceTree tree, LocatedOverlay overlay) {
        return failed(tree, overlay).reason();
    }

    private OverlayFailure failed(SourceTree tree, LocatedOverlay overlay) {
        try {
            new OverlayEngine(root).apply("pkg", tree, "pkg.spec", List.of(overlay));
        } catch (OverlayException e) {
            return e.failure();
        }
        throw new AssertionError("the overlay applied");
    }

    private static LocatedOverlay inArchive(String archive, String file, String regex) {
        return located(new Overlay.FileSearchReplace(file, regex, "b", Optional.of(archive), ATTACK));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {"../escape", "a/../../escape", "/etc/passwd", "C:/Windows/x", ".git/config", "a/./../../x", ""})
    void confinesEveryDestinationPath(String path) throws IOException {
        Path patch = Files.writeString(root.resolve("fix.patch"), "diff\n");
        assertThat(OverlayPaths.confine(path)).isNull();
        assertThat(failure(sources(), overlay(OverlayType.FILE_ADD, path, patch.toString(), null, null)))
                .isEqualTo(OverlayFailure.Reason.PATH_ESCAPES);
        if (!path.isEmpty()) {
            assertThat(failure(sources(), overlay(OverlayType.PATCH_ADD, path, patch.toString(), null, null)))
                    .isEqualTo(OverlayFailure.Reason.PATH_ESCAPES);
        }
    }

    @Test
    void normalisesHarmlessPaths() {
        assertThat(OverlayPaths.confine("./a//b/./c")).isEqualTo("a/b/c");
    }

    @ParameterizedTest
    @ValueSource(strings = {"../evil.conf", "sub/evil.conf", "..", ""})
    void aRenameCannotMoveAFile(String newName) {
        assertThat(failure(sources("a.conf"), overlay(OverlayType.FILE_RENAME, "a.conf", null, null, newName)))
                .isEqualTo(OverlayFailure.Reason.PATH_ESCAPES);
    }

    @Test
    void aSourceOutsideTheRootIsRefusedAlsoThroughASymbolicLink() throws IOException {
        Path outside = Files.createTempFile("keel-secret", ".txt");
        try {
            assertThat(failure(sources(), overlay(OverlayType.FILE_ADD, "x", outside.toString(), null, null)))
                    .isEqualTo(OverlayFailure.Reason.PATH_ESCAPES);
            Path link = Files.createSymbolicLink(root.resolve("innocent.patch"), outside);
            assertThat(failure(sources(), overlay(OverlayType.PATCH_ADD, null, link.toString(), null, null)))
                    .isEqualTo(OverlayFailure.Reason.PATH_ESCAPES);
        } finally {
            Files.deleteIfExists(outside);
        }
    }

    @Test
    void readingSourcesRefusesSymbolicLinks() throws IOException {
        Path dir = Files.createDirectories(root.resolve("sources"));
        Files.writeString(dir.resolve("pkg.spec"), "Name: pkg\n");
        Files.createSymbolicLink(dir.resolve("passwd"), Path.of("/etc/passwd"));
        assertThatThrownBy(() -> SourceTree.read(dir))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("passwd");
    }

    @Test
    void writingRefusesToFollowASymbolicLinkOutOfTheTarget() throws IOException {
        Path target = Files.createDirectories(root.resolve("out"));
        Path elsewhere = Files.createDirectories(root.resolve("elsewhere"));
        Files.createSymbolicLink(target.resolve("sub"), elsewhere);
        SourceTree tree = SourceTree.of(Map.of("sub/file", file("x")));
        assertThatThrownBy(() -> tree.write(target))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("symbolic link");
        assertThat(elsewhere.resolve("file")).doesNotExist();
    }

    @Test
    void looseFileGlobsNeverReachTheSpecOrGit() {
        assertThat(failure(sources(".git/config"), overlay(OverlayType.FILE_REMOVE, "**/config", null, null, null)))
                .isEqualTo(OverlayFailure.Reason.NO_MATCHING_FILE);
        assertThat(failure(sources(), overlay(OverlayType.FILE_REMOVE, "*.spec", null, null, null)))
                .isEqualTo(OverlayFailure.Reason.TARGETS_SPEC);
    }

    @Test
    void catastrophicBacktrackingPatternsRunInLinearTime() {
        String hostile = "a".repeat(200_000) + "!";
        SourceTree tree = SourceTree.of(Map.of(
                "pkg.spec", file("Name: pkg\n%build\n" + hostile + "\n"),
                "data.txt", file(hostile + "\n")));
        assertTimeoutPreemptively(Duration.ofSeconds(10), () -> {
            for (String regex : List.of("(a+)+$", "(a|aa)+$", "(x+x+)+y", "^(a|a?)+$")) {
                assertThat(failure(tree, overlay(OverlayType.SPEC_SEARCH_REPLACE, null, null, regex, "b")))
                        .isEqualTo(OverlayFailure.Reason.PATTERN_NOT_FOUND);
                assertThat(failure(tree, overlay(OverlayType.FILE_SEARCH_REPLACE, "data.txt", null, regex, "b")))
                        .isEqualTo(OverlayFailure.Reason.PATTERN_NOT_FOUND);
            }
            OverlayResult result = new OverlayEngine(root)
                    .apply(
                            "pkg",
                            tree,
                            "pkg.spec",
                            List.of(overlay(OverlayType.FILE_SEARCH_REPLACE, "data.txt", null, "(a+)+!", "ok")));
            assertThat(new String(result.tree().get("data.txt").orElseThrow().content(), StandardCharsets.UTF_8))
                    .isEqualTo("ok\n");
        });
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "((a{1000}){1000}){1000}",
                "(x{500}){500}",
                "(?:(?:(?:(?:(?:a{10}){10}){10}){10}){10})",
                "(a|b{999}){999}"
            })
    void patternsThatWouldCompileToMillionsOfInstructionsAreRefusedNotRun(String regex) throws IOException {
        SourceTree tree = SourceTree.of(Map.of(
                "pkg.spec",
                file("Name: pkg\n%build\n" + "a".repeat(10_000) + "\n"),
                "data.txt",
                file("a".repeat(10_000) + "\n"),
                "pkg.tar",
                new SourceFile(
                        TarArchive.of(
                                        Compression.NONE,
                                        List.of(new ArchiveEntry(
                                                "pkg/data.txt",
                                                ArchiveEntry.Kind.FILE,
                                                "aaa\n".getBytes(StandardCharsets.UTF_8),
                                                0644,
                                                null)))
                                .write(),
                        false)));
        String expected = "invalid regular expression: the pattern is too large: it compiles to more than 100,000"
                + " instructions, more than the 2,000 Keel allows";
        assertTimeoutPreemptively(Duration.ofSeconds(30), () -> {
            for (LocatedOverlay overlay : List.of(
                    overlay(OverlayType.SPEC_SEARCH_REPLACE, null, null, regex, "b"),
                    overlay(OverlayType.FILE_SEARCH_REPLACE, "data.txt", null, regex, "b"),
                    inArchive("pkg.tar", "data.txt", regex))) {
                OverlayFailure failure = failed(tree, overlay);
                assertThat(failure.reason()).isEqualTo(OverlayFailure.Reason.INVALID);
                assertThat(failure.message()).isEqualTo(expected);
            }
        });
    }

    @Test
    void tenThousandNestedGroupsAreRefusedBeforeTheyOverflowTheStack() {
        String regex = "(".repeat(10_000) + "a" + ")".repeat(10_000);
        OverlayFailure failure = failed(sources(), overlay(OverlayType.SPEC_SEARCH_REPLACE, null, null, regex, "b"));
        assertThat(failure.reason()).isEqualTo(OverlayFailure.Reason.INVALID);
        assertThat(failure.message())
                .isEqualTo("invalid regular expression: groups are nested more than 100 levels deep");
    }

    @Test
    void hostileGlobsAreRefusedOrMatchInLinearTime() {
        String deep = "{a,".repeat(10_000) + "b" + "}".repeat(10_000);
        for (OverlayType type : List.of(OverlayType.FILE_REMOVE, OverlayType.PATCH_REMOVE)) {
            OverlayFailure failure = failed(sources("b"), overlay(type, deep, null, null, null));
            assertThat(failure.reason()).isEqualTo(OverlayFailure.Reason.INVALID);
            assertThat(failure.message())
                    .isEqualTo("invalid glob '" + "{a,".repeat(19) + "...': braces are nested more than 100 levels"
                            + " deep");
        }
        String longName = "a".repeat(20_000);
        assertTimeoutPreemptively(
                Duration.ofSeconds(30),
                () -> assertThat(failure(
                                sources(longName),
                                overlay(OverlayType.FILE_REMOVE, "*a".repeat(300) + "b", null, null, null)))
                        .isEqualTo(OverlayFailure.Reason.NO_MATCHING_FILE));
    }

    @Test
    void readingSourcesRefusesSpecialAndOversizedFiles() throws Exception {
        Path dir = Files.createDirectories(root.resolve("sources"));
        Files.writeString(dir.resolve("pkg.spec"), "Name: pkg\n");
        Path fifo = SpecialFiles.fifo(dir.resolve("pipe"));
        assertThatThrownBy(() -> SourceTree.read(dir))
                .isInstanceOf(IOException.class)
                .hasMessage("not a regular file in the sources (links and special files are refused): " + fifo
                        + " is a FIFO");
        Files.delete(fifo);
        Path spec = SpecialFiles.sparse(dir.resolve("pkg.spec"), (16L << 20) + 1);
        assertThatThrownBy(() -> SourceTree.read(dir))
                .hasMessage(spec + " is too large for a spec: 16,777,217 bytes, more than 16 MiB");
        Files.writeString(spec, "Name: pkg\n");
        Path archive = SpecialFiles.sparse(dir.resolve("pkg-1.0.tar.gz"), (1L << 30) + 1);
        assertThatThrownBy(() -> SourceTree.read(dir))
                .hasMessage(archive + " is too large for a source file: 1,073,741,825 bytes, more than 1 GiB");
        assertThatThrownBy(() -> SourceTree.read(spec)).hasMessage(spec + " is not a directory");
    }
}
