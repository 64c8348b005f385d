package dev.keel.spec;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Builds the syntax tree over a list of lines. Never throws on any input: problems become
 * diagnostics and the lines are kept as they are.
 */
final class SpecParser {

    private final SpecText text;
    private final int lineCount;
    private final List<Element> elements;
    private final List<Section> sections = new ArrayList<>();
    private final List<ConditionalBlock> blocks = new ArrayList<>();
    private final List<Tag> tags = new ArrayList<>();
    private final List<MacroDefinition> macros = new ArrayList<>();
    private final List<ChangelogEntry> changelog = new ArrayList<>();
    private final List<SourceRef> sources = new ArrayList<>();
    private final List<Include> includes = new ArrayList<>();
    private final List<Diagnostic> diagnostics = new ArrayList<>();
    /** The first %else, %elif or %endif out of place, or null. */
    private Diagnostic misplacedDirective;

    /** Open blocks, innermost last, with their branches collected so far. */
    private final Deque<OpenBlock> open = new ArrayDeque<>();

    private final Set<String> packageSuffixes = new HashSet<>();

    private int sectionStartElement;
    private int sectionStartLine;
    private SectionKind sectionKind = SectionKind.PREAMBLE;
    private SectionHeader sectionHeader = SectionHeader.PREAMBLE;
    private int changelogEntryElement = -1;
    private int changelogEntryLine;
    private String changelogEntryHeader;
    private int autoSource = -1;
    private int autoPatch = -1;
    private int nextBlockIndex;

    /** Whether the last line read ended in a backslash continuation. */
    private boolean continued;

    /** The block the conditional directive just handled belongs to (set by {@link #conditional}). */
    private int blockOfDirective;

    /** Cached position of the next '%' and '\\' at or after the current line (lines are visited in order). */
    private int nextPercent = -1;

    private int nextBackslash = -1;

    private SpecParser(SpecText text) {
        this.text = text;
        this.lineCount = text.lineCount();
        this.elements = new ArrayList<>(lineCount);
    }

    static Spec.Structure parse(SpecText text) {
        return new SpecParser(text).run();
    }

    private Spec.Structure run() {
        int line = 0;
        while (line < lineCount) {
            int end = elementEnd(line);
            addElement(line, end);
            line = end;
        }
        closeSection(elements.size(), lineCount);
        if (continued) {
            diagnostics.add(Diagnostic.error(lineCount, "bad line continuation at the end of the file"));
        }
        Diagnostic innermostUnclosed = null;
        for (OpenBlock block : open) {
            Element opening = elements.get(block.branches.get(0).element());
            Diagnostic unclosed = Diagnostic.error(
                    1 + opening.firstLine(),
                    "unclosed " + block.branches.get(0).kind().directive());
            diagnostics.add(unclosed);
            innermostUnclosed = innermostUnclosed == null ? unclosed : innermostUnclosed;
        }
        Diagnostic conditionalError = misplacedDirective != null ? misplacedDirective : innermostUnclosed;
        while (!open.isEmpty()) {
            finishBlock(open.pop(), -1);
        }
        blocks.sort((a, b) -> Integer.compare(a.index(), b.index()));
        diagnostics.sort((a, b) ->
                a.line() != b.line() ? Integer.compare(a.line(), b.line()) : Integer.compare(a.column(), b.column()));
        return new Spec.Structure(
                elements, sections, blocks, tags, macros, changelog, sources, includes, diagnostics, conditionalError);
    }

    // ---------------------------------------------------------------- logical lines

    /**
     * Where the element starting at {@code first} ends. rpm joins lines while a {@code %{},
     * {@code %(} or {@code %[} is open or a line ends in a backslash, then expands macros and reads
     * the result line by line again. So lines stay apart after a plain backslash continuation
     * (a {@code %if} there is still a conditional), except in a {@code %global}/{@code %define}
     * body, which the definition consumes; lines inside an open macro call are consumed by it.
     */
    private int elementEnd(int first) {
        boolean definition = startsDefinition(first);
        LineJoining joining = new LineJoining(continued);
        for (int i = first; i < lineCount; i++) {
            int start = text.lineStart(i);
            int end = text.lineEnd(i);
            if (!joining.open() && !contains(start, end)) {
                joining.plainLine(text.eolLength(i) != 0);
            } else {
                joining.scan(text.view, start, end);
            }
            continued = joining.continued();
            if (!joining.open() && (!continued || !definition)) {
                return i + 1;
            }
        }
        diagnostics.add(Diagnostic.error(1 + first, "unclosed macro or bad line continuation"));
        continued = false;
        return lineCount;
    }

