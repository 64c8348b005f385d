package dev.keel.core.overlay;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keel.spec.Spec;
import org.junit.jupiter.api.Test;

class CheckSkipTest {

    @Test
    void prependsTheSkipToEveryCheckSection() {
        Spec spec = Spec.parse("Name: x\n%check\nmake test\n%if %{with extra}\n%check\nmake extra\n%endif\n");
        CheckSkip.Result result = CheckSkip.apply(spec, "needs network");
        assertThat(result.warning()).isEmpty();
        assertThat(result.spec().text()).isEqualTo("""
                Name: x
                %check
                # Check section disabled: needs network
                exit 0

                make test
                %if %{with extra}
                %check
                # Check section disabled: needs network
                exit 0

                make extra
                %endif
                """);
    }

    @Test
    void aSpecWithoutCheckIsLeftAloneWithAWarning() {
        Spec spec = Spec.parse("Name: x\n%build\nmake\n");
        CheckSkip.Result result = CheckSkip.apply(spec, "whatever");
        assertThat(result.spec()).isSameAs(spec);
        assertThat(result.warning()).hasValueSatisfying(w -> assertThat(w).contains("no %check"));
    }
}
