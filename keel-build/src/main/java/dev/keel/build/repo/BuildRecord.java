package dev.keel.build.repo;

import java.util.List;

/**
 * What the last successful build of a component published, kept in Keel's cache: the fingerprint
 * of its inputs and every file it wrote, with their digests, so the next run can tell whether the
 * component is unchanged and which files are Keel's to replace.
 *
 * @param fingerprint the build fingerprint
 * @param srpm the source RPM
 * @param rpms the binary RPMs
 * @param repoCopies the copies in the {@code --local-repo-with-publish} repository (absolute paths)
 */
public record BuildRecord(String fingerprint, Artifact srpm, List<Artifact> rpms, List<String> repoCopies) {

    /**
     * One published file.
     *
     * @param path relative to the output directory, with {@code /}
     * @param sha256 its digest
     * @param name its package name
     * @param channel the channel it was published to (empty for none)
     */
    public record Artifact(String path, String sha256, String name, String channel) {}

    public BuildRecord {
        rpms = rpms == null ? List.of() : List.copyOf(rpms);
        repoCopies = repoCopies == null ? List.of() : List.copyOf(repoCopies);
    }

    /** Every file, the source RPM first. */
    public List<Artifact> artifacts() {
        List<Artifact> all = new java.util.ArrayList<>();
        if (srpm != null) {
            all.add(srpm);
        }
        all.addAll(rpms);
        return all;
    }
}
