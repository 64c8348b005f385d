package dev.keel.build.koji;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.keel.core.outcome.Failure;
import dev.keel.core.outcome.FailureException;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Koji's client configuration read as koji reads it, and the inputs it must refuse. */
class KojiConfigTest {

    @TempDir
    Path root;

    private Path home;
    private Path etc;

    @BeforeEach
    void directories() throws IOException {
        home = Files.createDirectories(root.resolve("home/user"));
        etc = Files.createDirectories(root.resolve("etc"));
    }

    @Test
    void unsetKeysTakeKojisDefaults() throws Exception {
        write(etc.resolve("koji.conf"), "[koji]\nserver = https://koji.example.org/kojihub\n");
        KojiProfile profile = load("koji");
        assertThat(profile.name()).isEqualTo("koji");
        assertThat(profile.server()).isEqualTo(URI.create("https://koji.example.org/kojihub"));
        assertThat(profile.weburl()).isEqualTo("http://localhost/koji");
        assertThat(profile.topurl()).isEmpty();
        assertThat(profile.authtype()).isEmpty();
        assertThat(profile.cert()).isEmpty();
        assertThat(profile.serverca()).isEmpty();
        assertThat(profile.noSslVerify()).isFalse();
        assertThat(profile.maxRetries()).isEqualTo(30);
        assertThat(profile.retryInterval()).isEqualTo(Duration.ofSeconds(20));
        assertThat(profile.timeout()).isEqualTo(Duration.ofHours(12));
        assertThat(profile.authTimeout()).isEqualTo(Duration.ofSeconds(60));
        assertThat(profile.pollInterval()).isEqualTo(Duration.ofSeconds(6));
        assertThat(profile.files()).containsExactly(etc.resolve("koji.conf"));
        assertThat(profile.locate("server").line()).isEqualTo(2);
    }

    @Test
    void aSectionWithoutServerGetsKojisDefaultServer() throws Exception {
        write(etc.resolve("koji.conf"), "[koji]\nweburl = https://koji.example.org/koji\n");
        assertThat(load("koji").server()).isEqualTo(URI.create("http://localhost/kojihub"));
    }

    @Test
    void laterFilesOverrideEarlierOnesKeyByKeyInKojisOrder() throws Exception {
        write(etc.resolve("koji.conf.d/b.conf"), "[koji]\nserver = https://b/\nweburl = https://web-b/\n");
        write(etc.resolve("koji.conf.d/a.conf"), "[koji]\nserver = https://a/\ntopurl = https://top-a/\n");
        write(etc.resolve("koji.conf.d/ignored.txt"), "[koji]\nserver = https://ignored/\n");
        write(etc.resolve("koji.conf"), "[koji]\nserver = https://etc/\nmax_retries = 3\n");
        write(home.resolve(".koji/config.d/u.conf"), "[koji]\nserver = https://user-d/\npoll_interval = 9\n");
        write(home.resolve(".koji/config"), "[koji]\nserver = https://user/\n");
        KojiProfile profile = load("koji");
        assertThat(profile.files())
                .containsExactly(
                        etc.resolve("koji.conf.d/a.conf"),
                        etc.resolve("koji.conf.d/b.conf"),
                        etc.resolve("koji.conf"),
                        home.resolve(".koji/config.d/u.conf"),
                        home.resolve(".koji/config"));
        assertThat(profile.server()).isEqualTo(URI.create("https://user/"));
        assertThat(profile.weburl()).isEqualTo("https://web-b/");
        assertThat(profile.topurl()).contains("https://top-a/");
        assertThat(profile.maxRetries()).isEqualTo(3);
        assertThat(profile.pollInterval()).isEqualTo(Duration.ofSeconds(9));
        assertThat(profile.locate("server").file()).isEqualTo(home.resolve(".koji/config"));
    }

    @Test
    void aGivenConfigFileReplacesTheUsersFilesButNotTheSystemOnes() throws Exception {
        write(etc.resolve("koji.conf"), "[koji]\nserver = https://etc/\nweburl = https://web-etc/\n");
        write(home.resolve(".koji/config"), "[koji]\nserver = https://user/\n");
        write(root.resolve("given.conf"), "[koji]\nserver = https://given/\n");
        KojiProfile profile = KojiConfig.load(Optional.of(root.resolve("given.conf")), "koji", home, etc);
        assertThat(profile.server()).isEqualTo(URI.create("https://given/"));
        assertThat(profile.weburl()).isEqualTo("https://web-etc/");
        assertThat(profile.files()).containsExactly(etc.resolve("koji.conf"), root.resolve("given.conf"));
    }

