package dev.keel.audit.sbom;

import dev.keel.core.config.Project;
import dev.keel.core.config.model.DistroReference;
import dev.keel.core.config.model.DistroVersionDefinition;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The distro a project builds, as package URLs name it: the vendor (the {@code default-distro}'s
 * name, lower-cased; {@code local} when the project names none) and the {@code distro} qualifier
 * ({@code <name>-<release-ver>}, when the version has one).
 */
public record DistroName(String vendor, Map<String, String> qualifier) {

    static final String NO_DISTRO = "local";

    static DistroName of(Project project) {
        DistroReference reference = project.config().project() == null
                ? null
                : project.config().project().defaultDistro();
        if (reference == null || reference.name() == null || reference.name().isEmpty()) {
            return new DistroName(NO_DISTRO, Map.of());
        }
        String vendor = reference.name().toLowerCase(Locale.ROOT);
        var distro = project.distros().get(reference.name());
        String version = reference.version() != null && !reference.version().isEmpty()
                ? reference.version()
                : distro == null ? null : distro.defaultVersion();
        Optional<String> releaseVer = Optional.ofNullable(distro)
                .map(d -> d.versions() == null || version == null
                        ? null
                        : d.versions().get(version))
                .map(DistroVersionDefinition::releaseVer)
                .or(() -> Optional.ofNullable(version));
        TreeMap<String, String> qualifier = new TreeMap<>();
        releaseVer.ifPresent(ver -> qualifier.put("distro", vendor + "-" + ver));
        return new DistroName(vendor, qualifier);
    }
}
