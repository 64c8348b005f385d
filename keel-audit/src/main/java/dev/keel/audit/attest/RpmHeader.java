package dev.keel.audit.attest;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The few tags of an RPM file's main header that link a build to its sources and name its package,
 * read in pure Java so that checking needs no rpm: the files a source RPM holds with their
 * digests, the source RPM a binary RPM was built from, and the package's name, epoch, version,
 * release, arch, License and Summary. The file is a 96-byte lead, the signature header (padded to 8
 * bytes), then the main header: {@code 8e ad e8 01}, 4 reserved bytes, the entry count and data
 * size (big-endian 32-bit), 16-byte entries {@code (tag, type, offset, count)}, then the data.
 * Everything is bounds-checked: a damaged or hostile file is an {@link IOException}.
 */
final class RpmHeader {

    private static final int LEAD_BYTES = 96;
    private static final int MAX_ENTRIES = 1 << 16;
    private static final int MAX_DATA_BYTES = 64 << 20;

    private static final int TAG_NAME = 1000;
    private static final int TAG_VERSION = 1001;
    private static final int TAG_RELEASE = 1002;
    private static final int TAG_EPOCH = 1003;
    private static final int TAG_SUMMARY = 1004;
    private static final int TAG_LICENSE = 1014;
    private static final int TAG_ARCH = 1022;
    private static final int TAG_FILEDIGESTS = 1035;
    private static final int TAG_SOURCERPM = 1044;
    private static final int TAG_BASENAMES = 1117;
    private static final int TAG_FILEDIGESTALGO = 5011;

    private static final int TYPE_INT32 = 4;
    private static final int TYPE_STRING = 6;
    private static final int TYPE_STRING_ARRAY = 8;
    private static final int TYPE_I18N_STRING = 9;

    /** rpm's digest algorithm numbers (PGP hash algorithm ids) to the JDK's names; absent means MD5. */
    private static final Map<Integer, String> ALGORITHMS =
            Map.of(1, "MD5", 2, "SHA-1", 8, "SHA-256", 9, "SHA-384", 10, "SHA-512", 11, "SHA-224");

    private record Entry(int type, int offset, int count) {}

    private final Map<Integer, Entry> entries;
    private final ByteBuffer data;

    private RpmHeader(Map<Integer, Entry> entries, ByteBuffer data) {
        this.entries = entries;
        this.data = data;
    }

