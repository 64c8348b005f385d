package dev.keel.audit.attest;

import dev.keel.core.config.Location;
import dev.keel.core.io.AtomicFiles;
import dev.keel.core.outcome.Failure;
import dev.keel.core.outcome.FailureException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.List;

/**
 * Where attestations are written: {@code <dir>/<component>.intoto.json}, one DSSE envelope per
 * component, each written atomically (a temporary file renamed into place), as render writes its
 * files: without waiting for the disk (an attestation is made again, the same, from the same
 * inputs; waiting for each of thousands tripled the time of {@code attest -a}). Nothing is written
 * through a link: a link, directory or special file where an envelope goes is refused.
 */
public final class EnvelopeFiles {

    /** The suffix of an envelope's file, as in-toto names a stored envelope. */
    public static final String SUFFIX = ".intoto.json";

    private EnvelopeFiles() {}

    /**
     * Signs the statement with {@code keys} (none: unsigned) and writes its envelope.
     *
     * @return the file written
     */
    public static Path write(Path directory, String component, Statement statement, List<SigningKey> keys)
            throws IOException {
        Path target = directory.toAbsolutePath().normalize().resolve(component + SUFFIX);
        if (!target.getParent().equals(directory.toAbsolutePath().normalize())) {
            throw new IllegalArgumentException("not a plain component name: " + component);
        }
        if (Files.exists(target, LinkOption.NOFOLLOW_LINKS)
                && !Files.isRegularFile(target, LinkOption.NOFOLLOW_LINKS)) {
            throw new FailureException(Failure.of(
                            Failure.Kind.FILESYSTEM,
                            "a link, directory or special file is where the attestation goes, and Keel writes no file"
                                    + " through it")
                    .at(Location.of(target))
                    .withHint("remove it, or give another -o directory"));
        }
        byte[] payload = AttestationJson.compact(statement);
        AtomicFiles.writeCache(
                target,
                DsseEnvelope.of(Dsse.IN_TOTO_PAYLOAD_TYPE, payload, keys).toJson());
        return target;
    }
}
