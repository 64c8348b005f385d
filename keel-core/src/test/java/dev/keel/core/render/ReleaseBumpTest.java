package dev.keel.core.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.keel.core.config.model.ReleaseCalculation;
import dev.keel.spec.Spec;
import org.junit.jupiter.api.Test;

class ReleaseBumpTest {

    private static Spec spec(String release) {
        return Spec.parse("Name: x\nVersion: 1\nRelease: " + release + "\n%package devel\nRelease: 9\n");
    }

    @Test
    void staticReleasesRiseByTheNumberOfChanges() throws Exception {
        assertThat(ReleaseBump.value(spec("3%{?dist}"), ReleaseCalculation.AUTO, 2))
                .contains("5%{?dist}");
        assertThat(ReleaseBump.value(spec("7"), ReleaseCalculation.STATIC, 1)).contains("8");
        assertThat(ReleaseBump.value(spec("1%{dist}"), null, 1)).contains("2%{dist}");
    }

    @Test
    void nothingIsBumpedWithoutChangesOrUnderManualOrAutorelease() throws Exception {
        assertThat(ReleaseBump.value(spec("3%{?dist}"), ReleaseCalculation.AUTO, 0))
                .isEmpty();
        assertThat(ReleaseBump.value(spec("3%{?dist}"), ReleaseCalculation.MANUAL, 4))
                .isEmpty();
        assertThat(ReleaseBump.value(spec("%autorelease"), ReleaseCalculation.AUTORELEASE, 4))
                .isEmpty();
        assertThat(ReleaseBump.value(spec("%{autorelease -b 2}"), ReleaseCalculation.AUTO, 4))
                .isEmpty();
    }

    @Test
    void impossibleBumpsAreClearErrors() {
        assertThatThrownBy(() -> ReleaseBump.value(spec("%autorelease"), ReleaseCalculation.STATIC, 1))
                .isInstanceOf(RenderException.class)
                .hasMessageContaining("static");
        assertThatThrownBy(() -> ReleaseBump.value(spec("0.1.rc1%{?dist}"), ReleaseCalculation.AUTO, 1))
                .isInstanceOf(RenderException.class)
                .hasMessageContaining("0.1.rc1%{?dist}")
                .extracting(e -> ((RenderException) e).failure().hint())
                .asString()
                .contains("manual");
        assertThatThrownBy(() -> ReleaseBump.value(Spec.parse("Name: x\n"), ReleaseCalculation.AUTO, 1))
                .hasMessageContaining("no Release");
    }
}
