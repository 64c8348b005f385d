package dev.keel.core.overlay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import dev.keel.core.config.ConfigException;
import dev.keel.core.config.LocatedOverlay;
import dev.keel.core.config.Location;
import dev.keel.core.config.model.Overlay;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The invariants of {@link SourceProvenance}, on every conformance case and on its own: every
 * output line has exactly one origin, removed lines are upstream lines that are gone, and an
 * overlay that fails leaves the state before it intact.
 */
class SourceProvenanceTest {

    private static final String SPEC = ConformanceCase.SPEC;

    static List<String> successes() {
        return cases("expected.spec.txt");
    }

    /** The failure cases whose overlays load: the engine, not the loader, refuses one of them. */
    static List<String> failures() {
        return cases("expected-error.txt").stream()
                .filter(SourceProvenanceTest::loads)
                .toList();
    }

    private static boolean loads(String name) {
        try {
            ConformanceCase.named(name).overlays();
            return true;
        } catch (ConfigException rejected) {
            return false;
        }
    }

    private static List<String> cases(String expectation) {
        return ConformanceCase.names().stream()
                .map(ConformanceCase::named)
                .filter(c -> Files.exists(c.file(expectation)) && !Files.exists(c.file("known-bug.txt")))
                .map(ConformanceCase::name)
                .toList();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("successes")
    void everyOutputLineHasExactlyOneOrigin(String name) {
        ConformanceCase c = ConformanceCase.named(name);
        List<LocatedOverlay> overlays = c.overlays();
        OverlayResult result = c.apply();
        for (Map.Entry<String, SourceFile> file : result.tree().files().entrySet()) {
            String path = file.getKey();
            int lineCount = TextDiff.lineCount(file.getValue().content());
            List<LineSource> lines = result.origins().lines(path, lineCount);
            assertThat(lines).as("origins of %s", path).hasSize(lineCount).doesNotContainNull();
            Set<Integer> upstream = new HashSet<>();
            for (LineSource line : lines) {
                if (line instanceof LineSource.Upstream u) {
                    assertThat(upstream.add(u.line()))
                            .as("upstream line %d of %s appears once", u.line(), path)
                            .isTrue();
                } else {
                    assertThat(overlays).contains(((LineSource.FromOverlay) line).overlay());
                }
            }
        }
        assertThat(result.tree().files())
                .containsKeys(result.origins().editedFiles().keySet().toArray(String[]::new));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("successes")
    void removedLinesAreUpstreamLinesThatAreGone(String name) {
        ConformanceCase c = ConformanceCase.named(name);
        List<LocatedOverlay> overlays = c.overlays();
        SourceTree upstream = c.upstream();
        OverlayResult result = c.apply();
        SourceProvenance origins = result.origins();
        origins.removedLines().forEach((path, removed) -> {
            int upstreamLines = TextDiff.lineCount(upstream.get(path)
                    .orElseThrow(() -> new AssertionError(path + " is not upstream"))
                    .content());
            Set<Integer> kept = new HashSet<>();
            result.tree()
                    .get(path)
                    .ifPresent(file -> origins.lines(path, TextDiff.lineCount(file.content())).stream()
                            .filter(LineSource.Upstream.class::isInstance)
                            .forEach(line -> kept.add(((LineSource.Upstream) line).line())));
            removed.forEach((line, by) -> {
                assertThat(line).as("removed line of %s", path).isBetween(1, upstreamLines);
                assertThat(kept).as("removed line %d of %s is gone", line, path).doesNotContain(line);
                assertThat(overlays).contains(by);
            });
        });
        origins.removedFiles().forEach((path, by) -> {
            assertThat(upstream.files())
                    .as("removed file %s was upstream", path)
                    .containsKey(path);
            assertThat(!result.tree().files().containsKey(path)
                            || origins.file(path).madeBy().isPresent())
                    .as("removed file %s is gone or made again", path)
                    .isTrue();
            assertThat(overlays).contains(by);
        });
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("failures")
    void aFailingOverlayLeavesTheStateBeforeItIntact(String name) throws Exception {
        ConformanceCase c = ConformanceCase.named(name);
        List<LocatedOverlay> overlays = OverlayEngine.archivesFirst(c.overlays());
        OverlayEngine engine = new OverlayEngine(c.dir());
        OverlayEngine.Workspace workspace = engine.workspace(name, c.upstream(), SPEC);
        for (int i = 0; i < overlays.size(); i++) {
            OverlayEngine.State before = workspace.state();
            try {
                workspace.apply(overlays.get(i));
            } catch (OverlayException e) {
                assertThat(workspace.state()).isSameAs(before);
                OverlayResult preceding = engine.apply(name, c.upstream(), SPEC, overlays.subList(0, i));
                OverlayResult kept = workspace.result();
                assertThat(kept.tree()).isEqualTo(preceding.tree());
                assertThat(kept.origins()).isEqualTo(preceding.origins());
                return;
            }
        }
        fail("no overlay of %s failed", name);
    }

    // ------------------------------------------------------------------ the model on its own

    private static final SourceTree UPSTREAM = SourceTree.of(Map.of(
            "a.conf", text("one\ntwo\nthree\n"),
            "b.conf", text("x\ny\n")));

    @Test
    void editsGiveNewValuesAndLeaveTheOldOnesAlone() {
        SourceProvenance start = SourceProvenance.of(UPSTREAM);
        LocatedOverlay by = overlay(0);
        List<LineSource> before = start.lines("a.conf", 3);
        List<LineSource> after = List.of(new LineSource.Upstream(1), new LineSource.FromOverlay(by));
        SourceProvenance edited = start.edited("a.conf", before, after, by);

        assertThat(start.editedFiles()).isEmpty();
        assertThat(start.lines("a.conf", 3)).isEqualTo(SourceProvenance.upstreamLines(3));
        assertThat(edited.file("a.conf").lines()).contains(after);
        assertThat(edited.removedLines()).containsOnlyKeys("a.conf");
        assertThat(edited.removedLines().get("a.conf")).containsExactly(Map.entry(2, by), Map.entry(3, by));
        assertThat(edited.removedBy("a.conf", 1)).isNull();
        assertThat(edited.overlaysOf("a.conf")).containsExactly(by);
    }

    @Test
    void onlyUpstreamFilesAreRecordedAsRemovedAndByTheFirstRemover() {
        LocatedOverlay add = overlay(0);
        LocatedOverlay first = overlay(1);
        LocatedOverlay second = overlay(2);
        SourceProvenance provenance = SourceProvenance.of(UPSTREAM)
                .made("new.conf", SourceProvenance.linesBy(add, 2), add)
                .removed("new.conf", first)
                .removed("b.conf", first)
                .made("b.conf", SourceProvenance.linesBy(add, 1), add)
                .removed("b.conf", second);

        assertThat(provenance.file("new.conf"))
                .isEqualTo(SourceProvenance.of(UPSTREAM).file("new.conf"));
        assertThat(provenance.removedFiles()).containsExactly(Map.entry("b.conf", first));
        assertThat(provenance.removedBy("b.conf", 2)).isEqualTo(first);
        assertThat(provenance.editedFiles()).isEmpty();
    }

    @Test
    void aRenamedFileKeepsEditedOriginsAndTheRenamerMakesUntouchedOnes() {
        LocatedOverlay edit = overlay(0);
        LocatedOverlay rename = overlay(1);
        SourceProvenance start = SourceProvenance.of(UPSTREAM);
        List<LineSource> edited = List.of(new LineSource.FromOverlay(edit), new LineSource.Upstream(2));
        SourceProvenance provenance = start.edited("b.conf", start.lines("b.conf", 2), edited, edit)
                .renamed("b.conf", "c.conf", 2, rename)
                .renamed("a.conf", "d.conf", 3, rename);

        assertThat(provenance.file("c.conf").lines()).contains(edited);
        assertThat(provenance.file("c.conf").madeBy()).contains(rename);
        assertThat(provenance.file("d.conf").lines()).contains(SourceProvenance.linesBy(rename, 3));
        assertThat(provenance.removedFiles()).containsOnlyKeys("a.conf", "b.conf");
        SortedMap<Integer, LocatedOverlay> removedOfB =
                provenance.file("b.conf").removedLines();
        assertThat(removedOfB).containsExactly(Map.entry(1, edit));
        assertThat(provenance.overlaysOf("b.conf")).containsExactly(rename, edit);
    }

    private static SourceFile text(String content) {
        return new SourceFile(content.getBytes(StandardCharsets.UTF_8), false);
    }

    private static LocatedOverlay overlay(int index) {
        return new LocatedOverlay(
                index,
                new Overlay.FileRemove("*.conf", Optional.empty(), Overlay.Notes.NONE),
                new Location(Path.of("overlays.toml"), index + 1, 1));
    }
}
