package dev.keel.core.autospec;

import java.time.Instant;
import java.util.List;

/**
 * One commit of a package's history, as rpmautospec sees it.
 *
 * @param id the commit id
 * @param parents parent ids, first parent first
 * @param authorName the author's name
 * @param authorEmail the author's e-mail
 * @param time the commit time
 * @param message the full commit message
 * @param specExists whether the spec file is in this commit's tree
 * @param changelogFile the content of the {@code changelog} file in this commit's tree, or null
 * @param treeId the id of the commit's tree (merges follow a parent with an identical tree)
 */
public record Commit(
        String id,
        List<String> parents,
        String authorName,
        String authorEmail,
        Instant time,
        String message,
        boolean specExists,
        String changelogFile,
        String treeId) {

    public Commit {
        parents = List.copyOf(parents);
    }

    /** The first line of the message. */
    public String subject() {
        int newline = message.indexOf('\n');
        return (newline < 0 ? message : message.substring(0, newline)).strip();
    }
}
