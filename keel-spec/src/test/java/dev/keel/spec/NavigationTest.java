package dev.keel.spec;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** From what the parser found to the element or section holding it. */
class NavigationTest {

    private static final Spec SPEC = Spec.parse("""
            # leading comment
            Name: foo
            %global x \\
              1
            Source0: foo.tar.gz
            %include extra.inc
            %if 1
            Patch0: a.patch
            %else
            Patch0: b.patch
            %endif
            %package devel
            Summary: headers
            %package -n python3-foo
            %changelog
            * Mon Jan 01 2024 A <a@b> - 1
            """);

    /** The 0-based first line of the element holding {@code item}. */
    private static int line(ElementItem item) {
        return item.elementIn(SPEC).firstLine();
    }

    @Test
    void everyItemLeadsToTheElementHoldingIt() {
        assertThat(SPEC.tags()).extracting(NavigationTest::line).containsExactly(1, 4, 7, 9, 12);
        assertThat(SPEC.tags().get(2).elementIn(SPEC).kind()).isEqualTo(ElementKind.TAG);
        assertThat(SPEC.macros().get(0).elementIn(SPEC).lineCount()).isEqualTo(2);
        assertThat(line(SPEC.macros().get(0))).isEqualTo(2);
        assertThat(SPEC.references()).extracting(NavigationTest::line).containsExactly(4, 7, 9);
        assertThat(line(SPEC.includes().get(0))).isEqualTo(5);
        assertThat(SPEC.block(0).branches()).extracting(NavigationTest::line).containsExactly(6, 8);
        assertThat(line(SPEC.changelog().get(0))).isEqualTo(15);
        assertThat(SPEC.changelog().get(0).elementIn(SPEC).kind()).isEqualTo(ElementKind.CHANGELOG_ENTRY);
    }

    @Test
    void aPackageLeadsToItsDefiningSection() {
        assertThat(SPEC.packages())
                .extracting(p -> p.sectionIn(SPEC).firstLine())
                .containsExactly(0, 11, 13);
        assertThat(SPEC.packages().get(2).sectionIn(SPEC).pkg()).isEqualTo(PackageRef.full("python3-foo"));
        assertThat(SPEC.packages().get(0).sectionIn(SPEC).isPreamble()).isTrue();
    }
}
