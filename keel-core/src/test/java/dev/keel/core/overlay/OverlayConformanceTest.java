package dev.keel.core.overlay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.junit.jupiter.api.Assumptions.abort;

import dev.keel.core.config.ConfigError;
import dev.keel.core.config.ConfigException;
import dev.keel.core.config.LocatedOverlay;
import dev.keel.spec.Line;
import dev.keel.spec.Spec;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The overlay conformance suite: every case directory (see {@link ConformanceCase}) is applied with
 * {@link OverlayEngine} and checked against its expectation, written by hand from azldev's overlay
 * semantics and Keel's documented fixes.
 *
 * <ul>
 *   <li>{@code expected.spec.txt}: the exact bytes of the overlaid spec. The other files must then be
 *       exactly those of {@code expected-files.txt} (one path per line), each equal to
 *       {@code expected/<path>} when that exists, else to the unchanged {@code sources/<path>};
 *       without {@code expected-files.txt} they must be the upstream files, unchanged. Every line
 *       of the spec must be an upstream line (byte-identical, each at most once) or come from one of
 *       the case's overlays, and every upstream line that is gone must be recorded as removed.
 *   <li>{@code expected-error.txt}: the 1-based number of the overlay that fails, the failure
 *       reason ({@link OverlayFailure.Reason} in lower case with {@code -}) and optionally a
 *       substring of the message. An overlay the loader already rejects fails as the engine would
 *       fail it: {@code path-escapes} for a {@code file} outside the sources,
 *       {@code source-not-found} for a missing {@code source}, {@code invalid} otherwise.
 *   <li>{@code known-bug.txt} (optional): the case shows an engine bug not fixed yet. It must
 *       still fail, and is then reported as aborted with the file's text; once it passes, the
 *       file must go.
 * </ul>
 */
class OverlayConformanceTest {

    private static final Pattern OVERLAY_KEY = Pattern.compile("^overlays\\[(\\d+)]\\.([a-z-]+)");

