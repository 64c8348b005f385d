package dev.keel.core.autospec;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** rpmautospec's magic comments (magic_comments.py). */
class MagicCommentsTest {

    @Test
    void aBracketedLineHoldsCommaSeparatedComments() {
        assertThat(MagicComments.of("Rebuild\n\n [ skip  changelog , bump release: 7 ] "))
                .isEqualTo(new MagicComments(true, 7));
        assertThat(MagicComments.of("x\n[bump release 3]\n[bump release: 2]")).isEqualTo(new MagicComments(false, 3));
    }

    @Test
    void onlyAWholeBracketedLineCounts() {
        assertThat(MagicComments.of("Mention [skip changelog] in passing")).isEqualTo(new MagicComments(false, 0));
        assertThat(MagicComments.of("[skip changelog] and more")).isEqualTo(new MagicComments(false, 0));
        assertThat(MagicComments.of("[release bump: 3]")).isEqualTo(new MagicComments(false, 0));
    }

    @Test
    void aPartOnlyHasToStartWithTheComment() {
        assertThat(MagicComments.of("[skip changelog please]")).isEqualTo(new MagicComments(true, 0));
        assertThat(MagicComments.of("[bump release: 12 now]\r")).isEqualTo(new MagicComments(false, 12));
    }

    @Test
    void digitsOfAnyScriptCountAndAHugeBumpIsCapped() {
        assertThat(MagicComments.of("[bump release: \u0663]")).isEqualTo(new MagicComments(false, 3));
        assertThat(MagicComments.of("[bump release: 99999999999999999999]").bumpRelease())
                .isEqualTo(Integer.MAX_VALUE);
    }
}
