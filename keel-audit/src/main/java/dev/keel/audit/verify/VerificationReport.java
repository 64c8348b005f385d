package dev.keel.audit.verify;

import java.util.List;

/**
 * What {@code keel verify} found.
 *
 * @param components one verification per selected component, sorted by name
 * @param stale the directories of the rendered tree ({@code o/old}) that belong to no component,
 *     sorted (looked for only when every component was selected)
 * @param notes remarks about the whole run (what a spec snapshot cannot check)
 */
public record VerificationReport(List<Verification> components, List<String> stale, List<String> notes) {

    public VerificationReport {
        components = List.copyOf(components);
        stale = List.copyOf(stale);
        notes = List.copyOf(notes);
    }

    /** Whether every component is verified and no directory is stale. */
    public boolean verified() {
        return stale.isEmpty() && components.stream().allMatch(c -> c.status() == Verification.Status.VERIFIED);
    }
}
