package dev.keel.audit.verify;

import java.util.Locale;
import java.util.OptionalInt;

/**
 * One file of a component's directory that is not what rendering gives, seen from the re-rendered
 * file to the checked-in one: a hand edit of one line is one line added and one removed.
 *
 * @param file its path in the component's directory ({@code hello.spec}; {@code .} for the
 *     directory itself)
 * @param change how it differs
 * @param linesAdded lines the checked-in file has that the re-rendered one has not
 * @param linesRemoved lines the re-rendered file has that the checked-in one has not
 * @param firstDifferentLine the first line (from 1) where the two differ, or empty when only the
 *     mode differs or the checked-in entry is not a file
 * @param modeDiffers whether one is executable and the other not
 */
public record FileDifference(
        String file,
        Change change,
        int linesAdded,
        int linesRemoved,
        OptionalInt firstDifferentLine,
        boolean modeDiffers) {

    /** How a file differs. */
    public enum Change {
        /** Rendering gives it; the checked-in directory lacks it. */
        MISSING,
        /** The checked-in directory has it; rendering does not give it. */
        EXTRA,
        /** Both have it, with other bytes or another mode. */
        CHANGED,
        /** The checked-in entry is a symbolic link or special file, which Keel never writes (nor reads). */
        NOT_A_FILE;

        /** The spelling in reports: {@code missing}, {@code not-a-file}, ... */
        public String key() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }
    }
}
