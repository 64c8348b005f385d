package dev.keel.core.config;

import dev.keel.core.config.model.ConfigFile;
import dev.keel.core.config.model.DistroDefinition;
import dev.keel.core.config.model.DistroReference;
import dev.keel.core.config.model.DistroVersionDefinition;
import dev.keel.core.config.model.ProjectInfo;
import dev.keel.core.config.model.ProjectRenderConfig;
import dev.keel.core.config.model.RenderTexts;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.SortedMap;

/**
 * A loaded, validated project: its files, the merged configuration (as a tree with locations and
 * as typed records) and every component resolved.
 *
 * @param configFile the root file ({@code azldev.toml} or {@code keel.toml})
 * @param files every file loaded, in load order
 * @param tree the merged configuration
 * @param config the merged configuration as records
 * @param components every component by name, resolved
 * @param groupMembers every component group's members (explicit and found by spec globs), sorted
 * @param warnings problems that did not stop the load
 */
public record Project(
        Path configFile,
        List<Path> files,
        ConfigNode.Table tree,
        ConfigFile config,
        SortedMap<String, ResolvedComponent> components,
        SortedMap<String, List<String>> groupMembers,
        List<ConfigError> warnings) {

    /** The project directory: where the root file is. */
    public Path root() {
        return configFile.getParent();
    }

    public Map<String, DistroDefinition> distros() {
        return config.distros() == null ? Map.of() : config.distros();
    }

    /**
     * A component's distro version: its {@code upstream-distro} (name, else the project default's
     * name; version, else the distro's default version), or the project's {@code default-distro}.
     *
     * @param name the distro's name
     * @param version the version's key
     * @param distro the distro's definition, or null when there is none of that name
     * @param definition the version's definition, or null when the distro has none of that key
     * @param reference the reference the values came from (its snapshot included)
     */
    public record DistroVersion(
            String name,
            String version,
            DistroDefinition distro,
            DistroVersionDefinition definition,
            DistroReference reference) {}

    /** The component's distro version, or empty when neither it nor the project names a distro. */
    public Optional<DistroVersion> distroVersion(ResolvedComponent component) {
        DistroReference reference = component.upstreamDistro();
        if (reference == null || reference.name() == null) {
            reference = config.project() == null ? null : config.project().defaultDistro();
        }
        if (reference == null || reference.name() == null) {
            return Optional.empty();
        }
        DistroDefinition distro = distros().get(reference.name());
        String version = reference.version() != null && !reference.version().isEmpty()
                ? reference.version()
                : distro == null ? null : distro.defaultVersion();
        DistroVersionDefinition definition = distro == null || distro.versions() == null || version == null
                ? null
                : distro.versions().get(version);
        return Optional.of(new DistroVersion(reference.name(), version, distro, definition, reference));
    }

    /**
     * The Fedora release a distro version is (distro {@code fedora}, any case, with a numeric
     * release-ver), or empty: rawhide and other distros have none.
     */
    public static OptionalInt fedoraRelease(String distro, String releaseVer) {
        return distro != null
                        && distro.equalsIgnoreCase("fedora")
                        && releaseVer != null
                        && releaseVer.matches("\\d{1,4}")
                ? OptionalInt.of(Integer.parseInt(releaseVer))
                : OptionalInt.empty();
    }

    /** The release-ver of the component's distro version, or "" when it has none. */
    public String releaseVer(ResolvedComponent component) {
        return distroVersion(component)
                .map(DistroVersion::definition)
                .map(DistroVersionDefinition::releaseVer)
                .orElse("");
    }

    /** How the comments in rendered specs are worded ({@code render.texts}, default {@code keel}). */
    public RenderTexts renderTexts() {
        ProjectInfo info = config.project();
        return info == null || info.render() == null || info.render().texts() == null
                ? RenderTexts.KEEL
                : info.render().texts();
    }

    /** The rpmautospec version azldev-worded renders name ({@code render.rpmautospec-version}). */
    public String rpmautospecVersion() {
        ProjectInfo info = config.project();
        return info == null || info.render() == null || info.render().rpmautospecVersion() == null
                ? ProjectRenderConfig.DEFAULT_RPMAUTOSPEC_VERSION
                : info.render().rpmautospecVersion();
    }

    /** Where rendered specs go ({@code rendered-specs-dir}, default {@code specs}). */
    public Path renderedSpecsDir() {
        return projectPath(ProjectInfo::renderedSpecsDir, "specs");
    }

    /** Where lock files are ({@code lock-dir}, default {@code locks}). */
    public Path lockDir() {
        return projectPath(ProjectInfo::lockDir, "locks");
    }

    /** Scratch space ({@code work-dir}, default {@code build/work}). */
    public Path workDir() {
        return projectPath(ProjectInfo::workDir, "build/work");
    }

    /** Build outputs ({@code output-dir}, default {@code out}). */
    public Path outputDir() {
        return projectPath(ProjectInfo::outputDir, "out");
    }

    /** Build logs ({@code log-dir}, default {@code build/logs}). */
    public Path logDir() {
        return projectPath(ProjectInfo::logDir, "build/logs");
    }

    private Path projectPath(java.util.function.Function<ProjectInfo, String> getter, String fallback) {
        String value = config.project() == null ? null : getter.apply(config.project());
        return value == null || value.isEmpty() ? root().resolve(fallback) : Path.of(value);
    }
}
