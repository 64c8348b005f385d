package dev.keel.core.source;

import dev.keel.core.config.Project;
import dev.keel.core.config.ProjectLoader;
import java.nio.file.Files;
import java.nio.file.Path;

/** Test projects whose distro's dist-git is a directory of real repositories. */
public final class DistGitProjects {

    private DistGitProjects() {}

    /**
     * Writes and loads {@code root/azldev.toml}: distro {@code fedora} version 43 (branch {@code
     * f43}) with {@code $pkg.git} repositories under {@code upstream}, then {@code components}.
     */
    public static Project load(Path root, Path upstream, String components) throws Exception {
        return load(root, upstream, "", components);
    }

    /** The same, with more keys for the distro's table (e.g. its {@code lookaside-base-uri}). */
    public static Project load(Path root, Path upstream, String distroKeys, String components) throws Exception {
        return load(root, upstream.toUri().toString(), distroKeys, components);
    }

    /** The same with the repositories at {@code baseUri + "$pkg.git"}. */
    public static Project load(Path root, String baseUri, String distroKeys, String components) throws Exception {
        Files.createDirectories(root);
        Files.writeString(root.resolve("azldev.toml"), """
                [project]
                default-distro = { name = "fedora", version = "43" }
                [distros.fedora]
                dist-git-base-uri = "%s$pkg.git"
                %s
                [distros.fedora.versions.43]
                release-ver = "43"
                dist-git-branch = "f43"
                %s
                """.formatted(baseUri, distroKeys, components));
        return new ProjectLoader(false).load(root.resolve("azldev.toml"));
    }
}
