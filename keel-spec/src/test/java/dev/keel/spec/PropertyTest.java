package dev.keel.spec;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.re2j.Pattern;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Seeded, deterministic property tests: random bytes always round-trip and give a consistent tree,
 * and random edits of generated specs never corrupt untouched lines.
 */
class PropertyTest {

    private static final String[] TOKENS = {
        "%if 1",
        "%if 0%{?fedora}",
        "%ifarch x86_64",
        "%else",
        "%elif 1",
        "%endif",
        "%endif # c",
        "%{",
        "%{lua:",
        "%(",
        "%[",
        "}",
        ")",
        "]",
        "\\\n",
        "\\\r\n",
        "\\",
        "%package",
        "%package devel",
        "%package -n x",
        "%description",
        "%files",
        "%files -f a.lang",
        "%changelog",
        "%patchlist",
        "%sourcelist",
        "%prep",
        "%post -p",
        "%triggerin -- a",
        "Name:",
        "Name: foo",
        "Source:",
        "Patch1:",
        "Source%{n}:",
        "Requires(post):",
        "%global",
        "%define f(a)",
        "%undefine",
        "%bcond",
        "%include",
        "%{load:",
        "%dnl",
        "#",
        "* Mon",
        "%%",
        " ",
        "\t",
        "\n",
        "\n",
        "\n",
        "\r\n",
        "\r",
        "\0",
        "x",
        "foo",
        ":",
        "-n",
        "--",
        "%{name}",
        "%{?x:y}",
    };

    private static final byte[][] RAW = {
        {(byte) 0xE9},
        {(byte) 0xFF},
        {(byte) 0xC3, (byte) 0xA9},
        {(byte) 0xE2, (byte) 0x82},
        {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF},
        {(byte) 0xF0, (byte) 0x9F, (byte) 0x98, (byte) 0x80},
        {(byte) 0xC0, (byte) 0x80}
    };

    static IntStream seeds() {
        return IntStream.range(0, 200);
    }

    // ---------------------------------------------------------------- random bytes

