package dev.keel.audit.attest;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * RPM files with only the header tags attestations and SBOMs read, laid out as rpm lays them out
 * (lead, empty signature header, main header): what a build would leave, without building.
 */
public final class TestRpms {

    private TestRpms() {}

    /** One header entry: tag, type, and its data. */
    public record Tag(int tag, int type, int count, byte[] data) {}

    public static Tag strings(int tag, List<String> values) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        values.forEach(value -> {
            out.writeBytes(value.getBytes(StandardCharsets.UTF_8));
            out.write(0);
        });
        return new Tag(tag, 8, values.size(), out.toByteArray());
    }

    public static Tag string(int tag, String value) {
        return new Tag(tag, 6, 1, (value + "\0").getBytes(StandardCharsets.UTF_8));
    }

    public static Tag int32(int tag, int value) {
        return new Tag(tag, 4, 1, ByteBuffer.allocate(4).putInt(value).array());
    }

    /** A source RPM holding these files (name to SHA-256), or a binary RPM when {@code sourceRpm} is given. */
    static Path write(Path file, Map<String, String> sha256s, String sourceRpm) throws IOException {
        List<Tag> tags = new ArrayList<>(List.of(
                int32(5011, 8),
                strings(1117, List.copyOf(sha256s.keySet())),
                strings(1035, List.copyOf(sha256s.values()))));
        if (sourceRpm != null) {
            tags.add(string(1044, sourceRpm));
        }
        return write(file, tags);
    }

    public static Path write(Path file, List<Tag> tags) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(lead());
        out.writeBytes(header(List.of()));
        out.writeBytes(header(tags));
        Files.createDirectories(file.toAbsolutePath().getParent());
        Files.write(file, out.toByteArray());
        return file;
    }

    public static byte[] lead() {
        return ByteBuffer.allocate(96).putInt(0xedabeedb).array();
    }

    public static byte[] header(List<Tag> tags) {
        ByteArrayOutputStream data = new ByteArrayOutputStream();
        ByteBuffer index = ByteBuffer.allocate(16 * tags.size());
        for (Tag tag : tags) {
            index.putInt(tag.tag()).putInt(tag.type()).putInt(data.size()).putInt(tag.count());
            data.writeBytes(tag.data());
        }
        ByteBuffer intro = ByteBuffer.allocate(16)
                .putInt(0x8eade801)
                .putInt(0)
                .putInt(tags.size())
                .putInt(data.size());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(intro.array());
        out.writeBytes(index.array());
        out.writeBytes(data.toByteArray());
        return out.toByteArray();
    }
}
