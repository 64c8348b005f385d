package dev.keel.build.tool;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * dnf as Keel runs it, touching nothing of the host: a configuration file and an install root of
 * Keel's (dnf reads no host rpm database or {@code /etc/dnf/dnf.conf}, and keeps its history in
 * the root), its cache and logs in Keel's work directory, no repository of the host's {@code
 * /etc/yum.repos.d}, no plugin but the one a command needs (Debian's {@code local} plugin would
 * copy packages into {@code /var/lib/dnf}), and only the repositories given, each with its own
 * signature setting. Debian's rpm keeps its database under {@code ~/.rpmdb}; the {@code HOME} of
 * dnf's runs has a macros file that puts it where a Fedora root has it.
 */
public final class Dnf {

    /**
     * A repository dnf reads.
     *
     * @param id its name in dnf's output
     * @param baseUri {@code file:///...}, {@code https://...} ({@code $releasever} and {@code
     *     $basearch} are expanded by dnf)
     * @param gpgKey the key that signed it, or null when signatures are not checked
     */
    public record Repository(String id, String baseUri, String gpgKey) {}

    private final Path work;
    private final ToolRunner runner;

    /** dnf with its configuration, cache, logs and {@code HOME} in {@code work} (created). */
    public Dnf(Path work) throws IOException {
        this.work = work.toAbsolutePath();
        Path home = this.work.resolve("home");
        Files.createDirectories(home);
        Files.writeString(home.resolve(".rpmmacros"), "%_dbpath /usr/lib/sysimage/rpm\n", StandardCharsets.UTF_8);
        Files.writeString(this.work.resolve("dnf.conf"), "[main]\n", StandardCharsets.UTF_8);
        this.runner = new ToolRunner(home);
    }

    public ToolRunner runner() {
        return runner;
    }

    /**
     * The first arguments of a dnf command.
     *
     * @param installRoot the root dnf acts on (an empty directory for queries)
     * @param releaseVer the {@code $releasever} of repository addresses
     * @param plugin the one plugin to enable (for a command such as repoclosure), or null for none
     */
    public List<String> arguments(Path installRoot, String releaseVer, String plugin, List<Repository> repositories) {
        String cache = work.resolve("cache").toString();
        List<String> arguments = new ArrayList<>(List.of(
                "dnf",
                "--quiet",
                "--assumeyes",
                "--config=" + work.resolve("dnf.conf"),
                "--installroot=" + installRoot.toAbsolutePath(),
                "--releasever=" + (releaseVer == null || releaseVer.isEmpty() ? "1" : releaseVer),
                "--setopt=reposdir=/dev/null",
                "--setopt=cachedir=" + cache,
                "--setopt=logdir=" + cache,
                "--setopt=install_weak_deps=False",
                "--refresh"));
        if (plugin == null) {
            arguments.add("--noplugins");
        } else {
            arguments.add("--disableplugin=*");
            arguments.add("--enableplugin=" + plugin);
        }
        for (Repository repository : repositories) {
            arguments.add("--repofrompath=" + repository.id() + "," + repository.baseUri());
            if (repository.gpgKey() == null) {
                arguments.add("--setopt=" + repository.id() + ".gpgcheck=0");
            } else {
                arguments.add("--setopt=" + repository.id() + ".gpgcheck=1");
                arguments.add("--setopt=" + repository.id() + ".gpgkey=" + repository.gpgKey());
            }
        }
        return arguments;
    }
}
