package dev.keel.core.render;

import dev.keel.core.config.Location;
import dev.keel.core.config.model.HashType;
import dev.keel.core.config.model.SourceFileRef;
import dev.keel.core.io.Digests;
import dev.keel.core.outcome.Failure;
import dev.keel.core.overlay.SourceFile;
import dev.keel.core.overlay.SourceTree;
import dev.keel.core.source.LookasideEntry;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.IntFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Fedora {@code sources} file (the lookaside manifest): {@code SHA512 (name) = hex} lines, the
 * legacy {@code hex  name} form meaning MD5, comments and blank lines. Merging a component's
 * {@code source-files} replaces entries marked {@code replace-upstream} in place and appends new
 * ones in configuration order; every other line is written back exactly as it was, as azldev does.
 */
public final class SourcesFile {

    private static final Pattern MODERN = Pattern.compile("^([A-Za-z0-9]+) \\((.+)\\) = ([0-9a-fA-F]+)$");
    private static final Pattern LEGACY = Pattern.compile("^([0-9a-fA-F]{32})\\s+(\\S+)$");

    /**
     * One line: an entry (hash type, file name, hash) or other text; {@code text} is the line as
     * read, null for an entry made from the configuration.
     */
    record Line(String hashType, String filename, String hash, String text) {
        String format() {
            return text != null ? text : hashType + " (" + filename + ") = " + hash;
        }
    }

    /** The hash types Keel checks, with their JDK algorithm names. */
    private static final Map<String, String> ALGORITHMS =
            new java.util.TreeMap<>(Map.of("MD5", "MD5", "SHA256", "SHA-256", "SHA512", "SHA-512"));

    private final List<Line> lines;

    private SourcesFile(List<Line> lines) {
        this.lines = lines;
    }

    /** The entries (lines naming a file), in order. */
    List<Line> entries() {
        return lines.stream().filter(line -> line.filename() != null).toList();
    }

    /** The files the manifest lists, in order, with their hash types and hashes: what a build downloads. */
    public List<LookasideEntry> lookasideEntries() {
        return entries().stream()
                .map(line -> new LookasideEntry(line.hashType(), line.filename(), line.hash()))
                .toList();
    }

    /** Where a sources file's problems are reported: its name in the component's sources. */
    static final Path FILE = Path.of("sources");

    /**
     * Parses a sources file as fedpkg does: blank lines are ignored, every other line must be an
     * entry in the modern or the legacy form, naming a plain file once.
     */
    public static SourcesFile parse(String text) throws RenderException {
        List<Line> lines = new ArrayList<>();
        Map<String, Integer> seen = new LinkedHashMap<>();
        String[] raws = text.split("\n", -1);
        for (int number = 1; number <= raws.length; number++) {
            Line parsed = line(number, raws[number - 1]);
            if (parsed.filename() != null) {
                requireOnce(parsed.filename(), number, seen);
            }
            lines.add(parsed);
        }
        if (!lines.isEmpty()
                && lines.get(lines.size() - 1).text() != null
                && lines.get(lines.size() - 1).text().isEmpty()) {
            lines.remove(lines.size() - 1);
        }
        return new SourcesFile(lines);
    }

    /** One line: blank, or an entry in the modern or the legacy form. */
    private static Line line(int number, String raw) throws RenderException {
        String line = raw.strip();
        Matcher modern = MODERN.matcher(line);
        Matcher legacy = LEGACY.matcher(line);
        if (line.isEmpty()) {
            return new Line(null, null, null, raw);
        }
        if (modern.matches()) {
            return new Line(
                    modern.group(1).toUpperCase(Locale.ROOT),
                    modern.group(2),
                    modern.group(3).toLowerCase(Locale.ROOT),
                    raw);
        }
        if (legacy.matches()) {
            return new Line("MD5", legacy.group(2), legacy.group(1).toLowerCase(Locale.ROOT), raw);
        }
        throw problem(
                number,
                "the sources file has a line that is neither an entry nor blank: " + line,
                "entries look like 'SHA512 (name.tar.gz) = <hex>' or, in the legacy form,"
                        + " '<md5 hex>  name.tar.gz'");
    }

    /** An entry names a plain file, once in the file. */
    private static void requireOnce(String filename, int number, Map<String, Integer> seen) throws RenderException {
        if (!isPlainName(filename)) {
            throw problem(number, "the sources file names '" + filename + "', which is not a plain file name", "");
        }
        Integer first = seen.putIfAbsent(filename, number);
        if (first != null) {
            throw problem(number, "the sources file lists " + filename + " twice (first on line " + first + ")", "");
        }
    }

