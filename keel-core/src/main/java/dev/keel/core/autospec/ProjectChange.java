package dev.keel.core.autospec;

import java.time.Instant;

/**
 * A change of the downstream project that counts as a release of a component: a project commit
 * that changed the component's lock fingerprint (or the uncommitted working tree).
 *
 * @param projectCommit the project commit's id ({@code dirty} for uncommitted changes)
 * @param upstreamCommit the upstream commit the component was locked to then (null for local specs)
 */
public record ProjectChange(
        String projectCommit,
        String authorName,
        String authorEmail,
        Instant time,
        String subject,
        String upstreamCommit) {}