    @Test
    void aGivenConfigFileMustExist() {
        Failure failure = failure(() -> KojiConfig.load(Optional.of(root.resolve("missing.conf")), "koji", home, etc));
        assertThat(failure.message()).isEqualTo("Koji configuration file not found");
        assertThat(failure.location().file()).isEqualTo(root.resolve("missing.conf"));
        assertThat(failure.hint()).contains("--koji-config");
    }

    @Test
    void aGivenConfigDirectoryMustHoldConfFiles() throws Exception {
        write(root.resolve("given/readme.txt"), "[koji]\n");
        Failure failure = failure(() -> KojiConfig.load(Optional.of(root.resolve("given")), "koji", home, etc));
        assertThat(failure.message()).isEqualTo("no *.conf file in the Koji configuration directory");
    }

    @Test
    void aGivenConfigPathExpandsTilde() throws Exception {
        write(home.resolve("my-koji.conf"), "[koji]\nserver = https://mine/\n");
        KojiProfile profile = KojiConfig.load(Optional.of(Path.of("~/my-koji.conf")), "koji", home, etc);
        assertThat(profile.server()).isEqualTo(URI.create("https://mine/"));
    }

    @Test
    void anUnknownProfileNamesTheFilesAndTheProfiles() throws Exception {
        write(etc.resolve("koji.conf"), "[koji]\nserver = https://a/\n[DEFAULT]\ntimeout = 5\n");
        write(home.resolve(".koji/config"), "[stg]\nserver = https://stg/\n");
        Failure failure = failure(() -> load("foo"));
        assertThat(failure.kind()).isEqualTo(Failure.Kind.CONFIGURATION);
        assertThat(failure.message())
                .isEqualTo("no profile 'foo' in " + etc.resolve("koji.conf") + ", " + home.resolve(".koji/config")
                        + " (profiles: koji, stg)");
        assertThat(failure.hint()).isNotEmpty();
        assertThat(failure(() -> load("DEFAULT")).message()).startsWith("no profile 'DEFAULT'");
    }

    @Test
    void noConfigurationAtAllSaysWhereKeelLooked() {
        Failure failure = failure(() -> load("koji"));
        assertThat(failure.message())
                .startsWith("no Koji configuration: none of ")
                .contains(
                        etc.resolve("koji.conf").toString(),
                        home.resolve(".koji/config").toString());
        assertThat(failure.hint()).contains("--koji-config");
    }

    @Test
    void readsPythonConfigparserSyntax() throws Exception {
        write(etc.resolve("koji.conf"), """
                \uFEFF# a comment
                ; another comment
                [DEFAULT]
                host = koji.example.org

                [koji]
                Server: https://%(host)s/kojihub
                weburl = https://%(HOST)s/koji # not a comment
                topurl = https://%(host)s/files/100%%
                authtype = ssl
                    ; a comment inside a value is dropped
                  kerberos

                timeout=10
                """);
        KojiProfile profile = load("koji");
        assertThat(profile.server()).isEqualTo(URI.create("https://koji.example.org/kojihub"));
        assertThat(profile.weburl()).isEqualTo("https://koji.example.org/koji # not a comment");
        assertThat(profile.topurl()).contains("https://koji.example.org/files/100%");
        assertThat(profile.authtype()).contains("ssl\nkerberos");
        assertThat(profile.timeout()).isEqualTo(Duration.ofSeconds(10));
        assertThat(profile.locate("server").line()).isEqualTo(7);
    }

    @Test
    void crLineEndingsCountLines() throws Exception {
        write(etc.resolve("koji.conf"), "[koji]\r\nserver = https://a/\r\nmax_retries = x\r\n");
        assertThat(failure(() -> load("koji")).location().line()).isEqualTo(3);
    }

    @Test
    void aLonePercentIsAnErrorAtItsKey() throws Exception {
        write(etc.resolve("koji.conf"), "[koji]\nserver = https://a/\ntopurl = https://a/%20x\n");
        Failure failure = failure(() -> load("koji"));
        assertThat(failure.message()).contains("'topurl'", "'%'");
        assertThat(failure.location().line()).isEqualTo(3);
        assertThat(failure.hint()).contains("%%");
    }

