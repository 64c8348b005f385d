package dev.keel.spec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Elements, tags and their placement in sections. */
class SpecParserTest {

    private static List<ElementKind> kinds(Spec spec) {
        return spec.elements().stream().map(Element::kind).toList();
    }

    @Test
    void classifiesEveryKindOfLogicalLine() {
        Spec spec = Spec.parse("""
                # a comment
                Name: foo

                %global x 1
                %if 1
                %endif
                %include other.inc
                some text
                %description
                %changelog
                * Mon Jan 01 2024 A <a@b> - 1
                """);

        assertThat(kinds(spec))
                .containsExactly(
                        ElementKind.COMMENT,
                        ElementKind.TAG,
                        ElementKind.BLANK,
                        ElementKind.MACRO_DEFINITION,
                        ElementKind.CONDITIONAL,
                        ElementKind.CONDITIONAL,
                        ElementKind.INCLUDE,
                        ElementKind.TEXT,
                        ElementKind.SECTION_HEADER,
                        ElementKind.SECTION_HEADER,
                        ElementKind.CHANGELOG_ENTRY);
        assertThat(spec.diagnostics()).isEmpty();
    }

    @Test
    void elementsRecordTheirLinesSectionAndIndex() {
        Spec spec = Spec.parse("""
                Name: foo
                %global body \\
                  second \\
                  third
                %description
                text
                """);

        assertThat(spec.elements())
                .containsExactly(
                        new Element(0, ElementKind.TAG, 0, 1, 0, -1),
                        new Element(1, ElementKind.MACRO_DEFINITION, 1, 4, 0, -1),
                        new Element(2, ElementKind.SECTION_HEADER, 4, 5, 1, -1),
                        new Element(3, ElementKind.TEXT, 5, 6, 1, -1));
        assertThat(spec.element(1).lineCount()).isEqualTo(3);
        assertThat(spec.elementText(spec.element(1))).isEqualTo("%global body \\\n  second \\\n  third");
        assertThat(spec.elementAtLine(0).index()).isZero();
        assertThat(spec.elementAtLine(2).index()).isEqualTo(1);
        assertThat(spec.elementAtLine(3).index()).isEqualTo(1);
        assertThat(spec.elementAtLine(5).index()).isEqualTo(3);
        assertThatThrownBy(() -> spec.elementAtLine(6)).isInstanceOf(IndexOutOfBoundsException.class);
    }

    @Test
    void tagNamesAreMatchedIgnoringCaseAndValuesAreTrimmed() {
        Spec spec = Spec.parse("""
                name:   foo\t
                VERSION:1.0
                  Release :  3%{?dist}
                License: MIT and (BSD or GPL)
                """);

        assertThat(spec.tags())
                .extracting(Tag::name, Tag::value)
                .containsExactly(
                        tuple("name", "foo"),
                        tuple("VERSION", "1.0"),
                        tuple("Release", "3%{?dist}"),
                        tuple("License", "MIT and (BSD or GPL)"));
        assertThat(spec.tagValue("Name")).isEqualTo("foo");
        assertThat(spec.tagValue("version")).isEqualTo("1.0");
        assertThat(spec.tagValue("release")).isEqualTo("3%{?dist}");
        assertThat(spec.tagValue("Summary")).isNull();
        assertThat(spec.tags().get(0).is("NAME")).isTrue();
    }

    @Test
    void qualifiedTagsKeepTheirQualifier() {
        Spec spec = Spec.parse("""
                Requires(post): systemd
                Requires( preun ): coreutils
                Requires: bash
                Summary(de): Etwas
                """);

        Tag post = spec.tags().get(0);
        assertThat(post.name()).isEqualTo("Requires");
        assertThat(post.qualifier()).isEqualTo("post");
        assertThat(post.value()).isEqualTo("systemd");
        assertThat(post.fullName()).isEqualTo("Requires(post)");
        assertThat(post.family()).isEqualTo("requires(post)");
        assertThat(post.is("requires(POST)")).isTrue();
        assertThat(post.is("Requires")).isFalse();
        assertThat(spec.tags().get(1).qualifier()).isEqualTo("preun");
        Tag plain = spec.tags().get(2);
        assertThat(plain.qualifier()).isNull();
        assertThat(plain.is("requires")).isTrue();
        assertThat(plain.is("Requires(post)")).isFalse();
        assertThat(spec.tags().get(3).fullName()).isEqualTo("Summary(de)");
        assertThat(spec.tagValue("Requires")).isEqualTo("bash");
    }

