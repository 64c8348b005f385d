package dev.keel.spec;

import com.google.re2j.Matcher;
import com.google.re2j.Pattern;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.function.Predicate;

/**
 * Edits a spec while keeping every untouched line byte-identical. Each method returns a new
 * {@link Spec}; lines it adds or changes are labelled with this editor's {@code by} so their
 * provenance can be traced. A method that cannot do its edit throws {@link SpecEditException} and
 * changes nothing.
 *
 * <p>A {@link PackageSelector} says which package an edit applies to; a section name of {@code
 * null} or {@code ""} stands for no section (the whole file, or any section for {@link
 * #searchReplace}). Section names compare exactly, e.g. {@code %files}.
 *
 * <p>An editor keeps no state between calls, so it can be shared between threads; each call edits
 * the spec the editor was made for, not the result of an earlier call.
 */
public final class SpecEditor {

    private final Spec spec;
    private final String by;
    private final String eol;

    private SpecEditor(Spec spec, String by) {
        this.spec = Objects.requireNonNull(spec, "spec");
        this.by = Objects.requireNonNull(by, "by");
        this.eol = spec.lineEnding();
    }

    /** An editor for {@code spec} whose changes are attributed to {@code by}. */
    public static SpecEditor of(Spec spec, String by) {
        return new SpecEditor(spec, by);
    }

    // ---------------------------------------------------------------- tags

    /**
     * Adds {@code Tag: value} at the end of the package's preamble or {@code %package} block (an
     * existing tag of that name is kept). The line never lands inside a conditional block that
     * starts in that section, since that would make the new tag conditional, nor after the end of a
     * block around the section's header, where it would belong to another section.
     */
    public Spec addTag(PackageSelector.Single pkg, String tag, String value) {
        Splices splices = new Splices();
        for (Section section : tagSections(pkg)) {
            splices.insert(lineOf(endOutsideLocalBlocks(section)), tagLine(tag, value));
        }
        return splices.apply();
    }

    /**
     * Inserts {@code Tag: value} after the last tag of the same family ({@code Patch3} is family
     * {@code patch}), else after the last tag, else as {@link #addTag}. A position inside a
     * conditional block that starts in the section moves past that block's {@code %endif}.
     */
    public Spec insertTag(PackageSelector.Single pkg, String tag, String value) {
        Splices splices = new Splices();
        String family = Tag.familyOf(tag);
        for (Section section : tagSections(pkg)) {
            Tag anchor = null;
            Tag lastTag = null;
            for (Tag candidate : spec.tags()) {
                if (candidate.section() == section.index()) {
                    lastTag = candidate;
                    if (candidate.family().equals(family)) {
                        anchor = candidate;
                    }
                }
            }
            anchor = anchor == null ? lastTag : anchor;
            int element =
                    anchor == null ? endOutsideLocalBlocks(section) : afterLocalBlocks(section, anchor.element() + 1);
            splices.insert(lineOf(element), tagLine(tag, value));
        }
        return splices.apply();
    }

    /** Updates the tag if the package has it, else adds it as {@link #addTag} does. */
    public Spec setTag(PackageSelector.Single pkg, String tag, String value) {
        return matchingTags(pkg, tag, null).isEmpty() ? addTag(pkg, tag, value) : updateTag(pkg, tag, value);
    }

    /**
     * Rewrites every line of that tag in the package (in all conditional branches); each rewritten
     * line keeps its line ending.
     */
    public Spec updateTag(PackageSelector.Single pkg, String tag, String value) {
        List<Tag> tags = requireTags(pkg, tag, null);
        Splices splices = new Splices();
        for (Tag found : tags) {
            Element element = found.elementIn(spec);
            Line last = spec.line(element.endLine() - 1);
            splices.replace(
                    element.firstLine(),
                    element.endLine(),
                    List.of(last.withText(spec.encodeNewText(tag + ": " + value), by)));
        }
        return splices.apply();
    }

    /** Removes every line of that tag in the package; with a value, only lines whose value matches (ignoring case). */
    public Spec removeTag(PackageSelector.Single pkg, String tag, String value) {
        Splices splices = new Splices();
        for (Tag found : requireTags(pkg, tag, value)) {
            Element element = found.elementIn(spec);
            splices.replace(element.firstLine(), element.endLine(), List.of());
        }
        return splices.apply();
    }

    // ---------------------------------------------------------------- lines

    /**
     * Adds lines at the top of the file ({@code section} null or empty; the package must then be the
     * main one) or after the header of every matching section.
     */
    public Spec prependLines(String section, PackageSelector.Single pkg, List<String> lines) {
        Splices splices = new Splices();
        if (section == null || section.isEmpty()) {
            requireMainPackage(pkg);
            splices.insert(0, newLines(lines));
        } else {
            for (Section found : requireSections(section, pkg)) {
                splices.insert(found.bodyFirstLine(spec), newLines(lines));
            }
        }
        return splices.apply();
    }