    static byte[] randomSpecLikeBytes(Random random) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int tokens = random.nextInt(400);
        for (int i = 0; i < tokens; i++) {
            int choice = random.nextInt(10);
            if (choice < 7) {
                byte[] token = TOKENS[random.nextInt(TOKENS.length)].getBytes(StandardCharsets.UTF_8);
                out.write(token, 0, token.length);
                if (random.nextInt(3) == 0) {
                    out.write('\n');
                }
            } else if (choice < 8) {
                byte[] raw = RAW[random.nextInt(RAW.length)];
                out.write(raw, 0, raw.length);
            } else {
                out.write(random.nextInt(256));
            }
        }
        return out.toByteArray();
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void randomBytesRoundTripAndGiveAConsistentTree(int seed) {
        byte[] bytes = randomSpecLikeBytes(new Random(seed));

        Spec spec = EditAssertions.assertRoundTrips(bytes);

        assertConsistent(spec);
        assertThat(Spec.parse(spec.text()).text()).isEqualTo(spec.text());
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void randomEditsOfRandomBytesNeverCorruptUntouchedLines(int seed) {
        Random random = new Random(seed);
        Spec original = Spec.parse(randomSpecLikeBytes(random));
        Spec spec = original;
        for (int i = 0; i < 3; i++) {
            spec = applyRandomEdit(random, original, spec, List.of("", "devel", "x", "foo-devel"), "edit" + i, false);
        }
    }

    /** Invariants every parse must satisfy. */
    static void assertConsistent(Spec spec) {
        int line = 0;
        for (int i = 0; i < spec.elements().size(); i++) {
            Element element = spec.element(i);
            assertThat(element.index()).isEqualTo(i);
            assertThat(element.firstLine()).isEqualTo(line);
            assertThat(element.endLine()).isGreaterThan(element.firstLine());
            assertThat(spec.elementAtLine(element.firstLine())).isEqualTo(element);
            assertThat(spec.elementAtLine(element.endLine() - 1)).isEqualTo(element);
            assertThat(spec.elementText(element)).isNotNull();
            line = element.endLine();
        }
        assertThat(line).isEqualTo(spec.lineCount());

        assertThat(spec.section(0).isPreamble()).isTrue();
        int element = 0;
        int sectionLine = 0;
        for (int i = 0; i < spec.sections().size(); i++) {
            Section section = spec.section(i);
            assertThat(section.index()).isEqualTo(i);
            assertThat(section.firstElement()).isEqualTo(element);
            assertThat(section.firstLine()).isEqualTo(sectionLine);
            if (i > 0) {
                assertThat(spec.element(section.firstElement()).kind()).isEqualTo(ElementKind.SECTION_HEADER);
                assertThat(section.isPreamble()).isFalse();
            }
            for (int e = section.firstElement(); e < section.endElement(); e++) {
                assertThat(spec.element(e).section()).isEqualTo(i);
            }
            element = section.endElement();
            sectionLine = section.endLine();
        }
        assertThat(element).isEqualTo(spec.elements().size());
        assertThat(sectionLine).isEqualTo(spec.lineCount());

        for (int i = 0; i < spec.blocks().size(); i++) {
            ConditionalBlock block = spec.block(i);
            assertThat(block.index()).isEqualTo(i);
            assertThat(spec.element(block.startElement()).kind()).isEqualTo(ElementKind.CONDITIONAL);
            assertThat(spec.element(block.startElement()).block()).isEqualTo(i);
            assertThat(block.branches().get(0).kind().opens()).isTrue();
            for (ConditionalBlock.Branch branch :
                    block.branches().subList(1, block.branches().size())) {
                assertThat(branch.kind().isBranch()).isTrue();
                assertThat(branch.elementIn(spec).block()).isEqualTo(i);
            }
            if (block.isClosed()) {
                assertThat(block.endElement()).isGreaterThan(block.startElement());
                assertThat(spec.element(block.endElement()).block()).isEqualTo(i);
            }
            if (block.parent() >= 0) {
                assertThat(block.parent()).isLessThan(i);
                assertThat(block.depth()).isEqualTo(spec.block(block.parent()).depth() + 1);
            } else {
                assertThat(block.depth()).isZero();
            }
        }
        for (Tag tag : spec.tags()) {
            assertThat(tag.elementIn(spec).kind()).isEqualTo(ElementKind.TAG);
            assertThat(tag.elementIn(spec).section()).isEqualTo(tag.section());
            assertThat(spec.section(tag.section()).kind().holdsTags()).isTrue();
        }
        for (MacroDefinition macro : spec.macros()) {
            assertThat(macro.elementIn(spec).kind()).isEqualTo(ElementKind.MACRO_DEFINITION);
        }
        for (Include include : spec.includes()) {
            assertThat(include.elementIn(spec).kind()).isEqualTo(ElementKind.INCLUDE);
        }
        for (ChangelogEntry entry : spec.changelog()) {
            assertThat(entry.elementIn(spec).kind()).isEqualTo(ElementKind.CHANGELOG_ENTRY);
            assertThat(entry.endLine()).isGreaterThan(entry.firstLine());
        }
        for (SourceRef reference : spec.references()) {
            ElementKind kind = reference.elementIn(spec).kind();
            assertThat(kind).isEqualTo(reference.fromList() ? ElementKind.TEXT : ElementKind.TAG);
        }
        for (Diagnostic diagnostic : spec.diagnostics()) {
            assertThat(diagnostic.line()).isBetween(1, Math.max(1, spec.lineCount()));
            assertThat(diagnostic.message()).isNotBlank();
        }
        assertThat(spec.packages()).isNotEmpty();
        spec.packages().forEach(p -> spec.packageMatches(p.ref(), "devel"));
    }

    // ---------------------------------------------------------------- generated specs

    /** A random but well-formed spec: balanced conditionals, some wrapping section headers. */
    static String generateSpec(Random random, List<String> packages) {
        List<String> lines = new ArrayList<>();
        lines.add("Name: pkg");
        lines.add("Version: 1." + random.nextInt(10));
        addBody(random, lines, true, 0);
        List<String> subpackages = new ArrayList<>();
        for (String candidate : List.of("devel", "libs", "-n python3-pkg", "-n %{name}-doc")) {
            if (random.nextBoolean()) {
                subpackages.add(candidate);
            }
        }
        for (String sub : subpackages) {
            boolean wrap = random.nextInt(3) == 0;
            if (wrap) {
                lines.add("%if %{with " + random.nextInt(3) + "}");
            }
            lines.add("%package " + sub);
            lines.add("Summary: " + sub);
            addBody(random, lines, true, 0);
            if (wrap && random.nextBoolean()) {
                lines.add("%else");
                lines.add("%package " + sub);
                lines.add("Summary: other " + sub);
            }
            if (wrap) {
                if (random.nextBoolean()) {
                    lines.add("%description " + sub);
                    lines.add("Text.");
                }
                lines.add("%endif");
            }
            packages.add(sub.startsWith("-n ") ? sub.substring(3) : sub);
        }
        lines.add("%description");
        lines.add("Main.");
        for (String keyword : List.of("%prep", "%build", "%install", "%check")) {
            if (random.nextInt(4) != 0) {
                lines.add(keyword);
                addBody(random, lines, false, 0);
            }
        }
        lines.add("%files");
        addBody(random, lines, false, 0);
        for (String sub : subpackages) {
            if (random.nextBoolean()) {
                lines.add("%files " + sub);
                lines.add("/usr/lib/" + sub.replace(' ', '_'));
            }
        }
        if (random.nextBoolean()) {
            lines.add("%patchlist");
            lines.add("a.patch");
        }
        if (random.nextBoolean()) {
            lines.add("%changelog");
            lines.add("* Mon Jan 01 2024 A <a@example.org> - 1-1");
            lines.add("- Entry");
        }
        return String.join("\n", lines) + (random.nextInt(4) == 0 ? "" : "\n");
    }

    private static void addBody(Random random, List<String> lines, boolean tags, int depth) {
        int items = random.nextInt(5);
        for (int i = 0; i < items; i++) {
            switch (random.nextInt(depth < 2 ? 8 : 6)) {
                case 0 -> lines.add("");
                case 1 -> lines.add("# comment " + random.nextInt(100));
                case 2 -> lines.add("%global g" + random.nextInt(5) + " " + random.nextInt(5));
                case 3, 4, 5 -> lines.add(tags ? randomTag(random) : "line " + random.nextInt(100) + " foo");
                default -> {
                    lines.add(random.nextBoolean() ? "%if 0%{?fedora}" : "%ifarch x86_64");
                    addBody(random, lines, tags, depth + 1);
                    if (random.nextBoolean()) {
                        lines.add("%else");
                        addBody(random, lines, tags, depth + 1);
                    }
                    lines.add("%endif");
                }
            }
        }
    }

    private static String randomTag(Random random) {
        return switch (random.nextInt(6)) {
            case 0 -> "BuildRequires: gcc" + random.nextInt(3);
            case 1 -> "Requires: foo" + random.nextInt(3);
            case 2 -> "Patch" + random.nextInt(20) + ": p" + random.nextInt(9) + ".patch";
            case 3 -> "Source: s" + random.nextInt(9) + ".tar";
            case 4 -> "Requires(post): systemd";
            default -> "License: MIT";
        };
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void randomEditsOfGeneratedSpecsNeverCorruptUntouchedLines(int seed) {
        Random random = new Random(seed);
        List<String> packages = new ArrayList<>(List.of("", "nope"));
        String text = generateSpec(random, packages);
        if (random.nextInt(3) == 0) {
            text = text.replace("\n", "\r\n");
        }
        Spec original = Spec.parse(text);
        assertThat(original.diagnostics()).isEmpty();
        assertConsistent(original);
        Spec spec = original;
        for (int i = 0; i < 4; i++) {
            spec = applyRandomEdit(random, original, spec, packages, "edit" + i, true);
            assertThat(spec.diagnostics()).as("diagnostics after edit %d", i).isEmpty();
        }
    }

    /**
     * Applies one random edit to {@code spec} (which is {@code original} after earlier edits), checks
     * what it promises, and returns the result, or {@code spec} when the edit is refused. With {@code
     * checkPlacement}, also checks that tags added by addTag keep their package and the conditional
     * context of its header (not meaningful for random bytes, where the new line may not even parse
     * as a tag).
     */
    static Spec applyRandomEdit(
            Random random, Spec original, Spec spec, List<String> packages, String label, boolean checkPlacement) {
        SpecEditor editor = SpecEditor.of(spec, label);
        String pkg = packages.get(random.nextInt(packages.size()));
        PackageSelector.Single selected = pkg.isEmpty() ? PackageSelector.main() : PackageSelector.named(pkg);
        List<String> sections = List.of("%files", "%build", "%check", "%description", "%package", "%prep");
        String section = sections.get(random.nextInt(sections.size()));
        List<String> newLines = List.of("# added " + label, "added line");
        int kind = random.nextInt(12);
        Spec result;
        try {
            result = switch (kind) {
                case 0 -> editor.addTag(selected, "XAdded", label);
                case 1 -> editor.insertTag(selected, random.nextBoolean() ? "Patch99" : "Requires", label);
                case 2 -> editor.setTag(selected, "License", label);
                case 3 -> editor.updateTag(selected, "Requires", label);
                case 4 -> editor.removeTag(selected, random.nextBoolean() ? "BuildRequires" : "Requires", null);
                case 5 -> editor.prependLines(random.nextBoolean() ? null : section, selected, newLines);
                case 6 -> editor.appendLines(random.nextBoolean() ? null : section, selected, newLines);
                case 7 ->
                    editor.searchReplace(
                            random.nextBoolean() ? null : section,
                            pkg.isEmpty() ? PackageSelector.any() : selected,
                            Pattern.compile("foo|gcc[0-9]|\\d+"),
                            "R");
                case 8 -> editor.removeSection(section, selected);
                case 9 -> editor.removeSubpackage(selected);
                case 10 -> editor.addPatch("new-" + label + ".patch");
                default -> editor.addChangelogEntry("Tue Jan 02 2024 B - 1-2", List.of("- " + label));
            };
        } catch (SpecEditException e) {
            assertThat(e.reason()).isNotNull();
            assertThat(e.getMessage()).isNotBlank();
            return spec;
        }
        EditAssertions.assertUntouchedLinesIntact(original, result);
        EditAssertions.assertRoundTrips(result.toBytes());
        assertConsistent(result);
        String eol = spec.lineEnding();
        boolean onlyAdds = kind == 0 || kind == 1 || kind == 5 || kind == 6 || kind >= 10;
        int carried = 0;
        for (Line line : result.lines()) {
            if (!line.origin().equals(new LineOrigin.Edit(label))) {
                carried++;
            } else if (onlyAdds) {
                // Added lines take the spec's line ending (rewritten lines keep their own).
                assertThat(line.eol()).isEqualTo(eol);
            }
        }
        if (onlyAdds) {
            // Edits that only add lines keep every line they were given.
            assertThat(carried).isEqualTo(spec.lineCount());
        }
        if (kind == 7) {
            assertThat(result.lineCount()).isEqualTo(spec.lineCount());
            for (Element element : spec.elements()) {
                if (element.kind() == ElementKind.SECTION_HEADER) {
                    assertThat(result.line(element.firstLine())).isEqualTo(spec.line(element.firstLine()));
                }
            }
        }
        if (kind == 4 || kind == 8 || kind == 9) {
            assertThat(result.lines()).noneMatch(line -> line.origin().equals(new LineOrigin.Edit(label)));
        }
        if (kind == 0 && checkPlacement) {
            assertAddedTagsKeepTheHeaderContext(result, pkg, label);
        }
        if (kind == 8) {
            assertThat(result.sections())
                    .noneMatch(s -> s.name().equals(section) && result.packageMatches(s.pkg(), pkg));
        }
        return result;
    }

    /** Each tag added by addTag belongs to the package and lies in exactly the header's conditional blocks. */
    private static void assertAddedTagsKeepTheHeaderContext(Spec result, String pkg, String label) {
        List<Tag> added = result.tags().stream()
                .filter(t -> t.is("XAdded") && t.value().equals(label))
                .toList();
        assertThat(added).isNotEmpty();
        for (Tag tag : added) {
            Section section = result.section(tag.section());
            assertThat(pkg.isEmpty() ? section.isPreamble() : result.packageMatches(section.pkg(), pkg))
                    .isTrue();
            Set<Integer> headerBlocks = section.isPreamble()
                    ? Set.of()
                    : enclosingBlocks(
                            result, result.element(section.firstElement()).block());
            assertThat(enclosingBlocks(result, tag.elementIn(result).block()))
                    .as(
                            "blocks around the added tag at line %d",
                            tag.elementIn(result).firstLine() + 1)
                    .isEqualTo(headerBlocks);
        }
    }

    private static Set<Integer> enclosingBlocks(Spec spec, int block) {
        Set<Integer> blocks = new HashSet<>();
        for (int b = block; b >= 0; b = spec.block(b).parent()) {
            blocks.add(b);
        }
        return blocks;
    }
}
