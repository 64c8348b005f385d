package dev.keel.build.graph;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keel.spec.dependency.DependencyParser;
import java.util.List;
import org.junit.jupiter.api.Test;

class ResolverTest {

    /** python provides python3 3.14 and /usr/bin/python3; setuptools and wheel each a package; two JDKs. */
    private static final Resolver RESOLVER = new Resolver(new ProviderIndex(List.of(
            Specs.facts("python", Specs.spec("python", "Provides: python3 = 3.14", "%{_bindir}/python3")),
            Specs.facts("python-setuptools", Specs.spec("python-setuptools", "Provides: python3-setuptools = 80", "")),
            Specs.facts("python-wheel", Specs.spec("python-wheel", "Provides: python3-wheel = 0.45", "")),
            Specs.facts("jdk-a", Specs.spec("jdk-a", "Provides: java-devel = 1:25", "")),
            Specs.facts("jdk-b", Specs.spec("jdk-b", "Provides: java-devel = 1:21", "")),
            Specs.facts("java-devel", Specs.spec("java-devel", "", "")),
            Specs.facts("tool", Specs.spec("tool", "Provides: tool-compat", "")))));

    private static Resolver.Resolution resolve(String requirement) throws Exception {
        return RESOLVER.resolve(
                "me", DependencyParser.parse(requirement, 0, true).get(0));
    }

    @Test
    void namesProvidesAndFilesResolveWithVersionsCheckedAsRpmDoes() throws Exception {
        assertThat(resolve("python").components()).containsExactly("python");
        assertThat(resolve("python3 >= 3.12").components()).containsExactly("python");
        assertThat(resolve("python3 >= 3.15").satisfied()).isFalse();
        assertThat(resolve("/usr/bin/python3").components()).containsExactly("python");
        assertThat(resolve("python(x86-64) = 1.0-1.azl4").components()).containsExactly("python");
        assertThat(resolve("nothing").satisfied()).isFalse();
    }

    @Test
    void aPackageOfTheRequiredNameWinsOverOtherProvidersElseAllProvide() throws Exception {
        assertThat(resolve("java-devel").components()).containsExactly("java-devel");
        assertThat(resolve("java-devel >= 1:21").components()).containsExactly("jdk-a", "jdk-b");
        assertThat(resolve("java-devel >= 1:25").components()).containsExactly("jdk-a");
    }

    @Test
    void aComponentNeedsItselfOnlyWhenNothingElseProvides() throws Exception {
        Resolver resolver = new Resolver(new ProviderIndex(List.of(
                Specs.facts("a", Specs.spec("a", "Provides: thing", "")),
                Specs.facts("b", Specs.spec("b", "Provides: thing\nProvides: only-b", "")))));
        assertThat(resolver.resolve(
                                "b", DependencyParser.parse("thing", 0, true).get(0))
                        .components())
                .containsExactly("a");
        assertThat(resolver.resolve(
                                "b", DependencyParser.parse("only-b", 0, true).get(0))
                        .components())
                .containsExactly("b");
    }

    @Test
    void orTakesTheFirstAlternativeSomethingProvidesAndNeedsAll() throws Exception {
        assertThat(resolve("(python2 or python3 or tool)").components()).containsExactly("python");
        assertThat(resolve("(python2 or ruby)").satisfied()).isFalse();
        assertThat(resolve("(python3 and tool)").components()).containsExactly("python", "tool");
        assertThat(resolve("(python3 and ruby)").satisfied()).isFalse();
    }

    @Test
    void conditionsHoldWhenTheDistroSatisfiesThem() throws Exception {
        assertThat(resolve("(python3-setuptools if python3 >= 3.12)").components())
                .containsExactly("python-setuptools");
        assertThat(resolve("(python3-wheel if python3-setuptools < 71)").satisfied())
                .isTrue();
        assertThat(resolve("(python3-wheel if python3-setuptools < 71)").components())
                .isEmpty();
        assertThat(resolve("(python3-wheel if python3-setuptools < 71 else tool)")
                        .components())
                .containsExactly("tool");
        assertThat(resolve("(python3-wheel unless python3-setuptools < 71)").components())
                .containsExactly("python-wheel");
        assertThat(resolve("(ruby if python3)").satisfied()).isFalse();
    }

    @Test
    void withAndWithoutNeedOnePackage() throws Exception {
        assertThat(resolve("(java-devel >= 1:21 with java-devel < 1:25)").components())
                .containsExactly("jdk-b");
        assertThat(resolve("(java-devel >= 1:26 with java-devel < 1:30)").satisfied())
                .isFalse();
        assertThat(resolve("(java-devel without java-devel >= 1:25)").components())
                .containsExactly("java-devel", "jdk-b");
        assertThat(resolve("((java-devel) with (python3))").components()).containsExactly("java-devel", "python");
    }
}
