package dev.keel.core.overlay.archive;

import com.google.re2j.Matcher;
import com.google.re2j.Pattern;
import dev.keel.core.config.Glob;
import dev.keel.spec.TextBytes;
import java.nio.charset.Charset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Edits inside one archive ({@code file-remove} and {@code file-search-replace} with
 * {@code archive = "NAME"}): globs match paths relative to the archive's root (its single
 * top-level directory, if it has one).
 */
public final class ArchiveEdits {

    /** Why an archive edit did nothing. */
    public static final class NoMatchException extends Exception {
        private static final long serialVersionUID = 1L;
        private final boolean noFile;

        NoMatchException(String message, boolean noFile) {
            super(message, null, false, false);
            this.noFile = noFile;
        }

        /** Whether no file matched (else files matched but the pattern did not). */
        public boolean noFile() {
            return noFile;
        }
    }

    private ArchiveEdits() {}

    /** What {@code file-search-replace} puts in place of each match of its compiled pattern. */
    public record Replacement(Pattern regex, String text) {}

    /**
     * The archive after one overlay, whose {@code file} glob the caller compiled: the matching
     * files removed ({@code file-remove}), or with the replacement made in them
     * ({@code file-search-replace}); throws when the overlay matched nothing.
     */
    public static TarArchive apply(TarArchive archive, String file, Glob glob, Optional<Replacement> replacement)
            throws NoMatchException {
        String root = archive.root();
        List<ArchiveEntry> result = new ArrayList<>();
        List<String> matched = new ArrayList<>();
        int changed = 0;
        for (ArchiveEntry entry : archive.entries()) {
            boolean inRoot = entry.name().startsWith(root) && entry.name().length() > root.length();
            boolean matches = entry.kind() == ArchiveEntry.Kind.FILE
                    && inRoot
                    && glob.matches(entry.name().substring(root.length()));
            if (!matches) {
                result.add(entry);
                continue;
            }
            matched.add(entry.name());
            if (replacement.isEmpty()) {
                continue;
            }
            Charset charset = TextBytes.charsetOf(entry.content());
            String text = new String(entry.content(), charset);
            String replaced = replacement
                    .get()
                    .regex()
                    .matcher(text)
                    .replaceAll(Matcher.quoteReplacement(
                            TextBytes.represent(replacement.get().text(), charset)));
            if (!replaced.equals(text)) {
                changed++;
                result.add(
                        new ArchiveEntry(entry.name(), entry.kind(), replaced.getBytes(charset), entry.mode(), null));
            } else {
                result.add(entry);
            }
        }
        if (matched.isEmpty()) {
            throw new NoMatchException("no file in the archive matches '" + file + "'", true);
        }
        if (replacement.isPresent() && changed == 0) {
            throw new NoMatchException(
                    "pattern /" + replacement.get().regex().pattern() + "/ matched nothing in "
                            + String.join(", ", matched),
                    false);
        }
        return archive.withEntries(result);
    }
}