    @Test
    void tagFamilyDropsCaseAndTrailingDigits() {
        assertThat(Tag.familyOf("Patch12")).isEqualTo("patch");
        assertThat(Tag.familyOf("SOURCE0")).isEqualTo("source");
        assertThat(Tag.familyOf("BuildRequires")).isEqualTo("buildrequires");
    }

    @Test
    void linesThatAreNotTagsAreText() {
        Spec spec = Spec.parse("""
                Name: foo
                Requires(post systemd
                1tag: x
                just words
                : no name
                """);

        assertThat(kinds(spec))
                .containsExactly(
                        ElementKind.TAG, ElementKind.TEXT, ElementKind.TEXT, ElementKind.TEXT, ElementKind.TEXT);
        assertThat(spec.tags()).hasSize(1);
    }

    @Test
    void tagsAreOnlyParsedInThePreambleAndPackageSections() {
        Spec spec = Spec.parse("""
                Name: foo
                %package devel
                Summary: Development files
                Requires: %{name} = %{version}
                %description devel
                Note: x
                %prep
                Key: value
                %files devel
                Path: /usr/include
                %changelog
                Note: y
                """);

        assertThat(spec.tags())
                .extracting(Tag::name, Tag::section, Tag::pkg)
                .containsExactly(
                        tuple("Name", 0, PackageRef.MAIN),
                        tuple("Summary", 1, PackageRef.suffix("devel")),
                        tuple("Requires", 1, PackageRef.suffix("devel")));
        assertThat(spec.elementAtLine(5).kind()).isEqualTo(ElementKind.TEXT);
        assertThat(spec.elementAtLine(7).kind()).isEqualTo(ElementKind.TEXT);
        assertThat(spec.elementAtLine(9).kind()).isEqualTo(ElementKind.TEXT);
        assertThat(spec.elementAtLine(11).kind()).isEqualTo(ElementKind.TEXT);
        assertThat(spec.tags(PackageRef.suffix("devel"))).extracting(Tag::name).containsExactly("Summary", "Requires");
        assertThat(spec.tags(PackageRef.MAIN)).extracting(Tag::name).containsExactly("Name");
        // tagValue only looks at the main package.
        assertThat(spec.tagValue("Summary")).isNull();
    }

    @Test
    void tagsOfAFullNamePackageBelongToIt() {
        Spec spec = Spec.parse("""
                Name: foo
                %package -n python3-foo
                Summary: Python bindings
                """);

        assertThat(spec.tags().get(1).pkg()).isEqualTo(PackageRef.full("python3-foo"));
        assertThat(spec.tags().get(1).section()).isEqualTo(1);
    }

    @Test
    void tagNamesMayContainMacros() {
        Spec spec = Spec.parse("""
                %{?with_x:Requires}: x
                Source%{n}: file.tar
                """);

        // A line starting with a macro is not a tag line: what it becomes is only known after expansion.
        assertThat(spec.element(0).kind()).isEqualTo(ElementKind.TEXT);
        assertThat(spec.tags()).extracting(Tag::name).containsExactly("Source%{n}");
    }

    @Test
    void sectionsPartitionTheElementsAndLines() {
        Spec spec = Spec.parse("""
                Name: foo

                %description
                Text.

                %prep
                %autosetup
                """);

        assertThat(spec.sections()).hasSize(3);
        Section preamble = spec.section(0);
        assertThat(preamble.isPreamble()).isTrue();
        assertThat(preamble.name()).isEmpty();
        assertThat(preamble.pkg()).isEqualTo(PackageRef.MAIN);
        assertThat(List.of(preamble.firstElement(), preamble.endElement(), preamble.firstLine(), preamble.endLine()))
                .containsExactly(0, 2, 0, 2);
        assertThat(preamble.bodyFirstLine(spec)).isZero();
        Section description = spec.section(1);
        assertThat(description.kind()).isEqualTo(SectionKind.DESCRIPTION);
        assertThat(description.name()).isEqualTo("%description");
        assertThat(List.of(
                        description.firstElement(),
                        description.endElement(),
                        description.firstLine(),
                        description.endLine()))
                .containsExactly(2, 5, 2, 5);
        assertThat(description.bodyFirstLine(spec)).isEqualTo(3);
        Section prep = spec.section(2);
        assertThat(List.of(prep.firstElement(), prep.endElement(), prep.firstLine(), prep.endLine()))
                .containsExactly(5, 7, 5, 7);
        assertThat(spec.element(5).section()).isEqualTo(2);
    }

    @Test
    void emptySpecHasAnEmptyPreamble() {
        Spec spec = Spec.parse(new byte[0]);

        assertThat(spec.lineCount()).isZero();
        assertThat(spec.elements()).isEmpty();
        assertThat(spec.sections())
                .containsExactly(new Section(0, SectionKind.PREAMBLE, SectionHeader.PREAMBLE, 0, 0, 0, 0));
        assertThat(spec.diagnostics()).isEmpty();
        assertThat(spec.mainName()).isNull();
    }

