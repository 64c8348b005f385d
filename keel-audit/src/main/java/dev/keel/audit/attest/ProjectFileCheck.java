package dev.keel.audit.attest;

import dev.keel.audit.attest.AttestationVerifier.Check;
import dev.keel.audit.attest.AttestationVerifier.Status;
import dev.keel.core.config.Confinement;
import dev.keel.core.io.Digests;
import dev.keel.core.io.FileErrors;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Whether a file an attestation names is that file of the project: its name is a safe relative
 * path, it stays inside the project through any link, it is a regular file, and its digest
 * (SHA-256, else SHA-512) is the one given. A name refused on the way is never opened.
 */
final class ProjectFileCheck {

    /** The digests a file is checked by, in the order tried: DigestSet's names and the JDK's. */
    private static final List<Map.Entry<String, String>> DIGESTS =
            List.of(Map.entry("sha256", "SHA-256"), Map.entry("sha512", "SHA-512"));

    private final Path root;

    /** @param root the project directory, absolute and normalized */
    ProjectFileCheck(Path root) {
        this.root = root;
    }

    /**
     * Checks the file {@code resource} names.
     *
     * @param check what the report calls it: {@code subject} or {@code dependency}
     */
    Check check(String check, ResourceDescriptor resource) {
        String label = UntrustedText.printable(resource.label());
        Optional<String> unreadable = unreadable(resource.name());
        if (unreadable.isPresent()) {
            return new Check(check, label, Status.FAILED, unreadable.get());
        }
        Path file = root.resolve(resource.name()).normalize();
        for (Map.Entry<String, String> algorithm : DIGESTS) {
            String expected = resource.digest().get(algorithm.getKey());
            if (expected != null) {
                return digest(check, label, file, algorithm, expected);
            }
        }
        return new Check(check, label, Status.FAILED, "no sha256 or sha512 digest to check");
    }

    /** Why the named file is not read: a name that is refused, or no regular file; empty when it is read. */
    private Optional<String> unreadable(String name) {
        Optional<String> unsafe = ProjectFiles.unsafeName(name);
        if (unsafe.isPresent()) {
            return Optional.of(unsafe.get() + ": refused, nothing read");
        }
        Path file = root.resolve(name).normalize();
        if (!Confinement.isInside(root, file)) {
            return Optional.of("leads out of the project through a link: refused, nothing read");
        }
        if (!Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
            return Optional.of("missing");
        }
        if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
            return Optional.of("not a regular file (a link, directory or special file)");
        }
        return Optional.empty();
    }

    /** The file's digest by {@code algorithm} (DigestSet's name, the JDK's) against {@code expected}. */
    private static Check digest(
            String check, String label, Path file, Map.Entry<String, String> algorithm, String expected) {
        try {
            String actual = Digests.hex(algorithm.getValue(), file);
            return actual.equalsIgnoreCase(expected)
                    ? new Check(check, label, Status.OK, algorithm.getKey() + " matches")
                    : new Check(
                            check,
                            label,
                            Status.FAILED,
                            algorithm.getKey() + " differs: the file is not the one attested");
        } catch (IOException e) {
            return new Check(check, label, Status.FAILED, FileErrors.cannotRead("it", e));
        }
    }
}
