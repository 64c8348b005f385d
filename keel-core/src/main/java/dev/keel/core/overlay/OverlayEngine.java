package dev.keel.core.overlay;

import com.google.re2j.Matcher;
import com.google.re2j.Pattern;
import dev.keel.core.config.BoundedRegex;
import dev.keel.core.config.Confinement;
import dev.keel.core.config.Glob;
import dev.keel.core.config.LocatedOverlay;
import dev.keel.core.config.model.Overlay;
import dev.keel.core.io.FileErrors;
import dev.keel.core.io.InputFiles;
import dev.keel.spec.Line;
import dev.keel.spec.LineOrigin;
import dev.keel.spec.PackageSelector;
import dev.keel.spec.SourceRef;
import dev.keel.spec.Spec;
import dev.keel.spec.SpecEditException;
import dev.keel.spec.SpecEditor;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Predicate;

/**
 * Applies a component's overlays to its upstream sources, in order, with azldev's semantics and
 * Keel's documented fixes. A pure function of its inputs: the upstream tree is never modified, and
 * a failing overlay stops the sequence with an {@link OverlayException} before anything is
 * written. Every line of the result knows whether it is an upstream line or which overlay made it.
 * An engine keeps no state between calls, so one can be reused and shared between threads.
 */
public final class OverlayEngine {

    private final Path sourceRoot;

    /**
     * @param sourceRoot the directory an overlay's {@code source} file must lie in (the project
     *     directory, or the overlay file's directory outside a project)
     */
    public OverlayEngine(Path sourceRoot) {
        this.sourceRoot = sourceRoot.toAbsolutePath().normalize();
    }

    /**
     * Applies {@code overlays} to {@code upstream}, whose spec is at {@code specPath}.
     *
     * @throws OverlayException for the first overlay that cannot be applied
     */
    public OverlayResult apply(String component, SourceTree upstream, String specPath, List<LocatedOverlay> overlays)
            throws OverlayException {
        Session session = open(component, upstream, specPath);
        session.apply(overlays);
        return session.result();
    }

    /**
     * Opens a session over {@code upstream} that applies overlays in several calls, each seeing the
     * result of the ones before, and gives one result with the provenance of every edit: what a
     * caller that decides later edits from earlier results needs (render's release bump).
     */
    public Session open(String component, SourceTree upstream, String specPath) {
        return new Session(new Workspace(component, upstream, specPath));
    }

    /** Overlays applied in steps to one source tree; not for use by several threads. */
    public static final class Session {
        private final Workspace workspace;

        private Session(Workspace workspace) {
            this.workspace = workspace;
        }

        /**
         * Applies {@code overlays} in their order ({@link #archivesFirst}).
         *
         * @throws OverlayException for the first overlay that cannot be applied
         */
        public void apply(List<LocatedOverlay> overlays) throws OverlayException {
            for (LocatedOverlay overlay : archivesFirst(overlays)) {
                workspace.apply(overlay);
            }
        }

        /** The spec as the overlays so far left it, or empty when the sources have none. */
        public Optional<Spec> spec() {
            return Optional.ofNullable(workspace.spec());
        }

        /** The sources as the overlays left them, with their provenance: once, after the last apply. */
        public OverlayResult result() {
            return workspace.result();
        }
    }

    /**
     * The order overlays apply in: archive-scoped overlays first, grouped by archive in the order
     * the archives first appear, then the others in their own order.
     */
    public static List<LocatedOverlay> archivesFirst(List<LocatedOverlay> overlays) {
        Map<String, List<LocatedOverlay>> byArchive = new LinkedHashMap<>();
        List<LocatedOverlay> others = new ArrayList<>();
        for (LocatedOverlay overlay : overlays) {
            Optional<String> archive = overlay.overlay().archive();
            if (archive.isPresent()) {
                byArchive
                        .computeIfAbsent(archive.get(), key -> new ArrayList<>())
                        .add(overlay);
            } else {
                others.add(overlay);
            }
        }
        List<LocatedOverlay> ordered = new ArrayList<>();
        byArchive.values().forEach(ordered::addAll);
        ordered.addAll(others);
        return ordered;
    }

