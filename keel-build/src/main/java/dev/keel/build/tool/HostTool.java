package dev.keel.build.tool;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The programs Keel's builds and repository checks run, each with the Debian package that
 * installs it, so that a missing one is reported with exactly what to install.
 */
public enum HostTool {
    RPM("rpm", "rpm"),
    RPMBUILD("rpmbuild", "rpm"),
    CREATEREPO("createrepo_c", "createrepo-c"),
    DNF("dnf", "dnf"),
    /** dnf's repoclosure command, a plugin. */
    REPOCLOSURE("dnf repoclosure", "dnf-plugins-core"),
    UNSHARE("unshare", "util-linux"),
    MOUNT("mount", "mount");

    /** Where dnf's plugins are on Debian (dist-packages) and Fedora (site-packages). */
    private static final List<String> PLUGIN_DIRECTORIES = List.of("/usr/lib/python3/dist-packages/dnf-plugins");

    private final String program;
    private final String debianPackage;

    HostTool(String program, String debianPackage) {
        this.program = program;
        this.debianPackage = debianPackage;
    }

    /** The program (or command) as users know it. */
    public String program() {
        return program;
    }

    /** The Debian package that installs it. */
    public String debianPackage() {
        return debianPackage;
    }

    /** Whether the program is installed. */
    public boolean installed() {
        if (this == REPOCLOSURE) {
            return DNF.installed() && repoclosurePlugin().isPresent();
        }
        return ToolRunner.find(program).isPresent();
    }

    /**
     * What to say when some of {@code tools} are missing, or empty when all are installed: {@code
     * rpmbuild and createrepo_c are not installed: apt-get install -y rpm createrepo-c}.
     */
    public static Optional<String> missing(Collection<HostTool> tools) {
        List<HostTool> absent =
                tools.stream().distinct().filter(tool -> !tool.installed()).toList();
        if (absent.isEmpty()) {
            return Optional.empty();
        }
        List<String> programs = absent.stream().map(HostTool::program).toList();
        Set<String> packages = new LinkedHashSet<>();
        absent.forEach(tool -> packages.add(tool.debianPackage()));
        String names = programs.size() == 1
                ? programs.get(0) + " is"
                : String.join(", ", programs.subList(0, programs.size() - 1)) + " and "
                        + programs.get(programs.size() - 1) + " are";
        return Optional.of(names + " not installed: apt-get install -y " + String.join(" ", packages));
    }

    private static Optional<Path> repoclosurePlugin() {
        List<Path> candidates = new ArrayList<>();
        PLUGIN_DIRECTORIES.forEach(directory -> candidates.add(Path.of(directory, "repoclosure.py")));
        try (Stream<Path> lib = Files.list(Path.of("/usr/lib"))) {
            lib.filter(path -> path.getFileName().toString().startsWith("python3."))
                    .sorted()
                    .forEach(path -> candidates.add(path.resolve("site-packages/dnf-plugins/repoclosure.py")));
        } catch (java.io.IOException e) {
            // no /usr/lib listing: only the fixed candidates
        }
        return candidates.stream().filter(Files::isRegularFile).findFirst();
    }
}
