package dev.keel.audit.sbom;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;

/**
 * The time an SBOM says it was created, derived from the input so that the same input gives the
 * same document: {@code SOURCE_DATE_EPOCH} when set (the reproducible-builds convention), else the
 * time of the project repository's {@code HEAD} commit, else the epoch.
 */
public final class DocumentTime {

    private DocumentTime() {}

    /**
     * @param sourceDateEpoch the value of {@code SOURCE_DATE_EPOCH}, if set
     * @throws IllegalArgumentException when {@code sourceDateEpoch} is not a number of seconds
     */
    public static Instant of(Path projectRoot, Optional<String> sourceDateEpoch) throws IOException {
        if (sourceDateEpoch.isPresent() && !sourceDateEpoch.get().isBlank()) {
            String value = sourceDateEpoch.get().strip();
            if (!value.matches("\\d{1,12}")) {
                throw new IllegalArgumentException("SOURCE_DATE_EPOCH is not a number of seconds: " + value);
            }
            return Instant.ofEpochSecond(Long.parseLong(value));
        }
        FileRepositoryBuilder builder = new FileRepositoryBuilder()
                .findGitDir(projectRoot.toAbsolutePath().toFile());
        if (builder.getGitDir() == null) {
            return Instant.EPOCH;
        }
        try (Repository repository = builder.build();
                RevWalk walk = new RevWalk(repository)) {
            ObjectId head = repository.resolve("HEAD");
            return head == null
                    ? Instant.EPOCH
                    : Instant.ofEpochSecond(walk.parseCommit(head).getCommitTime());
        }
    }
}
