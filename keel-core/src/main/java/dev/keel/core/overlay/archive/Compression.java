package dev.keel.core.overlay.archive;

import com.github.luben.zstd.ZstdInputStream;
import com.github.luben.zstd.ZstdOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import org.apache.commons.compress.compressors.bzip2.BZip2CompressorInputStream;
import org.apache.commons.compress.compressors.bzip2.BZip2CompressorOutputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorOutputStream;
import org.apache.commons.compress.compressors.gzip.GzipParameters;
import org.tukaani.xz.LZMA2Options;
import org.tukaani.xz.XZInputStream;
import org.tukaani.xz.XZOutputStream;

/**
 * The compression of a tar archive, recognised from its first bytes (so a mislabelled extension
 * keeps its real format), with deterministic compressors for repacking.
 */
public enum Compression {
    NONE,
    GZIP,
    XZ,
    ZSTD,
    BZIP2;

    /** The compression the bytes start with; {@link #NONE} for a plain tar. */
    public static Compression sniff(byte[] bytes) {
        if (startsWith(bytes, 0x1F, 0x8B)) {
            return GZIP;
        }
        if (startsWith(bytes, 0xFD, '7', 'z', 'X', 'Z', 0x00)) {
            return XZ;
        }
        if (startsWith(bytes, 0x28, 0xB5, 0x2F, 0xFD)) {
            return ZSTD;
        }
        if (startsWith(bytes, 'B', 'Z', 'h')) {
            return BZIP2;
        }
        return NONE;
    }

    InputStream decompress(InputStream in) throws IOException {
        return switch (this) {
            case NONE -> in;
            case GZIP -> new GzipCompressorInputStream(in, true);
            case XZ -> new XZInputStream(in);
            case ZSTD -> new ZstdInputStream(in);
            case BZIP2 -> new BZip2CompressorInputStream(in, true);
        };
    }

    /** A compressor whose output depends only on its input: no time stamps, fixed levels and headers. */
    OutputStream compress(OutputStream out) throws IOException {
        return switch (this) {
            case NONE -> out;
            case GZIP -> {
                GzipParameters parameters = new GzipParameters();
                parameters.setCompressionLevel(9);
                parameters.setModificationTime(0);
                parameters.setOperatingSystem(255);
                yield new GzipCompressorOutputStream(out, parameters);
            }
            case XZ -> new XZOutputStream(out, new LZMA2Options(6));
            case ZSTD -> new ZstdOutputStream(out, 19).setChecksum(true);
            case BZIP2 -> new BZip2CompressorOutputStream(out, 9);
        };
    }

    private static boolean startsWith(byte[] bytes, int... magic) {
        if (bytes.length < magic.length) {
            return false;
        }
        for (int i = 0; i < magic.length; i++) {
            if ((bytes[i] & 0xFF) != magic[i]) {
                return false;
            }
        }
        return true;
    }
}