    /** The state of a workspace at one point. */
    record Snapshot(
            Spec spec,
            Map<String, SourceFile> files,
            Map<String, List<LineSource>> fileProvenance,
            Map<String, Map<Integer, LocatedOverlay>> removedLines,
            Map<String, LocatedOverlay> removedFiles) {}

    private static <K, V> void replace(Map<K, V> target, Map<K, V> source) {
        target.clear();
        target.putAll(source);
    }

    /** A fresh workspace over {@code upstream}, for callers that apply overlays one at a time. */
    Workspace workspace(String component, SourceTree upstream, String specPath) {
        return new Workspace(component, upstream, specPath);
    }

    /** The mutable state of one application: the spec as a syntax tree and the other files. */
    final class Workspace {
        private final String component;
        private final String specPath;
        private final TreeMap<String, SourceFile> files;
        private final Map<String, List<LineSource>> fileProvenance = new HashMap<>();
        private final Map<String, LocatedOverlay> byLabel = new HashMap<>();
        private final Map<String, Map<Integer, LocatedOverlay>> removedLines = new HashMap<>();
        private final Map<String, LocatedOverlay> removedFiles = new HashMap<>();
        private final java.util.Set<String> upstreamFiles;
        private final ArchiveStage archives = new ArchiveStage(this);
        private Spec spec;

        Workspace(String component, SourceTree upstream, String specPath) {
            this.component = component;
            this.specPath = specPath;
            this.files = new TreeMap<>(upstream.files());
            this.upstreamFiles = upstream.files().keySet();
            SourceFile specFile = files.remove(specPath);
            this.spec = specFile == null ? null : Spec.parse(specFile.content());
        }

        Spec spec() {
            return spec;
        }

        boolean hasFile(String path) {
            return files.containsKey(path);
        }

        /** A copy of the state, to go back to when a checked overlay fails. */
        Snapshot snapshot() {
            Map<String, Map<Integer, LocatedOverlay>> lines = new HashMap<>();
            removedLines.forEach((path, removed) -> lines.put(path, new HashMap<>(removed)));
            return new Snapshot(
                    spec, new TreeMap<>(files), new HashMap<>(fileProvenance), lines, new HashMap<>(removedFiles));
        }

        void restore(Snapshot snapshot) {
            spec = snapshot.spec();
            replace(files, snapshot.files());
            replace(fileProvenance, snapshot.fileProvenance());
            replace(removedLines, snapshot.removedLines());
            replace(removedFiles, snapshot.removedFiles());
        }

        void apply(LocatedOverlay located) throws OverlayException {
            byLabel.put(located.label(), located);
            Spec before = spec;
            try {
                edit(located);
            } catch (SpecEditException e) {
                throw fail(located, reason(e.reason()), e.getMessage(), e.candidates());
            }
            if (before != null && spec != before) {
                recordRemovedSpecLines(before, located);
            }
        }

