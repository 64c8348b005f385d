package dev.keel.core.lock;

/**
 * A component's lock ({@code locks/NAME.lock}, azldev format version 1): the upstream commit it
 * was resolved to and fingerprints of its inputs.
 *
 * @param importCommit the first upstream commit the component was imported at (write-once), or null
 * @param upstreamCommit the resolved upstream commit, or null for local specs
 * @param manualBump extra release bumps requested with {@code component update --bump}
 * @param inputFingerprint {@code sha256:...} over the component's build inputs
 * @param resolutionInputHash {@code sha256:...} over what decided the upstream commit, or null
 */
public record LockFile(
        String importCommit,
        String upstreamCommit,
        long manualBump,
        String inputFingerprint,
        String resolutionInputHash) {

    /** The only lock format version. */
    public static final long VERSION = 1;
}
