package dev.keel.build.backend;

import dev.keel.core.config.Project;
import dev.keel.core.config.model.DistroDefinition;
import dev.keel.core.config.model.DistroReference;
import dev.keel.core.config.model.DistroVersionDefinition;
import java.util.Optional;

/**
 * The distro version a project builds: its {@code default-distro} (the version named there, else
 * the distro's default version). Components take their specs from their upstream distro; they are
 * built for this one (its mock configuration, dist tag and build inputs).
 *
 * @param distro the distro's name
 * @param version the version's key, or null when neither names one
 * @param definition the version's definition, or null when the distro has no such version
 */
public record BuildTarget(String distro, String version, DistroVersionDefinition definition) {

    /** The project's build target, or empty when it has no default distro. */
    public static Optional<BuildTarget> of(Project project) {
        DistroReference reference = project.config().project() == null
                ? null
                : project.config().project().defaultDistro();
        if (reference == null || reference.name() == null) {
            return Optional.empty();
        }
        return Optional.of(of(project, reference.name(), reference.version()));
    }

    /**
     * The version {@code version} of distro {@code name} as a build target; the distro's default
     * version when {@code version} is null or empty.
     */
    public static BuildTarget of(Project project, String name, String version) {
        DistroDefinition distro = project.distros().get(name);
        String key = version != null && !version.isEmpty() ? version : distro == null ? null : distro.defaultVersion();
        DistroVersionDefinition definition = distro == null || distro.versions() == null || key == null
                ? null
                : distro.versions().get(key);
        return new BuildTarget(name, key, definition);
    }

    /** {@code name version}, for messages. */
    public String label() {
        return distro + (version == null ? "" : " " + version);
    }
}