    @Test
    void aReferenceToAnUnsetKeyIsAnError() throws Exception {
        write(etc.resolve("koji.conf"), "[koji]\nserver = https://%(hub)s/\n");
        Failure failure = failure(() -> load("koji"));
        assertThat(failure.message()).isEqualTo("the value of 'server' refers to 'hub', which is not set");
        assertThat(failure.location().line()).isEqualTo(2);
    }

    @Test
    void aReferenceCycleStops() throws Exception {
        write(etc.resolve("koji.conf"), "[koji]\na = %(b)s\nb = %(a)s\n");
        assertThat(failure(() -> load("koji")).message()).contains("more than 10 deep");
    }

    @Test
    void aKeyTwiceInOneFileIsAnError() throws Exception {
        write(etc.resolve("koji.conf"), "[koji]\nserver = https://a/\nSERVER = https://b/\n");
        Failure failure = failure(() -> load("koji"));
        assertThat(failure.message()).isEqualTo("key 'server' is set twice in section [koji] (first at line 2)");
        assertThat(failure.location().line()).isEqualTo(3);
    }

    @Test
    void aSectionTwiceInOneFileIsAnErrorButNotAcrossFiles() throws Exception {
        write(etc.resolve("koji.conf"), "[koji]\nserver = https://a/\n[koji]\nweburl = https://b/\n");
        Failure failure = failure(() -> load("koji"));
        assertThat(failure.message()).isEqualTo("section [koji] appears twice in one file (first at line 1)");
        assertThat(failure.location().line()).isEqualTo(3);

        write(etc.resolve("koji.conf"), "[koji]\nserver = https://a/\n");
        write(home.resolve(".koji/config"), "[koji]\nweburl = https://b/\n");
        KojiProfile profile = load("koji");
        assertThat(profile.server()).isEqualTo(URI.create("https://a/"));
        assertThat(profile.weburl()).isEqualTo("https://b/");
    }

    @Test
    void aKeyBeforeAnySectionIsAnError() throws Exception {
        write(etc.resolve("koji.conf"), "\nserver = https://a/\n[koji]\n");
        Failure failure = failure(() -> load("koji"));
        assertThat(failure.message()).isEqualTo("a key before the first [section]");
        assertThat(failure.location().line()).isEqualTo(2);
    }

    @Test
    void aLineWithoutSeparatorIsAnError() throws Exception {
        write(etc.resolve("koji.conf"), "[koji]\nserver koji.example.org\n");
        Failure failure = failure(() -> load("koji"));
        assertThat(failure.message()).startsWith("line is neither");
        assertThat(failure.location().toString()).isEqualTo(etc.resolve("koji.conf") + ":2:1");
    }

    @Test
    void aKeySplitsAtTheFirstColonAsInPython() throws Exception {
        write(etc.resolve("koji.conf"), "[koji]\nserver https://a/\n");
        KojiProfile profile = load("koji");
        assertThat(profile.server()).isEqualTo(URI.create("http://localhost/kojihub"));
        assertThat(profile.locations()).containsKey("server https");
    }

    @Test
    void badValuesAreErrorsAtTheirKey() throws Exception {
        write(etc.resolve("koji.conf"), "[koji]\nserver = ftp://a/\n");
        assertThat(failure(() -> load("koji")).message()).isEqualTo("server must be an http or https URL");
        write(etc.resolve("koji.conf"), "[koji]\nserver = https://a/\ntimeout = 1h\n");
        Failure timeout = failure(() -> load("koji"));
        assertThat(timeout.message()).isEqualTo("timeout must be a whole number, 0 or more");
        assertThat(timeout.location().line()).isEqualTo(3);
        write(etc.resolve("koji.conf"), "[koji]\nserver = https://a/\nno_ssl_verify = maybe\n");
        assertThat(failure(() -> load("koji")).message()).isEqualTo("no_ssl_verify must be a boolean");
        write(etc.resolve("koji.conf"), "[koji]\nserver = https://a/\nupload_blocksize = -1\n");
        assertThat(failure(() -> load("koji")).message()).startsWith("upload_blocksize must be");
    }

    @Test
    void booleansTakeConfigparsersWords() throws Exception {
        write(etc.resolve("koji.conf"), "[koji]\nno_ssl_verify = On\n[stg]\nno_ssl_verify = 0\n");
        assertThat(load("koji").noSslVerify()).isTrue();
        assertThat(load("stg").noSslVerify()).isFalse();
    }