    /** The main header of an RPM file. */
    static RpmHeader read(Path file) throws IOException {
        // opened without following a link, so a file swapped for one after it was checked is refused
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS)) {
            ByteBuffer lead = exactly(channel, LEAD_BYTES, "the lead");
            if (lead.getInt(0) != 0xedabeedb) {
                throw new IOException("not an RPM file (no RPM lead)");
            }
            RpmHeader signature = header(channel, "the signature header");
            long padding = (8 - (signature.data.capacity() % 8)) % 8;
            channel.position(channel.position() + padding);
            return header(channel, "the header");
        }
    }

    private static RpmHeader header(FileChannel channel, String what) throws IOException {
        ByteBuffer intro = exactly(channel, 16, what);
        if (intro.getInt(0) != 0x8eade801) {
            throw new IOException(what + " has no header magic");
        }
        int count = intro.getInt(8);
        int size = intro.getInt(12);
        if (count < 0 || count > MAX_ENTRIES || size < 0 || size > MAX_DATA_BYTES) {
            throw new IOException(what + " gives " + count + " entries and " + size + " data bytes, beyond any RPM's");
        }
        ByteBuffer index = exactly(channel, count * 16, what);
        Map<Integer, Entry> entries = new HashMap<>();
        for (int i = 0; i < count; i++) {
            int tag = index.getInt(i * 16);
            Entry entry = new Entry(index.getInt(i * 16 + 4), index.getInt(i * 16 + 8), index.getInt(i * 16 + 12));
            if (entry.offset() < 0 || entry.offset() > size || entry.count() < 0) {
                throw new IOException(what + " has an entry outside its data");
            }
            entries.putIfAbsent(tag, entry);
        }
        return new RpmHeader(entries, exactly(channel, size, what));
    }

    private static ByteBuffer exactly(FileChannel channel, int bytes, String what) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate(bytes);
        while (buffer.hasRemaining()) {
            if (channel.read(buffer) < 0) {
                throw new IOException("the file ends inside " + what);
            }
        }
        return buffer.flip();
    }

    /** The source RPM a binary RPM was built from; empty for a source RPM. */
    Optional<String> sourceRpm() throws IOException {
        return string(TAG_SOURCERPM, TYPE_STRING);
    }

    /** The JDK's name of the algorithm of the file digests. */
    String digestAlgorithm() throws IOException {
        Optional<Integer> number = int32(TAG_FILEDIGESTALGO, "file digest algorithm");
        if (number.isEmpty()) {
            return "MD5";
        }
        int algorithm = number.get();
        String name = ALGORITHMS.get(algorithm);
        if (name == null) {
            throw new IOException("the header names file digest algorithm " + algorithm + ", which Keel does not know");
        }
        return name;
    }

    /** The files' base names to their digests (lower-case hex); a source RPM's files are all in one directory. */
    SortedMap<String, String> fileDigests() throws IOException {
        List<String> names = strings(TAG_BASENAMES, TYPE_STRING_ARRAY);
        List<String> digests = strings(TAG_FILEDIGESTS, TYPE_STRING_ARRAY);
        if (names.size() != digests.size()) {
            throw new IOException("the header has " + names.size() + " file names but " + digests.size() + " digests");
        }
        SortedMap<String, String> files = new TreeMap<>();
        for (int i = 0; i < names.size(); i++) {
            files.put(names.get(i), digests.get(i).toLowerCase(java.util.Locale.ROOT));
        }
        return files;
    }

    /** The package the header describes; a header without a name, version, release or arch is refused. */
    RpmPackage rpmPackage() throws IOException {
        return new RpmPackage(
                required(TAG_NAME, "NAME"),
                int32(TAG_EPOCH, "epoch").map(Integer::toUnsignedString),
                required(TAG_VERSION, "VERSION"),
                required(TAG_RELEASE, "RELEASE"),
                required(TAG_ARCH, "ARCH"),
                string(TAG_LICENSE, TYPE_STRING),
                string(TAG_SUMMARY, TYPE_I18N_STRING),
                sourceRpm());
    }

    private String required(int tag, String name) throws IOException {
        return string(tag, TYPE_STRING)
                .filter(value -> !value.isEmpty())
                .orElseThrow(() -> new IOException("the header has no " + name));
    }

    /** The first string of a tag ({@code I18NSTRING}: the untranslated one). */
    private Optional<String> string(int tag, int type) throws IOException {
        return strings(tag, type).stream().findFirst();
    }

    /** The first integer of a tag, when the header has it. */
    private Optional<Integer> int32(int tag, String what) throws IOException {
        Entry entry = entries.get(tag);
        if (entry == null) {
            return Optional.empty();
        }
        if (entry.type() != TYPE_INT32 || entry.count() < 1 || entry.offset() > data.capacity() - 4) {
            throw new IOException("the header's " + what + " is not an integer");
        }
        return Optional.of(data.getInt(entry.offset()));
    }

    /** The NUL-terminated strings of a tag (none when the header lacks it). */
    private List<String> strings(int tag, int type) throws IOException {
        Entry entry = entries.get(tag);
        if (entry == null) {
            return List.of();
        }
        if (entry.type() != type) {
            throw new IOException("the header's tag " + tag + " has type " + entry.type() + ", not " + type);
        }
        List<String> strings = new ArrayList<>();
        int position = entry.offset();
        for (int i = 0; i < entry.count(); i++) {
            int end = position;
            while (end < data.capacity() && data.get(end) != 0) {
                end++;
            }
            if (end >= data.capacity()) {
                throw new IOException("the header's tag " + tag + " runs past its data");
            }
            byte[] bytes = new byte[end - position];
            data.get(position, bytes);
            strings.add(new String(bytes, StandardCharsets.UTF_8));
            position = end + 1;
        }
        return strings;
    }
}
