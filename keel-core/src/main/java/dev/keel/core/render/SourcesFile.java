package dev.keel.core.render;

import dev.keel.core.config.model.HashType;
import dev.keel.core.config.model.SourceFileRef;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
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

    private final List<Line> lines;

    private SourcesFile(List<Line> lines) {
        this.lines = lines;
    }

    /** The entries (lines naming a file), in order. */
    List<Line> entries() {
        return lines.stream().filter(line -> line.filename() != null).toList();
    }

    /** Parses a sources file; a duplicate file name is an error. */
    public static SourcesFile parse(String text) throws RenderException {
        List<Line> lines = new ArrayList<>();
        Map<String, Boolean> seen = new LinkedHashMap<>();
        for (String raw : text.split("\n", -1)) {
            String line = raw.strip();
            Matcher modern = MODERN.matcher(line);
            Matcher legacy = LEGACY.matcher(line);
            Line parsed;
            if (modern.matches()) {
                parsed = new Line(
                        modern.group(1).toUpperCase(Locale.ROOT),
                        modern.group(2),
                        modern.group(3).toLowerCase(Locale.ROOT),
                        raw);
            } else if (legacy.matches()) {
                parsed = new Line("MD5", legacy.group(2), legacy.group(1).toLowerCase(Locale.ROOT), raw);
            } else {
                parsed = new Line(null, null, null, raw);
            }
            if (parsed.filename() != null && seen.put(parsed.filename(), true) != null) {
                throw new RenderException("the sources file lists " + parsed.filename() + " twice");
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

    public static SourcesFile empty() {
        return new SourcesFile(new ArrayList<>());
    }

    /** Merges a component's source files: replacements in place, new entries appended. */
    public SourcesFile merge(List<SourceFileRef> sourceFiles) throws RenderException {
        List<Line> merged = new ArrayList<>(lines);
        for (SourceFileRef ref : sourceFiles == null ? List.<SourceFileRef>of() : sourceFiles) {
            if (ref.hash() == null || ref.hashType() == null) {
                throw new RenderException("source file " + ref.filename() + " has no hash; add hash and hash-type");
            }
            Line entry = new Line(
                    ref.hashType() == HashType.SHA256 ? "SHA256" : "SHA512",
                    ref.filename(),
                    ref.hash().toLowerCase(Locale.ROOT),
                    null);
            int existing = indexOf(merged, ref.filename());
            boolean replace = Boolean.TRUE.equals(ref.replaceUpstream());
            if (existing >= 0 && !replace) {
                throw new RenderException("source file " + ref.filename()
                        + " is already in the upstream sources file; set replace-upstream = true to replace it");
            }
            if (existing < 0 && replace) {
                throw new RenderException(
                        "source file " + ref.filename() + " has replace-upstream = true but upstream has no such file");
            }
            if (existing >= 0) {
                merged.set(existing, entry);
            } else {
                merged.add(entry);
            }
        }
        return new SourcesFile(merged);
    }

    private static int indexOf(List<Line> lines, String filename) {
        for (int i = 0; i < lines.size(); i++) {
            if (filename.equals(lines.get(i).filename())) {
                return i;
            }
        }
        return -1;
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