        /** Applies the overlay, by its type. */
        private void edit(LocatedOverlay located) throws OverlayException {
            Overlay overlay = located.overlay();
            if (overlay instanceof Overlay.SpecAddTag o) {
                spec = editor(located).addTag(pkg(o.pkg()), o.tag(), o.value());
            } else if (overlay instanceof Overlay.SpecInsertTag o) {
                spec = editor(located).insertTag(pkg(o.pkg()), o.tag(), o.value());
            } else if (overlay instanceof Overlay.SpecSetTag o) {
                spec = editor(located).setTag(pkg(o.pkg()), o.tag(), o.value());
            } else if (overlay instanceof Overlay.SpecUpdateTag o) {
                spec = editor(located).updateTag(pkg(o.pkg()), o.tag(), o.value());
            } else if (overlay instanceof Overlay.SpecRemoveTag o) {
                // SpecEditor's "any value" is null
                spec = editor(located)
                        .removeTag(pkg(o.pkg()), o.tag(), o.value().orElse(null));
            } else if (overlay instanceof Overlay.SpecPrependLines o) {
                spec = editor(located).prependLines(o.section(), pkg(o.pkg()), o.lines());
            } else if (overlay instanceof Overlay.SpecAppendLines o) {
                spec = editor(located).appendLines(o.section(), pkg(o.pkg()), o.lines());
            } else if (overlay instanceof Overlay.SpecSearchReplace o) {
                spec = editor(located)
                        .searchReplace(o.section(), searchScope(o.pkg()), regex(located, o.regex()), o.replacement());
            } else if (overlay instanceof Overlay.SpecRemoveSection o) {
                spec = editor(located).removeSection(o.section(), pkg(o.pkg()));
            } else if (overlay instanceof Overlay.SpecRemoveSubpackage o) {
                spec = editor(located).removeSubpackage(pkg(o.pkg()));
            } else if (overlay instanceof Overlay.PatchAdd o) {
                patchAdd(located, o);
            } else if (overlay instanceof Overlay.PatchRemove o) {
                patchRemove(located, o);
            } else if (overlay instanceof Overlay.FilePrependLines o) {
                filePrepend(located, o);
            } else if (overlay instanceof Overlay.FileSearchReplace o
                    && o.archive().isPresent()) {
                archives.searchReplace(located, o, o.archive().get());
            } else if (overlay instanceof Overlay.FileSearchReplace o) {
                fileSearchReplace(located, o);
            } else if (overlay instanceof Overlay.FileAdd o) {
                fileAdd(located, o);
            } else if (overlay instanceof Overlay.FileRemove o && o.archive().isPresent()) {
                archives.remove(located, o, o.archive().get());
            } else if (overlay instanceof Overlay.FileRemove o) {
                fileRemove(located, o);
            } else if (overlay instanceof Overlay.FileRename o) {
                fileRename(located, o);
            } else {
                throw new IllegalStateException("no edit for a " + overlay.type() + " overlay");
            }
        }

        /** Remembers which upstream spec lines this overlay removed, for annotated diffs. */
        private void recordRemovedSpecLines(Spec before, LocatedOverlay located) {
            java.util.Set<Integer> remaining = new java.util.HashSet<>();
            for (Line line : spec.lines()) {
                if (line.origin() instanceof LineOrigin.Input input) {
                    remaining.add(input.lineNumber());
                }
            }
            for (Line line : before.lines()) {
                if (line.origin() instanceof LineOrigin.Input input && !remaining.contains(input.lineNumber())) {
                    removedLines.computeIfAbsent(specPath, k -> new HashMap<>()).put(input.lineNumber(), located);
                }
            }
        }

        private void removeFile(String path, LocatedOverlay located) {
            files.remove(path);
            fileProvenance.remove(path);
            if (upstreamFiles.contains(path)) {
                removedFiles.putIfAbsent(path, located);
            }
        }

        private SpecEditor editor(LocatedOverlay located) throws OverlayException {
            if (spec == null) {
                throw fail(
                        located,
                        OverlayFailure.Reason.SOURCE_NOT_FOUND,
                        "the sources have no spec " + specPath,
                        List.of());
            }
            return SpecEditor.of(spec, located.label());
        }

        // -------------------------------------------------------------- patches

        private void patchAdd(LocatedOverlay located, Overlay.PatchAdd overlay) throws OverlayException {
            byte[] content = readSource(located, overlay);
            String name = overlay.file().isEmpty()
                    ? Path.of(overlay.source()).getFileName().toString()
                    : confined(located, overlay.file().get());
            requireFree(located, name);
            SpecEditor editor = editor(located);
            files.put(name, new SourceFile(content, false));
            addedBy(name, content, located);
            spec = editor.addPatch(name);
        }

        /**
         * Removes the spec's references to patches matching the glob (the whole value of every
         * {@code PatchN} tag, trimmed {@code %patchlist} lines) and the matching loose files. Fails
         * only when no spec reference matched (azldev also fails when no loose file matched).
         */
        private void patchRemove(LocatedOverlay located, Overlay.PatchRemove overlay) throws OverlayException {
            Glob glob = glob(located, overlay.file());
            Predicate<SourceRef> patch =
                    reference -> reference.kind() == SourceRef.Kind.PATCH && glob.matches(reference.value());
            spec = editor(located).removeReferences(patch, "'" + overlay.file() + "'");
            for (String path : looseFiles(glob)) {
                removeFile(path, located);
            }
        }

