package dev.keel.core.source;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Userinfo is split off every URL form and redacted from any text. */
class RemoteTest {

    @Test
    void userAndPasswordAreSplitOffAndShownAsStars() {
        Remote remote = Remote.of("https://user:pass@src.example.org/rpms/$pkg.git");
        assertThat(remote.address()).isEqualTo("https://src.example.org/rpms/$pkg.git");
        assertThat(remote).hasToString("https://***@src.example.org/rpms/$pkg.git");
        assertThat(remote.credentials()).contains(new Remote.Credentials("user", "pass"));
        assertThat(remote.credentials().orElseThrow()).hasToString("***");
    }

    @Test
    void everySchemeAndUserinfoFormIsHandled() {
        assertThat(Remote.of("git+https://u:p@host/x").address()).isEqualTo("git+https://host/x");
        assertThat(Remote.of("ssh://builder@host:2222/x.git").credentials())
                .contains(new Remote.Credentials("builder", ""));
        assertThat(Remote.of("https://us%40er:p%3Ass%2B+@host/").credentials())
                .contains(new Remote.Credentials("us@er", "p:ss++"));
        Remote at = Remote.of("https://user:p@ss@host/path@v1");
        assertThat(at.address()).isEqualTo("https://host/path@v1");
        assertThat(at.credentials()).contains(new Remote.Credentials("user", "p@ss"));
    }

    @Test
    void aUrlWithoutUserinfoIsUnchanged() {
        Remote remote = Remote.of("https://host/a@b?x=y@z#f@g");
        assertThat(remote.address()).isEqualTo("https://host/a@b?x=y@z#f@g");
        assertThat(remote).hasToString(remote.address());
        assertThat(remote.credentials()).isEmpty();
        assertThat(Remote.of("git@github.com:owner/repo.git").address()).isEqualTo("git@github.com:owner/repo.git");
    }

    @Test
    void anyTextIsRedacted() {
        assertThat(Remote.redact("cannot fetch https://a:b@x/y.git and ssh://c@d/e; see git://f/g"))
                .isEqualTo("cannot fetch https://***@x/y.git and ssh://***@d/e; see git://f/g");
        assertThat(Remote.redact(null)).isNull();
    }
}