    /**
     * Adds lines at the end of the file ({@code section} null or empty; the package must then be the
     * main one) or at the end of every matching section.
     */
    public Spec appendLines(String section, PackageSelector.Single pkg, List<String> lines) {
        Splices splices = new Splices();
        if (section == null || section.isEmpty()) {
            requireMainPackage(pkg);
            splices.insert(spec.lines().size(), newLines(lines));
        } else {
            for (Section found : requireSections(section, pkg)) {
                splices.insert(found.endLine(), newLines(lines));
            }
        }
        return splices.apply();
    }

    /**
     * Replaces every match of {@code regex} (RE2 syntax) on each line in scope with the literal
     * {@code replacement}. Scope: sections named {@code section} (any if null or empty) of the
     * packages {@code pkg} selects. Section header lines are never rewritten.
     */
    public Spec searchReplace(String section, PackageSelector pkg, Pattern regex, String replacement) {
        Objects.requireNonNull(pkg, "pkg");
        String literal = Matcher.quoteReplacement(spec.encodeNewText(replacement));
        Splices splices = new Splices();
        for (Section found : spec.sections()) {
            boolean sectionMatches =
                    section == null || section.isEmpty() || found.name().equals(section);
            if (!sectionMatches || !pkg.selects(spec, found.pkg())) {
                continue;
            }
            for (int line = found.bodyFirstLine(spec); line < found.endLine(); line++) {
                String text = spec.line(line).text();
                String replaced = regex.matcher(text).replaceAll(literal);
                if (!replaced.equals(text)) {
                    splices.replaceLine(line, spec.line(line).withText(replaced, by));
                }
            }
        }
        if (splices.isEmpty()) {
            throw new SpecEditException(
                    SpecEditException.Reason.PATTERN_NOT_FOUND,
                    "pattern /" + regex.pattern() + "/ matched no line" + scope(section, pkg),
                    ClosestLines.find(spec, regex.pattern(), 3));
        }
        return splices.apply();
    }

    // ---------------------------------------------------------------- sections

    /**
     * Removes every matching section from its header to the next, keeping conditionals balanced as
     * azldev does (see {@link ConditionalBalancer}).
     */
    public Spec removeSection(String section, PackageSelector.Single pkg) {
        if (section == null || section.isEmpty()) {
            throw new SpecEditException(
                    SpecEditException.Reason.INVALID_ARGUMENT, "the preamble cannot be removed as a section");
        }
        return removeSections(requireSections(section, pkg));
    }

    /**
     * Removes every section of a sub-package ({@code %package}, {@code %description}, {@code %files},
     * scriptlets...), each balanced on its own as {@link #removeSection} does: a sub-package wrapped in
     * {@code %if} leaves its empty {@code %if}/{@code %endif}. The main package is refused.
     */
    public Spec removeSubpackage(PackageSelector.Single pkg) {
        if (!(Objects.requireNonNull(pkg, "pkg") instanceof PackageSelector.Named named)) {
            throw new SpecEditException(
                    SpecEditException.Reason.INVALID_ARGUMENT, "the main package cannot be removed as a sub-package");
        }
        List<Section> sections = spec.sections().stream()
                .filter(s -> !s.pkg().isMain() && named.selects(spec, s.pkg()))
                .toList();
        if (sections.isEmpty()) {
            throw new SpecEditException(
                    SpecEditException.Reason.SECTION_NOT_FOUND,
                    "no section belongs to sub-package '" + named.name() + "'");
        }
        return removeSections(sections);
    }

    private Spec removeSections(List<Section> sections) {
        Splices splices = new Splices();
        for (int e : ConditionalBalancer.elementsToRemove(spec, sections)) {
            Element element = spec.element(e);
            splices.replace(element.firstLine(), element.endLine(), List.of());
        }
        return splices.apply();
    }

    // ---------------------------------------------------------------- sources, patches, changelog

    /** The number a new {@code PatchN} tag should get: one above the highest numbered patch, else 0. */
    public static int nextPatchNumber(Spec spec) {
        int highest = -1;
        for (SourceRef patch : spec.patches()) {
            if (!patch.fromList() && patch.number() != null) {
                highest = Math.max(highest, patch.number());
            }
        }
        return highest + 1;
    }

