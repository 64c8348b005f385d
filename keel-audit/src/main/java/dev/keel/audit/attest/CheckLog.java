package dev.keel.audit.attest;

import dev.keel.audit.attest.AttestationVerifier.Check;
import dev.keel.audit.attest.AttestationVerifier.Status;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The checks of one attestation, in the order they are made. The checks of the whole attestation
 * (envelope, signature, statement) have no name, and the first of them to fail ends the checks:
 * {@link #failed} gives nothing to go on with.
 */
final class CheckLog {

    private final List<Check> checks = new ArrayList<>();

    void add(Check check) {
        checks.add(check);
    }

    /** Records that a check of the whole attestation passed. */
    void ok(String check, String detail) {
        add(new Check(check, "", Status.OK, detail));
    }

    /** Records that a check of the whole attestation failed; always empty. */
    <T> Optional<T> failed(String check, String detail) {
        add(new Check(check, "", Status.FAILED, detail));
        return Optional.empty();
    }

    /** The checks so far. */
    List<Check> checks() {
        return List.copyOf(checks);
    }
}
