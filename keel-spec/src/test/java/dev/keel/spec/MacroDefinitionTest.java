package dev.keel.spec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import org.junit.jupiter.api.Test;

/** Macro definitions, build conditionals, multi-line macros, includes and comments. */
class MacroDefinitionTest {

    @Test
    void everyDefinitionDirective() {
        Spec spec = Spec.parse("""
                %global commit 0123abcd
                %define  shortcommit  %(c=%{commit}; echo ${c:0:7})
                %undefine _hardened_build
                %bcond tests 1
                %bcond_with docs
                %bcond_without python3
                \t%global indented yes
                %define foo(a:b) body %{-a*}
                """);

        assertThat(spec.macros())
                .extracting(
                        MacroDefinition::element,
                        MacroDefinition::kind,
                        MacroDefinition::name,
                        MacroDefinition::parameters,
                        MacroDefinition::body)
                .containsExactly(
                        tuple(0, MacroDefinition.Kind.GLOBAL, "commit", null, "0123abcd"),
                        tuple(1, MacroDefinition.Kind.DEFINE, "shortcommit", null, "%(c=%{commit}; echo ${c:0:7})"),
                        tuple(2, MacroDefinition.Kind.UNDEFINE, "_hardened_build", null, ""),
                        tuple(3, MacroDefinition.Kind.BCOND, "tests", null, "1"),
                        tuple(4, MacroDefinition.Kind.BCOND_WITH, "docs", null, ""),
                        tuple(5, MacroDefinition.Kind.BCOND_WITHOUT, "python3", null, ""),
                        tuple(6, MacroDefinition.Kind.GLOBAL, "indented", null, "yes"),
                        tuple(7, MacroDefinition.Kind.DEFINE, "foo", "a:b", "body %{-a*}"));
        assertThat(spec.elements()).extracting(Element::kind).containsOnly(ElementKind.MACRO_DEFINITION);
        assertThat(spec.bconds()).extracting(MacroDefinition::name).containsExactly("tests", "docs", "python3");
        assertThat(MacroDefinition.Kind.BCOND_WITH.directive()).isEqualTo("%bcond_with");
        assertThat(MacroDefinition.Kind.GLOBAL.isBcond()).isFalse();
        assertThat(spec.diagnostics()).isEmpty();
    }

    @Test
    void directiveWithoutNameIsAWarning() {
        Spec spec = Spec.parse("Name: foo\n%global \n");

        assertThat(spec.diagnostics()).containsExactly(Diagnostic.warning(2, "%global without a macro name"));
        assertThat(spec.macros()).extracting(MacroDefinition::name).containsExactly("");
    }

    @Test
    void lookalikeDirectivesAreText() {
        Spec spec = Spec.parse("""
                %globals x
                %{global} x
                %define: x
                """);

        assertThat(spec.macros()).isEmpty();
        assertThat(spec.elements()).extracting(Element::kind).containsOnly(ElementKind.TEXT);
    }

    @Test
    void continuedBodyBelongsToTheDefinition() {
        Spec spec = Spec.parse("""
                Name: foo
                %global common_desc \\
                This is a description. \\
                Version: not-a-tag \\
                %package not-a-section
                Release: 1
                """);

        assertThat(spec.elements())
                .containsExactly(
                        new Element(0, ElementKind.TAG, 0, 1, 0, -1),
                        new Element(1, ElementKind.MACRO_DEFINITION, 1, 5, 0, -1),
                        new Element(2, ElementKind.TAG, 5, 6, 0, -1));
        assertThat(spec.macros().get(0).body())
                .isEqualTo("\\\nThis is a description. \\\nVersion: not-a-tag \\\n%package not-a-section");
        assertThat(spec.sections()).hasSize(1);
        assertThat(spec.tags()).extracting(Tag::name).containsExactly("Name", "Release");
    }

    @Test
    void continuationAtTheEndOfTheFileIsReported() {
        Spec spec = Spec.parse("%global x \\\n");

        assertThat(spec.diagnostics()).containsExactly(Diagnostic.error(1, "unclosed macro or bad line continuation"));
        assertThat(spec.elements()).hasSize(1);
        assertThat(spec.toBytes()).isEqualTo("%global x \\\n".getBytes());
    }

    @Test
    void plainTextContinuationAtTheEndOfTheFileIsReported() {
        Spec spec = Spec.parse("%build\nmake \\\n");

        assertThat(spec.diagnostics())
                .containsExactly(Diagnostic.error(2, "bad line continuation at the end of the file"));
    }

    @Test
    void expandBodySpansLinesUntilItsBraceCloses() {
        Spec spec = Spec.parse("""
                %global _description %{expand:
                A library.
                %package inside
                Name: inside}
                Name: foo
                """);

        assertThat(spec.element(0).kind()).isEqualTo(ElementKind.MACRO_DEFINITION);
        assertThat(spec.element(0).lineCount()).isEqualTo(4);
        assertThat(spec.macros().get(0).body()).isEqualTo("%{expand:\nA library.\n%package inside\nName: inside}");
        assertThat(spec.sections()).hasSize(1);
        assertThat(spec.tags()).extracting(Tag::value).containsExactly("foo");
    }

