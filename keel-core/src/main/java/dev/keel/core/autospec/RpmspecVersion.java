package dev.keel.core.autospec;

import dev.keel.core.io.FileTrees;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Asks rpm itself ({@code rpmspec -q --srpm}) for a spec's {@code [epoch:]version} and release
 * (with {@code %autorelease} defined as rpmautospec's probe) when Keel's macro expander cannot decide (a shell expansion, a Lua block, an unknown macro) and rpmspec is
 * installed. rpmspec runs with an argument array, in a scratch directory, with a time limit; any
 * failure means "still unknown".
 */
final class RpmspecVersion {

    private static final long TIMEOUT_SECONDS = 30;

    private final Path rpmspec;

    private RpmspecVersion(Path rpmspec) {
        this.rpmspec = rpmspec;
    }

    /** rpmspec from the PATH, if it is there. */
    static Optional<RpmspecVersion> find() {
        return Stream.of(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator))
                .filter(directory -> !directory.isEmpty())
                .map(directory -> Path.of(directory, "rpmspec"))
                .filter(Files::isExecutable)
                .findFirst()
                .map(RpmspecVersion::new);
    }

    /** The spec's version by rpm, or empty when rpm cannot tell either. */
    Optional<SpecVersion> specVersion(byte[] spec) {
        Path scratch = null;
        try {
            scratch = Files.createTempDirectory("keel-rpmspec-");
            Path file = Files.write(scratch.resolve("package.spec"), spec);
            Process process = new ProcessBuilder(
                            rpmspec.toString(),
                            "-q",
                            "--srpm",
                            "--qf",
                            "%{epoch}:%{version}\\n%{release}\\n",
                            "--define",
                            "autorelease(e:s:pb:n) " + SpecVersion.AUTORELEASE_PROBE,
                            "--define",
                            "autochangelog %{nil}",
                            "--define",
                            "_sourcedir " + scratch,
                            file.toString())
                    .directory(scratch.toFile())
                    .redirectError(ProcessBuilder.Redirect.DISCARD)
                    .start();
            process.getOutputStream().close();
            byte[] output = process.getInputStream().readAllBytes();
            if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                return Optional.empty();
            }
            List<String> lines =
                    new String(output, StandardCharsets.UTF_8).lines().toList();
            String line = lines.isEmpty() ? "" : lines.get(0);
            if (process.exitValue() != 0 || lines.size() < 2 || !line.contains(":") || line.endsWith(":")) {
                return Optional.empty();
            }
            return Optional.of(SpecVersion.of(
                    line.startsWith("(none):") ? line.substring("(none):".length()) : line, lines.get(1)));
        } catch (IOException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        } finally {
            if (scratch != null) {
                try {
                    FileTrees.delete(scratch);
                } catch (IOException ignored) {
                    // a scratch directory left in the temporary directory is harmless
                }
            }
        }
    }
}
