package dev.keel.spec;

import static dev.keel.spec.EditAssertions.assertEdited;
import static dev.keel.spec.PackageSelector.any;
import static dev.keel.spec.PackageSelector.main;
import static dev.keel.spec.PackageSelector.named;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.re2j.Pattern;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** prependLines, appendLines and searchReplace. */
class SpecEditorLinesTest {

    private static final String BY = "lines";

    private static final String SPEC = """
            Name: foo
            Version: 1.0

            %description
            Foo.

            %package devel
            Summary: d

            %description devel
            Devel.

            %build
            make %{?_smp_mflags}

            %files
            /usr/bin/foo

            %files devel
            /usr/include/foo.h
            """;

    private static SpecEditor editor(Spec spec) {
        return SpecEditor.of(spec, BY);
    }

    @Test
    void prependWithoutSectionGoesAtTheTopOfTheFile() {
        Spec spec = Spec.parse("Name: foo\n");

        assertEdited(spec, editor(spec).prependLines(null, main(), List.of("%global a 1", "")), BY, """
                + %global a 1
                +
                  Name: foo
                """);
        assertEdited(spec, editor(spec).prependLines("", main(), List.of("# x")), BY, """
                + # x
                  Name: foo
                """);
    }

    @Test
    void prependToASectionGoesRightAfterItsHeader() {
        Spec spec = Spec.parse(SPEC);
        Spec edited = editor(spec).prependLines("%build", main(), List.of("export CFLAGS=-O0", "set -x"));

        assertEdited(spec, edited, BY, """
                  Name: foo
                  Version: 1.0

                  %description
                  Foo.

                  %package devel
                  Summary: d

                  %description devel
                  Devel.

                  %build
                + export CFLAGS=-O0
                + set -x
                  make %{?_smp_mflags}

                  %files
                  /usr/bin/foo

                  %files devel
                  /usr/include/foo.h
                """);
    }

    @Test
    void prependAndAppendTargetThePackageOfTheSection() {
        Spec spec = Spec.parse(SPEC);

        Spec prepended = editor(spec).prependLines("%files", named("devel"), List.of("%license COPYING"));
        assertThat(prepended.line(18).text()).isEqualTo("%files devel");
        assertThat(prepended.line(19).text()).isEqualTo("%license COPYING");
        assertThat(prepended.line(19).origin()).isEqualTo(new LineOrigin.Edit(BY));
        EditAssertions.assertUntouchedLinesIntact(spec, prepended);
        assertThat(prepended.lineCount()).isEqualTo(spec.lineCount() + 1);

        Spec mainFiles = editor(spec).appendLines("%files", main(), List.of("/usr/bin/bar"));
        assertEdited(spec, mainFiles, BY, """
                  Name: foo
                  Version: 1.0

                  %description
                  Foo.

                  %package devel
                  Summary: d

                  %description devel
                  Devel.

                  %build
                  make %{?_smp_mflags}

                  %files
                  /usr/bin/foo

                + /usr/bin/bar
                  %files devel
                  /usr/include/foo.h
                """);
    }

    @Test
    void appendToTheLastSectionOfAFileWithoutFinalNewlineAddsOne() {
        Spec spec = Spec.parse("%files\n/usr/bin/foo");

        assertEdited(spec, editor(spec).appendLines("%files", main(), List.of("/usr/bin/bar")), BY, """
                  %files
                  /usr/bin/foo
                + /usr/bin/bar
                """);
    }

    @Test
    void appendWithoutSectionGoesAtTheEndOfTheFile() {
        Spec spec = Spec.parse("Name: foo\n%changelog\n* x");
        Spec edited = editor(spec).appendLines(null, main(), List.of("", "# end"));

        assertEdited(spec, edited, BY, """
                  Name: foo
                  %changelog
                  * x
                +
                + # end
                """);
        assertThat(edited.line(2).origin()).isEqualTo(new LineOrigin.Input(3));
        assertThat(edited.line(2).raw()).isEqualTo("* x\n");
    }

