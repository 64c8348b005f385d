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

    /** The fields of an overlay under construction. */
    private static final class Fields {
        String file;
        String section;
        String pkg;
        String tag;
        String value;
        String regex;
        String replacement;
        List<String> lines;
        String source;
    }

    private static LocatedOverlay overlay(OverlayType type, java.util.function.Consumer<Fields> setup) {
        Fields f = new Fields();
        setup.accept(f);
        Overlay overlay = new Overlay(
                type,
                null,
                f.file,
                f.section,
                f.pkg,
                f.tag,
                f.value,
                f.regex,
                f.replacement,
                f.lines,
                f.source,
                null,
                null);
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
