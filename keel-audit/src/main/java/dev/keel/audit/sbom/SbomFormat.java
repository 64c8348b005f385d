package dev.keel.audit.sbom;

/** The document formats of an SBOM. */
public enum SbomFormat {
    /** CycloneDX 1.6 JSON, with pedigree and VEX. */
    CYCLONEDX,
    /** SPDX 2.3 JSON. */
    SPDX;

    /** The document, as bytes (UTF-8 JSON ending with a newline); the same bytes for the same SBOM. */
    public byte[] write(Sbom sbom) {
        return switch (this) {
            case CYCLONEDX -> CycloneDxWriter.write(sbom);
            case SPDX -> SpdxWriter.write(sbom);
        };
    }
}