        // -------------------------------------------------------------- loose files

        private void filePrepend(LocatedOverlay located, Overlay.FilePrependLines overlay) throws OverlayException {
            List<String> matches = requireLooseFiles(located, overlay);
            byte[] prefix = (String.join("\n", overlay.lines()) + "\n").getBytes(StandardCharsets.UTF_8);
            int added = TextDiff.lineCount(prefix);
            for (String path : matches) {
                SourceFile file = files.get(path);
                byte[] before = file.content();
                byte[] after = new byte[prefix.length + before.length];
                System.arraycopy(prefix, 0, after, 0, prefix.length);
                System.arraycopy(before, 0, after, prefix.length, before.length);
                List<LineSource> sources = new ArrayList<>();
                for (int i = 0; i < added; i++) {
                    sources.add(new LineSource.FromOverlay(located));
                }
                sources.addAll(provenance(path, before));
                files.put(path, new SourceFile(after, file.executable()));
                fileProvenance.put(path, sources);
            }
        }

        private void fileSearchReplace(LocatedOverlay located, Overlay.FileSearchReplace overlay)
                throws OverlayException {
            List<String> matches = requireLooseFiles(located, overlay);
            Pattern regex = regex(located, overlay.regex());
            int changed = 0;
            for (String path : matches) {
                SourceFile file = files.get(path);
                byte[] before = file.content();
                TextCodec codec = TextCodec.of(before);
                String text = codec.decode(before);
                String replaced = regex.matcher(text)
                        .replaceAll(Matcher.quoteReplacement(codec.represent(overlay.replacement())));
                if (!replaced.equals(text)) {
                    byte[] after = codec.encode(replaced);
                    TextDiff.Attribution attribution =
                            TextDiff.attribute(provenance(path, before), text, replaced, located);
                    fileProvenance.put(path, attribution.after());
                    attribution
                            .removedUpstream()
                            .forEach(line -> removedLines
                                    .computeIfAbsent(path, k -> new HashMap<>())
                                    .put(line, located));
                    files.put(path, new SourceFile(after, file.executable()));
                    changed++;
                }
            }
            if (changed == 0) {
                throw fail(
                        located,
                        OverlayFailure.Reason.PATTERN_NOT_FOUND,
                        "pattern /" + regex.pattern() + "/ matched nothing in " + String.join(", ", matches),
                        List.of());
            }
        }

        private void fileAdd(LocatedOverlay located, Overlay.FileAdd overlay) throws OverlayException {
            String path = confined(located, overlay.file());
            if (path.endsWith(".spec")) {
                throw fail(
                        located,
                        OverlayFailure.Reason.TARGETS_SPEC,
                        "file-add cannot add a spec (" + path + ")",
                        List.of());
            }
            requireFree(located, path);
            byte[] content = readSource(located, overlay);
            files.put(path, new SourceFile(content, false));
            addedBy(path, content, located);
        }

        private void fileRemove(LocatedOverlay located, Overlay.FileRemove overlay) throws OverlayException {
            for (String path : requireLooseFiles(located, overlay)) {
                removeFile(path, located);
            }
        }

        private void fileRename(LocatedOverlay located, Overlay.FileRename overlay) throws OverlayException {
            List<String> matches = requireLooseFiles(located, overlay);
            if (matches.size() > 1) {
                throw fail(
                        located,
                        OverlayFailure.Reason.MULTIPLE_MATCHES,
                        "file-rename needs exactly one file, '" + overlay.file() + "' matches "
                                + String.join(", ", matches),
                        List.of());
            }
            String from = matches.get(0);
            String newName = overlay.newName();
            if (newName.isEmpty()
                    || newName.contains("/")
                    || newName.contains("\\")
                    || newName.equals(".")
                    || newName.equals("..")) {
                throw fail(
                        located,
                        OverlayFailure.Reason.PATH_ESCAPES,
                        "the new name must be a plain file name: " + newName,
                        List.of());
            }
            int slash = from.lastIndexOf('/');
            String to = (slash < 0 ? "" : from.substring(0, slash + 1)) + newName;
            if (to.endsWith(".spec")) {
                throw fail(
                        located,
                        OverlayFailure.Reason.TARGETS_SPEC,
                        "file-rename cannot make a spec (" + to + ")",
                        List.of());
            }
            requireFree(located, to);
            SourceFile file = files.get(from);
            List<LineSource> moved = fileProvenance.get(from);
            removeFile(from, located);
            files.put(to, file);
            fileProvenance.put(to, moved != null ? moved : renamedBy(file, located));
        }

