package dev.keel.core.overlay.archive;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.archivers.tar.TarConstants;

/** Builds tar archives with arbitrary (also hostile) entries for tests (other modules' too, from the test jar). */
public final class Tars {

    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final Compression compression;
    private final OutputStream compressed;
    private final TarArchiveOutputStream tar;

    public Tars(Compression compression) throws IOException {
        this.compression = compression;
        this.compressed = compression.compress(bytes);
        this.tar = new TarArchiveOutputStream(compressed);
        tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_GNU);
    }

    public Tars file(String name, String content) throws IOException {
        byte[] data = content.getBytes(StandardCharsets.UTF_8);
        TarArchiveEntry entry = new TarArchiveEntry(name, TarConstants.LF_NORMAL, true);
        entry.setSize(data.length);
        entry.setModTime(1_700_000_000_000L);
        entry.setMode(0644);
        tar.putArchiveEntry(entry);
        tar.write(data);
        tar.closeArchiveEntry();
        return this;
    }

    public Tars zeros(String name, int size) throws IOException {
        TarArchiveEntry entry = new TarArchiveEntry(name, TarConstants.LF_NORMAL, true);
        entry.setSize(size);
        tar.putArchiveEntry(entry);
        byte[] block = new byte[65536];
        for (int written = 0; written < size; written += block.length) {
            tar.write(block, 0, Math.min(block.length, size - written));
        }
        tar.closeArchiveEntry();
        return this;
    }

    public Tars directory(String name) throws IOException {
        TarArchiveEntry entry = new TarArchiveEntry(name + "/", TarConstants.LF_DIR, true);
        entry.setMode(0755);
        tar.putArchiveEntry(entry);
        tar.closeArchiveEntry();
        return this;
    }

    public Tars special(String name, byte type, String link) throws IOException {
        TarArchiveEntry entry = new TarArchiveEntry(name, type, true);
        if (link != null) {
            entry.setLinkName(link);
        }
        tar.putArchiveEntry(entry);
        tar.closeArchiveEntry();
        return this;
    }

    public byte[] bytes() throws IOException {
        tar.finish();
        tar.close();
        return bytes.toByteArray();
    }

    public Compression compression() {
        return compression;
    }
}
