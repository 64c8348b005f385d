package dev.keel.audit.attest;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Text from an attestation reaches a report without control characters and bounded. */
class UntrustedTextTest {

    @Test
    void plainTextIsShownAsItIs() {
        assertThat(UntrustedText.printable("specs/c/curl/curl.spec é")).isEqualTo("specs/c/curl/curl.spec é");
    }

    @Test
    void controlCharactersAreShownAsQuestionMarks() {
        assertThat(UntrustedText.printable("a\u001b[2Jb\nc\td\u0085e")).isEqualTo("a?[2Jb?c?d?e");
    }

    @Test
    void longTextIsCutAfterTheLongestShown() {
        String exactly = "x".repeat(UntrustedText.LONGEST);
        assertThat(UntrustedText.printable(exactly)).isEqualTo(exactly);
        assertThat(UntrustedText.printable(exactly + "yz")).isEqualTo(exactly + "...");
    }

    @Test
    void aCharacterOutsideTheBmpIsNeverCutInHalf() {
        String emoji = "\uD83D\uDE00";
        String text = "x".repeat(UntrustedText.LONGEST - 1) + emoji + emoji;

        assertThat(UntrustedText.printable(text)).isEqualTo("x".repeat(UntrustedText.LONGEST - 1) + emoji + "...");
        assertThat(UntrustedText.printable(emoji.repeat(3))).isEqualTo(emoji.repeat(3));
    }
}
