package dev.keel.core.overlay.archive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarConstants;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

class TarArchiveTest {

    private static TarArchive read(byte[] bytes) throws IOException {
        return TarArchive.read(bytes, ArchiveLimits.DEFAULT);
    }

    @ParameterizedTest
    @EnumSource(Compression.class)
    void readsEveryCompressionAndRepacksDeterministically(Compression compression) throws IOException {
        byte[] original = new Tars(compression)
                .directory("pkg-1.0")
                .file("pkg-1.0/README", "hello\n")
                .file("pkg-1.0/src/main.c", "int main(void) { return 0; }\n")
                .bytes();
        TarArchive archive = read(original);
        assertThat(archive.compression()).isEqualTo(compression);
        assertThat(archive.root()).isEqualTo("pkg-1.0/");
        assertThat(archive.entries())
                .extracting(ArchiveEntry::name)
                .containsExactly("pkg-1.0", "pkg-1.0/README", "pkg-1.0/src/main.c");

        byte[] first = archive.write();
        byte[] second = read(first).write();
        assertThat(second).isEqualTo(first);
        assertThat(new String(read(first).entries().get(1).content(), StandardCharsets.UTF_8))
                .isEqualTo("hello\n");
        assertThat(Compression.sniff(first)).isEqualTo(compression);
    }

    @Test
    void gzipOutputHasNoTimeStampAndAFixedOperatingSystem() throws IOException {
        byte[] repacked =
                read(new Tars(Compression.GZIP).file("a", "x").bytes()).write();
        assertThat(repacked[4] | repacked[5] | repacked[6] | repacked[7]).isZero();
        assertThat(repacked[9] & 0xFF).isEqualTo(255);
    }

    @Test
    void archivesWithoutASingleTopDirectoryHaveAnEmptyRoot() throws IOException {
        assertThat(read(new Tars(Compression.NONE)
                                .file("a", "1")
                                .file("b/c", "2")
                                .bytes())
                        .root())
                .isEmpty();
        assertThat(read(new Tars(Compression.NONE)
                                .file("top/a", "1")
                                .file("other/b", "2")
                                .bytes())
                        .root())
                .isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"../evil", "pkg/../../evil", "/etc/passwd", "C:/windows/evil"})
    void refusesPathsThatLeaveTheArchive(String name) throws IOException {
        byte[] bytes = new Tars(Compression.NONE).file(name, "x").bytes();
        assertThatThrownBy(() -> read(bytes))
                .isInstanceOf(ArchiveException.class)
                .hasMessageContaining(name);
    }

    @Test
    void refusesSymbolicLinksThatPointOutside() throws IOException {
        byte[] up = new Tars(Compression.NONE)
                .special("pkg/link", TarConstants.LF_SYMLINK, "../../etc/passwd")
                .bytes();
        assertThatThrownBy(() -> read(up)).isInstanceOf(ArchiveException.class).hasMessageContaining("points outside");
        byte[] absolute = new Tars(Compression.NONE)
                .special("pkg/link", TarConstants.LF_SYMLINK, "/etc/passwd")
                .bytes();
        assertThatThrownBy(() -> read(absolute))
                .isInstanceOf(ArchiveException.class)
                .hasMessageContaining("points outside");
    }

    @Test
    void keepsSymbolicLinksThatStayInside() throws IOException {
        TarArchive archive = read(new Tars(Compression.NONE)
                .file("pkg/lib/libx.so.1", "elf")
                .special("pkg/lib/libx.so", TarConstants.LF_SYMLINK, "libx.so.1")
                .bytes());
        assertThat(archive.entries())
                .filteredOn(e -> e.kind() == ArchiveEntry.Kind.SYMLINK)
                .extracting(ArchiveEntry::linkTarget)
                .containsExactly("libx.so.1");
        assertThat(read(archive.write()).entries()).hasSize(2);
    }

    @Test
    void refusesHardLinksDevicesAndFifos() throws IOException {
        assertThatThrownBy(() -> read(new Tars(Compression.NONE)
                        .special("pkg/hard", TarConstants.LF_LINK, "pkg/a")
                        .bytes()))
                .isInstanceOf(ArchiveException.class)
                .hasMessageContaining("hard link");
        assertThatThrownBy(() -> read(new Tars(Compression.NONE)
                        .special("pkg/tty", TarConstants.LF_CHR, null)
                        .bytes()))
                .isInstanceOf(ArchiveException.class)
                .hasMessageContaining("device");
        assertThatThrownBy(() -> read(new Tars(Compression.NONE)
                        .special("pkg/disk", TarConstants.LF_BLK, null)
                        .bytes()))
                .isInstanceOf(ArchiveException.class)
                .hasMessageContaining("device");
        assertThatThrownBy(() -> read(new Tars(Compression.NONE)
                        .special("pkg/pipe", TarConstants.LF_FIFO, null)
                        .bytes()))
                .isInstanceOf(ArchiveException.class)
                .hasMessageContaining("FIFO");
    }

    @Test
    void stopsAnArchiveBombAtTheSizeLimit() throws IOException {
        byte[] bomb = new Tars(Compression.XZ).zeros("pkg/zeros", 64 << 20).bytes();
        assertThat(bomb.length).isLessThan(64 << 10);
        assertThatThrownBy(() -> TarArchive.read(bomb, new ArchiveLimits(1000, 1 << 30, 16 << 20)))
                .isInstanceOf(ArchiveException.class)
                .hasMessageContaining("more than 16777216 bytes");
    }

    @Test
    void stopsAtTheEntryLimit() throws IOException {
        Tars tars = new Tars(Compression.GZIP);
        for (int i = 0; i < 50; i++) {
            tars.file("pkg/f" + i, "");
        }
        byte[] bytes = tars.bytes();
        assertThatThrownBy(() -> TarArchive.read(bytes, new ArchiveLimits(20, 1 << 20, 1 << 20)))
                .isInstanceOf(ArchiveException.class)
                .hasMessageContaining("more than 20 entries");
    }

    @Test
    void stopsAtTheSizeLimitOfOneFile() throws IOException {
        byte[] bytes = new Tars(Compression.XZ).zeros("pkg/zeros", 2 << 20).bytes();
        assertThatThrownBy(() -> TarArchive.read(bytes, new ArchiveLimits(1000, 1 << 20, 1 << 30)))
                .isInstanceOf(ArchiveException.class)
                .hasMessage("pkg/zeros is too large to unpack: 2,097,152 bytes, more than 1,048,576");
    }

    @ParameterizedTest
    @ValueSource(longs = {(1L << 30) + 1, 1L << 31, 3L << 30})
    void aHeaderClaimingMoreThanAFileMayHoldIsRefusedBeforeReading(long size) throws IOException {
        // 2 GiB exactly used to pass the total limit and overflow the array size.
        TarArchiveEntry entry = new TarArchiveEntry("pkg/huge");
        entry.setSize(size);
        byte[] archive = new byte[512 * 3];
        entry.writeEntryHeader(archive);
        assertThatThrownBy(() -> read(archive))
                .isInstanceOf(ArchiveException.class)
                .hasMessage(String.format("pkg/huge is too large to unpack: %,d bytes, more than 1,073,741,824", size));
    }
}
