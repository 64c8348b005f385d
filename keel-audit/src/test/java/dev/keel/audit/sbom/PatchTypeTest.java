package dev.keel.audit.sbom;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keel.core.config.model.OverlayCategory;
import dev.keel.core.config.model.OverlayMetadata;
import dev.keel.core.config.model.UpstreamStatus;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PatchTypeTest {

    private static Optional<OverlayMetadata> metadata(OverlayCategory category, UpstreamStatus status) {
        return Optional.of(new OverlayMetadata(category, status, List.of(), List.of()));
    }

    @Test
    void upstreamChangesAreBackports() {
        assertThat(PatchType.of(metadata(OverlayCategory.UPSTREAM_BACKPORT, UpstreamStatus.UPSTREAMED)))
                .isEqualTo(PatchType.BACKPORT);
        assertThat(PatchType.of(metadata(OverlayCategory.AZL_TEMP_WORKAROUND, UpstreamStatus.UPSTREAMED)))
                .isEqualTo(PatchType.BACKPORT);
    }

    @Test
    void theDistrosOwnChangesAreUnofficial() {
        assertThat(PatchType.of(metadata(OverlayCategory.AZL_BRANDING_POLICY, UpstreamStatus.INAPPLICABLE)))
                .isEqualTo(PatchType.UNOFFICIAL);
        assertThat(PatchType.of(metadata(OverlayCategory.AZL_COMPATIBILITY, UpstreamStatus.UPSTREAMABLE)))
                .isEqualTo(PatchType.UNOFFICIAL);
        assertThat(PatchType.of(Optional.empty())).isEqualTo(PatchType.UNOFFICIAL);
        assertThat(PatchType.UNOFFICIAL.key()).isEqualTo("unofficial");
    }
}