    @Test
    void appendToAnEmptySpec() {
        Spec spec = Spec.parse("");

        assertEdited(spec, editor(spec).appendLines("", main(), List.of("Name: x")), BY, """
                + Name: x
                """);
    }

    @Test
    void linesGoToEveryMatchingSectionInstance() {
        Spec spec = Spec.parse("""
                %if 0%{?fedora}
                %post
                a
                %else
                %post
                b
                %endif
                %postun
                """);

        assertEdited(spec, editor(spec).prependLines("%post", main(), List.of("set -e")), BY, """
                  %if 0%{?fedora}
                  %post
                + set -e
                  a
                  %else
                  %post
                + set -e
                  b
                  %endif
                  %postun
                """);
        assertEdited(spec, editor(spec).appendLines("%postun", main(), List.of("exit 0")), BY, """
                  %if 0%{?fedora}
                  %post
                  a
                  %else
                  %post
                  b
                  %endif
                  %postun
                + exit 0
                """);
    }

    @Test
    void sectionNamesCompareExactly() {
        Spec spec = Spec.parse("%Build\nmake\n");

        assertThatThrownBy(() -> editor(spec).appendLines("%build", main(), List.of("x")))
                .isInstanceOfSatisfying(SpecEditException.class, e -> {
                    assertThat(e.reason()).isEqualTo(SpecEditException.Reason.SECTION_NOT_FOUND);
                    assertThat(e.getMessage()).isEqualTo("no %build section for the main package");
                    assertThat(e.candidates()).containsExactly("1: %Build");
                });
        assertThat(editor(spec).appendLines("%Build", main(), List.of("x")).text())
                .isEqualTo("%Build\nmake\nx\n");
    }

    @Test
    void withoutSectionOnlyTheMainPackageIsATarget() {
        Spec spec = Spec.parse(SPEC);
        for (Runnable edit : List.<Runnable>of(
                () -> editor(spec).prependLines(null, named("devel"), List.of("x")),
                () -> editor(spec).appendLines("", named("devel"), List.of("x")))) {
            assertThatThrownBy(edit::run).isInstanceOfSatisfying(SpecEditException.class, e -> {
                assertThat(e.reason()).isEqualTo(SpecEditException.Reason.SECTION_NOT_FOUND);
                assertThat(e.getMessage()).isEqualTo("no section given for sub-package 'devel'");
            });
        }
        assertThat(editor(spec).prependLines(null, named("foo"), List.of("x")).text())
                .startsWith("x\nName: foo\n");
    }

    @Test
    void missingSectionFails() {
        Spec spec = Spec.parse(SPEC);

        assertThatThrownBy(() -> editor(spec).prependLines("%check", main(), List.of("x")))
                .isInstanceOfSatisfying(SpecEditException.class, e -> {
                    assertThat(e.reason()).isEqualTo(SpecEditException.Reason.SECTION_NOT_FOUND);
                    assertThat(e.getMessage()).isEqualTo("no %check section for the main package");
                });
        assertThatThrownBy(() -> editor(spec).appendLines("%files", named("docs"), List.of("x")))
                .isInstanceOfSatisfying(SpecEditException.class, e -> {
                    assertThat(e.reason()).isEqualTo(SpecEditException.Reason.SECTION_NOT_FOUND);
                    assertThat(e.getMessage()).isEqualTo("no %files section for sub-package 'docs'");
                    assertThat(e.candidates()).first().isEqualTo("16: %files");
                });
    }

    @Test
    void linesAddedToACrlfSpecUseCrlf() {
        Spec spec = Spec.parse("%build\r\nmake\r\n%install\r\n");

        assertEdited(spec, editor(spec).prependLines("%install", main(), List.of("rm -rf x")), BY, """
                  %build
                  make
                  %install
                + rm -rf x
                """, "\r\n");
        assertEdited(spec, editor(spec).appendLines("%build", main(), List.of("make check")), BY, """
                  %build
                  make
                + make check
                  %install
                """, "\r\n");
        Spec noFinalNewline = Spec.parse("%build\r\nmake");
        Spec appended = editor(noFinalNewline).appendLines(null, main(), List.of("x"));
        assertThat(appended.toBytes()).isEqualTo("%build\r\nmake\r\nx\r\n".getBytes(StandardCharsets.US_ASCII));
        assertThat(appended.lines())
                .extracting(Line::origin)
                .containsExactly(new LineOrigin.Input(1), new LineOrigin.Input(2), new LineOrigin.Edit(BY));
    }

