package dev.keel.audit.sbom;

import dev.keel.core.io.Sha256Records;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.UUID;

/**
 * The SBOM of a distro's rendered components, ready to be written in either format.
 *
 * @param distro the distro the project builds (package URLs' vendor and {@code distro} qualifier)
 * @param tool the tool that made it ({@code keel 0.1.0})
 * @param created when the document says it was made: a fixed time derived from the input ({@link DocumentTime})
 */
public record Sbom(DistroName distro, String tool, Instant created, List<SbomComponent> components) {

    public Sbom {
        components = List.copyOf(components);
    }

    /** How many components it describes. */
    public int componentCount() {
        return components.size();
    }

    /** How many patches its components have. */
    public int patchCount() {
        return components.stream().mapToInt(c -> c.patches().size()).sum();
    }

    /** The components whose License is not a valid SPDX expression, with why. */
    public List<InvalidLicense> invalidLicenses() {
        return components.stream()
                .filter(c -> c.license().isPresent() && !c.license().get().valid())
                .map(c -> new InvalidLicense(
                        c.name(), c.license().get().text(), c.license().get().problems()))
                .toList();
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
        return UUID.nameUUIDFromBytes(records.fingerprint().getBytes(StandardCharsets.UTF_8));
    }
}
