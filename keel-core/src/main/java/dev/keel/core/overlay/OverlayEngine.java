package dev.keel.core.overlay;

import com.google.re2j.Matcher;
import com.google.re2j.Pattern;
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
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
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
        return new Session(new Workspace(component, upstream, specPath, Optional.empty()));
    }

    /**
     * As {@link #open(String, SourceTree, String)}, for a caller that has parsed the upstream spec
     * already: {@code spec} is what {@code upstream}'s file at {@code specPath} parses to.
     */
    public Session open(String component, SourceTree upstream, String specPath, Spec spec) {
        return new Session(new Workspace(component, upstream, specPath, Optional.of(spec)));
    }

    /** Overlays applied in steps to one source tree; not for use by several threads. */
    public static final class Session {
        private final Workspace workspace;

        private Session(Workspace workspace) {
            this.workspace = workspace;
        }

        /**
         * Applies {@code overlays} in their order ({@link #archivesFirst}), each archive's as one
         * stage.
         *
         * @throws OverlayException for the first overlay that cannot be applied
         */
        public void apply(List<LocatedOverlay> overlays) throws OverlayException {
            Order order = Order.of(overlays);
            for (Map.Entry<String, List<LocatedOverlay>> archive :
                    order.archives().entrySet()) {
                workspace.applyArchive(archive.getKey(), archive.getValue());
            }
            for (LocatedOverlay overlay : order.others()) {
                workspace.apply(overlay);
            }
        }

        /**
         * Puts a file Keel generates into the sources, in place of an upstream file of that name;
         * its lines are {@code by}'s.
         */
        public void generate(String path, SourceFile file, LocatedOverlay by) {
            if (path.equals(workspace.specPath)) {
                throw new IllegalArgumentException("Keel does not generate the spec " + path);
            }
            workspace.putNew(path, file, by);
        }

        /** The spec as the overlays so far left it, or empty when the sources have none. */
        public Optional<Spec> spec() {
            return Optional.ofNullable(workspace.spec());
        }

        /** The sources as the overlays left them, with their provenance. */
        public OverlayResult result() {
            return workspace.result();
        }
    }

    /**
     * The order overlays apply in: archive-scoped overlays first, grouped by archive in the order
     * the archives first appear, then the others in their own order.
     */
    public static List<LocatedOverlay> archivesFirst(List<LocatedOverlay> overlays) {
        Order order = Order.of(overlays);
        List<LocatedOverlay> ordered = new ArrayList<>();
        order.archives().values().forEach(ordered::addAll);
        ordered.addAll(order.others());
        return ordered;
    }

    /** Overlays split into each archive's, by archive in order of first appearance, and the others. */
    private record Order(Map<String, List<LocatedOverlay>> archives, List<LocatedOverlay> others) {
        static Order of(List<LocatedOverlay> overlays) {
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
            return new Order(byArchive, others);
        }
    }

    /**
     * The sources at one point of an application, as one immutable value: keeping a reference is
     * a snapshot.
     *
     * @param spec the spec as a syntax tree (its lines know their origin), or null when there is none
     * @param files the other files
     * @param provenance where every file and line comes from, the spec's included
     * @param archiveDigests the SHA-512 (hex) of every archive an archive stage repacked
     */
    record State(Spec spec, SourceTree files, SourceProvenance provenance, SortedMap<String, String> archiveDigests) {
        State {
            archiveDigests = Collections.unmodifiableSortedMap(new TreeMap<>(archiveDigests));
        }

        State with(SourceTree newFiles, SourceProvenance newProvenance) {
            return new State(spec, newFiles, newProvenance, archiveDigests);
        }

        State withSpec(Spec newSpec, SourceProvenance newProvenance) {
            return new State(newSpec, files, newProvenance, archiveDigests);
        }

        /** With the archive an {@link ArchiveStage} repacked in place of the old one. */
        State withArchive(ArchiveStage.Result archive) {
            SortedMap<String, String> digests = new TreeMap<>(archiveDigests);
            digests.put(archive.name(), archive.sha512());
            return new State(spec, files.with(archive.name(), archive.file()), provenance, digests);
        }
    }

    /** A fresh workspace over {@code upstream}, for callers that apply overlays one at a time. */
    Workspace workspace(String component, SourceTree upstream, String specPath) {
        return new Workspace(component, upstream, specPath, Optional.empty());
    }

    /** One application: its current {@link State}, replaced by each overlay that applies. */
    final class Workspace {
        private final String specPath;
        private final OverlayFailures failures;
        private State state;

        Workspace(String component, SourceTree upstream, String specPath, Optional<Spec> parsed) {
            this.specPath = specPath;
            this.failures = new OverlayFailures(component);
            Spec spec = upstream.get(specPath)
                    .map(file -> parsed.orElseGet(() -> Spec.parse(file.content())))
                    .orElse(null);
            SourceProvenance provenance = SourceProvenance.of(upstream);
            if (spec != null) {
                provenance = provenance.withLines(specPath, SourceProvenance.upstreamLines(spec.lineCount()));
            }
            this.state = new State(spec, upstream.without(specPath), provenance, new TreeMap<>());
        }

        State state() {
            return state;
        }

        /** Goes back to an earlier state, when a checked overlay failed. */
        void restore(State earlier) {
            state = earlier;
        }

        Spec spec() {
            return state.spec();
        }

        /** Applies one overlay; one scoped to an archive is a stage of its own. */
        void apply(LocatedOverlay located) throws OverlayException {
            Optional<String> archive = located.overlay().archive();
            if (archive.isPresent()) {
                applyArchive(archive.get(), List.of(located));
                return;
            }
            try {
                edit(located);
            } catch (SpecEditException e) {
                throw failures.fail(located, reason(e.reason()), e.getMessage(), e.candidates());
            }
        }

        /** Applies the overlays scoped to the archive {@code name} as one stage and puts its result in. */
        void applyArchive(String name, List<LocatedOverlay> overlays) throws OverlayException {
            state = state.withArchive(
                    new ArchiveStage(failures).apply(name, state.files().get(name), overlays));
        }

        /** Applies the overlay, by its type. */
        private void edit(LocatedOverlay located) throws OverlayException {
            Overlay overlay = located.overlay();
            if (overlay instanceof Overlay.SpecAddTag o) {
                editSpec(located, editor(located).addTag(pkg(o.pkg()), o.tag(), o.value()));
            } else if (overlay instanceof Overlay.SpecInsertTag o) {
                editSpec(located, editor(located).insertTag(pkg(o.pkg()), o.tag(), o.value()));
            } else if (overlay instanceof Overlay.SpecSetTag o) {
                editSpec(located, editor(located).setTag(pkg(o.pkg()), o.tag(), o.value()));
            } else if (overlay instanceof Overlay.SpecUpdateTag o) {
                editSpec(located, editor(located).updateTag(pkg(o.pkg()), o.tag(), o.value()));
            } else if (overlay instanceof Overlay.SpecRemoveTag o) {
                // SpecEditor's "any value" is null
                editSpec(
                        located,
                        editor(located)
                                .removeTag(pkg(o.pkg()), o.tag(), o.value().orElse(null)));
            } else if (overlay instanceof Overlay.SpecPrependLines o) {
                editSpec(located, editor(located).prependLines(o.section(), pkg(o.pkg()), o.lines()));
            } else if (overlay instanceof Overlay.SpecAppendLines o) {
                editSpec(located, editor(located).appendLines(o.section(), pkg(o.pkg()), o.lines()));
            } else if (overlay instanceof Overlay.SpecSearchReplace o) {
                editSpec(
                        located,
                        editor(located)
                                .searchReplace(
                                        o.section(),
                                        searchScope(o.pkg()),
                                        failures.regex(located, o.regex()),
                                        o.replacement()));
            } else if (overlay instanceof Overlay.SpecRemoveSection o) {
                editSpec(located, editor(located).removeSection(o.section(), pkg(o.pkg())));
            } else if (overlay instanceof Overlay.SpecRemoveSubpackage o) {
                editSpec(located, editor(located).removeSubpackage(pkg(o.pkg())));
            } else if (overlay instanceof Overlay.PatchAdd o) {
                patchAdd(located, o);
            } else if (overlay instanceof Overlay.PatchRemove o) {
                patchRemove(located, o);
            } else if (overlay instanceof Overlay.FilePrependLines o) {
                filePrepend(located, o);
            } else if (overlay instanceof Overlay.FileSearchReplace o) {
                fileSearchReplace(located, o);
            } else if (overlay instanceof Overlay.FileAdd o) {
                fileAdd(located, o);
            } else if (overlay instanceof Overlay.FileRemove o) {
                fileRemove(located, o);
            } else if (overlay instanceof Overlay.FileRename o) {
                fileRename(located, o);
            } else {
                throw new IllegalStateException("no edit for a " + overlay.type() + " overlay");
            }
        }

        /**
         * Puts in the spec {@code located} made, and its lines' origins: the spec's lines know the
         * label of the overlay that made each; the upstream lines that are gone were removed by
         * {@code located}.
         */
        private void editSpec(LocatedOverlay located, Spec edited) {
            if (edited == state.spec()) {
                return;
            }
            List<LineSource> before =
                    state.provenance().lines(specPath, state.spec().lineCount());
            Map<String, LocatedOverlay> byLabel = new HashMap<>();
            for (LineSource source : before) {
                if (source instanceof LineSource.FromOverlay from) {
                    byLabel.put(from.overlay().label(), from.overlay());
                }
            }
            byLabel.put(located.label(), located);
            List<LineSource> after = new ArrayList<>(edited.lineCount());
            for (Line line : edited.lines()) {
                after.add(
                        line.origin() instanceof LineOrigin.Input input
                                ? new LineSource.Upstream(input.lineNumber())
                                : new LineSource.FromOverlay(byLabel.get(((LineOrigin.Edit) line.origin()).by())));
            }
            state = state.withSpec(edited, state.provenance().edited(specPath, before, after, located));
        }

        private SpecEditor editor(LocatedOverlay located) throws OverlayException {
            if (state.spec() == null) {
                throw failures.fail(
                        located, OverlayFailure.Reason.SOURCE_NOT_FOUND, "the sources have no spec " + specPath);
            }
            return SpecEditor.of(state.spec(), located.label());
        }

        // -------------------------------------------------------------- patches

        private void patchAdd(LocatedOverlay located, Overlay.PatchAdd overlay) throws OverlayException {
            byte[] content = readSource(located, overlay);
            String name = overlay.file().isEmpty()
                    ? Path.of(overlay.source()).getFileName().toString()
                    : confined(located, overlay.file().get());
            requireFree(located, name);
            Spec edited = editor(located).addPatch(name);
            putNew(name, new SourceFile(content, false), located);
            editSpec(located, edited);
        }

        /**
         * Removes the spec's references to patches matching the glob (the whole value of every
         * {@code PatchN} tag, trimmed {@code %patchlist} lines) and the matching loose files. Fails
         * only when no spec reference matched (azldev also fails when no loose file matched).
         */
        private void patchRemove(LocatedOverlay located, Overlay.PatchRemove overlay) throws OverlayException {
            Glob glob = failures.glob(located, overlay.file());
            Predicate<SourceRef> patch =
                    reference -> reference.kind() == SourceRef.Kind.PATCH && glob.matches(reference.value());
            editSpec(located, editor(located).removeReferences(patch, "'" + overlay.file() + "'"));
            for (String path : looseFiles(glob)) {
                removeFile(path, located);
            }
        }

        // -------------------------------------------------------------- loose files

        private void filePrepend(LocatedOverlay located, Overlay.FilePrependLines overlay) throws OverlayException {
            List<String> matches = requireLooseFiles(located, overlay);
            byte[] prefix = (String.join("\n", overlay.lines()) + "\n").getBytes(StandardCharsets.UTF_8);
            for (String path : matches) {
                SourceFile file = file(path);
                byte[] before = file.content();
                byte[] after = new byte[prefix.length + before.length];
                System.arraycopy(prefix, 0, after, 0, prefix.length);
                System.arraycopy(before, 0, after, prefix.length, before.length);
                List<LineSource> previous = lines(path, before);
                List<LineSource> sources =
                        new ArrayList<>(SourceProvenance.linesBy(located, TextDiff.lineCount(prefix)));
                sources.addAll(previous);
                putEdited(path, new SourceFile(after, file.executable()), previous, sources, located);
            }
        }

        private void fileSearchReplace(LocatedOverlay located, Overlay.FileSearchReplace overlay)
                throws OverlayException {
            List<String> matches = requireLooseFiles(located, overlay);
            Pattern regex = failures.regex(located, overlay.regex());
            int changed = 0;
            for (String path : matches) {
                SourceFile file = file(path);
                byte[] before = file.content();
                TextCodec codec = TextCodec.of(before);
                String text = codec.decode(before);
                String replaced = regex.matcher(text)
                        .replaceAll(Matcher.quoteReplacement(codec.represent(overlay.replacement())));
                if (!replaced.equals(text)) {
                    List<LineSource> previous = lines(path, before);
                    List<LineSource> sources = TextDiff.attribute(previous, text, replaced, located);
                    putEdited(
                            path,
                            new SourceFile(codec.encode(replaced), file.executable()),
                            previous,
                            sources,
                            located);
                    changed++;
                }
            }
            if (changed == 0) {
                throw failures.fail(
                        located,
                        OverlayFailure.Reason.PATTERN_NOT_FOUND,
                        "pattern /" + regex.pattern() + "/ matched nothing in " + String.join(", ", matches));
            }
        }

        private void fileAdd(LocatedOverlay located, Overlay.FileAdd overlay) throws OverlayException {
            String path = confined(located, overlay.file());
            if (path.endsWith(".spec")) {
                throw failures.fail(
                        located, OverlayFailure.Reason.TARGETS_SPEC, "file-add cannot add a spec (" + path + ")");
            }
            requireFree(located, path);
            putNew(path, new SourceFile(readSource(located, overlay), false), located);
        }

        private void fileRemove(LocatedOverlay located, Overlay.FileRemove overlay) throws OverlayException {
            for (String path : requireLooseFiles(located, overlay)) {
                removeFile(path, located);
            }
        }

        private void fileRename(LocatedOverlay located, Overlay.FileRename overlay) throws OverlayException {
            List<String> matches = requireLooseFiles(located, overlay);
            if (matches.size() > 1) {
                throw failures.fail(
                        located,
                        OverlayFailure.Reason.MULTIPLE_MATCHES,
                        "file-rename needs exactly one file, '" + overlay.file() + "' matches "
                                + String.join(", ", matches));
            }
            String from = matches.get(0);
            String to = renamedPath(located, from, overlay.newName());
            requireFree(located, to);
            SourceFile file = file(from);
            state = state.with(
                    state.files().without(from).with(to, file),
                    state.provenance().renamed(from, to, TextDiff.lineCount(file.content()), located));
        }

        /** {@code from}'s path with its file name replaced by {@code newName}, a plain file name. */
        private String renamedPath(LocatedOverlay located, String from, String newName) throws OverlayException {
            if (newName.isEmpty()
                    || newName.contains("/")
                    || newName.contains("\\")
                    || newName.equals(".")
                    || newName.equals("..")) {
                throw failures.fail(
                        located,
                        OverlayFailure.Reason.PATH_ESCAPES,
                        "the new name must be a plain file name: " + newName);
            }
            int slash = from.lastIndexOf('/');
            String to = (slash < 0 ? "" : from.substring(0, slash + 1)) + newName;
            if (to.endsWith(".spec")) {
                throw failures.fail(
                        located, OverlayFailure.Reason.TARGETS_SPEC, "file-rename cannot make a spec (" + to + ")");
            }
            return to;
        }

        /**
         * Fails unless {@code path} is free: not a file, not a directory of the sources (a prefix of
         * a file's path) and not below a file.
         */
        private void requireFree(LocatedOverlay located, String path) throws OverlayException {
            List<String> taken = new ArrayList<>(state.files().files().keySet());
            taken.add(specPath);
            for (String other : taken) {
                if (other.equals(path) || other.startsWith(path + "/") || path.startsWith(other + "/")) {
                    throw failures.fail(
                            located,
                            OverlayFailure.Reason.FILE_EXISTS,
                            other.equals(path)
                                    ? "the sources already have " + path
                                    : "'" + path + "' clashes with " + other + " in the sources");
                }
            }
        }

        /** Loose files (not specs, not under .git) matching the overlay's glob; none is a failure. */
        private List<String> requireLooseFiles(LocatedOverlay located, Overlay.SidecarEdit overlay)
                throws OverlayException {
            String pattern = overlay.file();
            Glob glob = failures.glob(located, pattern);
            List<String> matches = looseFiles(glob);
            if (matches.isEmpty()) {
                boolean spec = glob.matches(specPath);
                throw failures.fail(
                        located,
                        spec ? OverlayFailure.Reason.TARGETS_SPEC : OverlayFailure.Reason.NO_MATCHING_FILE,
                        spec
                                ? "'" + pattern + "' only matches the spec; use a spec-* overlay"
                                : "no file in the sources matches '" + pattern + "'");
            }
            return matches;
        }

        private List<String> looseFiles(Glob glob) {
            List<String> matches = new ArrayList<>();
            for (String path : state.files().files().keySet()) {
                boolean git = path.startsWith(".git/") || path.contains("/.git/");
                if (!path.endsWith(".spec") && !git && glob.matches(path)) {
                    matches.add(path);
                }
            }
            return matches;
        }

        // -------------------------------------------------------------- state changes

        private SourceFile file(String path) {
            return state.files().get(path).orElseThrow();
        }

        /** The origins of the lines of {@code path}, whose bytes are {@code content}. */
        private List<LineSource> lines(String path, byte[] content) {
            return state.provenance().lines(path, TextDiff.lineCount(content));
        }

        /** Puts in a file {@code located} added: every line is its. */
        void putNew(String path, SourceFile file, LocatedOverlay located) {
            state = state.with(
                    state.files().with(path, file),
                    state.provenance()
                            .made(
                                    path,
                                    SourceProvenance.linesBy(located, TextDiff.lineCount(file.content())),
                                    located));
        }

        private void putEdited(
                String path, SourceFile file, List<LineSource> before, List<LineSource> after, LocatedOverlay located) {
            state = state.with(
                    state.files().with(path, file), state.provenance().edited(path, before, after, located));
        }

        private void removeFile(String path, LocatedOverlay located) {
            state = state.with(state.files().without(path), state.provenance().removed(path, located));
        }

        // -------------------------------------------------------------- helpers

        private byte[] readSource(LocatedOverlay located, Overlay.FromSource overlay) throws OverlayException {
            String source = overlay.source();
            Path path = Path.of(source).toAbsolutePath().normalize();
            if (!Confinement.isInside(sourceRoot, path)) {
                throw failures.fail(
                        located, OverlayFailure.Reason.PATH_ESCAPES, "source " + source + " is outside " + sourceRoot);
            }
            try {
                return InputFiles.read(path, InputFiles.Kind.SOURCE);
            } catch (NoSuchFileException e) {
                throw failures.fail(
                        located, OverlayFailure.Reason.SOURCE_NOT_FOUND, "source file not found: " + source);
            } catch (InputFiles.InputFileException e) {
                throw failures.fail(located, OverlayFailure.Reason.SOURCE_NOT_FOUND, e.getMessage());
            } catch (IOException e) {
                throw failures.fail(
                        located,
                        OverlayFailure.Reason.SOURCE_NOT_FOUND,
                        "cannot read " + source + ": " + FileErrors.reason(e));
            }
        }

        private String confined(LocatedOverlay located, String path) throws OverlayException {
            String confined = OverlayPaths.confine(path);
            if (confined == null) {
                throw failures.fail(
                        located,
                        OverlayFailure.Reason.PATH_ESCAPES,
                        "'" + path + "' is not a relative path inside the sources");
            }
            return confined;
        }

        OverlayResult result() {
            SourceTree tree = state.spec() == null
                    ? state.files()
                    : state.files().with(specPath, new SourceFile(state.spec().toBytes(), false));
            return new OverlayResult(tree, state.provenance(), state.archiveDigests());
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
