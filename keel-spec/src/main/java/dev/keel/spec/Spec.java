package dev.keel.spec;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * An RPM spec file as a lossless syntax tree. Parsing never fails and {@link #toBytes()} returns
 * the input bytes exactly; edits (see {@link SpecEditor}) return a new {@code Spec} in which every
 * untouched line is byte-identical and every line records where it came from.
 *
 * <p>The tree models what packagers write, without expanding macros: logical lines
 * ({@link Element}), sections, conditional blocks, tags, macro definitions, changelog entries,
 * sources and patches, includes, and diagnostics.
 *
 * <p>A {@code Spec} is immutable, so it can be shared between threads and reused freely: every
 * list it returns is unmodifiable, and edits return a new {@code Spec}.
 */
public final class Spec {

    /** Everything the parser derives from the lines, in lists no caller can change. */
    record Structure(
            List<Element> elements,
            List<Section> sections,
            List<ConditionalBlock> blocks,
            List<Tag> tags,
            List<MacroDefinition> macros,
            List<ChangelogEntry> changelog,
            List<SourceRef> sources,
            List<Include> includes,
            List<Diagnostic> diagnostics,
            Diagnostic conditionalError) {

        Structure {
            elements = List.copyOf(elements);
            sections = List.copyOf(sections);
            blocks = List.copyOf(blocks);
            tags = List.copyOf(tags);
            macros = List.copyOf(macros);
            changelog = List.copyOf(changelog);
            sources = List.copyOf(sources);
            includes = List.copyOf(includes);
            diagnostics = List.copyOf(diagnostics);
        }
    }

    private final SpecText text;
    /** 1-based input line of each line, or null when every line is input line index + 1. */
    private final int[] inputLines;
    /** The edit label of each line (null entries for input lines), or null when nothing is edited. */
    private final String[] editedBy;

    private final Structure structure;
    private List<Line> lines;
    private LiteralMacros literalMacros;

    private Spec(SpecText text, int[] inputLines, String[] editedBy) {
        this.text = text;
        this.inputLines = inputLines;
        this.editedBy = editedBy;
        this.structure = SpecParser.parse(text);
    }

    /**
     * Parses any bytes (the array is copied). Valid UTF-8 is read as UTF-8, anything else
     * byte-for-byte as ISO-8859-1.
     */
    public static Spec parse(byte[] bytes) {
        return new Spec(new SpecText(bytes.clone(), null), null, null);
    }

    /** Parses text that will be written back as UTF-8. */
    public static Spec parse(String text) {
        return new Spec(new SpecText(text.getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8), null, null);
    }

    /**
     * A spec made of the given lines (their bytes and origins), read with the given charset. A given
     * line may hold several physical lines (text with embedded newlines) or lack its ending; each
     * resulting physical line takes the origin of the given lines it is made of, an edit winning
     * over input.
     */
    public static Spec of(List<Line> lines, Charset charset) {
        Objects.requireNonNull(charset, "charset");
        int size = 0;
        for (Line line : lines) {
            size += line.length();
        }
        byte[] bytes = new byte[size];
        int[] ends = new int[lines.size()];
        int offset = 0;
        for (int i = 0; i < lines.size(); i++) {
            lines.get(i).copyTo(bytes, offset);
            offset += lines.get(i).length();
            ends[i] = offset;
        }
        SpecText text = new SpecText(bytes, charset);
        int count = text.lineCount();
        int[] inputLines = new int[count];
        String[] editedBy = new String[count];
        int given = 0;
        for (int physical = 0; physical < count; physical++) {
            while (ends[given] <= text.lineStart(physical)) {
                given++;
            }
            Line first = lines.get(given);
            inputLines[physical] = first.inputLine();
            editedBy[physical] = first.editedBy();
            for (int other = given; other < lines.size() && ends[other] < text.lineEnd(physical); other++) {
                Line next = lines.get(other + 1);
                if (editedBy[physical] == null && next.editedBy() != null) {
                    editedBy[physical] = next.editedBy();
                }
            }
        }
        return new Spec(text, inputLines, editedBy);
    }

    /**
     * The spec's bytes: the concatenation of its lines' bytes, which for an unedited spec are
     * exactly the bytes it was parsed from.
     */
    public byte[] toBytes() {
        return text.bytes.clone();
    }

    /** The whole text, decoded with {@link #charset()}. */
    public String text() {
        return new String(text.bytes, text.charset);
    }

    /** The charset the text was decoded with (UTF-8, or ISO-8859-1 for input that is not UTF-8). */
    public Charset charset() {
        return text.charset;
    }

    /**
     * Converts text to add (always meant as Unicode) into this spec's representation: unchanged for
     * UTF-8 specs, its UTF-8 bytes as characters for specs read byte-for-byte.
     */
    public String encodeNewText(String text) {
        return TextBytes.represent(text, charset());
    }

    /** The line ending new lines get: {@code \r\n} when most lines use it, else {@code \n}. */
    public String lineEnding() {
        int crlf = 0;
        int lf = 0;
        for (int i = 0; i < text.lineCount(); i++) {
            int eol = text.eolLength(i);
            crlf += eol == 2 ? 1 : 0;
            lf += eol == 1 ? 1 : 0;
        }
        return crlf > lf ? "\r\n" : "\n";
    }

    /** The physical lines, as views of the spec's bytes. */
    public List<Line> lines() {
        if (lines == null) {
            Line[] views = new Line[text.lineCount()];
            for (int i = 0; i < views.length; i++) {
                int input = inputLines == null ? i + 1 : inputLines[i];
                String by = editedBy == null ? null : editedBy[i];
                views[i] = new Line(
                        text.bytes, text.lineStart(i), text.lineEnd(i), text.eolLength(i), text.charset, input, by);
            }
            lines = List.of(views);
        }
        return lines;
    }

    public Line line(int index) {
        return lines().get(index);
    }

    public int lineCount() {
        return text.lineCount();
    }

    public List<Element> elements() {
        return structure.elements();
    }

    public Element element(int index) {
        return structure.elements().get(index);
    }

    /** The element containing a physical line (0-based). */
    public Element elementAtLine(int line) {
        List<Element> elements = structure.elements();
        int low = 0;
        int high = elements.size() - 1;
        while (low <= high) {
            int mid = (low + high) >>> 1;
            Element element = elements.get(mid);
            if (element.endLine() <= line) {
                low = mid + 1;
            } else if (element.firstLine() > line) {
                high = mid - 1;
            } else {
                return element;
            }
        }
        throw new IndexOutOfBoundsException("line " + line);
    }

    /** The text of an element's lines joined, without the final line ending. */
    public String elementText(Element element) {
        return text.joinedText(element.firstLine(), element.endLine());
    }

    /** Sections in order; the first is always the preamble (possibly empty). */
    public List<Section> sections() {
        return structure.sections();
    }

    public Section section(int index) {
        return structure.sections().get(index);
    }

    /** Conditional blocks in order of their opening line. */
    public List<ConditionalBlock> blocks() {
        return structure.blocks();
    }

    public ConditionalBlock block(int index) {
        return structure.blocks().get(index);
    }

    public List<Tag> tags() {
        return structure.tags();
    }

    public List<MacroDefinition> macros() {
        return structure.macros();
    }

    public List<ChangelogEntry> changelog() {
        return structure.changelog();
    }

    public List<SourceRef> sources() {
        return structure.sources().stream()
                .filter(s -> s.kind() == SourceRef.Kind.SOURCE)
                .toList();
    }

    public List<SourceRef> patches() {
        return structure.sources().stream()
                .filter(s -> s.kind() == SourceRef.Kind.PATCH)
                .toList();
    }

    /** Sources and patches together, in file order. */
    public List<SourceRef> references() {
        return structure.sources();
    }

    public List<Include> includes() {
        return structure.includes();
    }

    public List<Diagnostic> diagnostics() {
        return structure.diagnostics();
    }

    /**
     * The conditional error for which rpm refuses the spec, as rpm reports it: the first
     * {@code %else}, {@code %elif} or {@code %endif} out of place (with no {@code %if}, or after
     * {@code %else}), else the innermost {@code %if} left unclosed at the end of the file.
     */
    public Optional<Diagnostic> conditionalError() {
        return Optional.ofNullable(structure.conditionalError());
    }

    /** Tags of one package (the main package for {@link PackageRef#MAIN}). */
    public List<Tag> tags(PackageRef pkg) {
        return tags().stream().filter(t -> t.pkg().equals(pkg)).toList();
    }

    /** The value of the first main-package tag with that name (ignoring case), or {@code null}. */
    public String tagValue(String name) {
        for (Tag tag : tags()) {
            if (tag.pkg().isMain() && tag.is(name)) {
                return tag.value();
            }
        }
        return null;
    }

    /** Build conditionals ({@code %bcond*}) in order. */
    public List<MacroDefinition> bconds() {
        return macros().stream().filter(m -> m.kind().isBcond()).toList();
    }

    /**
     * The main package's name with the spec's own simple macros expanded, or {@code null} (also when
     * its {@code Name} tags disagree).
     */
    public String mainName() {
        List<String> names = tags(PackageRef.MAIN).stream()
                .filter(t -> t.is("Name"))
                .map(Tag::value)
                .distinct()
                .toList();
        return names.size() == 1 ? literalMacros().expand(names.get(0)) : null;
    }

    /**
     * The full name of a package where it can be determined without running rpm: {@code %{name}}
     * and the spec's own unconditional, single-valued definitions are expanded; anything else gives
     * {@code null}.
     */
    public String fullName(PackageRef pkg) {
        return switch (pkg.form()) {
            case MAIN -> mainName();
            case FULL -> literalMacros().expand(pkg.name());
            case SUFFIX -> {
                String main = mainName();
                String suffix = literalMacros().expand(pkg.name());
                yield main == null || suffix == null ? null : main + "-" + suffix;
            }
        };
    }

    /**
     * Whether a package named in a header matches a name given by a user: the header's own
     * spelling (suffix or full name, or {@code ""} for the main package), or the same full name
     * once the spec's own simple macros are expanded on both sides.
     */
    public boolean packageMatches(PackageRef ref, String name) {
        if (ref.isMain() ? name.isEmpty() : ref.name().equals(name)) {
            return true;
        }
        if (name.isEmpty()) {
            return false;
        }
        String full = fullName(ref);
        return full != null && full.equals(literalMacros().expand(name));
    }

    /**
     * Expands {@code %{name}}, {@code %{version}} and the spec's own unconditional single-valued
     * definitions in {@code text}; null when anything else (or anything uncertain) is referenced.
     */
    public String expandLiteral(String text) {
        return literalMacros().expand(text);
    }

    /** Every package: the main one first, then one per {@code %package} section, in order. */
    public List<Subpackage> packages() {
        List<Subpackage> packages = new ArrayList<>();
        packages.add(new Subpackage(PackageRef.MAIN, mainName(), 0));
        for (Section section : sections()) {
            if (section.kind() == SectionKind.PACKAGE && !section.pkg().isMain()) {
                packages.add(new Subpackage(section.pkg(), fullName(section.pkg()), section.index()));
            }
        }
        return List.copyOf(packages);
    }

    /** A package with its header form, its full name (or {@code null}) and its defining section. */
    public record Subpackage(PackageRef ref, String fullName, int section) {

        /** The defining section in {@code spec}, the spec it was found in. */
        public Section sectionIn(Spec spec) {
            return spec.section(section);
        }
    }

    LiteralMacros literalMacros() {
        if (literalMacros == null) {
            literalMacros = LiteralMacros.of(this);
        }
        return literalMacros;
    }
}
