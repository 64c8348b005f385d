package dev.keel.core.overlay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.keel.core.config.LocatedOverlay;
import dev.keel.core.config.Location;
import dev.keel.core.config.model.Overlay;
import dev.keel.core.config.model.OverlayType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The engine's own checks, for overlays that did not go through the loader: they fail with the
 * reasons {@link OverlayConformanceTest} expects when the loader rejects the same overlay, and
 * every overlay that needs the spec fails cleanly without one.
 */
class OverlayEngineGuardTest {

    private static final Path ROOT = ConformanceCase.ROOT;

    private static final SourceTree WITH_SPEC = SourceTree.of(Map.of(
            "pkg.spec", file("Name: pkg\nVersion: 1\n\n%description\nx\n\n%files\n"), "a.conf", file("a = 1\n")));

    @Test
    void missingSourceIsSourceNotFound() {
        assertThat(reason(
                        WITH_SPEC,
                        overlay(
                                OverlayType.PATCH_ADD,
                                o -> o.source = ROOT.resolve("no-such.patch").toString())))
                .isEqualTo(OverlayFailure.Reason.SOURCE_NOT_FOUND);
        assertThat(reason(WITH_SPEC, overlay(OverlayType.FILE_ADD, o -> {
                    o.file = "b.conf";
                    o.source = ROOT.resolve("no-such-file").toString();
                })))
                .isEqualTo(OverlayFailure.Reason.SOURCE_NOT_FOUND);
    }

    @Test
    void escapingDestinationIsPathEscapes() {
        assertThat(reason(WITH_SPEC, overlay(OverlayType.FILE_ADD, o -> {
                    o.file = "../b.conf";
                    o.source = ROOT.resolve("outside.patch").toString();
                })))
                .isEqualTo(OverlayFailure.Reason.PATH_ESCAPES);
    }

    @Test
    void invalidRegexIsInvalid() {
        assertThat(reason(WITH_SPEC, overlay(OverlayType.SPEC_SEARCH_REPLACE, o -> o.regex = "a(?=b)")))
                .isEqualTo(OverlayFailure.Reason.INVALID);
        assertThat(reason(WITH_SPEC, overlay(OverlayType.FILE_SEARCH_REPLACE, o -> {
                    o.file = "a.conf";
                    o.regex = "(unclosed";
                })))
                .isEqualTo(OverlayFailure.Reason.INVALID);
    }

    @Test
    void removingThePreambleIsInvalid() {
        assertThat(reason(WITH_SPEC, overlay(OverlayType.SPEC_REMOVE_SECTION, o -> o.section = "")))
                .isEqualTo(OverlayFailure.Reason.INVALID);
    }

    @ParameterizedTest
    @EnumSource(
            value = OverlayType.class,
            names = {"SPEC_.*", "PATCH_REMOVE"},
            mode = EnumSource.Mode.MATCH_ANY)
    void specOverlaysNeedTheSpec(OverlayType type) {
        SourceTree noSpec = SourceTree.of(Map.of("a.conf", file("a = 1\n")));
        LocatedOverlay overlay = overlay(type, o -> {
            o.tag = "Release";
            o.value = "2";
            o.section = "%files";
            o.pkg = "devel";
            o.regex = "a";
            o.lines = List.of("x");
            o.file = "*.patch";
        });
        assertThat(reason(noSpec, overlay)).isEqualTo(OverlayFailure.Reason.SOURCE_NOT_FOUND);
    }

    // ------------------------------------------------------------------ helpers

    /** The fields of an overlay under construction; those left out are empty, as the loader leaves them. */
    private static final class Fields {
        String file = "";
        String section = "";
        String pkg = "";
        String tag = "";
        String value = "";
        String regex = "";
        String replacement = "";
        List<String> lines = List.of();
        String source = "";
    }

    private static LocatedOverlay overlay(OverlayType type, java.util.function.Consumer<Fields> setup) {
        Fields f = new Fields();
        setup.accept(f);
        Overlay.Notes none = Overlay.Notes.NONE;
        Overlay overlay = switch (type) {
            case SPEC_ADD_TAG -> new Overlay.SpecAddTag(f.pkg, f.tag, f.value, none);
            case SPEC_INSERT_TAG -> new Overlay.SpecInsertTag(f.pkg, f.tag, f.value, none);
            case SPEC_SET_TAG -> new Overlay.SpecSetTag(f.pkg, f.tag, f.value, none);
            case SPEC_UPDATE_TAG -> new Overlay.SpecUpdateTag(f.pkg, f.tag, f.value, none);
            case SPEC_REMOVE_TAG -> new Overlay.SpecRemoveTag(f.pkg, f.tag, Optional.of(f.value), none);
            case SPEC_PREPEND_LINES -> new Overlay.SpecPrependLines(f.section, f.pkg, f.lines, none);
            case SPEC_APPEND_LINES -> new Overlay.SpecAppendLines(f.section, f.pkg, f.lines, none);
            case SPEC_SEARCH_REPLACE -> new Overlay.SpecSearchReplace(f.section, f.pkg, f.regex, f.replacement, none);
            case SPEC_REMOVE_SECTION -> new Overlay.SpecRemoveSection(f.section, f.pkg, none);
            case SPEC_REMOVE_SUBPACKAGE -> new Overlay.SpecRemoveSubpackage(f.pkg, none);
            case PATCH_ADD -> new Overlay.PatchAdd(Optional.of(f.file), f.source, none);
            case PATCH_REMOVE -> new Overlay.PatchRemove(f.file, none);
            case FILE_PREPEND_LINES -> new Overlay.FilePrependLines(f.file, f.lines, none);
            case FILE_SEARCH_REPLACE ->
                new Overlay.FileSearchReplace(f.file, f.regex, f.replacement, Optional.empty(), none);
            case FILE_ADD -> new Overlay.FileAdd(f.file, f.source, none);
            case FILE_REMOVE -> new Overlay.FileRemove(f.file, Optional.empty(), none);
            case FILE_RENAME -> new Overlay.FileRename(f.file, f.replacement, none);
        };
        return new LocatedOverlay(0, overlay, new Location(Path.of("guard.toml"), 1, 1));
    }

    private static OverlayFailure.Reason reason(SourceTree tree, LocatedOverlay overlay) {
        OverlayException thrown = catchThrowableOfType(
                OverlayException.class, () -> new OverlayEngine(ROOT).apply("pkg", tree, "pkg.spec", List.of(overlay)));
        assertThat(thrown).as("the overlay should fail").isNotNull();
        return thrown.failure().reason();
    }

    private static SourceFile file(String text) {
        return new SourceFile(text.getBytes(StandardCharsets.UTF_8), false);
    }
}