    @Test
    void searchReplaceRewritesMatchingLinesWithALiteralReplacement() {
        Spec spec = Spec.parse(SPEC);
        Spec edited = editor(spec).searchReplace(null, any(), Pattern.compile("(foo)(\\.h)?"), "$1-bar\\");

        assertEdited(spec, edited, BY, """
                + Name: $1-bar\\
                  Version: 1.0

                  %description
                  Foo.

                  %package devel
                  Summary: d

                  %description devel
                  Devel.

                  %build
                  make %{?_smp_mflags}

                  %files
                + /usr/bin/$1-bar\\

                  %files devel
                + /usr/include/$1-bar\\
                """);
    }

    @Test
    void searchReplaceReplacesEveryMatchOnALine() {
        Spec spec = Spec.parse("%build\nmake a=1 b=1 c=2\n");

        assertEdited(spec, editor(spec).searchReplace("%build", any(), Pattern.compile("=1\\b"), "=9"), BY, """
                  %build
                + make a=9 b=9 c=2
                """);
    }

    @Test
    void searchReplaceIsScopedBySectionAndPackage() {
        Spec spec = Spec.parse(SPEC);

        Spec devel = editor(spec).searchReplace("%files", named("devel"), Pattern.compile("foo"), "baz");
        assertThat(devel.line(16).text()).isEqualTo("/usr/bin/foo");
        assertThat(devel.line(19).text()).isEqualTo("/usr/include/baz.h");
        assertThat(devel.lines().stream().filter(l -> l.origin() instanceof LineOrigin.Edit))
                .hasSize(1);
        EditAssertions.assertUntouchedLinesIntact(spec, devel);

        Spec anyFiles = editor(spec).searchReplace("%files", any(), Pattern.compile("foo"), "baz");
        assertThat(anyFiles.line(16).text()).isEqualTo("/usr/bin/baz");
        assertThat(anyFiles.line(19).text()).isEqualTo("/usr/include/baz.h");
        assertThat(anyFiles.line(0).text()).isEqualTo("Name: foo");

        Spec develAnySection = editor(spec).searchReplace("", named("foo-devel"), Pattern.compile("(?i)devel"), "DEV");
        assertThat(develAnySection.line(10).text()).isEqualTo("DEV.");
        assertThat(develAnySection.line(9).text()).isEqualTo("%description devel");
        assertThat(develAnySection.line(6).text()).isEqualTo("%package devel");
    }

    @Test
    void searchReplaceNeverRewritesSectionHeaders() {
        Spec spec = Spec.parse("%files devel\n/usr/lib/devel\n");

        assertEdited(spec, editor(spec).searchReplace(null, any(), Pattern.compile("devel"), "x"), BY, """
                  %files devel
                + /usr/lib/x
                """);
        assertThatThrownBy(() -> editor(spec).searchReplace(null, any(), Pattern.compile("^%files"), "x"))
                .isInstanceOfSatisfying(
                        SpecEditException.class,
                        e -> assertThat(e.reason()).isEqualTo(SpecEditException.Reason.PATTERN_NOT_FOUND));
    }

    @Test
    void searchReplaceKeepsLineEndings() {
        Spec spec = Spec.parse("Name: foo\r\nSummary: foo tool\nURL: foo");
        Spec edited = editor(spec).searchReplace(null, any(), Pattern.compile("foo"), "bar");

        assertThat(edited.toBytes())
                .isEqualTo("Name: bar\r\nSummary: bar tool\nURL: bar".getBytes(StandardCharsets.US_ASCII));
        assertThat(edited.lines()).extracting(Line::origin).containsOnly(new LineOrigin.Edit(BY));
    }

