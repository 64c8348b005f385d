package dev.keel.audit.verify;

import dev.keel.core.outcome.Failure;
import java.util.Locale;
import java.util.Optional;

/**
 * One lookaside file (or downloaded source file) of a component, checked against the hash its
 * {@code sources} file records.
 *
 * @param file its name
 * @param hashType the algorithm the record names ({@code SHA512})
 * @param recorded the recorded hash
 * @param status what the check found
 * @param actual the hash of the bytes obtained, when they do not match the record
 * @param failure why the file could not be checked, for {@link Status#UNAVAILABLE}
 */
public record LookasideCheck(
        String file,
        String hashType,
        String recorded,
        Status status,
        Optional<String> actual,
        Optional<Failure> failure) {

    /** What a check found. */
    public enum Status {
        /** The file's bytes have the recorded hash. */
        OK,
        /** The upstream serves bytes with another hash. */
        MISMATCH,
        /** The file could not be obtained (unreachable, refused, too large, not in the cache offline). */
        UNAVAILABLE;

        /** The spelling in reports: {@code ok}, {@code mismatch}, {@code unavailable}. */
        public String key() {
            return name().toLowerCase(Locale.ROOT);
        }
    }
}
