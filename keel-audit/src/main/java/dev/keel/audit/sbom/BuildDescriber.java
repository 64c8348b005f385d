package dev.keel.audit.sbom;

import dev.keel.audit.attest.BuildLink;
import dev.keel.audit.attest.RpmPackage;
import dev.keel.core.io.Digests;
import java.io.IOException;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Describes a component's last build for an SBOM, once {@link BuildLink} shows that it is of the
 * rendered files: each RPM's package as its header names it (read without rpm), the SHA-256 of
 * the file and its package URL. A build that is not of the rendered files, or whose headers cannot
 * be read, is not described: the SBOM never says an RPM comes from a source it does not come from.
 * Safe for concurrent use.
 */
final class BuildDescriber {

    /** What a build is to the SBOM. */
    sealed interface Result {}

    /** The build is of the rendered files. */
    record Linked(ComponentBuild build) implements Result {}

    /** The build is not described, for these reasons (in words, naming the files). */
    record NotLinked(List<String> problems) implements Result {
        NotLinked {
            problems = List.copyOf(problems);
        }
    }

    private final DistroName distro;

    BuildDescriber(DistroName distro) {
        this.distro = distro;
    }

    /**
     * @param files the files the build published, the source RPM first (not empty)
     * @param rendered the component's rendered top-level files, by name (what a source RPM can hold)
     * @param spec the rendered spec's name
     */
    Result describe(String component, List<Path> files, Map<String, Path> rendered, String spec) {
        List<String> problems = BuildLink.problems(files.get(0), files.subList(1, files.size()), rendered, spec);
        if (!problems.isEmpty()) {
            return new NotLinked(problems);
        }
        List<BuiltPackage> packages = new ArrayList<>();
        for (Path file : files) {
            try {
                packages.add(describe(file));
            } catch (IOException | IllegalArgumentException e) {
                return new NotLinked(List.of("cannot describe " + file.getFileName() + ": " + e.getMessage()));
            }
        }
        BuiltPackage source = packages.get(0);
        if (!source.isSource()) {
            return new NotLinked(List.of(source.fileName() + " is not a source RPM: its header names "
                    + source.sourceRpm().get() + " as its source"));
        }
        List<BuiltPackage> rpms = new ArrayList<>(packages.subList(1, packages.size()));
        rpms.sort(Comparator.comparing(BuiltPackage::fileName));
        return new Linked(new ComponentBuild(component, source, rpms));
    }

    private BuiltPackage describe(Path file) throws IOException {
        RpmPackage rpm = RpmPackage.read(file);
        String arch = rpm.isSource() ? "src" : rpm.arch();
        return new BuiltPackage(
                file.getFileName().toString(),
                rpm.name(),
                rpm.epoch(),
                rpm.version(),
                rpm.release(),
                arch,
                rpm.license().map(LicenseCheck::check),
                rpm.summary().map(String::strip).filter(text -> !text.isEmpty()),
                Digests.hex("SHA-256", file, LinkOption.NOFOLLOW_LINKS),
                RpmPurl.of(
                        distro.vendor(),
                        rpm.name(),
                        Optional.of(rpm.version() + "-" + rpm.release()),
                        rpm.epoch(),
                        arch,
                        distro.qualifier()),
                rpm.sourceRpm());
    }
}
