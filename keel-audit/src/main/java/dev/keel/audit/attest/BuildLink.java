package dev.keel.audit.attest;

import dev.keel.core.io.Digests;
import java.io.IOException;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;

/**
 * Whether a build was made from the rendered files: its source RPM holds the rendered spec, and
 * every other rendered file it holds, byte for byte (by the digests in its header), and each of
 * its binary RPMs names that source RPM as the one it was built from. A build of older rendered
 * files fails this, so an attestation never names inputs that did not make its RPMs, and an SBOM
 * never describes RPMs as built from a source package they were not built from.
 */
public final class BuildLink {

    private BuildLink() {}

    /**
     * What links the build to other files than these, in words; empty when it is made from them.
     *
     * @param sourceRpm the build's source RPM
     * @param rpms its binary RPMs
     * @param rendered the rendered directory's top-level files, by name
     * @param spec the rendered spec's name
     */
    public static List<String> problems(Path sourceRpm, List<Path> rpms, Map<String, Path> rendered, String spec) {
        List<String> problems = new ArrayList<>();
        String srpmName = sourceRpm.getFileName().toString();
        try {
            RpmHeader header = RpmHeader.read(sourceRpm);
            String algorithm = header.digestAlgorithm();
            SortedMap<String, String> held = header.fileDigests();
            if (!held.containsKey(spec)) {
                problems.add(srpmName + " holds no " + spec);
            }
            for (Map.Entry<String, String> file : held.entrySet()) {
                Path renderedFile = rendered.get(file.getKey());
                if (renderedFile != null
                        && !Digests.hex(algorithm, renderedFile, LinkOption.NOFOLLOW_LINKS)
                                .equals(file.getValue())) {
                    problems.add(srpmName + " holds another " + file.getKey() + " than the rendered one");
                }
            }
        } catch (IOException e) {
            problems.add("cannot read the header of " + srpmName + ": " + e.getMessage());
        }
        for (Path rpm : rpms) {
            String name = rpm.getFileName().toString();
            try {
                String source = RpmHeader.read(rpm).sourceRpm().orElse("");
                if (!source.equals(srpmName)) {
                    problems.add(name + " was built from " + (source.isEmpty() ? "no source RPM" : source) + ", not "
                            + srpmName);
                }
            } catch (IOException e) {
                problems.add("cannot read the header of " + name + ": " + e.getMessage());
            }
        }
        return problems;
    }
}
