package dev.keel.build.koji.xmlrpc;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class KojiFaultsTest {

    @Test
    void describesKojisFaultCodes() {
        assertThat(KojiFaults.describe(1002)).isEqualTo("AuthError: the hub refused the login or the session");
        assertThat(KojiFaults.describe(1000)).startsWith("GenericError: ");
        assertThat(KojiFaults.describe(1023)).startsWith("GSSAPIAuthError: ");
        assertThat(IntStream.rangeClosed(1000, 1023).mapToObj(KojiFaults::describe))
                .allSatisfy(text -> assertThat(text).matches("[A-Za-z]+: [^:]+"));
    }

    @Test
    void unknownCodesSaySo() {
        assertThat(KojiFaults.describe(1024)).isEqualTo("fault 1024: not a fault code Koji defines");
        assertThat(KojiFaults.describe(-1)).isEqualTo("fault -1: not a fault code Koji defines");
    }

    @Test
    void onlyServerOfflineIsRetryable() {
        assertThat(KojiFaults.retryable(1014)).isTrue();
        assertThat(IntStream.rangeClosed(0, 2000).filter(KojiFaults::retryable)).containsExactly(1014);
    }
}
