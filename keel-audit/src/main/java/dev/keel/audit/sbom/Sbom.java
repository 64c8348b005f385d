package dev.keel.audit.sbom;

import dev.keel.core.io.Sha256Records;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.UUID;

/**
 * The SBOM of a distro's rendered components, ready to be written in either format.
 *
 * @param distro the distro the project builds (package URLs' vendor and {@code distro} qualifier)
 * @param tool the tool that made it ({@code keel 0.1.0})
 * @param created when the document says it was made: a fixed time derived from the input ({@link DocumentTime})
 * @param builds the last builds of components, in the components' order, each shown to be of its rendered files
 */
public record Sbom(
        DistroName distro, String tool, Instant created, List<SbomComponent> components, List<ComponentBuild> builds) {

    public Sbom {
        components = List.copyOf(components);
        builds = List.copyOf(builds);
    }

    /** An SBOM of the rendered components only. */
    public Sbom(DistroName distro, String tool, Instant created, List<SbomComponent> components) {
        this(distro, tool, created, components, List.of());
    }

    /** How many components it describes. */
    public int componentCount() {
        return components.size();
    }

    /** How many patches its components have. */
    public int patchCount() {
        return components.stream().mapToInt(c -> c.patches().size()).sum();
    }

    /** How many builds it describes. */
    public int buildCount() {
        return builds.size();
    }

    /** How many RPMs (source and binary) its builds have. */
    public int rpmCount() {
        return builds.stream().mapToInt(b -> b.packages().size()).sum();
    }

    /**
     * The components whose License is not a valid SPDX expression, with why; then the RPMs whose
     * License is not, unless it is their component's (reported once), named
     * {@code <component>: <file>, <file>...}.
     */
    public List<InvalidLicense> invalidLicenses() {
        List<InvalidLicense> invalid = new ArrayList<>(components.stream()
                .filter(c -> c.license().isPresent() && !c.license().get().valid())
                .map(c -> new InvalidLicense(
                        c.name(), c.license().get().text(), c.license().get().problems()))
                .toList());
        Map<String, String> componentLicenses = new HashMap<>();
        components.forEach(c -> c.license().ifPresent(license -> componentLicenses.put(c.name(), license.text())));
        for (ComponentBuild build : builds) {
            build.invalidLicenses(Optional.ofNullable(componentLicenses.get(build.component())))
                    .forEach((license, files) -> invalid.add(new InvalidLicense(
                            build.component() + ": " + String.join(", ", files), license.text(), license.problems())));
        }
        return invalid;
    }

    /** The CVE ids the patches resolve, sorted. */
    public SortedSet<String> cves() {
        SortedSet<String> ids = new TreeSet<>();
        components.forEach(c -> ids.addAll(c.cves()));
        return ids;
    }

    /** A component whose License is not a valid SPDX expression. */
    public record InvalidLicense(String component, String text, List<String> problems) {}

    /**
     * A name-based UUID of the content (everything but the creation time), so that the same
     * content gets the same serial number or namespace, and different content a different one.
     */
    UUID contentId(String format) {
        Sha256Records records = new Sha256Records().add("format", format).add("tool", tool);
        records.add("distro", distro.vendor() + " " + distro.qualifier());
        for (SbomComponent component : components) {
            records.add("component", component.toString());
        }
        for (ComponentBuild build : builds) {
            records.add("build", build.toString());
        }
        return UUID.nameUUIDFromBytes(records.fingerprint().getBytes(StandardCharsets.UTF_8));
    }
}
