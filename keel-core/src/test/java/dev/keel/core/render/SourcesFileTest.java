package dev.keel.core.render;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keel.core.source.LookasideEntry;
import org.junit.jupiter.api.Test;

/** The lookaside entries a {@code sources} file lists, as a build downloads them. */
class SourcesFileTest {

    @Test
    void lookasideEntriesAreTheModernAndLegacyLinesInOrderWithLowerCaseHashes() throws RenderException {
        SourcesFile file = SourcesFile.parse("""
                SHA512 (hello-1.0.tar.gz) = ABCDEF0123

                sha256 (data.bin) = 00ff
                0123456789abcdef0123456789ABCDEF  legacy.tar.gz
                """);
        assertThat(file.lookasideEntries())
                .containsExactly(
                        new LookasideEntry("SHA512", "hello-1.0.tar.gz", "abcdef0123"),
                        new LookasideEntry("SHA256", "data.bin", "00ff"),
                        new LookasideEntry("MD5", "legacy.tar.gz", "0123456789abcdef0123456789abcdef"));
    }

    @Test
    void anEmptyFileListsNothing() throws RenderException {
        assertThat(SourcesFile.parse("").lookasideEntries()).isEmpty();
        assertThat(SourcesFile.empty().lookasideEntries()).isEmpty();
    }
}
