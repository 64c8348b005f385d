package dev.keel.spec.dependency;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

class DependencyTest {

    private static Dependency dep(String text) throws DependencyException {
        return DependencyParser.parse(text, 0, true).get(0);
    }

    @Test
    void versionsOverlapAsInRpm() throws Exception {
        Dependency provide = Dependency.exactly("foo", "2:1.2-3.fc45");
        assertThat(dep("foo").satisfiedBy(provide)).isTrue();
        assertThat(dep("foo >= 1:5").satisfiedBy(provide)).isTrue();
        assertThat(dep("foo >= 3:0").satisfiedBy(provide)).isFalse();
        assertThat(dep("foo = 2:1.2").satisfiedBy(provide)).isTrue();
        assertThat(dep("foo < 2:1.2-3").satisfiedBy(provide)).isFalse();
        assertThat(dep("foo <= 2:1.2-3.fc45").satisfiedBy(provide)).isTrue();
        assertThat(dep("bar").satisfiedBy(provide)).isFalse();
    }

    @Test
    void aMissingEpochIsZeroUnlessTheOtherSideHasOne() throws Exception {
        Dependency provide = Dependency.exactly("foo", "1.2-1");
        assertThat(dep("foo >= 0:1.0").satisfiedBy(provide)).isTrue();
        assertThat(dep("foo >= 1:1.0").satisfiedBy(provide)).isFalse();
        assertThat(dep("foo >= 1.0~rc1").satisfiedBy(Dependency.exactly("foo", "1.0-1")))
                .isTrue();
        assertThat(dep("foo >= 1.0").satisfiedBy(Dependency.exactly("foo", "1.0~rc1-1")))
                .isFalse();
    }

    @Test
    void anUnversionedProvideSatisfiesAnyVersion() throws Exception {
        assertThat(dep("pkgconfig(zlib) >= 1.2").satisfiedBy(Dependency.of("pkgconfig(zlib)")))
                .isTrue();
    }

    @Test
    void sortsAsRpmspecPrints() throws Exception {
        TreeSet<Dependency> sorted = new TreeSet<>(Dependency.RPM_ORDER);
        for (String text :
                List.of("zed", "foo >= 1.0", "foo = 1.0", "Zed", "(a or b)", "/usr/bin/x", "foo", "foo < 2", "_u")) {
            sorted.add(dep(text));
        }
        sorted.add(dep("foo"));
        assertThat(sorted.stream().map(Dependency::toString))
                .containsExactly(
                        "(a or b)", "/usr/bin/x", "Zed", "_u", "foo", "foo = 1.0", "foo >= 1.0", "foo < 2", "zed");
    }
}
