package dev.keel.core.source;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.nio.file.AccessDeniedException;
import org.eclipse.jgit.errors.NoRemoteRepositoryException;
import org.eclipse.jgit.errors.TransportException;
import org.eclipse.jgit.transport.URIish;
import org.junit.jupiter.api.Test;

/** Fetch failures in Keel's words: no Java class names, no secrets. */
class FetchFailuresTest {

    private static final Remote PLAIN = Remote.of("https://src.example.org/rpms/hello.git");
    private static final Remote WITH_SECRET = Remote.of("https://u:s3cret@src.example.org/rpms/hello.git");

    @Test
    void classNamesAndUserinfoAreRemovedFromLibraryMessages() {
        assertThat(FetchFailures.plain("PKIX path building failed: sun.security.provider.certpath"
                        + ".SunCertPathBuilderException: unable to find valid certification path"))
                .isEqualTo("PKIX path building failed: unable to find valid certification path");
        assertThat(FetchFailures.plain("java.io.EOFException: EOF reached while reading"))
                .isEqualTo("EOF reached while reading");
        assertThat(FetchFailures.plain("redirected to https://u:p@mirror/x"))
                .isEqualTo("redirected to https://***@mirror/x");
    }

    @Test
    void knownCausesGetKeelsWords() throws Exception {
        URIish uri = new URIish(PLAIN.address());
        assertThat(FetchFailures.reason(
                        new TransportException(uri, "x", new NoRemoteRepositoryException(uri, "nf")), PLAIN))
                .isEqualTo("there is no repository at this address");
        assertThat(FetchFailures.reason(new IOException("x", new ConnectException("Connection refused")), PLAIN))
                .isEqualTo("could not connect (connection refused or host unreachable)");
        assertThat(FetchFailures.reason(new TransportException(uri, "Connection refused"), PLAIN))
                .isEqualTo("could not connect (connection refused or host unreachable)");
        assertThat(FetchFailures.reason(new SocketTimeoutException("Read timed out"), PLAIN))
                .isEqualTo("the server sent nothing for too long (timed out)");
        assertThat(FetchFailures.reason(new AccessDeniedException("/cache/git/x.git/objects/pack"), PLAIN))
                .isEqualTo("cannot write /cache/git/x.git/objects/pack (permission denied)");
        assertThat(FetchFailures.reason(new TransportException(uri, "not authorized"), PLAIN))
                .isEqualTo("the server wants credentials: give them in ~/.netrc (see docs/render.md)");
        assertThat(FetchFailures.reason(new TransportException(uri, "not authorized"), WITH_SECRET))
                .isEqualTo("the server refused the credentials");
        assertThat(FetchFailures.reason(new TransportException(uri, "remote hung up unexpectedly"), PLAIN))
                .isEqualTo("remote hung up unexpectedly");
    }
}