    /**
     * Declares a patch file: appended to {@code %patchlist} when the spec has one, else added as a
     * {@code PatchN:} tag of the main package with the next free number.
     */
    public Spec addPatch(String fileName) {
        boolean hasPatchlist = spec.sections().stream().anyMatch(s -> s.kind() == SectionKind.PATCHLIST);
        if (hasPatchlist) {
            Splices splices = new Splices();
            for (Section section : spec.sections()) {
                if (section.kind() == SectionKind.PATCHLIST) {
                    splices.insert(section.endLine(), newLines(List.of(fileName)));
                }
            }
            return splices.apply();
        }
        return addTag(PackageSelector.main(), "Patch" + nextPatchNumber(spec), fileName);
    }

    /** Removes every source or patch reference (tag line or list entry) the filter accepts. */
    public Spec removeReferences(Predicate<SourceRef> filter, String description) {
        Splices splices = new Splices();
        for (SourceRef reference : spec.references()) {
            if (filter.test(reference)) {
                Element element = reference.elementIn(spec);
                splices.replace(element.firstLine(), element.endLine(), List.of());
            }
        }
        if (splices.isEmpty()) {
            throw new SpecEditException(
                    SpecEditException.Reason.REFERENCE_NOT_FOUND,
                    "no source or patch reference matched " + description);
        }
        return splices.apply();
    }

    /**
     * Adds a changelog entry at the top of {@code %changelog} ({@code * header}, the body lines, a
     * blank line); a {@code %changelog} section is added at the end when there is none.
     */
    public Spec addChangelogEntry(String header, List<String> body) {
        List<String> entry = new ArrayList<>();
        entry.add("* " + header);
        entry.addAll(body);
        entry.add("");
        Splices splices = new Splices();
        Section changelog = spec.sections().stream()
                .filter(s -> s.kind() == SectionKind.CHANGELOG)
                .findFirst()
                .orElse(null);
        if (changelog == null) {
            List<String> section = new ArrayList<>();
            section.add("%changelog");
            section.addAll(entry);
            splices.insert(spec.lines().size(), newLines(section));
        } else {
            splices.insert(changelog.bodyFirstLine(spec), newLines(entry));
        }
        return splices.apply();
    }

    // ---------------------------------------------------------------- lookups

    private List<Section> tagSections(PackageSelector.Single pkg) {
        if (!(Objects.requireNonNull(pkg, "pkg") instanceof PackageSelector.Named named)) {
            return List.of(spec.section(0));
        }
        List<Section> sections = spec.sections().stream()
                .filter(s -> s.kind() == SectionKind.PACKAGE && named.selects(spec, s.pkg()))
                .toList();
        if (sections.isEmpty()) {
            throw new SpecEditException(
                    SpecEditException.Reason.SECTION_NOT_FOUND,
                    "no %package section for sub-package '" + named.name() + "'");
        }
        return sections;
    }

    private List<Tag> matchingTags(PackageSelector.Single pkg, String tag, String value) {
        List<Integer> sections = tagSections(pkg).stream().map(Section::index).toList();
        return spec.tags().stream()
                .filter(t -> sections.contains(t.section()) && t.is(tag))
                .filter(t -> value == null || t.value().equalsIgnoreCase(value))
                .toList();
    }

    private List<Tag> requireTags(PackageSelector.Single pkg, String tag, String value) {
        List<Tag> tags = matchingTags(pkg, tag, value);
        if (tags.isEmpty()) {
            String what = "tag '" + tag + "'" + (value == null ? "" : " with value '" + value + "'");
            throw new SpecEditException(
                    SpecEditException.Reason.TAG_NOT_FOUND,
                    "no " + what + " in " + packageName(pkg),
                    ClosestLines.find(spec, tag + ": " + (value == null ? "" : value), 3));
        }
        return tags;
    }

    private List<Section> requireSections(String section, PackageSelector.Single pkg) {
        Objects.requireNonNull(pkg, "pkg");
        List<Section> sections = spec.sections().stream()
                .filter(s -> !s.isPreamble() && s.name().equals(section))
                .filter(s -> pkg.selects(spec, s.pkg()))
                .toList();
        if (sections.isEmpty()) {
            throw new SpecEditException(
                    SpecEditException.Reason.SECTION_NOT_FOUND,
                    "no " + section + " section for " + packageName(pkg),
                    ClosestLines.find(spec, section + " " + spelling(pkg), 3));
        }
        return sections;
    }

    /** The whole file belongs to the main package: a sub-package without a section names nothing (as in azldev). */
    private void requireMainPackage(PackageSelector.Single pkg) {
        if (!Objects.requireNonNull(pkg, "pkg").selects(spec, PackageRef.MAIN)) {
            throw new SpecEditException(
                    SpecEditException.Reason.SECTION_NOT_FOUND, "no section given for " + packageName(pkg));
        }
    }

