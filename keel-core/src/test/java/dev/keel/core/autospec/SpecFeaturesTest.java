package dev.keel.core.autospec;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** What rpmautospec_core's check_specfile_features finds, and so what process-distgit does. */
class SpecFeaturesTest {

    @Test
    void autoreleaseCountsInAnyFormBeforeTheChangelogOnly() {
        assertThat(SpecFeatures.usesAutorelease("Release: %autorelease\n")).isTrue();
        assertThat(SpecFeatures.usesAutorelease("Release: %{autorelease -b 2}%{?dist}\n"))
                .isTrue();
        assertThat(SpecFeatures.usesAutorelease("Release: %{?autorelease}%{!?autorelease:1%{?dist}}\n"))
                .isTrue();
        assertThat(SpecFeatures.usesAutorelease("%global baserelease %autorelease\nRelease: %baserelease\n"))
                .as("only inside a macro")
                .isTrue();
        assertThat(SpecFeatures.usesAutorelease("Release: 1\n%changelog\n- Convert to %autorelease\n"))
                .as("only after %changelog")
                .isFalse();
        assertThat(SpecFeatures.usesAutorelease("Release: %autoreleasex\n%{autorelease"))
                .isFalse();
    }

    @Test
    void theFirstChangelogAndAutochangelogLinesAreFound() {
        SpecFeatures features = SpecFeatures.of("Name: x\n%Changelog\n# kept?\n  %{autochangelog} trailing\n");
        assertThat(features).isEqualTo(new SpecFeatures(false, 2, 4, false)).matches(SpecFeatures::needsProcessing);
        assertThat(SpecFeatures.of(" %changelog\n").changelogLine())
                .as("must start the line")
                .isZero();
    }

    @Test
    void everyLineEndingCountsWhenNumberingLines() {
        assertThat(SpecFeatures.of("a\r\nb\rc\n%changelog\r\n%autochangelog"))
                .isEqualTo(new SpecFeatures(false, 4, 5, false));
    }

    @Test
    void aSpecWithAStaticChangelogAndReleaseIsLeftAlone() {
        assertThat(SpecFeatures.of("Release: 1%{?dist}\n%changelog\n* entry\n").needsProcessing())
                .isFalse();
    }

    @Test
    void aSpecWithoutAnyChangelogNeedsOne() {
        SpecFeatures features = SpecFeatures.of("Release: 1%{?dist}\n");
        assertThat(features.needsAutochangelog()).isTrue();
        assertThat(features.needsProcessing()).isTrue();
    }

    @Test
    void aProcessedSpecIsNeverProcessedAgain() {
        assertThat(SpecFeatures.of(
                                "%define autorelease(e:s:pb:n) 1\nRelease: %autorelease\n%changelog\n%autochangelog\n")
                        .needsProcessing())
                .isFalse();
    }
}