    static List<String> cases() {
        return ConformanceCase.names();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void conformance(String name) throws Exception {
        ConformanceCase c = ConformanceCase.named(name);
        Path knownBug = c.file("known-bug.txt");
        if (Files.exists(knownBug)) {
            Throwable failure = catchThrowable(() -> check(c));
            assertThat(failure)
                    .as("the known bug is fixed: delete %s", knownBug)
                    .isNotNull();
            abort("known engine bug: " + Files.readString(knownBug).strip());
        }
        check(c);
    }

    private static void check(ConformanceCase c) throws Exception {
        boolean success = Files.exists(c.file("expected.spec.txt"));
        boolean failure = Files.exists(c.file("expected-error.txt"));
        assertThat(success ^ failure)
                .as("a case has either expected.spec.txt or expected-error.txt")
                .isTrue();
        if (success) {
            expectSuccess(c);
        } else {
            expectFailure(c, Files.readAllLines(c.file("expected-error.txt")));
        }
    }

    // ------------------------------------------------------------------ success

    private static void expectSuccess(ConformanceCase c) {
        List<LocatedOverlay> overlays = c.overlays();
        OverlayResult result = c.apply();
        byte[] spec = result.tree().get(ConformanceCase.SPEC).orElseThrow().content();
        byte[] expected = ConformanceCase.read(c.file("expected.spec.txt"));
        assertThat(latin1(spec)).as("overlaid spec").isEqualTo(latin1(expected));
        assertThat(spec).as("overlaid spec bytes").isEqualTo(expected);
        expectFiles(c, result);
        expectSpecProvenance(c, overlays, result);
        expectFileProvenance(c, overlays, result);
    }

    private static void expectFiles(ConformanceCase c, OverlayResult result) {
        Map<String, SourceFile> actual = new TreeMap<>(result.tree().files());
        actual.remove(ConformanceCase.SPEC);
        Map<String, SourceFile> upstream = new TreeMap<>(c.upstream().files());
        upstream.remove(ConformanceCase.SPEC);
        Path listing = c.file("expected-files.txt");
        if (!Files.exists(listing)) {
            assertThat(actual.keySet()).as("files (unchanged)").containsExactlyElementsOf(upstream.keySet());
            actual.forEach((path, file) -> assertThat(latin1(file.content()))
                    .as("unchanged %s", path)
                    .isEqualTo(latin1(upstream.get(path).content())));
            return;
        }
        Set<String> listed = new TreeSet<>();
        for (String line : lines(listing)) {
            if (!line.isBlank()) {
                listed.add(line.strip());
            }
        }
        assertThat(actual.keySet()).as("files").containsExactlyElementsOf(listed);
        for (String path : listed) {
            Path expected = c.file("expected/" + path);
            byte[] want;
            if (Files.exists(expected)) {
                want = ConformanceCase.read(expected);
            } else {
                assertThat(upstream)
                        .as("%s has no expected/%s and is not an upstream file", path, path)
                        .containsKey(path);
                want = upstream.get(path).content();
            }
            byte[] got = actual.get(path).content();
            assertThat(latin1(got)).as("content of %s", path).isEqualTo(latin1(want));
            assertThat(got).as("bytes of %s", path).isEqualTo(want);
        }
    }

    /**
     * Every line of the result is an upstream line (byte-identical up to a line ending added to an
     * upstream last line, at most once each) or a line of one of the case's overlays, and every
     * upstream line that is gone is recorded as removed by an overlay.
     */
    private static void expectSpecProvenance(ConformanceCase c, List<LocatedOverlay> overlays, OverlayResult result) {
        Spec input = Spec.parse(c.input());
        Spec output =
                Spec.parse(result.tree().get(ConformanceCase.SPEC).orElseThrow().content());
        List<LineSource> sources = result.origins().editedFiles().get(ConformanceCase.SPEC);
        assertThat(sources).as("one source per line").hasSize(output.lineCount());
        Set<Integer> kept = new HashSet<>();
        for (int i = 0; i < sources.size(); i++) {
            LineSource source = sources.get(i);
            if (source instanceof LineSource.Upstream upstream) {
                int n = upstream.line();
                assertThat(n).as("upstream line number of line %d", i + 1).isBetween(1, input.lineCount());
                assertThat(kept.add(n)).as("upstream line %d appears once", n).isTrue();
                Line was = input.line(n - 1);
                Line is = output.line(i);
                assertThat(textBytes(is))
                        .as("line %d is upstream line %d", i + 1, n)
                        .isEqualTo(textBytes(was));
                if (was.eolLength() > 0) {
                    assertThat(is.eol()).as("line ending of line %d", i + 1).isEqualTo(was.eol());
                }
                assertThat(result.origins().removedBy(ConformanceCase.SPEC, n))
                        .as("upstream line %d is kept, not removed", n)
                        .isNull();
            } else {
                LocatedOverlay by = ((LineSource.FromOverlay) source).overlay();
                assertThat(overlays).as("overlay of line %d", i + 1).contains(by);
            }
        }
        for (int n = 1; n <= input.lineCount(); n++) {
            if (!kept.contains(n)) {
                assertThat(result.origins().removedBy(ConformanceCase.SPEC, n))
                        .as("upstream line %d is gone, so an overlay removed it", n)
                        .isIn(overlays);
            }
        }
    }

    /**
     * Every other file with provenance has one source per line; an upstream line of a file that
     * kept its path is that file's line, byte for byte.
     */
    private static void expectFileProvenance(ConformanceCase c, List<LocatedOverlay> overlays, OverlayResult result) {
        SourceTree upstream = c.upstream();
        result.origins().editedFiles().forEach((path, sources) -> {
            if (path.equals(ConformanceCase.SPEC)) {
                return;
            }
            byte[] content = result.tree().get(path).orElseThrow().content();
            List<String> lines = TextDiff.lines(latin1(content));
            assertThat(sources).as("one source per line of %s", path).hasSize(lines.size());
            List<String> before = upstream.get(path)
                    .map(file -> TextDiff.lines(latin1(file.content())))
                    .orElse(null);
            for (int i = 0; i < sources.size(); i++) {
                if (sources.get(i) instanceof LineSource.Upstream line && before != null) {
                    assertThat(lines.get(i)).as("line %d of %s", i + 1, path).isEqualTo(before.get(line.line() - 1));
                } else if (sources.get(i) instanceof LineSource.FromOverlay by) {
                    assertThat(overlays)
                            .as("overlay of line %d of %s", i + 1, path)
                            .contains(by.overlay());
                }
            }
        });
    }

    // ------------------------------------------------------------------ failure

    private static void expectFailure(ConformanceCase c, List<String> expectation) {
        assertThat(expectation.size()).as("expected-error.txt has 2 or 3 lines").isBetween(2, 3);
        int number = Integer.parseInt(expectation.get(0).strip());
        String reason = expectation.get(1).strip();
        String message = expectation.size() > 2 ? expectation.get(2) : "";
        List<LocatedOverlay> overlays;
        try {
            overlays = c.overlays();
        } catch (ConfigException rejected) {
            ConfigError error = rejected.errors().stream()
                    .filter(e -> e.severity() == ConfigError.Severity.ERROR)
                    .findFirst()
                    .orElseThrow();
            Matcher key = OVERLAY_KEY.matcher(error.keyPath());
            assertThat(key.find())
                    .as("the loader rejects an overlay: %s", error.format())
                    .isTrue();
            assertThat(Integer.parseInt(key.group(1)) + 1)
                    .as("rejected overlay")
                    .isEqualTo(number);
            assertThat(loadReason(key.group(2), error.message()))
                    .as("reason (%s)", error.format())
                    .isEqualTo(reason);
            assertThat(error.message()).contains(message);
            return;
        }
        OverlayException thrown = catchThrowableOfType(OverlayException.class, () -> c.apply(overlays));
        assertThat(thrown).as("the overlays should fail").isNotNull();
        OverlayFailure failure = thrown.failure();
        assertThat(failure.overlay().index() + 1)
                .as("failing overlay (%s)", failure.format(path -> path.toString()))
                .isEqualTo(number);
        assertThat(key(failure.reason()))
                .as("reason (%s)", failure.format(path -> path.toString()))
                .isEqualTo(reason);
        assertThat(failure.message()).contains(message);
    }

    /** The engine's reason for an overlay whose {@code key} the loader rejects. */
    private static String loadReason(String key, String message) {
        if (message.contains("leaves the overlay file's directory")) {
            return "path-escapes";
        }
        return switch (key) {
            case "file" -> "path-escapes";
            case "source" -> "source-not-found";
            default -> "invalid";
        };
    }

    static String key(OverlayFailure.Reason reason) {
        return reason.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    // ------------------------------------------------------------------ helpers

    private static byte[] textBytes(Line line) {
        byte[] bytes = line.bytes();
        return Arrays.copyOf(bytes, bytes.length - line.eolLength());
    }

    private static String latin1(byte[] bytes) {
        return new String(bytes, StandardCharsets.ISO_8859_1);
    }

    private static List<String> lines(Path file) {
        return Arrays.asList(latin1(ConformanceCase.read(file)).split("\n"));
    }
}