    /** The package as the user named it, {@code ""} for the main one. */
    private static String spelling(PackageSelector.Single pkg) {
        return pkg instanceof PackageSelector.Named named ? named.name() : "";
    }

    private static String packageName(PackageSelector.Single pkg) {
        return pkg instanceof PackageSelector.Named named ? "sub-package '" + named.name() + "'" : "the main package";
    }

    private static String scope(String section, PackageSelector pkg) {
        String where = section == null || section.isEmpty() ? "" : " in " + section;
        return where + (pkg instanceof PackageSelector.Single single ? " of " + packageName(single) : "");
    }

    // ---------------------------------------------------------------- placement

    /**
     * The element index at which to insert at the end of a section: its end, moved before any
     * conditional block that opens inside the section and is still open there, and before the next
     * {@code %else}/{@code %elif}/{@code %endif} of a block that encloses the header (the section's
     * lines end there when the header is conditional).
     */
    private int endOutsideLocalBlocks(Section section) {
        int position = section.endElement();
        for (ConditionalBlock block : spec.blocks()) {
            if (block.startElement() < section.firstElement()) {
                position = Math.min(position, nextDirective(block, section.firstElement()));
            } else if (block.startElement() < position
                    && (!block.isClosed() || block.endElement() >= section.endElement())) {
                position = block.startElement();
            }
        }
        return position;
    }

    /** The block's first branch or closing directive after {@code element}, or {@link Integer#MAX_VALUE}. */
    private static int nextDirective(ConditionalBlock block, int element) {
        for (ConditionalBlock.Branch branch : block.branches()) {
            if (branch.element() > element) {
                return branch.element();
            }
        }
        return block.endElement() > element ? block.endElement() : Integer.MAX_VALUE;
    }

    /**
     * An insertion position moved past the {@code %endif} of the outermost block that opens inside
     * the section and encloses the position; before that block's {@code %if} if it closes only
     * after the section.
     */
    private int afterLocalBlocks(Section section, int position) {
        for (ConditionalBlock block : spec.blocks()) {
            boolean opensInside = block.startElement() >= section.firstElement() && block.startElement() < position;
            boolean enclosing = !block.isClosed() || block.endElement() >= position;
            if (opensInside && enclosing) {
                boolean closesInside = block.isClosed() && block.endElement() < section.endElement();
                return closesInside ? block.endElement() + 1 : block.startElement();
            }
        }
        return position;
    }

    private int lineOf(int element) {
        return element < spec.elements().size()
                ? spec.element(element).firstLine()
                : spec.lines().size();
    }

    private List<Line> tagLine(String tag, String value) {
        return newLines(List.of(tag + ": " + value));
    }

    private List<Line> newLines(Collection<String> texts) {
        List<Line> lines = new ArrayList<>(texts.size());
        for (String text : texts) {
            lines.add(Line.edited(spec.encodeNewText(text), eol, spec.charset(), by));
        }
        return lines;
    }

    // ---------------------------------------------------------------- applying

    /** Replacements of line ranges, applied together from the bottom up. */
    private final class Splices {
        private record Splice(int start, int end, List<Line> lines, int sequence) {}

        private final List<Splice> splices = new ArrayList<>();

        void insert(int line, List<Line> lines) {
            replace(line, line, lines);
        }

        void replace(int start, int end, List<Line> lines) {
            splices.add(new Splice(start, end, lines, splices.size()));
        }

        void replaceLine(int line, Line replacement) {
            replace(line, line + 1, List.of(replacement));
        }

        boolean isEmpty() {
            return splices.isEmpty();
        }

        Spec apply() {
            List<Line> lines = new ArrayList<>(spec.lines());
            int size = lines.size();
            boolean appendsAtEnd = splices.stream()
                    .anyMatch(s -> s.start() == size && !s.lines().isEmpty());
            if (appendsAtEnd && size > 0 && lines.get(size - 1).eolLength() == 0) {
                lines.set(size - 1, lines.get(size - 1).withEol(eol));
            }
            List<Splice> ordered = new ArrayList<>(splices);
            // Bottom up; at one position, replacements before insertions, later insertions first,
            // so that insertions land before the replaced line in the order they were made.
            ordered.sort(Comparator.comparingInt(Splice::start)
                    .reversed()
                    .thenComparing(splice -> splice.end() == splice.start())
                    .thenComparing(Comparator.comparingInt(Splice::sequence).reversed()));
            int limit = Integer.MAX_VALUE;
            for (Splice splice : ordered) {
                int end = Math.min(splice.end(), limit);
                if (end > splice.start()) {
                    lines.subList(splice.start(), end).clear();
                }
                lines.addAll(splice.start(), splice.lines());
                limit = splice.start();
            }
            return Spec.of(lines, spec.charset());
        }
    }
}
