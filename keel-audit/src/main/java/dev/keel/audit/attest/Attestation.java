package dev.keel.audit.attest;

import dev.keel.core.outcome.Outcome;
import java.util.Optional;

/**
 * One component's provenance statement, or why it has none.
 *
 * @param component the component
 * @param statement its statement, when the outcome is {@code ok}
 * @param outcome {@code ok}, {@code skipped} (nothing rendered: no upstream spec) or {@code failed}
 */
public record Attestation(String component, Optional<Statement> statement, Outcome outcome) {}
