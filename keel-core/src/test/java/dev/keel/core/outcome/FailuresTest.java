package dev.keel.core.outcome;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keel.core.config.ConfigError;
import dev.keel.core.config.ConfigException;
import dev.keel.core.config.Location;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystemException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class FailuresTest {

    private static final PathDisplay PATHS = PathDisplay.relativeTo(Path.of("/p"));

    @Test
    void aBugShowsNoJavaClassNameAndNoExceptionText() {
        Failure failure =
                Failures.of(new NullPointerException("Cannot invoke \"String.length()\""), Failure.Kind.UPSTREAM);
        assertThat(FailureFormat.block("curl", failure, PATHS)).isEqualTo("""
                        error: curl: internal error
                           = hint: this is a bug in Keel: rerun with KEEL_DEBUG=1 to see where it happened, and report it
                        """);
        assertThat(FailureFormat.block(null, Failures.of(new StackOverflowError(), Failure.Kind.UPSTREAM), PATHS))
                .startsWith("error: the input is nested too deeply to process\n")
                .doesNotContain("java.");
    }

    @Test
    void aWrappedExceptionLosesItsClassNames() {
        IOException wrapped = new IOException(new IllegalStateException("the index is corrupt"));
        assertThat(Failures.of(wrapped, Failure.Kind.UPSTREAM).message()).isEqualTo("the index is corrupt");
        assertThat(Failures.of(new UncheckedIOException(wrapped), Failure.Kind.UPSTREAM)
                        .message())
                .isEqualTo("the index is corrupt");
    }

    @Test
    void aFullDiskNamesTheFileAndSaysNothingWasHalfWritten() {
        Failure failure = Failures.of(
                new FileSystemException("/p/specs/c/curl/curl.spec", null, "No space left on device"), null);
        assertThat(FailureFormat.block("curl", failure, PATHS)).isEqualTo("""
                        error: curl: no space left on the device
                          --> specs/c/curl/curl.spec
                           = hint: free some space and run again; nothing was half written
                        """);
    }

    @Test
    void aConfigurationErrorIsLocatedWithTheCountOfTheOthers() {
        ConfigException e = new ConfigException(List.of(
                ConfigError.error(
                        new Location(Path.of("/p/locks/curl.lock"), 2, 1), "upstream-commit", "invalid", "40 hex"),
                ConfigError.error(new Location(Path.of("/p/locks/curl.lock"), 3, 1), "x", "unknown key 'x'", "")));
        assertThat(FailureFormat.block("curl", Failures.of(e, Failure.Kind.UPSTREAM), PATHS))
                .isEqualTo("""
                        error: curl: invalid
                          --> locks/curl.lock:2:1
                           = key: upstream-commit
                           = also: 1 more error; 'keel config check' lists them
                           = hint: 40 hex
                        """);
        assertThat(Failures.of(e, Failure.Kind.UPSTREAM).kind()).isEqualTo(Failure.Kind.CONFIGURATION);
    }
}