    /** Whether [start, end) holds a '%' or a backslash; amortised linear over a whole parse. */
    private boolean contains(int start, int end) {
        if (nextPercent < start) {
            nextPercent = text.view.indexOf('%', start);
            nextPercent = nextPercent < 0 ? Integer.MAX_VALUE : nextPercent;
        }
        if (nextBackslash < start) {
            nextBackslash = text.view.indexOf('\\', start);
            nextBackslash = nextBackslash < 0 ? Integer.MAX_VALUE : nextBackslash;
        }
        return nextPercent < end || nextBackslash < end;
    }

    private boolean startsDefinition(int line) {
        String view = text.view;
        int start = Chars.skipSpace(view, text.lineStart(line), text.textEnd(line));
        int after = start + 7;
        return (view.startsWith("%global", start) || view.startsWith("%define", start))
                && after < text.lineEnd(line)
                && Chars.isSpace(view.charAt(after));
    }

    // ---------------------------------------------------------------- elements

    private void addElement(int first, int end) {
        int index = elements.size();
        String raw = text.view;
        int lineStart = text.lineStart(first);
        int textEnd = text.textEnd(first);
        int start = Chars.skipSpace(raw, lineStart, textEnd);
        ElementKind kind;
        if (start >= textEnd) {
            kind = ElementKind.BLANK;
        } else if (raw.charAt(start) == '#') {
            kind = ElementKind.COMMENT;
        } else if (raw.charAt(start) == '%') {
            kind = classifyDirective(index, first, end, start, textEnd);
        } else if (sectionKind.holdsTags() && parseTag(index, first, end, start, textEnd)) {
            kind = ElementKind.TAG;
        } else if (sectionKind == SectionKind.CHANGELOG && start == lineStart && raw.charAt(start) == '*') {
            kind = ElementKind.CHANGELOG_ENTRY;
            closeChangelogEntry(first);
            changelogEntryElement = index;
            changelogEntryLine = first;
            changelogEntryHeader = text.text(start + 1, textEnd).strip();
        } else {
            kind = ElementKind.TEXT;
        }
        if (kind == ElementKind.TEXT && sectionKind.category() == SectionKind.Category.SOURCE_LIST) {
            addListEntry(index, text.joinedText(first, end).strip());
        }
        int block = open.isEmpty() ? -1 : open.peek().index;
        if (kind == ElementKind.CONDITIONAL) {
            block = blockOfDirective;
        }
        elements.add(new Element(index, kind, first, end, sections.size(), block));
    }

    private ElementKind classifyDirective(int index, int first, int end, int start, int textEnd) {
        String raw = text.view;
        int elementEnd = text.textEnd(end - 1);
        int wordEnd = Chars.wordEnd(raw, start + 1, textEnd);
        String word = raw.substring(start, wordEnd);
        if (start == text.lineStart(first)) {
            int tokenEnd = Chars.nonSpaceEnd(raw, start, textEnd);
            SectionKind kind = SectionKind.forKeyword(raw.substring(start, tokenEnd));
            if (kind != null) {
                openSection(index, first, kind, text.text(start, tokenEnd), text.text(tokenEnd, textEnd));
                return ElementKind.SECTION_HEADER;
            }
        }
        char after = wordEnd < text.lineEnd(first) ? raw.charAt(wordEnd) : '\n';
        ConditionalKind conditional = conditionalKind(word, after);
        if (conditional != null) {
            conditional(
                    index, first, conditional, text.text(wordEnd, elementEnd).strip());
            return ElementKind.CONDITIONAL;
        }
        boolean argumentFollows = Chars.isBlank(after) || wordEnd == textEnd;
        switch (word) {
            case "%include" -> {
                if (argumentFollows) {
                    includes.add(new Include(
                            index, false, text.text(wordEnd, textEnd).strip()));
                    return ElementKind.INCLUDE;
                }
            }
            case "%load" -> {
                if (argumentFollows) {
                    includes.add(
                            new Include(index, true, text.text(wordEnd, textEnd).strip()));
                    return ElementKind.INCLUDE;
                }
            }
            case "%dnl" -> {
                if (Chars.isSpace(after) || wordEnd == textEnd) {
                    return ElementKind.COMMENT;
                }
            }
            case "%global", "%define", "%undefine", "%bcond", "%bcond_with", "%bcond_without" -> {
                if (Chars.isSpace(after)) {
                    macroDefinition(index, first, word, text.text(wordEnd, elementEnd));
                    return ElementKind.MACRO_DEFINITION;
                }
            }
            default -> {}
        }
        if (raw.startsWith("%{load:", start)) {
            int close = Chars.closingBrace(raw, start + 1, textEnd);
            String target = text.text(start + 7, close < 0 ? textEnd : close);
            includes.add(new Include(index, true, target.strip()));
            return ElementKind.INCLUDE;
        }
        return ElementKind.TEXT;
    }

