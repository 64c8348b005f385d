package dev.keel.core.overlay.archive;

import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.archivers.tar.TarConstants;

/**
 * A tar archive (plain, gzip, xz, zstd or bzip2) read safely into memory and written back
 * deterministically: entries sorted by name, time stamps 0, owner 0/0 without names, GNU long
 * names, the original compression with fixed settings. Reading refuses paths that leave the
 * archive (absolute, {@code ..}, symbolic links pointing outside), hard links, devices and FIFOs,
 * and stops at the size and entry-count limits.
 */
public final class TarArchive {

    private final Compression compression;
    private final List<ArchiveEntry> entries;

    private TarArchive(Compression compression, List<ArchiveEntry> entries) {
        this.compression = compression;
        this.entries = List.copyOf(entries);
    }

    /** A new archive of these entries (sorted by name), written with the given compression. */
    public static TarArchive of(Compression compression, List<ArchiveEntry> entries) {
        return new TarArchive(compression, List.of()).withEntries(entries);
    }

    /**
     * Reads an archive. What is not a tar archive (empty, a zip, anything else) and what ends
     * early is refused with a message in words; a library's exception text never reaches the user.
     */
    public static TarArchive read(byte[] bytes, ArchiveLimits limits) throws IOException {
        if (bytes.length == 0) {
            throw new ArchiveException("the file is empty, not a tar archive");
        }
        if (bytes.length >= 4 && bytes[0] == 'P' && bytes[1] == 'K' && (bytes[2] == 3 || bytes[2] == 5)) {
            throw new ArchiveException(
                    "this is a zip archive; Keel reads tar archives (plain or compressed with gzip, xz, zstd or bzip2)");
        }
        Compression compression = Compression.sniff(bytes);
        try {
            return new TarArchive(compression, entries(bytes, compression, limits));
        } catch (ArchiveException e) {
            throw e;
        } catch (EOFException e) {
            throw new ArchiveException(ArchiveException.UNEXPECTED_END);
        } catch (IOException | RuntimeException e) {
            String message = String.valueOf(e.getMessage()).toLowerCase(java.util.Locale.ROOT);
            throw new ArchiveException(
                    message.contains("truncated") || message.contains("premature") || message.contains("end of")
                            ? ArchiveException.UNEXPECTED_END
                            : "the archive is corrupt (" + compression.name().toLowerCase(java.util.Locale.ROOT)
                                    + " compression)");
        }
    }

    private static List<ArchiveEntry> entries(byte[] bytes, Compression compression, ArchiveLimits limits)
            throws IOException {
        Map<String, ArchiveEntry> entries = new TreeMap<>();
        long total = 0;
        try (InputStream raw = new BufferedInputStream(compression.decompress(new ByteArrayInputStream(bytes)));
                TarArchiveInputStream tar = new TarArchiveInputStream(requireTar(raw, compression))) {
            TarArchiveEntry entry;
            while ((entry = tar.getNextEntry()) != null) {
                if (entries.size() >= limits.maxEntries()) {
                    throw new ArchiveException("the archive has more than " + limits.maxEntries() + " entries");
                }
                String name = safeName(entry.getName());
                if (entry.isLink()) {
                    throw new ArchiveException("hard link entries are refused: " + name);
                }
                if (entry.isCharacterDevice() || entry.isBlockDevice() || entry.isFIFO()) {
                    throw new ArchiveException("device and FIFO entries are refused: " + name);
                }
                if (entry.isSymbolicLink()) {
                    entries.put(
                            name,
                            new ArchiveEntry(
                                    name,
                                    ArchiveEntry.Kind.SYMLINK,
                                    new byte[0],
                                    entry.getMode(),
                                    safeLink(name, entry.getLinkName())));
                } else if (entry.isDirectory()) {
                    entries.put(
                            name,
                            new ArchiveEntry(name, ArchiveEntry.Kind.DIRECTORY, new byte[0], entry.getMode(), null));
                } else if (entry.isFile()) {
                    long size = entry.getSize();
                    if (size < 0 || size > limits.maxEntryBytes()) {
                        throw new ArchiveException(String.format(
                                "%s is too large to unpack: %,d bytes, more than %,d",
                                name, size, limits.maxEntryBytes()));
                    }
                    if (total + size > limits.maxTotalBytes()) {
                        throw new ArchiveException(
                                "the archive unpacks to more than " + limits.maxTotalBytes() + " bytes");
                    }
                    total += size;
                    byte[] content = tar.readNBytes((int) size);
                    if (content.length != size) {
                        throw new ArchiveException("unexpected end of archive in " + name);
                    }
                    entries.put(name, new ArchiveEntry(name, ArchiveEntry.Kind.FILE, content, entry.getMode(), null));
                } else {
                    throw new ArchiveException("unsupported entry type in the archive: " + name);
                }
            }
        }
        return new ArrayList<>(entries.values());
    }