    private static RenderException problem(int line, String message, String hint) {
        return new RenderException(Failure.of(Failure.Kind.SOURCES, message)
                .at(new Location(FILE, line, 1))
                .withDetail("file", "the upstream sources file, beside the spec")
                .withHint(hint));
    }

    /** Whether a name from a sources file names a file directly in the component's directory. */
    static boolean isPlainName(String name) {
        return !name.isEmpty()
                && !name.contains("/")
                && !name.contains("\\")
                && !name.equals(".")
                && !name.equals("..")
                && name.chars().noneMatch(Character::isISOControl);
    }

    public static SourcesFile empty() {
        return new SourcesFile(new ArrayList<>());
    }

    /**
     * Merges a component's source files: replacements in place, new entries appended.
     *
     * @param where where each source file (by its index) was written, for errors
     */
    public SourcesFile merge(List<SourceFileRef> sourceFiles, IntFunction<Location> where) throws RenderException {
        List<Line> merged = new ArrayList<>(lines);
        List<SourceFileRef> refs = sourceFiles == null ? List.of() : sourceFiles;
        for (int index = 0; index < refs.size(); index++) {
            SourceFileRef ref = refs.get(index);
            Location location = where.apply(index);
            if (ref.hash() == null || ref.hashType() == null) {
                throw configuration(
                        location, "source file " + ref.filename() + " has no hash", "add hash and hash-type");
            }
            Line entry = new Line(
                    ref.hashType() == HashType.SHA256 ? "SHA256" : "SHA512",
                    ref.filename(),
                    ref.hash().toLowerCase(Locale.ROOT),
                    null);
            int existing = indexOf(merged, ref.filename());
            boolean replace = Boolean.TRUE.equals(ref.replaceUpstream());
            if (existing >= 0 && !replace) {
                throw configuration(
                        location,
                        "source file " + ref.filename() + " is already in the upstream sources file",
                        "set replace-upstream = true to replace it");
            }
            if (existing < 0 && replace) {
                throw configuration(
                        location,
                        "source file " + ref.filename() + " has replace-upstream = true but upstream has no such file",
                        "remove replace-upstream, or check the file name against the upstream sources file");
            }
            if (existing >= 0) {
                merged.set(existing, entry);
            } else {
                merged.add(entry);
            }
        }
        return new SourcesFile(merged);
    }

    private static RenderException configuration(Location location, String message, String hint) {
        return new RenderException(
                Failure.of(Failure.Kind.CONFIGURATION, message).at(location).withHint(hint));
    }

    private static int indexOf(List<Line> lines, String filename) {
        for (int i = 0; i < lines.size(); i++) {
            if (filename.equals(lines.get(i).filename())) {
                return i;
            }
        }
        return -1;
    }

    /**
     * Checks the entries that name a file the upstream repository tracks itself: its content must
     * have the recorded hash, or the file and the manifest disagree about what the source is.
     */
    void verifyTracked(SourceTree upstream) throws RenderException {
        for (int index = 0; index < lines.size(); index++) {
            Line line = lines.get(index);
            if (line.filename() == null || line.text() == null) {
                continue;
            }
            Optional<SourceFile> tracked = upstream.get(line.filename());
            if (tracked.isEmpty()) {
                continue;
            }
            String algorithm = ALGORITHMS.get(line.hashType());
            if (algorithm == null) {
                throw problem(
                        index + 1,
                        "the sources file uses hash type " + line.hashType() + " for " + line.filename()
                                + ", which Keel cannot check",
                        "supported: " + String.join(", ", ALGORITHMS.keySet()));
            }
            String actual = Digests.hex(algorithm, tracked.get().content());
            if (!actual.equals(line.hash())) {
                throw problem(
                        index + 1,
                        "the sources file gives " + line.filename() + " " + line.hashType() + " " + line.hash()
                                + ", but the file the repository tracks has " + actual,
                        "the upstream repository is inconsistent: fix the sources file or the committed file");
            }
        }
    }

    public boolean isEmpty() {
        return lines.isEmpty();
    }

    public byte[] toBytes() {
        StringBuilder out = new StringBuilder();
        lines.forEach(line -> out.append(line.format()).append('\n'));
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }
}