    private static ConditionalKind conditionalKind(String word, char after) {
        for (ConditionalKind kind : ConditionalKind.values()) {
            if (kind.directive().equals(word)) {
                return kind.takesArgument()
                        ? (Chars.isBlank(after) || after == '\n' || after == '\r' ? kind : null)
                        : kind;
            }
        }
        // %else and %endif only need a non-letter after them, e.g. "%endif#comment".
        if (word.startsWith("%else") && !Character.isLetter(charAt(word, 5))) {
            return ConditionalKind.ELSE;
        }
        if (word.startsWith("%endif") && !Character.isLetter(charAt(word, 6))) {
            return ConditionalKind.ENDIF;
        }
        return null;
    }

    private static char charAt(String s, int i) {
        return i < s.length() ? s.charAt(i) : ' ';
    }

    // ---------------------------------------------------------------- sections

    private void openSection(int element, int line, SectionKind kind, String keyword, String arguments) {
        closeSection(element, line);
        sectionStartElement = element;
        sectionStartLine = line;
        sectionKind = kind;
        sectionHeader = SectionHeaders.parse(keyword, arguments, kind, line, packageSuffixes, diagnostics);
        if (kind == SectionKind.PACKAGE && sectionHeader.pkg().form() == PackageRef.Form.SUFFIX) {
            packageSuffixes.add(sectionHeader.pkg().name());
        }
    }

    private void closeSection(int endElement, int endLine) {
        closeChangelogEntry(endLine);
        // The preamble is always recorded, even when empty, so that it is always section 0.
        sections.add(new Section(
                sections.size(),
                sectionKind,
                sectionHeader,
                sectionStartElement,
                endElement,
                sectionStartLine,
                endLine));
    }

    private void closeChangelogEntry(int endLine) {
        if (changelogEntryElement >= 0) {
            changelog.add(new ChangelogEntry(changelogEntryElement, changelogEntryHeader, changelogEntryLine, endLine));
            changelogEntryElement = -1;
        }
    }

    // ---------------------------------------------------------------- tags and sources

    private boolean parseTag(int index, int first, int end, int start, int textEnd) {
        String raw = text.view;
        if (!Chars.isAsciiLetter(raw.charAt(start))) {
            return false;
        }
        int nameEnd = Chars.tagNameEnd(raw, start, textEnd);
        int p = nameEnd;
        String qualifier = null;
        if (p < textEnd && raw.charAt(p) == '(') {
            int close = text.indexOf(')', p, textEnd);
            if (close < 0) {
                return false;
            }
            qualifier = text.text(p + 1, close).strip();
            p = close + 1;
        }
        p = Chars.skipBlank(raw, p, textEnd);
        if (p >= textEnd || raw.charAt(p) != ':') {
            return false;
        }
        String name = text.text(start, nameEnd);
        String value = text.text(p + 1, text.textEnd(end - 1)).strip();
        int valueStart = Chars.skipBlank(raw, p + 1, textEnd);
        tags.add(new Tag(
                index,
                name,
                qualifier,
                value,
                sections.size(),
                sectionHeader.pkg(),
                valueStart - text.lineStart(first) + 1));
        addSourceTag(index, name, value);
        return true;
    }

    private void addSourceTag(int index, String name, String value) {
        SourceRef.Kind kind;
        String suffix;
        if (Chars.startsWithIgnoreCase(name, "source")) {
            kind = SourceRef.Kind.SOURCE;
            suffix = name.substring(6);
        } else if (Chars.startsWithIgnoreCase(name, "patch")) {
            kind = SourceRef.Kind.PATCH;
            suffix = name.substring(5);
        } else {
            return;
        }
        if (suffix.isEmpty()) {
            sources.add(new SourceRef(kind, nextAuto(kind), false, value, index, false));
        } else if (Chars.isDigits(suffix)) {
            Integer number = Chars.parseNumber(suffix);
            if (number != null) {
                if (kind == SourceRef.Kind.SOURCE) {
                    autoSource = Math.max(autoSource, number);
                } else {
                    autoPatch = Math.max(autoPatch, number);
                }
            }
            sources.add(new SourceRef(kind, number, true, value, index, false));
        } else if (suffix.startsWith("%")) {
            sources.add(new SourceRef(kind, null, true, value, index, false));
        }
    }

