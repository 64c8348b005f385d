package dev.keel.audit.sbom;

import dev.keel.audit.sbom.LicenseCheck.LicenseExpression;
import java.util.Optional;

/**
 * A source or binary RPM of a component's last build, as its header names it: the file itself,
 * not the spec's reading of what it should be.
 *
 * @param fileName the file's name ({@code curl-8.11.1-2.azl4.x86_64.rpm}), never its machine's path
 * @param arch {@code src} for the source RPM, else the header's arch
 * @param license the header's License, checked; empty when it has none
 * @param summary the header's Summary, if any
 * @param sha256 the SHA-256 of the file
 * @param purl {@code pkg:rpm/<vendor>/<name>@<version>-<release>?arch=<arch>&distro=...&epoch=...}
 * @param sourceRpm the source RPM it was built from (its file name); empty for the source RPM
 */
record BuiltPackage(
        String fileName,
        String name,
        Optional<String> epoch,
        String version,
        String release,
        String arch,
        Optional<LicenseExpression> license,
        Optional<String> summary,
        String sha256,
        String purl,
        Optional<String> sourceRpm) {

    /** Whether it is the build's source RPM. */
    boolean isSource() {
        return sourceRpm.isEmpty();
    }

    String versionRelease() {
        return version + "-" + release;
    }
}
