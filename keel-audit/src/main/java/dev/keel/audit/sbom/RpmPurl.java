package dev.keel.audit.sbom;

import com.github.packageurl.MalformedPackageURLException;
import com.github.packageurl.PackageURL;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** Package URLs of type rpm, canonical (qualifiers sorted, names encoded). */
final class RpmPurl {

    private RpmPurl() {}

    /**
     * @param vendor the distro ({@code azurelinux}), the URL's namespace
     * @param versionRelease {@code version-release}, or empty when unknown
     * @param arch {@code src} for a source package, else the binary package's arch
     * @param qualifiers the others ({@code distro})
     */
    static String of(
            String vendor,
            String name,
            Optional<String> versionRelease,
            Optional<String> epoch,
            String arch,
            Map<String, String> qualifiers) {
        TreeMap<String, String> all = new TreeMap<>(qualifiers);
        all.put("arch", arch);
        epoch.ifPresent(e -> all.put("epoch", e));
        try {
            return new PackageURL("rpm", vendor, name, versionRelease.orElse(null), all, null).canonicalize();
        } catch (MalformedPackageURLException e) {
            throw new IllegalArgumentException("no package URL for " + name + ": " + e.getMessage(), e);
        }
    }
}