    @Test
    void searchReplaceWithNoMatchFailsWithCandidates() {
        Spec spec = Spec.parse(SPEC);

        assertThatThrownBy(() -> editor(spec).searchReplace("%build", any(), Pattern.compile("make -j4"), "x"))
                .isInstanceOfSatisfying(SpecEditException.class, e -> {
                    assertThat(e.reason()).isEqualTo(SpecEditException.Reason.PATTERN_NOT_FOUND);
                    assertThat(e.getMessage()).isEqualTo("pattern /make -j4/ matched no line in %build");
                    assertThat(e.candidates()).first().isEqualTo("14: make %{?_smp_mflags}");
                });
        assertThatThrownBy(() -> editor(spec).searchReplace("%files", named("devel"), Pattern.compile("bin"), "x"))
                .isInstanceOfSatisfying(
                        SpecEditException.class,
                        e -> assertThat(e.getMessage())
                                .isEqualTo("pattern /bin/ matched no line in %files of sub-package 'devel'"));
        assertThatThrownBy(() -> editor(spec).searchReplace(null, any(), Pattern.compile("zzz"), "x"))
                .isInstanceOfSatisfying(SpecEditException.class, e -> {
                    assertThat(e.getMessage()).isEqualTo("pattern /zzz/ matched no line");
                    assertThat(e.candidates()).isEmpty();
                });
    }

    @Test
    void searchReplaceThatChangesNothingCountsAsNoMatch() {
        Spec spec = Spec.parse("%build\nmake\n");

        assertThatThrownBy(() -> editor(spec).searchReplace(null, any(), Pattern.compile("make"), "make"))
                .isInstanceOfSatisfying(
                        SpecEditException.class,
                        e -> assertThat(e.reason()).isEqualTo(SpecEditException.Reason.PATTERN_NOT_FOUND));
    }

    @Test
    void searchReplaceOnUtf8AndLatin1Specs() {
        Spec utf8 = Spec.parse("Summary: naïve\n");
        assertThat(editor(utf8)
                        .searchReplace(null, any(), Pattern.compile("ï"), "i")
                        .toBytes())
                .isEqualTo("Summary: naive\n".getBytes(StandardCharsets.UTF_8));

        byte[] latin1 = {'S', ':', ' ', 'n', 'a', (byte) 0xEF, 'v', 'e', '\n', 'X', ':', ' ', (byte) 0xE9, '\n'};
        Spec spec = Spec.parse(latin1);
        Spec edited = editor(spec).searchReplace(null, any(), Pattern.compile("ve$"), "vé");
        assertThat(edited.toBytes()).isEqualTo(new byte[] {
            'S', ':', ' ', 'n', 'a', (byte) 0xEF, 'v', (byte) 0xC3, (byte) 0xA9, '\n', 'X', ':', ' ', (byte) 0xE9, '\n'
        });
        assertThat(edited.line(1).origin()).isEqualTo(new LineOrigin.Input(2));
    }

    @Test
    void textWithEmbeddedNewlinesBecomesSeveralEditedLines() {
        Spec spec = Spec.parse("Name: x\n%build\nmake\n");
        Spec edited = SpecEditor.of(spec, "multi").appendLines("%build", main(), java.util.List.of("a\nb", "c"));
        assertThat(edited.text()).isEqualTo("Name: x\n%build\nmake\na\nb\nc\n");
        assertThat(edited.lines())
                .extracting(Line::origin)
                .containsExactly(
                        new LineOrigin.Input(1),
                        new LineOrigin.Input(2),
                        new LineOrigin.Input(3),
                        new LineOrigin.Edit("multi"),
                        new LineOrigin.Edit("multi"),
                        new LineOrigin.Edit("multi"));
        Spec replaced = SpecEditor.of(spec, "split")
                .searchReplace("%build", any(), com.google.re2j.Pattern.compile("make"), "make\nmake check");
        assertThat(replaced.lines())
                .extracting(Line::origin)
                .containsExactly(
                        new LineOrigin.Input(1),
                        new LineOrigin.Input(2),
                        new LineOrigin.Edit("split"),
                        new LineOrigin.Edit("split"));
    }
}
