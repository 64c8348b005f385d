package dev.keel.audit.sbom;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** The document formats of an SBOM. */
public enum SbomFormat {
    /** CycloneDX 1.6 JSON, with pedigree and VEX. */
    CYCLONEDX,
    /** SPDX 2.3 JSON. */
    SPDX;

    /** The document, as bytes (UTF-8 JSON ending with a newline); the same bytes for the same SBOM. */
    public byte[] write(Sbom sbom) {
        SbomWriter writer = writer(sbom.distro(), sbom.tool(), sbom.created());
        Map<String, ComponentBuild> builds = new HashMap<>();
        sbom.builds().forEach(build -> builds.put(build.component(), build));
        for (SbomComponent component : sbom.components()) {
            writer.add(component, Optional.ofNullable(builds.get(component.name())));
        }
        return writer.finish(sbom);
    }

    /** A writer of a document in this format, to be given the components one at a time. */
    SbomWriter writer(DistroName distro, String tool, Instant created) {
        return switch (this) {
            case CYCLONEDX -> CycloneDxWriter.writer();
            case SPDX -> new SpdxWriter(distro, tool, created);
        };
    }
}
