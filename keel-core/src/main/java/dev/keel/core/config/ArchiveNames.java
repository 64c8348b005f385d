package dev.keel.core.config;

import java.util.List;

/** The file names an archive overlay may name: tar archives, told by their suffix. */
public final class ArchiveNames {

    /** The suffixes of the tar archives Keel opens. */
    public static final List<String> SUFFIXES =
            List.of(".tar", ".tar.gz", ".tgz", ".tar.xz", ".txz", ".tar.zst", ".tzst", ".tar.bz2", ".tbz2");

    private ArchiveNames() {}

    /** Whether {@code name} ends like a tar archive. */
    public static boolean isArchive(String name) {
        return SUFFIXES.stream().anyMatch(name::endsWith);
    }
}