    @Test
    void specStartingWithASectionStillHasAPreambleFirst() {
        Spec spec = Spec.parse("""
                %description
                Text.
                """);

        assertThat(spec.sections()).hasSize(2);
        assertThat(spec.section(0)).isEqualTo(new Section(0, SectionKind.PREAMBLE, SectionHeader.PREAMBLE, 0, 0, 0, 0));
        assertThat(spec.section(1).kind()).isEqualTo(SectionKind.DESCRIPTION);
        assertThat(spec.section(1).index()).isEqualTo(1);
        assertThat(List.of(spec.section(1).firstLine(), spec.section(1).endLine()))
                .containsExactly(0, 2);
        assertThat(spec.element(0).section()).isEqualTo(1);
        assertThat(spec.element(1).section()).isEqualTo(1);
    }

    @Test
    void lineEndingFollowsTheMajority() {
        assertThat(Spec.parse("a\r\nb\r\nc\n").lineEnding()).isEqualTo("\r\n");
        assertThat(Spec.parse("a\r\nb\nc\n").lineEnding()).isEqualTo("\n");
        assertThat(Spec.parse("a\r\nb\n").lineEnding()).isEqualTo("\n");
        assertThat(Spec.parse("a").lineEnding()).isEqualTo("\n");
        assertThat(Spec.parse("").lineEnding()).isEqualTo("\n");
    }

    @Test
    void linesExposeTextEndingAndOrigin() {
        Spec spec = Spec.parse("one\r\ntwo\nthree");

        assertThat(spec.lines()).hasSize(3);
        assertThat(spec.line(0).text()).isEqualTo("one");
        assertThat(spec.line(0).eol()).isEqualTo("\r\n");
        assertThat(spec.line(0).eolLength()).isEqualTo(2);
        assertThat(spec.line(0).raw()).isEqualTo("one\r\n");
        assertThat(spec.line(0).length()).isEqualTo(5);
        assertThat(spec.line(1).eol()).isEqualTo("\n");
        assertThat(spec.line(2).eol()).isEmpty();
        assertThat(spec.line(2).bytes()).isEqualTo("three".getBytes());
        assertThat(spec.line(1).origin()).isEqualTo(new LineOrigin.Input(2));
        assertThat(spec.line(2).toString()).isEqualTo("three");
    }

    @Test
    void specOfLinesKeepsBytesAndOrigins() {
        Spec spec = Spec.parse("a\nb\n");
        Line added = Line.edited("new", "\n", spec.charset(), "label");
        Spec joined = Spec.of(List.of(spec.line(1), added, spec.line(0)), spec.charset());

        assertThat(joined.text()).isEqualTo("b\nnew\na\n");
        assertThat(joined.lines())
                .extracting(Line::origin)
                .containsExactly(new LineOrigin.Input(2), new LineOrigin.Edit("label"), new LineOrigin.Input(1));
        assertThat(joined.line(0)).isEqualTo(spec.line(1));
        assertThat(joined.line(0)).isNotEqualTo(spec.line(0));
        assertThat(joined.line(0).hashCode()).isEqualTo(spec.line(1).hashCode());
        assertThat(joined.line(1).withEol("\r\n").raw()).isEqualTo("new\r\n");
        assertThat(joined.line(1).withEol("\r\n").origin()).isEqualTo(new LineOrigin.Edit("label"));
        assertThat(joined.line(0).withText("c", "other").raw()).isEqualTo("c\n");
        assertThat(joined.line(0).withText("c", "other").origin()).isEqualTo(new LineOrigin.Edit("other"));
    }

    @Test
    void parsingAStringGivesUtf8() {
        Spec spec = Spec.parse("Summary: café ☕\n");

        assertThat(spec.charset()).isEqualTo(StandardCharsets.UTF_8);
        assertThat(spec.tagValue("Summary")).isEqualTo("café ☕");
        assertThat(spec.toBytes()).isEqualTo("Summary: café ☕\n".getBytes(StandardCharsets.UTF_8));
        assertThat(spec.encodeNewText("é")).isEqualTo("é");
    }

    @Test
    void tagsKnowTheColumnOfTheirValue() {
        Spec spec = Spec.parse("Name:           foo\nRequires(post):\tbar\n  Version: 1\nLicense:x\n");
        assertThat(spec.tags()).extracting(Tag::valueColumn).containsExactly(17, 17, 12, 9);
    }
}
