package dev.keel.core.overlay;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keel.core.config.LocatedOverlay;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Exact line provenance of a sample of conformance cases, written by hand: which upstream line each
 * line of the result is, which overlay made the others, and which overlay removed what is gone.
 * Sources are written compactly: {@code 3-7} for upstream lines 3 to 7 in order, {@code o2} for a
 * line of overlay 2 and {@code o2x3} for three of them.
 */
class OverlayProvenanceTest {

    private static final String SPEC = ConformanceCase.SPEC;

    @Test
    void addedTagSitsBetweenUpstreamLines() {
        OverlayResult result = apply("add-tag-main-end-of-preamble");
        assertSources(result, SPEC, "1-14 o1 15-50");
        assertThat(result.origins().removedLines()).isEmpty();
    }

    @Test
    void updatedTagReplacesItsUpstreamLine() {
        OverlayResult result = apply("set-tag-updates-existing");
        assertSources(result, SPEC, "1-2 o1 4-50");
        assertRemovedBy(result, SPEC, 3, 1);
        assertThat(result.origins().removedBy(SPEC, 2)).isNull();
    }

    @Test
    void everyUpdatedBranchIsAttributed() {
        assertSources(apply("update-tag-every-branch"), SPEC, "1-6 o1 8 o1 10-15");
    }

    @Test
    void removedSectionLinesAreRecorded() {
        OverlayResult result = apply("remove-section-check");
        assertSources(result, SPEC, "1-35 39-50");
        for (int line = 36; line <= 38; line++) {
            assertRemovedBy(result, SPEC, line, 1);
        }
        assertThat(result.origins().removedBy(SPEC, 35)).isNull();
        assertThat(result.origins().removedBy(SPEC, 39)).isNull();
    }

    @Test
    void keptConditionalDirectivesStayUpstreamLines() {
        OverlayResult endif = apply("remove-section-inside-if-keeps-balance");
        assertSources(endif, SPEC, "1-13 16-19");
        assertRemovedBy(endif, SPEC, 14, 1);
        assertRemovedBy(endif, SPEC, 15, 1);
        assertThat(endif.origins().removedBy(SPEC, 17)).isNull();
        OverlayResult opening = apply("remove-section-straddling-if-kept");
        assertSources(opening, SPEC, "1-9 12-19");
        assertRemovedBy(opening, SPEC, 10, 1);
        assertRemovedBy(opening, SPEC, 11, 1);
        assertThat(opening.origins().removedBy(SPEC, 13)).isNull();
    }

    @Test
    void removedSubpackageOnLfAndCrlf() {
        assertSources(apply("remove-subpackage-suffix"), SPEC, "1-17 25-43 48-50");
        assertSources(apply("crlf-remove-subpackage"), SPEC, "1-17 25-43 48-50");
    }

    @Test
    void multiLineReplacementLinesBothComeFromTheOverlay() {
        assertSources(apply("search-replace-multi-line-replacement"), SPEC, "1-29 o1x2 31-50");
    }

    @Test
    void laterOverlayOwnsALineItRewrote() {
        assertSources(apply("sequence-add-then-update"), SPEC, "1-14 o2 15-50");
        OverlayResult twice = apply("sequence-search-replace-twice-same-line");
        assertSources(twice, SPEC, "1-28 o2 30-50");
        assertRemovedBy(twice, SPEC, 29, 1);
    }

    @Test
    void patchAddAttributesTheTagAndTheWholeFile() {
        OverlayResult result = apply("patch-add-tag-at-end-of-preamble");
        assertSources(result, SPEC, "1-14 o1 15-50");
        assertSources(result, "azl-system-ca.patch", "o1x8");
        assertThat(result.origins().editedFiles()).doesNotContainKey("widget-fix-build.patch");
    }

    @Test
    void patchRemoveRecordsTheLineAndTheFile() {
        OverlayResult result = apply("patch-remove-exact-name");
        assertSources(result, SPEC, "1-8 10-50");
        assertRemovedBy(result, SPEC, 9, 1);
        assertRemovedBy(result, "widget-cve-2024-0001.patch", 1, 1);
        assertThat(result.origins().removedFiles()).containsOnlyKeys("widget-cve-2024-0001.patch");
    }

