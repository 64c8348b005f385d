package dev.keel.spec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import org.junit.jupiter.api.Test;

/** Source and Patch tags, rpm's autonumbering, and %sourcelist/%patchlist entries. */
class SourcesTest {

    @Test
    void numberedAndUnnumberedSourcesFollowRpmAutonumbering() {
        Spec spec = Spec.parse("""
                Name: foo
                Source: first.tar.gz
                Source5: five.tar.gz
                Source: six.tar.gz
                SOURCE2: two.tar.gz
                source: seven.tar.gz
                Source10: ten
                Source: eleven
                """);

        assertThat(spec.sources())
                .extracting(SourceRef::number, SourceRef::explicit, SourceRef::value, SourceRef::element)
                .containsExactly(
                        tuple(0, false, "first.tar.gz", 1),
                        tuple(5, true, "five.tar.gz", 2),
                        tuple(6, false, "six.tar.gz", 3),
                        tuple(2, true, "two.tar.gz", 4),
                        tuple(7, false, "seven.tar.gz", 5),
                        tuple(10, true, "ten", 6),
                        tuple(11, false, "eleven", 7));
        assertThat(spec.patches()).isEmpty();
        assertThat(spec.sources()).allSatisfy(s -> {
            assertThat(s.kind()).isEqualTo(SourceRef.Kind.SOURCE);
            assertThat(s.fromList()).isFalse();
        });
    }

    @Test
    void sourcesAndPatchesAreNumberedSeparately() {
        Spec spec = Spec.parse("""
                Source3: s3
                Patch: p0.patch
                Source: s4
                Patch7: p7.patch
                Patch: p8.patch
                Patch0001: p1.patch
                Patch: p9.patch
                """);

        assertThat(spec.sources()).extracting(SourceRef::number).containsExactly(3, 4);
        assertThat(spec.patches()).extracting(SourceRef::number).containsExactly(0, 7, 8, 1, 9);
        assertThat(spec.references())
                .extracting(SourceRef::kind, SourceRef::value)
                .containsExactly(
                        tuple(SourceRef.Kind.SOURCE, "s3"),
                        tuple(SourceRef.Kind.PATCH, "p0.patch"),
                        tuple(SourceRef.Kind.SOURCE, "s4"),
                        tuple(SourceRef.Kind.PATCH, "p7.patch"),
                        tuple(SourceRef.Kind.PATCH, "p8.patch"),
                        tuple(SourceRef.Kind.PATCH, "p1.patch"),
                        tuple(SourceRef.Kind.PATCH, "p9.patch"));
    }

    @Test
    void macroNumbersGiveANullNumberAndDoNotAdvanceTheAutonumber() {
        Spec spec = Spec.parse("""
                Source%{n}: macro.tar
                Source: zero.tar
                Patch%{?p}: p.patch
                Source99999999999: huge.tar
                Source: one.tar
                """);

        assertThat(spec.sources())
                .extracting(SourceRef::number, SourceRef::explicit, SourceRef::value)
                .containsExactly(
                        tuple(null, true, "macro.tar"),
                        tuple(0, false, "zero.tar"),
                        tuple(null, true, "huge.tar"),
                        tuple(1, false, "one.tar"));
        assertThat(spec.patches()).extracting(SourceRef::number).containsExactly((Integer) null);
    }

    @Test
    void tagsThatOnlyStartLikeSourceAreNotSources() {
        Spec spec = Spec.parse("""
                SourceLicense: MIT
                Patches: none
                NoSource: 0
                Source0: real.tar
                """);

        assertThat(spec.references()).extracting(SourceRef::value).containsExactly("real.tar");
    }

    @Test
    void fileNameIsTheLastPathPartOrTheFragment() {
        Spec spec = Spec.parse("""
                Source0: https://example.org/releases/foo-1.0.tar.gz
                Source1: https://example.org/archive/v1.0.tar.gz#/foo-1.0.tar.gz
                Source2: local.conf
                """);

        assertThat(spec.sources())
                .extracting(SourceRef::fileName)
                .containsExactly("foo-1.0.tar.gz", "foo-1.0.tar.gz", "local.conf");
    }

    @Test
    void sourcesInSubpackagesCountToo() {
        Spec spec = Spec.parse("""
                Source0: a
                %package extra
                Source: b
                %description extra
                Source: not-a-tag
                """);

        assertThat(spec.sources())
                .extracting(SourceRef::value, SourceRef::number)
                .containsExactly(tuple("a", 0), tuple("b", 1));
    }

    @Test
    void patchlistAndSourcelistEntriesAreAutonumbered() {
        Spec spec = Spec.parse("""
                Name: foo
                Patch3: tagged.patch
                Source: main.tar
                %patchlist
                first.patch

                # a comment
                second.patch
                %if 0%{?fedora}
                fedora-only.patch
                %endif
                %sourcelist
                  extra.tar  \s
                %{name}-data.tar
                """);

        assertThat(spec.patches())
                .extracting(SourceRef::number, SourceRef::explicit, SourceRef::value, SourceRef::fromList)
                .containsExactly(
                        tuple(3, true, "tagged.patch", false),
                        tuple(4, false, "first.patch", true),
                        tuple(5, false, "second.patch", true),
                        tuple(6, false, "fedora-only.patch", true));
        assertThat(spec.sources())
                .extracting(SourceRef::number, SourceRef::value, SourceRef::fromList)
                .containsExactly(
                        tuple(0, "main.tar", false), tuple(1, "extra.tar", true), tuple(2, "%{name}-data.tar", true));
        assertThat(spec.patches().get(1).element()).isEqualTo(4);
        assertThat(spec.element(4).firstLine()).isEqualTo(4);
    }

    @Test
    void nextPatchNumberIsOneAboveTheHighestTaggedPatch() {
        assertThat(SpecEditor.nextPatchNumber(Spec.parse("Name: foo\n"))).isZero();
        assertThat(SpecEditor.nextPatchNumber(Spec.parse("Patch: a\n"))).isEqualTo(1);
        assertThat(SpecEditor.nextPatchNumber(Spec.parse("Patch7: a\nPatch2: b\n")))
                .isEqualTo(8);
        assertThat(SpecEditor.nextPatchNumber(Spec.parse("Patch7: a\nPatch: b\n")))
                .isEqualTo(9);
        assertThat(SpecEditor.nextPatchNumber(Spec.parse("Patch%{n}: a\n"))).isZero();
        assertThat(SpecEditor.nextPatchNumber(Spec.parse("Patch1: a\n%patchlist\nb\nc\n")))
                .isEqualTo(2);
    }
}