    private Integer nextAuto(SourceRef.Kind kind) {
        return kind == SourceRef.Kind.SOURCE ? ++autoSource : ++autoPatch;
    }

    private void addListEntry(int index, String value) {
        SourceRef.Kind kind = sectionKind == SectionKind.PATCHLIST ? SourceRef.Kind.PATCH : SourceRef.Kind.SOURCE;
        sources.add(new SourceRef(kind, nextAuto(kind), false, value, index, true));
    }

    // ---------------------------------------------------------------- macros

    /** A definition; {@code text} is everything after the directive word. */
    private void macroDefinition(int index, int line, String word, String text) {
        MacroDefinition.Kind kind = switch (word) {
            case "%global" -> MacroDefinition.Kind.GLOBAL;
            case "%define" -> MacroDefinition.Kind.DEFINE;
            case "%undefine" -> MacroDefinition.Kind.UNDEFINE;
            case "%bcond" -> MacroDefinition.Kind.BCOND;
            case "%bcond_with" -> MacroDefinition.Kind.BCOND_WITH;
            default -> MacroDefinition.Kind.BCOND_WITHOUT;
        };
        int length = text.length();
        int nameStart = Chars.skipBlank(text, 0, length);
        int nameEnd = nameStart;
        while (nameEnd < length && !Chars.isSpace(text.charAt(nameEnd)) && text.charAt(nameEnd) != '(') {
            nameEnd++;
        }
        String name = text.substring(nameStart, nameEnd);
        String parameters = null;
        int bodyStart = nameEnd;
        if (nameEnd < length && text.charAt(nameEnd) == '(') {
            int close = text.indexOf(')', nameEnd);
            if (close >= 0) {
                parameters = text.substring(nameEnd + 1, close);
                bodyStart = close + 1;
            }
        }
        // rpm trims the white space around a body; %bcond takes only its second argument.
        String body = text.substring(Math.min(bodyStart, length)).strip();
        if (kind == MacroDefinition.Kind.BCOND) {
            body = body.substring(0, Chars.argumentEnd(body, 0, body.length()));
        }
        if (name.isEmpty()) {
            diagnostics.add(Diagnostic.warning(1 + line, word + " without a macro name"));
        }
        macros.add(new MacroDefinition(index, kind, name, parameters, body));
    }

    // ---------------------------------------------------------------- conditionals

    private static final class OpenBlock {
        final int index;
        final int parent;
        final int depth;
        final List<ConditionalBlock.Branch> branches = new ArrayList<>();
        boolean sawElse;

        OpenBlock(int index, int parent, int depth) {
            this.index = index;
            this.parent = parent;
            this.depth = depth;
        }
    }

    private void conditional(int element, int line, ConditionalKind kind, String condition) {
        if (kind.opens()) {
            OpenBlock parent = open.peek();
            OpenBlock block = new OpenBlock(nextBlockIndex++, parent == null ? -1 : parent.index, open.size());
            block.branches.add(new ConditionalBlock.Branch(kind, element, condition));
            open.push(block);
            blockOfDirective = block.index;
            return;
        }
        OpenBlock block = open.peek();
        if (block == null) {
            misplaced(Diagnostic.error(1 + line, kind.directive() + " with no %if"));
            blockOfDirective = -1;
            return;
        }
        blockOfDirective = block.index;
        if (kind == ConditionalKind.ENDIF) {
            finishBlock(open.pop(), element);
            return;
        }
        if (block.sawElse) {
            misplaced(Diagnostic.error(1 + line, kind.directive() + " after %else"));
        }
        block.sawElse |= kind == ConditionalKind.ELSE;
        block.branches.add(new ConditionalBlock.Branch(kind, element, condition));
    }

    private void misplaced(Diagnostic diagnostic) {
        diagnostics.add(diagnostic);
        misplacedDirective = misplacedDirective == null ? diagnostic : misplacedDirective;
    }

    private void finishBlock(OpenBlock block, int endElement) {
        blocks.add(new ConditionalBlock(block.index, block.parent, block.depth, block.branches, endElement));
    }

    // ---------------------------------------------------------------- helpers

}
