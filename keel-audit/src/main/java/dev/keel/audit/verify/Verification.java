package dev.keel.audit.verify;

import dev.keel.core.outcome.Failure;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * What verifying one component found.
 *
 * @param component its name
 * @param status the verdict
 * @param directory its directory below the rendered-specs root ({@code h/hello})
 * @param files the files that differ from what rendering gives, sorted (empty unless it differs)
 * @param lookaside its lookaside files, in the order of its {@code sources} file then its
 *     configuration, each with what checking it found (empty when it has none, or when they were
 *     not checked: see the report's notes)
 * @param archives the archives that its archive overlays make from lookaside files, sorted by name,
 *     each re-made as {@code component prepare-sources} makes it and checked against its recorded
 *     hash (empty when it has none, or when its lookaside files were not checked)
 * @param failure why rendering failed: the reason it is unverifiable when the environment failed
 *     (upstream unreachable, a locked commit the upstream lacks, a spec the snapshot lacks), or
 *     the failure of its inputs whose {@code RENDER_FAILED} marker the directory is compared with
 * @param notes remarks that qualify the verdict (a component that follows a moving branch)
 */
public record Verification(
        String component,
        Status status,
        String directory,
        List<FileDifference> files,
        List<LookasideCheck> lookaside,
        List<ArchiveCheck> archives,
        Optional<Failure> failure,
        List<String> notes) {

    /** The verdict on a component. */
    public enum Status {
        /**
         * Rendering gives exactly the checked-in directory, every lookaside file has its recorded
         * hash, and so has every archive that archive overlays make.
         */
        VERIFIED,
        /** Rendering gives something else, or a lookaside file or an archive overlays make has another hash. */
        DIFFERS,
        /**
         * It could not be re-derived: see the failure, the lookaside files that are unavailable and
         * the archives that cannot be re-made.
         */
        UNVERIFIABLE;

        /** The spelling in reports: {@code verified}, {@code differs}, {@code unverifiable}. */
        public String key() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public Verification {
        files = List.copyOf(files);
        lookaside = List.copyOf(lookaside);
        archives = List.copyOf(archives);
        notes = List.copyOf(notes);
    }
}