        /**
         * Fails unless {@code path} is free: not a file, not a directory of the sources (a prefix of
         * a file's path) and not below a file.
         */
        private void requireFree(LocatedOverlay located, String path) throws OverlayException {
            List<String> taken = new ArrayList<>(files.keySet());
            taken.add(specPath);
            for (String other : taken) {
                if (other.equals(path) || other.startsWith(path + "/") || path.startsWith(other + "/")) {
                    throw fail(
                            located,
                            OverlayFailure.Reason.FILE_EXISTS,
                            other.equals(path)
                                    ? "the sources already have " + path
                                    : "'" + path + "' clashes with " + other + " in the sources",
                            List.of());
                }
            }
        }

        /** Loose files (not specs, not under .git) matching the overlay's glob; none is a failure. */
        private List<String> requireLooseFiles(LocatedOverlay located, Overlay.SidecarEdit overlay)
                throws OverlayException {
            String pattern = overlay.file();
            Glob glob = glob(located, pattern);
            List<String> matches = looseFiles(glob);
            if (matches.isEmpty()) {
                boolean spec = glob.matches(specPath);
                throw fail(
                        located,
                        spec ? OverlayFailure.Reason.TARGETS_SPEC : OverlayFailure.Reason.NO_MATCHING_FILE,
                        spec
                                ? "'" + pattern + "' only matches the spec; use a spec-* overlay"
                                : "no file in the sources matches '" + pattern + "'",
                        List.of());
            }
            return matches;
        }

        private List<String> looseFiles(Glob glob) {
            List<String> matches = new ArrayList<>();
            for (String path : files.keySet()) {
                boolean git = path.startsWith(".git/") || path.contains("/.git/");
                if (!path.endsWith(".spec") && !git && glob.matches(path)) {
                    matches.add(path);
                }
            }
            return matches;
        }

        // -------------------------------------------------------------- helpers

        private byte[] readSource(LocatedOverlay located, Overlay.FromSource overlay) throws OverlayException {
            String source = overlay.source();
            Path path = Path.of(source).toAbsolutePath().normalize();
            if (!Confinement.isInside(sourceRoot, path)) {
                throw fail(
                        located,
                        OverlayFailure.Reason.PATH_ESCAPES,
                        "source " + source + " is outside " + sourceRoot,
                        List.of());
            }
            try {
                return InputFiles.read(path, InputFiles.Kind.SOURCE);
            } catch (NoSuchFileException e) {
                throw fail(
                        located, OverlayFailure.Reason.SOURCE_NOT_FOUND, "source file not found: " + source, List.of());
            } catch (InputFiles.InputFileException e) {
                throw fail(located, OverlayFailure.Reason.SOURCE_NOT_FOUND, e.getMessage(), List.of());
            } catch (IOException e) {
                throw fail(
                        located,
                        OverlayFailure.Reason.SOURCE_NOT_FOUND,
                        "cannot read " + source + ": " + FileErrors.reason(e),
                        List.of());
            }
        }

        private String confined(LocatedOverlay located, String path) throws OverlayException {
            String confined = OverlayPaths.confine(path);
            if (confined == null) {
                throw fail(
                        located,
                        OverlayFailure.Reason.PATH_ESCAPES,
                        "'" + path + "' is not a relative path inside the sources",
                        List.of());
            }
            return confined;
        }

        private void addedBy(String path, byte[] content, LocatedOverlay located) {
            fileProvenance.put(path, renamedBy(new SourceFile(content, false), located));
        }

