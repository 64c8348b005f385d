package dev.keel.audit.sbom;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A component's last complete build, shown to be of its rendered files: the source RPM holds the
 * rendered spec and every other rendered file it holds, byte for byte, and each binary RPM names
 * that source RPM as the one it was built from.
 *
 * @param component the component's name
 * @param sourceRpm the source RPM, built from the rendered files
 * @param rpms the binary RPMs, built from the source RPM, sorted by file name
 */
record ComponentBuild(String component, BuiltPackage sourceRpm, List<BuiltPackage> rpms) {

    ComponentBuild {
        rpms = List.copyOf(rpms);
    }

    /** The source RPM, then the binary RPMs. */
    List<BuiltPackage> packages() {
        List<BuiltPackage> all = new ArrayList<>(List.of(sourceRpm));
        all.addAll(rpms);
        return all;
    }

    /**
     * The License texts of its packages that are not valid SPDX expressions, with the files that
     * state them, leaving out {@code reported} (the source component's, already reported).
     */
    Map<LicenseCheck.LicenseExpression, List<String>> invalidLicenses(Optional<String> reported) {
        Map<LicenseCheck.LicenseExpression, List<String>> invalid =
                new TreeMap<>(Comparator.comparing(LicenseCheck.LicenseExpression::text));
        for (BuiltPackage pkg : packages()) {
            pkg.license()
                    .filter(license -> !license.valid() && !reported.equals(Optional.of(license.text())))
                    .ifPresent(license -> invalid.computeIfAbsent(license, key -> new ArrayList<>())
                            .add(pkg.fileName()));
        }
        return invalid;
    }
}
