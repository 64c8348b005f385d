package dev.keel.build;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * What a build must not change on the host: the packages of the host's rpm database ({@code rpm
 * -qa}, or that there is no database) and the host's directories, where no file may appear whose
 * name has the test distro's token ({@code keeltest}), and no rpm scriptlet file in {@code /tmp} or
 * {@code /var/tmp} may mention it.
 */
record HostState(String packages) {

    private static final String TOKEN = "keeltest";
    private static final List<String> SEARCHED = List.of(
            "/usr/bin", "/usr/lib", "/usr/lib64", "/usr/include", "/usr/share", "/etc", "/root", "/opt", "/dev/shm");

    static HostState now() throws Exception {
        String dbpath = run("rpm", "--eval", "%_dbpath").strip();
        boolean database = Files.isDirectory(Path.of(dbpath));
        return new HostState(
                database ? run("rpm", "-qa").lines().sorted().toList().toString() : "no rpm database at " + dbpath);
    }

    /** Asserts that the rpm database is as before and no build file leaked outside {@code allowed}. */
    void assertUntouched(Path allowed) throws Exception {
        assertThat(now().packages()).as("the host's installed packages").isEqualTo(packages);
        List<Path> leaks = new ArrayList<>();
        for (String root : SEARCHED) {
            find(Path.of(root), allowed, leaks);
        }
        for (String temporary : List.of("/tmp", "/var/tmp")) {
            try (var files = Files.list(Path.of(temporary))) {
                for (Path file : files.toList()) {
                    String name = file.getFileName().toString();
                    if (name.contains(TOKEN)
                            || (name.startsWith("rpm-tmp.")
                                    && Files.isRegularFile(file)
                                    && Files.readString(file, StandardCharsets.ISO_8859_1)
                                            .contains(TOKEN))) {
                        leaks.add(file);
                    }
                }
            }
        }
        assertThat(leaks).as("files a build left on the host").isEmpty();
    }

    private static void find(Path root, Path allowed, List<Path> leaks) throws IOException {
        if (!Files.isDirectory(root)) {
            return;
        }
        Path skip = allowed.toAbsolutePath().normalize();
        Files.walkFileTree(root, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                if (dir.startsWith(skip) || dir.toString().startsWith("/root/.m2")) {
                    return FileVisitResult.SKIP_SUBTREE;
                }
                if (dir.getFileName() != null && dir.getFileName().toString().contains(TOKEN)) {
                    leaks.add(dir);
                    return FileVisitResult.SKIP_SUBTREE;
                }
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                if (file.getFileName().toString().contains(TOKEN)) {
                    leaks.add(file);
                }
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException e) {
                return FileVisitResult.CONTINUE;
            }
        });
    }

    private static String run(String... command) throws Exception {
        Process process = new ProcessBuilder(command).redirectErrorStream(false).start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        process.getErrorStream().readAllBytes();
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return out;
    }
}
