package dev.keel.audit.attest;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The package an RPM file holds, as its main header names it (read without rpm, bounded: a damaged
 * or hostile file is an {@link IOException}).
 *
 * @param epoch the {@code Epoch}, when the package has one
 * @param arch the header's arch: for a source RPM, the arch of the machine that made it
 * @param license the {@code License} tag, when the header has one
 * @param summary the {@code Summary}, untranslated, when the header has one
 * @param sourceRpm the source RPM a binary RPM was built from; empty for a source RPM
 */
public record RpmPackage(
        String name,
        Optional<String> epoch,
        String version,
        String release,
        String arch,
        Optional<String> license,
        Optional<String> summary,
        Optional<String> sourceRpm) {

    /** The package of an RPM file. */
    public static RpmPackage read(Path file) throws IOException {
        return RpmHeader.read(file).rpmPackage();
    }

    /** Whether it is a source RPM: rpm's own test, a header that names no source RPM. */
    public boolean isSource() {
        return sourceRpm.isEmpty();
    }
}