        /** Every line of a file the overlay put there. */
        private List<LineSource> renamedBy(SourceFile file, LocatedOverlay located) {
            int lines = TextDiff.lineCount(file.content());
            List<LineSource> sources = new ArrayList<>(lines);
            for (int i = 0; i < lines; i++) {
                sources.add(new LineSource.FromOverlay(located));
            }
            return sources;
        }

        private List<LineSource> provenance(String path, byte[] content) {
            List<LineSource> known = fileProvenance.get(path);
            if (known != null) {
                return known;
            }
            int lines = TextDiff.lineCount(content);
            List<LineSource> upstream = new ArrayList<>(lines);
            for (int i = 0; i < lines; i++) {
                upstream.add(new LineSource.Upstream(i + 1));
            }
            return upstream;
        }

        Pattern regex(LocatedOverlay located, String regex) throws OverlayException {
            try {
                return BoundedRegex.compile(regex);
            } catch (BoundedRegex.InvalidRegexException e) {
                throw fail(
                        located,
                        OverlayFailure.Reason.INVALID,
                        "invalid regular expression: " + e.description(),
                        List.of());
            }
        }

        Glob glob(LocatedOverlay located, String file) throws OverlayException {
            try {
                return Glob.of(file);
            } catch (Glob.InvalidGlobException e) {
                throw fail(located, OverlayFailure.Reason.INVALID, e.getMessage(), List.of());
            }
        }

        private OverlayException fail(
                LocatedOverlay located, OverlayFailure.Reason reason, String message, List<String> candidates) {
            return new OverlayException(new OverlayFailure(component, located, reason, message, candidates));
        }

        /** The bytes of a file in the sources, or null. */
        SourceFile file(String path) {
            return files.get(path);
        }

        void putFile(String path, SourceFile file) {
            files.put(path, file);
        }

        OverlayException failure(LocatedOverlay located, OverlayFailure.Reason reason, String message) {
            return fail(located, reason, message, List.of());
        }

        OverlayResult result() {
            archives.repackAll();
            Map<String, SourceFile> out = new LinkedHashMap<>(files);
            Map<String, List<LineSource>> provenance = new TreeMap<>(fileProvenance);
            if (spec != null) {
                out.put(specPath, new SourceFile(spec.toBytes(), false));
                List<LineSource> specLines = new ArrayList<>(spec.lineCount());
                for (Line line : spec.lines()) {
                    specLines.add(
                            line.origin() instanceof LineOrigin.Input input
                                    ? new LineSource.Upstream(input.lineNumber())
                                    : new LineSource.FromOverlay(byLabel.get(((LineOrigin.Edit) line.origin()).by())));
                }
                provenance.put(specPath, specLines);
            }
            return new OverlayResult(SourceTree.of(out), provenance, removedLines, removedFiles, archives.digests());
        }
    }

    /** The overlay's package: the main one when it names none. */
    private static PackageSelector.Single pkg(String pkg) {
        return pkg.isEmpty() ? PackageSelector.main() : PackageSelector.named(pkg);
    }

    /** The packages {@code spec-search-replace} edits: any when the overlay names none (azldev). */
    private static PackageSelector searchScope(String pkg) {
        return pkg.isEmpty() ? PackageSelector.any() : PackageSelector.named(pkg);
    }

    private static OverlayFailure.Reason reason(SpecEditException.Reason reason) {
        return switch (reason) {
            case SECTION_NOT_FOUND -> OverlayFailure.Reason.SECTION_NOT_FOUND;
            case TAG_NOT_FOUND -> OverlayFailure.Reason.TAG_NOT_FOUND;
            case PATTERN_NOT_FOUND -> OverlayFailure.Reason.PATTERN_NOT_FOUND;
            case REFERENCE_NOT_FOUND -> OverlayFailure.Reason.REFERENCE_NOT_FOUND;
            case CONDITIONAL_SPANS_SECTIONS -> OverlayFailure.Reason.CONDITIONAL_SPLIT;
            case INVALID_ARGUMENT -> OverlayFailure.Reason.INVALID;
        };
    }
}
