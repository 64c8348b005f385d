package dev.keel.core.overlay.archive;

import com.google.re2j.Matcher;
import com.google.re2j.Pattern;
import dev.keel.core.config.Glob;
import dev.keel.core.config.LocatedOverlay;
import dev.keel.spec.TextBytes;
import java.nio.charset.Charset;
import java.util.ArrayList;
import java.util.List;

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

    /**
     * The archive after one overlay, whose {@code file} glob and (for {@code file-search-replace})
     * regex the caller compiled; throws when the overlay matched nothing.
     */
    public static TarArchive apply(TarArchive archive, LocatedOverlay located, Glob glob, Pattern regex)
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
            if (regex == null) {
                continue;
            }
            Charset charset = TextBytes.charsetOf(entry.content());
            String text = new String(entry.content(), charset);
            String replacement = located.overlay().replacement() == null
                    ? ""
                    : located.overlay().replacement();
            String replaced =
                    regex.matcher(text).replaceAll(Matcher.quoteReplacement(TextBytes.represent(replacement, charset)));
            if (!replaced.equals(text)) {
                changed++;
                result.add(
                        new ArchiveEntry(entry.name(), entry.kind(), replaced.getBytes(charset), entry.mode(), null));
            } else {
                result.add(entry);
            }
        }
        if (matched.isEmpty()) {
            throw new NoMatchException(
                    "no file in the archive matches '" + located.overlay().file() + "'", true);
        }
        if (regex != null && changed == 0) {
            throw new NoMatchException(
                    "pattern /" + regex.pattern() + "/ matched nothing in " + String.join(", ", matched), false);
        }
        return archive.withEntries(result);
    }
}