    @Test
    void nestedBracesAreCounted() {
        Spec spec = Spec.parse("""
                %global a %{expand:{ %{b} }
                }
                Name: foo
                """);

        assertThat(spec.element(0).lineCount()).isEqualTo(2);
        assertThat(spec.tags()).hasSize(1);
    }

    @Test
    void escapedPercentDoesNotOpenAMacro() {
        Spec spec = Spec.parse("""
                Release: 1%%{ \\%{ %%(
                Name: foo
                """);

        assertThat(spec.elements()).extracting(Element::lineCount).containsExactly(1, 1);
        assertThat(spec.tagValue("Release")).isEqualTo("1%%{ \\%{ %%(");
        assertThat(spec.diagnostics()).isEmpty();
    }

    @Test
    void luaBlockIsOneTextElement() {
        Spec spec = Spec.parse("""
                Name: foo
                %{lua:
                local x = "%package bogus"
                if x then
                  print("Version: 2")
                end
                }
                Version: 1
                """);

        assertThat(spec.elements())
                .containsExactly(
                        new Element(0, ElementKind.TAG, 0, 1, 0, -1),
                        new Element(1, ElementKind.TEXT, 1, 7, 0, -1),
                        new Element(2, ElementKind.TAG, 7, 8, 0, -1));
        assertThat(spec.sections()).hasSize(1);
        assertThat(spec.diagnostics()).isEmpty();
    }

    @Test
    void shellAndExpressionMacrosSpanLinesToo() {
        Spec spec = Spec.parse("""
                %global v %(echo 1
                echo 2)
                %global w %[1 +
                2]
                """);

        assertThat(spec.elements()).extracting(Element::lineCount).containsExactly(2, 2);
        assertThat(spec.macros()).extracting(MacroDefinition::name).containsExactly("v", "w");
    }

    @Test
    void unterminatedLuaIsDiagnosedAndStillRoundTrips() {
        String text = "Name: foo\n%{lua:\nprint(\"x\")\n%package devel\n";
        Spec spec = Spec.parse(text.getBytes());

        assertThat(spec.diagnostics()).containsExactly(Diagnostic.error(2, "unclosed macro or bad line continuation"));
        assertThat(spec.elements())
                .containsExactly(
                        new Element(0, ElementKind.TAG, 0, 1, 0, -1), new Element(1, ElementKind.TEXT, 1, 4, 0, -1));
        assertThat(spec.toBytes()).isEqualTo(text.getBytes());
        assertThat(spec.text()).isEqualTo(text);
    }

    @Test
    void includesAndLoads() {
        Spec spec = Spec.parse("""
                %include %{SOURCE1}
                %include\tcommon.inc
                %{load:%{SOURCE2}}
                %load macros.foo
                  %include indented.inc
                %includes x
                """);

        assertThat(spec.includes())
                .containsExactly(
                        new Include(0, false, "%{SOURCE1}"),
                        new Include(1, false, "common.inc"),
                        new Include(2, true, "%{SOURCE2}"),
                        new Include(3, true, "macros.foo"),
                        new Include(4, false, "indented.inc"));
        assertThat(spec.element(5).kind()).isEqualTo(ElementKind.TEXT);
    }

    @Test
    void loadWithPlainTarget() {
        Spec spec = Spec.parse("%{load:macros.bar}\n");

        assertThat(spec.includes()).containsExactly(new Include(0, true, "macros.bar"));
        assertThat(spec.element(0).kind()).isEqualTo(ElementKind.INCLUDE);
    }

    @Test
    void commentsInEveryForm() {
        Spec spec = Spec.parse("""
                # top
                    # indented
                \t# tab
                %dnl rpm comment
                %dnl
                %dnlx not a comment
                Name: foo # not a comment either
                """);

        assertThat(spec.elements())
                .extracting(Element::kind)
                .containsExactly(
                        ElementKind.COMMENT,
                        ElementKind.COMMENT,
                        ElementKind.COMMENT,
                        ElementKind.COMMENT,
                        ElementKind.COMMENT,
                        ElementKind.TEXT,
                        ElementKind.TAG);
        assertThat(spec.tagValue("Name")).isEqualTo("foo # not a comment either");
    }

    @Test
    void commentedOutDefinitionsAndSectionsAreComments() {
        Spec spec = Spec.parse("""
                #global x 1
                # %package devel
                #%%if 1
                """);

        assertThat(spec.macros()).isEmpty();
        assertThat(spec.sections()).hasSize(1);
        assertThat(spec.blocks()).isEmpty();
    }

    @Test
    void bodiesAreTrimmedAndBcondTakesOnlyItsSecondArgument() {
        Spec spec = Spec.parse("""
                %global srcname astroscrappy \t
                %bcond clang 0   # Use Clang compiler
                %bcond qt5 %[ 0%{?rhel} < 10 ] trailing words
                %bcond_with docs   # a comment rpm ignores
                Name: python-%{srcname}
                %package -n python3-%{srcname}
                Summary: x
                """);

        assertThat(spec.macros())
                .extracting(MacroDefinition::name, MacroDefinition::body)
                .containsExactly(
                        tuple("srcname", "astroscrappy"),
                        tuple("clang", "0"),
                        tuple("qt5", "%[ 0%{?rhel} < 10 ]"),
                        tuple("docs", "# a comment rpm ignores"));
        assertThat(spec.packages().get(1).fullName()).isEqualTo("python3-astroscrappy");
    }
}
