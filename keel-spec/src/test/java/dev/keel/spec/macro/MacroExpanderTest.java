package dev.keel.spec.macro;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keel.spec.Spec;
import java.util.Random;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class MacroExpanderTest {

    private static final MacroContext DIST =
            MacroContext.builder().define("dist", ".fc45").build();

    private static ExpandedTags evaluate(String spec) {
        return evaluate(spec, DIST);
    }

    private static ExpandedTags evaluate(String spec, MacroContext context) {
        return MacroExpander.evaluate(Spec.parse(spec), context);
    }

    private static String nevr(String spec) {
        return evaluate(spec).toQueryFormat();
    }

    @Nested
    class Tags {

        @Test
        void tagsAreReadAfterExpansion() {
            assertThat(nevr("""
                            %global srcname demo
                            %global ver 1.2
                            Name: python-%{srcname}
                            Version: %{ver}.3
                            Release: 4%{?dist}
                            """)).isEqualTo("python-demo|(none)|1.2.3|4.fc45");
        }

        @Test
        void theMainPackagesFirstLicenseIsReadAfterExpansion() {
            ExpandedTags tags = evaluate("""
                    %global extra BSD-3-Clause
                    Name: a
                    Version: 1
                    Release: 1
                    License: %{shrink:MIT   AND
                        %{extra}}
                    License: GPL-2.0-only
                    %package x
                    License: Apache-2.0
                    """);
            assertThat(tags.license().value()).isEqualTo("MIT AND BSD-3-Clause");
        }

        @Test
        void aLicenseInABranchKeelCannotDecideIsUndeterminable() {
            ExpandedTags tags = evaluate("Name: a\nVersion: 1\nRelease: 1\n%if %{with_x}\nLicense: MIT\n%endif\n");
            assertThat(tags.license().isDeterminable()).isFalse();
            assertThat(evaluate("Name: a\nVersion: 1\nRelease: 1\nLicense: %{lic}\n")
                            .license()
                            .reason())
                    .contains("lic");
            assertThat(evaluate("Name: a\nVersion: 1\nRelease: 1\n").license().reason())
                    .isEqualTo("the main package has no License tag");
        }

        @Test
        void epochIsPrintedAsANumber() {
            ExpandedTags tags = evaluate("Name: a\nEpoch: 01\nVersion: 1\nRelease: 1\n");
            assertThat(tags.epoch().value()).isEqualTo("1");
        }

        @Test
        void tagsDefineMacrosForLaterLines() {
            assertThat(nevr("Name: a\nVersion: 2.0\n%global rel 3.v%{version}.%{NAME}\nRelease: %{rel}\n"))
                    .isEqualTo("a|(none)|2.0|3.v2.0.a");
        }

        @Test
        void readingStopsAtTheFirstSection() {
            assertThat(nevr("Name: a\nVersion: 1\nRelease: 1\n%package x\nVersion: 9\n%description\n%(broken\n"))
                    .isEqualTo("a|(none)|1|1");
        }

        @Test
        void macrosInCommentsAreExpandedAsRpmDoes() {
            assertThat(nevr("# %global rel 7\nName: a\nVersion: 1\nRelease: %{rel}\n"))
                    .isEqualTo("a|(none)|1|7");
        }

        @Test
        void invalidValuesAreRejectedAsRpmRejectsThem() {
            ExpandedTags tags = evaluate("Name: a\nVersion: 1-2\nRelease: 1\n");
            assertThat(tags.version().reason())
                    .isEqualTo("rpm rejects the spec: line 2: illegal char '-' in Version: 1-2");
            assertThat(evaluate("Name: a b\nVersion: 1\nRelease: 1\n").name().reason())
                    .contains("single token");
            assertThat(evaluate("Name: a\nEpoch: x\nVersion: 1\nRelease: 1\n")
                            .epoch()
                            .reason())
                    .contains("Epoch must be an unsigned number");
        }

        @Test
        void aMissingTagIsAnError() {
            assertThat(evaluate("Name: a\nRelease: 1\n").version().reason())
                    .isEqualTo("rpm rejects the spec: the main package has no Version tag");
        }
    }

    @Nested
    class Conditionals {

        @Test
        void ifElifElseChooseOneBranch() {
            String spec = """
                    %global n 2
                    %if %{n} == 1
                    Release: one
                    %elif %{n} == 2
                    Release: two
                    %elif 1
                    Release: late
                    %else
                    Release: other
                    %endif
                    Name: a
                    Version: 1
                    """;
            assertThat(nevr(spec)).isEqualTo("a|(none)|1|two");
        }

        @Test
        void falseBranchesAreNotExpanded() {
            assertThat(nevr("%if 0\n%global rel %{error:boom}\n%endif\nName: a\nVersion: 1\nRelease: 1%{?rel}\n"))
                    .isEqualTo("a|(none)|1|1");
        }

        @Test
        void nestedBlocks() {
            String spec = """
                    %if 1
                    %if 0
                    Release: inner
                    %else
                    Release: outer
                    %endif
                    %endif
                    Name: a
                    Version: 1
                    """;
            assertThat(nevr(spec)).isEqualTo("a|(none)|1|outer");
        }

        @Test
        void archAndOsConditionals() {
            String spec = """
                    %ifarch %{ix86}
                    Release: x86
                    %elifarch x86_64 aarch64
                    Release: 64
                    %endif
                    %ifnarch x86_64
                    Epoch: 1
                    %endif
                    %ifos linux
                    Name: linux
                    %endif
                    %ifnos linux
                    Name: other
                    %endif
                    Version: 1
                    """;
            assertThat(nevr(spec)).isEqualTo("linux|(none)|1|64");
            assertThat(evaluate(spec, MacroContext.builder().arch("i686").build())
                            .toQueryFormat())
                    .isEqualTo("linux|1|1|x86");
        }

        @Test
        void buildArchRereadsTheSpecForThatArchitecture() {
            String spec = """
                    Name: a
                    Version: 1
                    %ifarch noarch
                    Release: 2
                    %endif
                    BuildArch: noarch
                    """;
            assertThat(nevr(spec)).isEqualTo("a|(none)|1|2");
        }

        @Test
        void aConditionContinuesAfterABackslash() {
            assertThat(nevr("%if 0 || \\\n  1\nName: a\n%endif\nVersion: 1\nRelease: 1\n"))
                    .isEqualTo("a|(none)|1|1");
        }

        @Test
        void misplacedDirectivesAreErrors() {
            assertThat(evaluate("%else\nName: a\n").name().reason())
                    .isEqualTo("rpm rejects the spec: line 1: %else with no %if");
            assertThat(evaluate("%if 1\n%else\n%else\n%endif\n").name().reason())
                    .contains("%else after %else");
            assertThat(evaluate("%if \"a\" == 1\n%endif\n").name().reason())
                    .contains("bad %if condition: types must match");
        }
    }

    @Nested
    class BuildConditionals {

        private static final String SPEC = """
                %bcond_with    alpha
                %bcond_without beta
                %bcond gamma 0
                Name: a
                Version: %{with alpha}%{with beta}%{with gamma}%{without beta}
                Release: r%{?with_beta:b}%{!?with_alpha:noa}
                """;

        @Test
        void defaults() {
            assertThat(nevr(SPEC)).isEqualTo("a|(none)|0100|rbnoa");
        }

        @Test
        void withAndWithoutFromTheContext() {
            MacroContext context = MacroContext.builder()
                    .with("alpha")
                    .with("gamma")
                    .without("beta")
                    .build();
            assertThat(evaluate(SPEC, context).toQueryFormat()).isEqualTo("a|(none)|1011|r");
        }
    }

    @Nested
    class Undeterminable {

        @Test
        void shellOutputInAValue() {
            ExpandedTags tags = evaluate("%global commit abcdef0123\n%global short %(c=%{commit}; echo ${c:0:7})\n"
                    + "Name: a\nVersion: 1\nRelease: 1.git%{short}%{?dist}\n");
            assertThat(tags.release().value()).isNull();
            assertThat(tags.release().reason())
                    .isEqualTo("line 2: the shell command %(c=abcdef0123; echo ${c:0:7}) is not run");
            assertThat(tags.version().value()).isEqualTo("1");
        }

        @Test
        void aMacroFromAPackageTheContextLacks() {
            assertThat(evaluate("Name: a\nVersion: %{crate_version}\nRelease: 1\n")
                            .version()
                            .reason())
                    .isEqualTo("line 2: %crate_version is not defined in the context (a macro from a package the"
                            + " context lacks?)");
            assertThat(evaluate("%forgemeta\nName: a\nVersion: 1\nRelease: 1\n")
                            .name()
                            .reason())
                    .startsWith("line 1: %forgemeta is not defined");
        }

        @Test
        void autoreleaseIsUndeterminableUnlessDefined() {
            String spec = "Name: a\nVersion: 1\nRelease: %autorelease\n";
            assertThat(evaluate(spec).release().reason()).contains("%autorelease (rpmautospec)");
            MacroContext explicit = MacroContext.builder()
                    .define("dist", ".fc45")
                    .define("autorelease=3%{?dist}")
                    .build();
            assertThat(evaluate(spec, explicit).release().value()).isEqualTo("3.fc45");
        }

        @Test
        void aConditionOnUnknownTextMakesWhatItsBranchesSetUnknown() {
            String spec = """
                    %global api %(grep VERSION /usr/include/x.h)
                    %if 0%{api} > 2
                    %global suffix .new
                    Version: 2
                    %else
                    Version: 1
                    %endif
                    Name: a%{?suffix}
                    Release: 1
                    """;
            ExpandedTags tags = evaluate(spec);
            assertThat(tags.version().reason()).startsWith("line 2: cannot decide %if");
            assertThat(tags.name().reason()).startsWith("line 2: cannot decide %if");
            assertThat(tags.release().value()).isEqualTo("1");
        }

        @Test
        void includedFilesAreNotRead() {
            assertThat(evaluate("%include other.inc\nName: a\n").name().reason())
                    .contains("does not read included files");
        }
    }

    @Nested
    class Robustness {

        @Test
        void neverThrowsOnGarbage() {
            Random random = new Random(42);
            String alphabet = "%{}()[]?!:-*#\\\n \"v01ab_=<>&|";
            for (int round = 0; round < 2000; round++) {
                StringBuilder spec = new StringBuilder();
                for (int i = random.nextInt(80); i > 0; i--) {
                    spec.append(alphabet.charAt(random.nextInt(alphabet.length())));
                }
                ExpandedTags tags = MacroExpander.evaluate(Spec.parse(spec.toString()), DIST);
                assertThat(tags.name()).isNotNull();
                assertThat(tags.name().reason()).doesNotStartWith("Keel failed");
            }
        }

        @Test
        void recursiveDefinitionsAreRejectedLikeRpm() {
            assertThat(evaluate("%define a %{a}\nName: %a\n").name().reason())
                    .startsWith("rpm rejects the spec: line 2: too many levels of recursion");
        }

        @Test
        void unclosedMacroAtTheEnd() {
            assertThat(evaluate("Name: a\n%{?foo:\n").name().reason())
                    .isEqualTo("rpm rejects the spec: line 2: unclosed macro or bad line continuation");
        }
    }
}
