package dev.keel.spec;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Conditional blocks: directives, branches, nesting, and unbalanced input. */
class ConditionalTest {

    private static ConditionalBlock.Branch branch(ConditionalKind kind, int element, String condition) {
        return new ConditionalBlock.Branch(kind, element, condition);
    }

    @Test
    void everyDirectiveWithBranchesAndNesting() {
        Spec spec = Spec.parse("""
                Name: foo
                %if 0%{?fedora} >= 40
                %ifarch x86_64 aarch64
                BuildRequires: a
                %elifarch s390x
                BuildRequires: b
                %elifos linux
                %else
                BuildRequires: c
                %endif # arch
                  %ifnarch %{ix86}
                %ifos linux
                %ifnos darwin
                %endif
                %endif
                  %endif
                %elif 0%{?rhel}
                %endif
                """);

        assertThat(spec.diagnostics()).isEmpty();
        assertThat(spec.blocks())
                .containsExactly(
                        new ConditionalBlock(
                                0,
                                -1,
                                0,
                                List.of(
                                        branch(ConditionalKind.IF, 1, "0%{?fedora} >= 40"),
                                        branch(ConditionalKind.ELIF, 16, "0%{?rhel}")),
                                17),
                        new ConditionalBlock(
                                1,
                                0,
                                1,
                                List.of(
                                        branch(ConditionalKind.IFARCH, 2, "x86_64 aarch64"),
                                        branch(ConditionalKind.ELIFARCH, 4, "s390x"),
                                        branch(ConditionalKind.ELIFOS, 6, "linux"),
                                        branch(ConditionalKind.ELSE, 7, "")),
                                9),
                        new ConditionalBlock(2, 0, 1, List.of(branch(ConditionalKind.IFNARCH, 10, "%{ix86}")), 15),
                        new ConditionalBlock(3, 2, 2, List.of(branch(ConditionalKind.IFOS, 11, "linux")), 14),
                        new ConditionalBlock(4, 3, 3, List.of(branch(ConditionalKind.IFNOS, 12, "darwin")), 13));
        assertThat(spec.block(1).startElement()).isEqualTo(2);
        assertThat(spec.block(1).isClosed()).isTrue();
        assertThat(spec.elements().stream().map(Element::block).toList())
                .containsExactly(-1, 0, 1, 1, 1, 1, 1, 1, 1, 1, 2, 3, 4, 4, 3, 2, 0, 0);
        assertThat(spec.elements().stream()
                        .filter(e -> e.kind() == ElementKind.CONDITIONAL)
                        .count())
                .isEqualTo(14);
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "%if 1|IF",
                "%if\t1|IF",
                "%ifarch x86_64|IFARCH",
                "%ifnarch x86_64|IFNARCH",
                "%ifos linux|IFOS",
                "%ifnos linux|IFNOS",
                "'   %if 1'|IF",
                "'\t%ifarch noarch'|IFARCH"
            })
    void openingDirectives(String line, ConditionalKind kind) {
        Spec spec = Spec.parse(line + "\nx\n%endif\n");

        assertThat(spec.blocks()).hasSize(1);
        assertThat(spec.block(0).branches().get(0).kind()).isEqualTo(kind);
        assertThat(spec.block(0).endElement()).isEqualTo(2);
        assertThat(spec.element(0).kind()).isEqualTo(ElementKind.CONDITIONAL);
        assertThat(spec.diagnostics()).isEmpty();
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {"%endif", "%endif # comment", "%endif#comment", "'  %endif'", "'%endif\t'", "%endif}"})
    void closingDirectiveSpellings(String line) {
        Spec spec = Spec.parse("%if 1\n" + line + "\n");

        assertThat(spec.block(0).endElement()).isEqualTo(1);
        assertThat(spec.diagnostics()).isEmpty();
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {"%iffy", "%ifarchs x", "%if(1)", "%endiff", "%elsewhere", "%elsif 1"})
    void lookalikesAreNotDirectives(String line) {
        Spec spec = Spec.parse(line + "\n");

        assertThat(spec.blocks()).isEmpty();
        assertThat(spec.element(0).kind()).isEqualTo(ElementKind.TEXT);
    }

    @Test
    void directivesWithoutArgumentStillCount() {
        Spec spec = Spec.parse("%if\n%endif\n%ifarch\n%endif");

        assertThat(spec.blocks()).hasSize(2);
        assertThat(spec.block(0).branches().get(0).condition()).isEmpty();
        assertThat(spec.block(1).endElement()).isEqualTo(3);
    }

    @Test
    void blockMayStartInOneSectionAndEndInAnother() {
        Spec spec = Spec.parse("""
                Name: foo
                %if %{with devel}
                %package devel
                Summary: d
                %description devel
                Text.
                %endif
                %files
                """);

        ConditionalBlock block = spec.block(0);
        assertThat(block.startElement()).isEqualTo(1);
        assertThat(block.endElement()).isEqualTo(6);
        assertThat(spec.element(1).section()).isZero();
        assertThat(spec.element(6).section()).isEqualTo(2);
        assertThat(spec.element(2).block()).isZero();
        assertThat(spec.element(7).block()).isEqualTo(-1);
        assertThat(spec.diagnostics()).isEmpty();
    }

    @Test
    void strayElseAndEndifAreErrorsWithTheirLine() {
        Spec spec = Spec.parse("""
                Name: foo
                %else
                Summary: x
                %endif
                %if 1
                %endif
                %endif
                """);

        assertThat(spec.diagnostics())
                .containsExactly(
                        Diagnostic.error(2, "%else with no %if"),
                        Diagnostic.error(4, "%endif with no %if"),
                        Diagnostic.error(7, "%endif with no %if"));
        assertThat(spec.element(1).kind()).isEqualTo(ElementKind.CONDITIONAL);
        assertThat(spec.element(1).block()).isEqualTo(-1);
        assertThat(spec.element(6).block()).isEqualTo(-1);
        assertThat(spec.blocks()).hasSize(1);
    }

    @Test
    void branchAfterElseIsAnError() {
        Spec spec = Spec.parse("""
                %if 1
                %else
                %elif 2
                %else
                %endif
                """);

        assertThat(spec.diagnostics())
                .containsExactly(Diagnostic.error(3, "%elif after %else"), Diagnostic.error(4, "%else after %else"));
        assertThat(spec.block(0).branches()).hasSize(4);
    }

    @Test
    void unclosedBlocksAreReportedAtTheirOpeningLine() {
        Spec spec = Spec.parse("""
                Name: foo
                %if 1
                %ifarch x86_64
                %endif
                %ifos linux
                Summary: x
                """);

        assertThat(spec.diagnostics())
                .containsExactly(Diagnostic.error(2, "unclosed %if"), Diagnostic.error(5, "unclosed %ifos"));
        assertThat(spec.blocks()).extracting(ConditionalBlock::endElement).containsExactly(-1, 3, -1);
        assertThat(spec.blocks()).extracting(ConditionalBlock::isClosed).containsExactly(false, true, false);
        assertThat(spec.blocks()).extracting(ConditionalBlock::parent).containsExactly(-1, 0, 0);
        assertThat(spec.element(5).block()).isEqualTo(2);
    }

    @Test
    void conditionalInsideAShellContinuationIsStillAConditional() {
        Spec spec = Spec.parse("""
                %build
                %configure \\
                %if %{with x}
                  --with-x \\
                %else
                  --without-x \\
                %endif
                  --enable-foo
                """);

        assertThat(spec.elements().stream().map(Element::kind).toList())
                .containsExactly(
                        ElementKind.SECTION_HEADER,
                        ElementKind.TEXT,
                        ElementKind.CONDITIONAL,
                        ElementKind.TEXT,
                        ElementKind.CONDITIONAL,
                        ElementKind.TEXT,
                        ElementKind.CONDITIONAL,
                        ElementKind.TEXT);
        assertThat(spec.blocks()).hasSize(1);
        assertThat(spec.block(0).branches())
                .containsExactly(branch(ConditionalKind.IF, 2, "%{with x}"), branch(ConditionalKind.ELSE, 4, ""));
        assertThat(spec.block(0).endElement()).isEqualTo(6);
        assertThat(spec.diagnostics()).isEmpty();
    }

    @Test
    void conditionalWithAnOpenMacroSpansLines() {
        Spec spec = Spec.parse("""
                %if %{lua: print(1
                )}
                x
                %endif
                """);

        assertThat(spec.element(0).lineCount()).isEqualTo(2);
        assertThat(spec.block(0).branches().get(0).condition()).isEqualTo("%{lua: print(1\n)}");
        assertThat(spec.block(0).endElement()).isEqualTo(2);
    }

    @Test
    void conditionalInsideAMacroBodyIsPartOfTheDefinition() {
        Spec spec = Spec.parse("""
                %define pkg() \\
                %if %1 \\
                Requires: %2 \\
                %endif
                Name: foo
                """);

        assertThat(spec.blocks()).isEmpty();
        assertThat(spec.element(0).kind()).isEqualTo(ElementKind.MACRO_DEFINITION);
        assertThat(spec.element(0).lineCount()).isEqualTo(4);
        assertThat(spec.tags()).extracting(Tag::name).containsExactly("Name");
    }

    @Test
    void kindMetadata() {
        assertThat(ConditionalKind.IF.opens()).isTrue();
        assertThat(ConditionalKind.IFNOS.opens()).isTrue();
        assertThat(ConditionalKind.ELIF.opens()).isFalse();
        assertThat(ConditionalKind.ELIFOS.isBranch()).isTrue();
        assertThat(ConditionalKind.ELSE.isBranch()).isTrue();
        assertThat(ConditionalKind.ENDIF.isBranch()).isFalse();
        assertThat(ConditionalKind.ELSE.takesArgument()).isFalse();
        assertThat(ConditionalKind.ELIFARCH.directive()).isEqualTo("%elifarch");
    }
}
