package dev.keel.core.io;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.EnumSet;
import java.util.Set;

/**
 * The executable bit, as git keeps it: on file systems with POSIX permissions a file is executable
 * when its owner may execute it; elsewhere (Windows) no file is, so renders stay the same on
 * every operating system.
 */
public final class FileModes {

    private FileModes() {}

    /** Whether the file system holding {@code path} keeps an executable bit. */
    public static boolean supported(Path path) throws IOException {
        Path existing = path.toAbsolutePath();
        while (existing != null && !Files.exists(existing)) {
            existing = existing.getParent();
        }
        return existing != null && Files.getFileStore(existing).supportsFileAttributeView("posix");
    }

    /** Whether the file is executable (always false without POSIX permissions). */
    public static boolean isExecutable(Path file) throws IOException {
        try {
            return Files.getPosixFilePermissions(file).contains(PosixFilePermission.OWNER_EXECUTE);
        } catch (UnsupportedOperationException e) {
            return false;
        }
    }

    /** Makes the file executable by whoever may read it ({@code 755} for {@code 644}), where supported. */
    public static void makeExecutable(Path file) throws IOException {
        Set<PosixFilePermission> permissions;
        try {
            permissions = EnumSet.copyOf(Files.getPosixFilePermissions(file));
        } catch (UnsupportedOperationException e) {
            return;
        }
        permissions.add(PosixFilePermission.OWNER_EXECUTE);
        if (permissions.contains(PosixFilePermission.GROUP_READ)) {
            permissions.add(PosixFilePermission.GROUP_EXECUTE);
        }
        if (permissions.contains(PosixFilePermission.OTHERS_READ)) {
            permissions.add(PosixFilePermission.OTHERS_EXECUTE);
        }
        Files.setPosixFilePermissions(file, permissions);
    }
}