    @Test
    void replacingAPatchKeepsBothOverlaysApart() {
        OverlayResult result = apply("sequence-replace-a-patch");
        assertSources(result, SPEC, "1-7 9-14 o2 15-50");
        assertRemovedBy(result, SPEC, 8, 1);
        assertSources(result, "widget-fix-build.patch", "o2x8");
        assertRemovedBy(result, "widget-fix-build.patch", 1, 1);
    }

    @Test
    void prependedFileLines() {
        assertSources(apply("file-prepend-lines-one-file"), "widget.service", "o1x2 1-10");
        assertSources(apply("file-prepend-lines-empty-list"), "VERSION", "o1 1");
    }

    @Test
    void searchReplacedFileLines() {
        OverlayResult result = apply("file-search-replace-one-file");
        assertSources(result, "widget.service", "1-5 o1 7-10");
        assertRemovedBy(result, "widget.service", 6, 1);
        assertThat(result.origins().removedBy("widget.service", 5)).isNull();
        OverlayResult spanning = apply("file-search-replace-pattern-spans-lines");
        assertSources(spanning, "widgetd.conf", "1-2 o1x2");
        assertRemovedBy(spanning, "widgetd.conf", 3, 1);
        assertRemovedBy(spanning, "widgetd.conf", 4, 1);
    }

    @Test
    void fileEditsOnTopOfEachOther() {
        assertSources(apply("sequence-prepend-multi-line-then-replace"), "VERSION", "o1x2 o2");
        OverlayResult empty = apply("sequence-prepend-empty-then-replace");
        assertSources(empty, "VERSION", "o1 o2");
        assertRemovedBy(empty, "VERSION", 1, 2);
        assertSources(apply("sequence-file-add-rename-edit"), "widget.conf", "o3");
    }

    @Test
    void addedRenamedAndRemovedFiles() {
        assertSources(apply("file-add-at-root"), "widget-cleanup.timer", "o1x5");
        OverlayResult renamed = apply("file-rename-at-root");
        assertSources(renamed, "widgetd.service", "o1x10");
        assertRemovedBy(renamed, "widget.service", 1, 1);
        OverlayResult removed = apply("file-remove-one");
        assertThat(removed.origins().editedFiles()).containsOnlyKeys(SPEC);
        assertRemovedBy(removed, "README.azl", 1, 1);
        assertSources(removed, SPEC, "1-14");
    }

    // ------------------------------------------------------------------ helpers

    private static OverlayResult apply(String name) {
        return ConformanceCase.named(name).apply();
    }

    private static void assertSources(OverlayResult result, String path, String expected) {
        assertThat(result.origins().editedFiles()).as("provenance of %s", path).containsKey(path);
        assertThat(render(result.origins().editedFiles().get(path)))
                .as("sources of %s", path)
                .isEqualTo(expected);
    }

    private static void assertRemovedBy(OverlayResult result, String path, int line, int overlay) {
        LocatedOverlay by = result.origins().removedBy(path, line);
        assertThat(by).as("overlay that removed line %d of %s", line, path).isNotNull();
        assertThat(by.index() + 1)
                .as("overlay that removed line %d of %s", line, path)
                .isEqualTo(overlay);
    }

    /** The compact form: ascending upstream runs as {@code a-b}, repeated overlays as {@code oNxK}. */
    static String render(List<LineSource> sources) {
        List<String> parts = new ArrayList<>();
        int i = 0;
        while (i < sources.size()) {
            int j = i + 1;
            if (sources.get(i) instanceof LineSource.Upstream first) {
                while (j < sources.size()
                        && sources.get(j) instanceof LineSource.Upstream next
                        && next.line() == first.line() + (j - i)) {
                    j++;
                }
                int last = ((LineSource.Upstream) sources.get(j - 1)).line();
                parts.add(last == first.line() ? String.valueOf(last) : first.line() + "-" + last);
            } else {
                int overlay =
                        ((LineSource.FromOverlay) sources.get(i)).overlay().index() + 1;
                while (j < sources.size()
                        && sources.get(j) instanceof LineSource.FromOverlay next
                        && next.overlay().index() + 1 == overlay) {
                    j++;
                }
                parts.add("o" + overlay + (j - i > 1 ? "x" + (j - i) : ""));
            }
            i = j;
        }
        return String.join(" ", parts);
    }
}