    /** The stream, after checking that it starts with a tar header (or the end-of-archive zero block). */
    private static InputStream requireTar(InputStream in, Compression compression) throws IOException {
        in.mark(TarConstants.DEFAULT_RCDSIZE);
        byte[] header = in.readNBytes(TarConstants.DEFAULT_RCDSIZE);
        in.reset();
        boolean zeros = true;
        for (byte b : header) {
            zeros &= b == 0;
        }
        if (header.length < TarConstants.DEFAULT_RCDSIZE
                || !(zeros || TarArchiveInputStream.matches(header, header.length))) {
            throw new ArchiveException(
                    compression == Compression.NONE
                            ? "not a tar archive"
                            : "not a tar archive inside its "
                                    + compression.name().toLowerCase(java.util.Locale.ROOT) + " compression");
        }
        return in;
    }

    /** A normalised entry name, or an exception for one that would leave the archive. */
    static String safeName(String name) throws ArchiveException {
        String normalized = name.replace('\\', '/');
        if (normalized.startsWith("/") || normalized.matches("^[A-Za-z]:.*") || normalized.indexOf('\0') >= 0) {
            throw new ArchiveException("absolute path in the archive: " + name);
        }
        List<String> segments = new ArrayList<>();
        for (String segment : normalized.split("/")) {
            if (segment.isEmpty() || segment.equals(".")) {
                continue;
            }
            if (segment.equals("..")) {
                throw new ArchiveException("path leaves the archive: " + name);
            }
            segments.add(segment);
        }
        if (segments.isEmpty()) {
            throw new ArchiveException("empty path in the archive: '" + name + "'");
        }
        return String.join("/", segments);
    }

    /** The target of a symbolic link if it stays inside the archive. */
    private static String safeLink(String name, String target) throws ArchiveException {
        if (target.startsWith("/")) {
            throw new ArchiveException("symbolic link " + name + " points outside the archive: " + target);
        }
        int depth = name.split("/").length - 1;
        for (String segment : target.split("/")) {
            if (segment.equals("..")) {
                depth--;
            } else if (!segment.isEmpty() && !segment.equals(".")) {
                depth++;
            }
            if (depth < 0) {
                throw new ArchiveException("symbolic link " + name + " points outside the archive: " + target);
            }
        }
        return target;
    }

    public Compression compression() {
        return compression;
    }

    /** Entries sorted by name. */
    public List<ArchiveEntry> entries() {
        return entries;
    }

    /** The single top-level directory all entries are in ({@code "name/"}), or {@code ""}. */
    public String root() {
        String top = null;
        for (ArchiveEntry entry : entries) {
            int slash = entry.name().indexOf('/');
            String first = slash < 0 ? entry.name() : entry.name().substring(0, slash);
            boolean isTopDirectory = slash < 0 && entry.kind() == ArchiveEntry.Kind.DIRECTORY;
            if (slash < 0 && !isTopDirectory || (top != null && !top.equals(first))) {
                return "";
            }
            top = first;
        }
        return top == null ? "" : top + "/";
    }

    public TarArchive withEntries(List<ArchiveEntry> newEntries) {
        List<ArchiveEntry> sorted = new ArrayList<>(newEntries);
        sorted.sort(java.util.Comparator.comparing(ArchiveEntry::name));
        return new TarArchive(compression, sorted);
    }

    /** The archive's bytes, identical for identical entries and compression. */
    public byte[] write() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (OutputStream compressed = compression.compress(bytes);
                TarArchiveOutputStream tar = new TarArchiveOutputStream(compressed)) {
            tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_GNU);
            tar.setBigNumberMode(TarArchiveOutputStream.BIGNUMBER_POSIX);
            for (ArchiveEntry entry : entries) {
                TarArchiveEntry header = switch (entry.kind()) {
                    case DIRECTORY -> new TarArchiveEntry(entry.name() + "/", TarConstants.LF_DIR);
                    case SYMLINK -> {
                        TarArchiveEntry link = new TarArchiveEntry(entry.name(), TarConstants.LF_SYMLINK);
                        link.setLinkName(entry.linkTarget());
                        yield link;
                    }
                    case FILE -> {
                        TarArchiveEntry file = new TarArchiveEntry(entry.name(), TarConstants.LF_NORMAL);
                        file.setSize(entry.content().length);
                        yield file;
                    }
                };
                header.setModTime(0);
                header.setIds(0, 0);
                header.setNames("", "");
                header.setMode(entry.mode() & 07777);
                tar.putArchiveEntry(header);
                if (entry.kind() == ArchiveEntry.Kind.FILE) {
                    tar.write(entry.content());
                }
                tar.closeArchiveEntry();
            }
            tar.finish();
        }
        return bytes.toByteArray();
    }
}
