package dev.keel.spec.macro;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class MacroEngineTest {

    private final Unknowns unknowns = new Unknowns();
    private final MacroEngine engine = new MacroEngine(unknowns);

    MacroEngineTest() {
        MacroContext.builder()
                .define("foo", "FOO")
                .define("empty", "%{nil}")
                .build()
                .predefined()
                .forEach(engine::predefine);
    }

    private String expand(String text) {
        String result = engine.expand(text);
        assertThat(engine.failure()).as("failure").isNull();
        return result;
    }

    @Nested
    class Syntax {

        @Test
        void plainAndBracedReferences() {
            assertThat(expand("a %foo b %{foo}c")).isEqualTo("a FOO b FOOc");
        }

        @Test
        void undefinedMacrosStayAsWritten() {
            assertThat(expand("%bar %{bar} %{bar:x}")).isEqualTo("%bar %{bar} %{bar:x}");
        }

        @Test
        void conditionalForms() {
            assertThat(expand("[%{?foo}][%{?bar}][%{!?bar}]")).isEqualTo("[FOO][][]");
            assertThat(expand("[%{?foo:yes}][%{?bar:yes}][%{!?foo:no}][%{!?bar:no}]"))
                    .isEqualTo("[yes][][][no]");
            assertThat(expand("%?foo %!?bar")).isEqualTo("FOO ");
        }

        @Test
        void percentEscapesAndLonePercent() {
            assertThat(expand("100%% %{foo}%")).isEqualTo("100% FOO%");
            assertThat(expand("%%{foo}")).isEqualTo("%{foo}");
        }

        @Test
        void expandExpandsTwice() {
            assertThat(expand("%{expand:%%{foo}}")).isEqualTo("FOO");
            assertThat(expand("%{expand:%%global late 1}%{late}")).isEqualTo("1");
        }

        @Test
        void expressionExpansion() {
            assertThat(expand("%[1 + 2 * 3]")).isEqualTo("7");
            assertThat(expand("%[\"%{foo}\" == \"FOO\" ? \"yes\" : \"no\"]")).isEqualTo("yes");
            assertThat(expand("%{expr:2 > 1}")).isEqualTo("1");
        }

        @Test
        void expressionShortCircuitDoesNotExpandTheSkippedSide() {
            assertThat(expand("[%[\"\" && \"%{expand:%%global touched 1}\"]%{?touched}]"))
                    .isEqualTo("[]");
        }

        @Test
        void unterminatedCallIsAnError() {
            engine.expand("%{foo");
            assertThat(engine.failure().rpmRejects()).isTrue();
            assertThat(engine.failure().message()).contains("unterminated {");
        }
    }

    @Nested
    class Definitions {

        @Test
        void defineIsExpandedWhenUsedGlobalWhenDefined() {
            expand("%define value 1\n%define lazy %{value}\n%global eager %{value}\n%define value 2\n");
            assertThat(expand("%lazy/%eager")).isEqualTo("2/1");
        }

        @Test
        void definitionsStackAndUndefineUncoversThePreviousOne() {
            expand("%global v 1\n%global v 2\n");
            assertThat(expand("%v")).isEqualTo("2");
            expand("%undefine v\n");
            assertThat(expand("%v")).isEqualTo("1");
            expand("%undefine v\n");
            assertThat(expand("%v")).isEqualTo("%v");
        }

        @Test
        void bodyContinuesAfterBackslashAndInsideOpenGroups() {
            expand("%global multi first \\\nsecond\n%global group %{?foo:a\nb}\n");
            assertThat(expand("%multi|%group")).isEqualTo("first \nsecond|a\nb");
        }

        @Test
        void bracedBodyLosesItsBraces() {
            expand("%define braced {x y}\n");
            assertThat(expand("%braced")).isEqualTo("x y");
        }

        @Test
        void emptyBodyAndIllegalNamesAreErrors() {
            engine.expand("%global nothing\n");
            assertThat(engine.failure().message()).contains("has empty body");
        }

        @Test
        void builtInsCannotBeRedefined() {
            engine.expand("%define expand x\n");
            assertThat(engine.failure().message()).contains("is a built-in");
        }
    }

    @Nested
    class Parametric {

        @Test
        void positionalArgumentsCountAndAll() {
            expand("%define show(a:b) [%0|%1|%2|%#|%*|%**]\n");
            assertThat(expand("%show x y\n")).isEqualTo("[show|x|y|2|x y|x y]\n");
            assertThat(expand("%{show x y}")).isEqualTo("[show|x|y|2|x y|x y]");
            assertThat(expand("%{show:x y}")).isEqualTo("[show|x y|%2|1|x y|x y]");
        }

        @Test
        void optionsWithAndWithoutValues() {
            expand("%define opt(a:b) [%{-a}|%{-a*}|%{-b}|%{?-b:B}|%{!?-c:noC}|%1]\n");
            assertThat(expand("%opt -a 5 -b rest\n")).isEqualTo("[-a 5|5|-b|B|noC|rest]\n");
            assertThat(expand("%opt rest -a5\n")).isEqualTo("[-a 5|5|||noC|rest]\n");
        }

        @Test
        void unknownOptionIsAnError() {
            expand("%define opt(a) %1\n");
            engine.expand("%opt -z\n");
            assertThat(engine.failure().message()).contains("Unknown option z in opt(a)");
        }

        @Test
        void argumentsAreExpandedAndQuotedOnesStayWhole() {
            expand("%define second() %2\n");
            assertThat(expand("%{second %foo %{quote:a b}}")).isEqualTo("a b");
        }

        @Test
        void defineInsideACallIsLocalGlobalIsNot() {
            expand("%define scoped() %{define local L}%{global kept K}%{local}\n");
            assertThat(expand("%{scoped}|%{?local}|%{kept}")).isEqualTo("L||K");
        }

        @Test
        void argumentsAreInvisibleOutsideTheCall() {
            expand("%define one() %1\n");
            assertThat(expand("%{one x}|%1")).isEqualTo("x|%1");
        }
    }

    @Nested
    class Builtins {

        @Test
        void textFunctions() {
            assertThat(expand("%{basename:/a/b.tar.gz}|%{dirname:/a/b}|%{suffix:b.tar.gz}|%{suffix:none}"))
                    .isEqualTo("b.tar.gz|/a|gz|");
            assertThat(expand("%{shrink:  a \t b  }|%{lower:AbC}|%{upper:AbC}|%{len:héllo}"))
                    .isEqualTo("a b|abc|ABC|5");
            assertThat(expand("%{sub:abcdef 2 4}|%{sub:abcdef -3 -1}|%{sub:abc 2}"))
                    .isEqualTo("bcd|def|bc");
            assertThat(expand("%{quote:a b}")).isEqualTo("\u001fa b\u001f");
            assertThat(expand("%{shescape:it's}|%{url2path:https://h/p/q}")).isEqualTo("'it'\\''s'|/p/q");
        }

        @Test
        void definedUndefinedWithAndWithout() {
            assertThat(expand("%{defined foo}%{defined bar}%{undefined bar}%{defined:foo}"))
                    .isEqualTo("1011");
            expand("%global with_docs 1\n");
            assertThat(expand("%{with docs}%{without docs}%{with tests}%{without tests}"))
                    .isEqualTo("1001");
        }

        @Test
        void echoWarnAndDnlProduceNothing() {
            assertThat(expand("a%{echo:hi}%{warn:careful}b")).isEqualTo("ab");
            assertThat(expand("%dnl a comment\nkept")).isEqualTo("kept");
        }

        @Test
        void errorStopsLikeRpm() {
            engine.expand("%{error:no way}");
            assertThat(engine.failure().message()).isEqualTo("%{error:no way}");
            assertThat(engine.failure().rpmRejects()).isTrue();
        }

        @Test
        void macrobodyGivesTheBodyUnexpanded() {
            assertThat(expand("%{macrobody:empty}")).isEqualTo("%{nil}");
        }
    }

    @Nested
    class Unknown {

        @Test
        void shellCommandsAreNotRunButMarked() {
            String result = expand("v%(echo 1)");
            assertThat(Unknowns.containsMarker(result)).isTrue();
            assertThat(unknowns.reasonsIn(result)).containsExactly("the shell command %(echo 1) is not run");
        }

        @Test
        void luaIsNotRunAndDefiningLuaMakesTheRestUncertain() {
            assertThat(unknowns.reasonsIn(expand("%{lua: print(1)}")))
                    .singleElement()
                    .asString()
                    .contains("Lua");
            assertThat(engine.uncertainty()).isNull();
            expand("%{lua: rpm.define('x 1')}");
            assertThat(engine.uncertainty()).contains("may define macros");
        }

        @Test
        void unknownTextFlowsThroughDefinitionsAndFunctions() {
            expand("%global sha %(git rev-parse HEAD)\n%global short %{sub:%{sha} 1 7}\n");
            assertThat(unknowns.reasonsIn(expand("git%{short}")))
                    .containsExactly("the shell command %(git rev-parse HEAD) is not run");
        }

        @Test
        void anUnknownConditionInAnExpressionMakesItsDefinitionsUnknown() {
            expand("%global opt %(echo 1)\n%bcond feature %{opt}\n");
            assertThat(unknowns.reasonsIn(expand("%{with feature}")))
                    .singleElement()
                    .asString()
                    .contains("depending on");
        }
    }

    @Nested
    class Bounds {

        @Test
        void recursionStopsAt64Levels() {
            expand("%define loop %{loop}\n");
            engine.expand("%loop");
            assertThat(engine.failure().message()).contains("too many levels of recursion");
            assertThat(engine.failure().rpmRejects()).isTrue();
        }

        @Test
        void outputIsBounded() {
            expand("%define a " + "x".repeat(1024) + "\n");
            StringBuilder chain = new StringBuilder();
            for (char c = 'b'; c <= 'v'; c++) {
                chain.append("%define ")
                        .append(c)
                        .append(" %")
                        .append((char) (c - 1))
                        .append('%')
                        .append((char) (c - 1))
                        .append('\n');
            }
            expand(chain.toString());
            engine.expand("%v");
            assertThat(engine.failure().message()).contains("more than " + MacroEngine.MAX_OUTPUT + " characters");
            assertThat(engine.failure().rpmRejects()).isFalse();
        }

        @Test
        void callsAreBounded() {
            StringBuilder chain = new StringBuilder("%define e0 %{nil}\n");
            for (int i = 1; i <= 30; i++) {
                chain.append("%define e")
                        .append(i)
                        .append(" %e")
                        .append(i - 1)
                        .append("%e")
                        .append(i - 1)
                        .append('\n');
            }
            expand(chain.toString());
            engine.expand("%e30");
            assertThat(engine.failure().message()).contains("macro calls");
        }
    }
}