    @Test
    void certificatePathsExpandTildeAndFallBackToKojisDefaultFiles() throws Exception {
        write(etc.resolve("koji.conf"), """
                [koji]
                cert = ~/certs/me.pem
                serverca = /etc/pki/koji-ca.pem
                [defaults]
                server = https://a/
                [empty]
                cert =
                """);
        KojiProfile profile = load("koji");
        assertThat(profile.cert()).contains(home.resolve("certs/me.pem"));
        assertThat(profile.serverca()).contains(Path.of("/etc/pki/koji-ca.pem"));

        assertThat(load("defaults").cert()).isEmpty();
        write(home.resolve(".koji/client.crt"), "x");
        write(home.resolve(".koji/serverca.crt"), "x");
        assertThat(load("defaults").cert()).contains(home.resolve(".koji/client.crt"));
        assertThat(load("defaults").serverca()).contains(home.resolve(".koji/serverca.crt"));
        assertThat(load("empty").cert()).isEmpty();
    }

    @Test
    void tildeOfAnotherUserIsAnError() throws Exception {
        write(etc.resolve("koji.conf"), "[koji]\ncert = ~root/x.pem\n");
        Failure failure = failure(() -> load("koji"));
        assertThat(failure.message()).contains("~user");
        assertThat(failure.location().line()).isEqualTo(2);
    }

    @Test
    void aHugeFileIsRefusedUnread() throws Exception {
        write(etc.resolve("koji.conf"), "[koji]\n" + "; padding\n".repeat(IniFile.MAX_BYTES / 10 + 1));
        Failure failure = failure(() -> load("koji"));
        assertThat(failure.message()).isEqualTo("Koji configuration file is larger than 1024 KiB");
        assertThat(failure.location().file()).isEqualTo(etc.resolve("koji.conf"));
    }

    @Test
    void binaryJunkIsAnErrorAtItsLine() throws Exception {
        Files.write(etc.resolve("koji.conf"), new byte[] {'[', 'k', ']', '\n', 'a', '=', '1', '\n', (byte) 0xff, 0, 3});
        Failure failure = failure(() -> load("k"));
        assertThat(failure.message()).isEqualTo("Koji configuration file is not UTF-8 text");
        assertThat(failure.location().line()).isEqualTo(3);

        Files.write(etc.resolve("koji.conf"), new byte[] {'[', 'k', ']', '\n', 0, 1, 2, '\n'});
        assertThat(failure(() -> load("k")).location().line()).isEqualTo(2);
    }

    @Test
    void linksThatLeadNowhereInConfDAreSkippedAsKojiSkipsThem() throws Exception {
        Path confD = Files.createDirectories(etc.resolve("koji.conf.d"));
        Files.createSymbolicLink(confD.resolve("loop.conf"), confD.resolve("loop.conf"));
        Files.createSymbolicLink(confD.resolve("a.conf"), confD.resolve("b.conf"));
        Files.createSymbolicLink(confD.resolve("b.conf"), confD.resolve("a.conf"));
        Files.createSymbolicLink(confD.resolve("dangling.conf"), root.resolve("nowhere"));
        Files.createDirectories(confD.resolve("dir.conf"));
        write(root.resolve("real.conf"), "[koji]\nserver = https://linked/\n");
        Files.createSymbolicLink(confD.resolve("linked.conf"), root.resolve("real.conf"));
        KojiProfile profile = load("koji");
        assertThat(profile.server()).isEqualTo(URI.create("https://linked/"));
        assertThat(profile.files()).containsExactly(confD.resolve("linked.conf"));
    }

    @Test
    void anUnreadableFileIsAnErrorNotSkipped() throws Exception {
        Path file = write(etc.resolve("koji.conf"), "[koji]\nserver = https://a/\n");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("---------"));
        assumeTrue(!Files.isReadable(file), "running as a user who reads any file (root); skipping");
        Failure failure = failure(() -> load("koji"));
        assertThat(failure.message()).isEqualTo("cannot read Koji configuration file");
        assertThat(failure.location().file()).isEqualTo(file);
    }

    private KojiProfile load(String profile) throws FailureException {
        return KojiConfig.load(Optional.empty(), profile, home, etc);
    }

    private static Failure failure(org.assertj.core.api.ThrowableAssert.ThrowingCallable call) {
        FailureException thrown = catchThrowableOfType(FailureException.class, call);
        assertThat(thrown).as("a failure").isNotNull();
        return thrown.failure();
    }

    private static Path write(Path file, String text) throws IOException {
        Files.createDirectories(file.getParent());
        return Files.writeString(file, text, StandardCharsets.UTF_8);
    }
}
