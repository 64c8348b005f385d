package dev.keel.core.render;

import dev.keel.core.autospec.AutoreleaseFlags;
import dev.keel.core.autospec.PackageHistory;
import dev.keel.core.autospec.SpecFeatures;
import dev.keel.core.config.Project;
import dev.keel.core.config.ResolvedComponent;
import dev.keel.core.config.model.BuildConfig;
import dev.keel.core.config.model.SpecType;
import dev.keel.spec.Spec;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The {@code %fedora_upstream_version} and {@code %fedora_upstream_release} macros
 * ({@code build.emit-upstream-provenance}): the pristine upstream spec's first Version, verbatim,
 * and its Release with the dist tag made concrete ({@code .fcN}). A {@code %autorelease} Release is
 * computed from the upstream history in pure Java (azldev runs rpmautospec in mock for this).
 * Only for upstream specs of a numbered Fedora release.
 */
final class UpstreamProvenance {

    private UpstreamProvenance() {}

    static Map<String, String> macros(
            Project project,
            ResolvedComponent component,
            Spec pristine,
            Optional<PackageHistory> history,
            List<String> notes) {
        Map<String, String> macros = new TreeMap<>();
        BuildConfig build = component.config().build();
        String dist = fedoraDist(project, component);
        if (build == null
                || !Boolean.TRUE.equals(build.emitUpstreamProvenance())
                || component.specType() != SpecType.UPSTREAM
                || dist == null) {
            return macros;
        }
        String version = pristine.tagValue("Version");
        if (version != null) {
            macros.put("fedora_upstream_version", version.strip());
        }
        String release = pristine.tagValue("Release");
        if (release == null) {
            return macros;
        }
        if (SpecFeatures.usesAutorelease("Release: " + release)) {
            if (history.isEmpty()) {
                notes.add("warning: %fedora_upstream_release left out: %autorelease needs the upstream history");
                return macros;
            }
            macros.put(
                    "fedora_upstream_release",
                    history.get().headRelease() + (AutoreleaseFlags.noDist(release) ? "" : dist));
        } else {
            macros.put(
                    "fedora_upstream_release",
                    release.strip().replace("%{?dist}", dist).replace("%{dist}", dist));
        }
        return macros;
    }

    /** {@code .fcN} for a component of Fedora release N (numbered, not rawhide), else null. */
    private static String fedoraDist(Project project, ResolvedComponent component) {
        return project.distroVersion(component)
                .filter(version -> version.definition() != null)
                .map(version -> Project.fedoraRelease(
                        version.name(), version.definition().releaseVer()))
                .filter(release -> release.isPresent())
                .map(release -> ".fc" + release.getAsInt())
                .orElse(null);
    }
}
