package dev.keel.build.backend;

import dev.keel.build.tool.ToolCommand;
import dev.keel.core.config.Location;
import dev.keel.core.outcome.Failure;
import dev.keel.core.outcome.FailureException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Where a local build runs: a private mount namespace ({@code unshare --mount}) in which
 *
 * <ul>
 *   <li>each top-level directory of the dependency layer ({@code usr}, {@code etc}, ...) is
 *       mounted over the host's as a read-only overlay, so the RPMs installed there with {@code
 *       rpm --root} are visible at their usual paths;
 *   <li>the sandbox directory is mounted on {@code /tmp} and {@code /var/tmp} (and its {@code
 *       shm} on {@code /dev/shm}), so the build's top directory is always {@code /tmp/build},
 *       whatever the project's path, and everything the build writes lands in the sandbox;
 *   <li>the host's root file system is remounted read-only, so nothing else can be written;
 *   <li>the layer's libraries are added to a private {@code ld.so.cache} (after the host's) and its
 *       pkg-config files come first in {@code PKG_CONFIG_PATH}.
 * </ul>
 *
 * The mounts exist only for the build's processes and vanish with them; the host is never
 * changed. Host tools (the compiler, make, the shell) come from the host: this is not a chroot.
 */
final class BuildSandbox {

    /** Where the sandbox directory appears inside the namespace. */
    static final String INSIDE = "/tmp";

    /** The build's top directory inside the namespace. */
    static final String TOPDIR = INSIDE + "/build";

    /** The layer's rpm database inside the namespace. */
    static final String LAYER_DB = INSIDE + "/layer/" + DependencyLayer.DB_NAME;

    /**
     * Sets up the mounts and runs the command: {@code sh sandbox.sh ROOT DIR... --
     * LIBDIR... -- COMMAND...}. The script is constant (written next to the sandbox directory so
     * logs name it rather than print it); every path reaches it as an argument. When
     * the layer has library directories the host's loader does not search (Fedora's {@code
     * /usr/lib64} on Debian), a private {@code ld.so.cache} lists them after the host's own, so
     * programs of the layer find their libraries and host programs keep the host's.
     */
    private static final String SCRIPT = String.join(
            "\n",
            "set -eu",
            "root=$1; shift",
            "while [ \"$1\" != \"--\" ]; do",
            "  mount -t overlay keel-layer -o \"ro,lowerdir=$root/layer/$1:/$1\" \"/$1\"",
            "  shift",
            "done",
            "shift",
            "libs=",
            "while [ \"$1\" != \"--\" ]; do libs=\"$libs $1\"; shift; done",
            "shift",
            "if [ -n \"$libs\" ] && [ -f /etc/ld.so.cache ]; then",
            "  { if [ -f /etc/ld.so.conf ]; then echo 'include /etc/ld.so.conf'; fi;"
                    + " for d in $libs; do echo \"$d\"; done; } > \"$root/ld.so.conf\"",
            "  ldconfig -X -C \"$root/ld.so.cache\" -f \"$root/ld.so.conf\"",
            "  mount --bind \"$root/ld.so.cache\" /etc/ld.so.cache",
            "fi",
            "mount --bind \"$root/shm\" /dev/shm",
            "mount --bind \"$root\" /var/tmp",
            "mount --bind \"$root\" /tmp",
            "mount -o remount,bind,ro /",
            "cd /tmp",
            "exec \"$@\"",
            "");

    /** Library directories of RPM-based distros that a Debian host's loader does not search. */
    private static final List<String> LIBRARY_DIRECTORIES = List.of("usr/lib64", "lib64");

    /** Where the distro's pkg-config files are, searched before the host's (as Fedora's pkgconf does). */
    static final String PKG_CONFIG_PATH = "/usr/lib64/pkgconfig:/usr/share/pkgconfig";

    private final Path root;

    /** @param root the sandbox directory on the host (created, emptied) */
    BuildSandbox(Path root) {
        this.root = root.toAbsolutePath().normalize();
    }

    /** Creates the sandbox's directories; refuses a path that an overlay mount cannot name. */
    void create() throws IOException {
        requireMountable(root.toString(), root);
        for (String directory : List.of("build", "home", "layer", "shm")) {
            Files.createDirectories(root.resolve(directory));
        }
        Files.writeString(script(), SCRIPT, java.nio.charset.StandardCharsets.UTF_8);
    }

    private Path script() {
        return root.resolveSibling("sandbox.sh");
    }

    /** The build's top directory, seen from the host. */
    Path topdir() {
        return root.resolve("build");
    }

    Path layer() {
        return root.resolve("layer");
    }

    /** {@code HOME} of the programs run outside the namespace. */
    Path home() {
        return root.resolve("home");
    }

    /** A path inside the namespace for a path in the sandbox. */
    static String inside(String relative) {
        return INSIDE + "/" + relative;
    }

    /** {@code command} run in the namespace, with {@code HOME} and {@code TMPDIR} inside the sandbox. */
    ToolCommand command(List<String> command, Map<String, String> environment, Duration timeout) throws IOException {
        List<String> arguments = new ArrayList<>(
                List.of("unshare", "--mount", "--propagation", "private", "--", "sh", script().toString()));
        arguments.add(root.toString());
        arguments.addAll(layerDirectories());
        arguments.add("--");
        for (String directory : LIBRARY_DIRECTORIES) {
            if (Files.isDirectory(layer().resolve(directory), LinkOption.NOFOLLOW_LINKS)) {
                arguments.add("/" + directory);
            }
        }
        arguments.add("--");
        arguments.addAll(command);
        Map<String, String> inside = new java.util.TreeMap<>(environment);
        inside.put("HOME", inside("home"));
        inside.put("TMPDIR", INSIDE);
        inside.put("PKG_CONFIG_PATH", PKG_CONFIG_PATH);
        return new ToolCommand(arguments, inside, timeout);
    }

    /**
     * The layer's top-level directories, each one the host has as a real directory (a layer
     * directory the host lacks, or has as a symbolic link, cannot be overlaid).
     */
    private List<String> layerDirectories() throws IOException {
        List<String> names = new ArrayList<>();
        try (Stream<Path> entries = Files.list(layer())) {
            for (Path entry : entries.sorted().toList()) {
                String name = entry.getFileName().toString();
                if (name.equals(DependencyLayer.DB_NAME)) {
                    continue;
                }
                requireMountable(name, entry);
                Path host = Path.of("/", name);
                if (!Files.isDirectory(entry, LinkOption.NOFOLLOW_LINKS)
                        || !Files.isDirectory(host, LinkOption.NOFOLLOW_LINKS)) {
                    throw new FailureException(Failure.of(
                                    Failure.Kind.TOOL,
                                    "the build dependencies install files under /" + name
                                            + ", which this host has not as a directory")
                            .withHint("the local backend can only show build dependencies' files under the"
                                    + " host's own top-level directories (/usr, /etc, ...)"));
                }
                names.add(name);
            }
        }
        return names;
    }

    /** Overlay mount options are comma- and colon-separated: a path holding either cannot be named. */
    private static void requireMountable(String text, Path path) throws IOException {
        if (text.contains(",") || text.contains(":") || text.contains("\\") || text.contains("\n")) {
            throw new FailureException(Failure.of(
                            Failure.Kind.CONFIGURATION,
                            "the build directory " + path + " contains a ',', ':', '\\' or a line break, which a"
                                    + " mount cannot name")
                    .at(Location.of(path))
                    .withHint("set the project's work-dir to a path without those characters"));
        }
    }
}
