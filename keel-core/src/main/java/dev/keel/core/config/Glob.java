package dev.keel.core.config;

import com.google.re2j.Pattern;
import java.io.IOException;
import java.nio.file.FileSystemLoopException;
import java.nio.file.FileVisitOption;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;

/**
 * Doublestar globs as azldev uses them: {@code *} and {@code ?} within one path segment,
 * {@code **} as a whole segment across segments (also none: {@code **}/x matches x; inside a
 * segment it is a plain {@code *}), {@code [...]} classes
 * ({@code [!...]} or {@code [^...]} negated) and {@code {a,b}} alternatives. Matches are regular
 * files, in lexical order per directory; symbolic links are followed only inside the given root.
 *
 * <p>A glob is matched as an RE2 expression, in linear time whatever its wildcards, within the
 * bounds of {@link BoundedRegex}; braces may nest {@value BoundedRegex#MAX_NESTING} levels deep.
 */
public final class Glob {

    /** A glob that cannot be matched: its braces nest too deeply or it is too large. */
    public static final class InvalidGlobException extends Exception {
        private static final long serialVersionUID = 1L;

        private final String description;

        InvalidGlobException(String pattern, String description) {
            super(message(pattern, description), null, false, false);
            this.description = description;
        }

        /** What is wrong, without the glob. */
        public String description() {
            return description;
        }

        static String message(String pattern, String description) {
            String shown = pattern.length() <= 60 ? pattern : pattern.substring(0, 57) + "...";
            return "invalid glob '" + shown + "': " + description;
        }
    }

    private final String pattern;
    private final Pattern regex;
    private final boolean absolute;

    private Glob(String pattern, Pattern regex) {
        this.pattern = pattern;
        this.regex = regex;
        this.absolute = pattern.startsWith("/") || pattern.matches("^[A-Za-z]:/.*");
    }

    public static Glob of(String pattern) throws InvalidGlobException {
        try {
            return new Glob(pattern, BoundedRegex.compile(toRegex(pattern)));
        } catch (BoundedRegex.InvalidRegexException e) {
            throw new InvalidGlobException(pattern, e.description());
        }
    }

    /**
     * The glob, or {@code null} after adding a located error for {@code item} (a configuration
     * value, which may have been made absolute: the message shows it relative to its file again).
     */
    static Glob located(String pattern, ConfigNode item, String keyPath, List<ConfigError> errors) {
        try {
            return of(pattern);
        } catch (InvalidGlobException e) {
            Path directory = item.location().file() == null
                    ? null
                    : item.location().file().getParent();
            String prefix = directory == null ? null : slashes(directory) + "/";
            String written =
                    prefix != null && pattern.startsWith(prefix) ? pattern.substring(prefix.length()) : pattern;
            errors.add(ConfigError.error(
                    item.location(),
                    keyPath,
                    InvalidGlobException.message(written, e.description()),
                    "globs take * ? ** [...] and {a,b}; braces nest at most " + BoundedRegex.MAX_NESTING
                            + " levels deep"));
            return null;
        }
    }

    /** Whether the pattern has no wildcard, i.e. names exactly one path. */
    public boolean isLiteral() {
        return pattern.chars().noneMatch(c -> c == '*' || c == '?' || c == '[' || c == '{');
    }

    /** Whether a relative path ({@code /}-separated) matches. */
    public boolean matches(String relativePath) {
        return regex.matcher(relativePath).matches();
    }

    /**
     * The regular files whose path matches, ordered per directory: relative to {@code base} for a
     * relative pattern; an absolute pattern matches absolute paths ({@code base} is then unused).
     * Symbolic links met on the way are followed when they stay inside {@code root}; one that
     * leaves it is an error naming the link and its target (so is a loop). Broken links are
     * skipped. Nothing outside {@code root} is listed: a start directory outside it finds nothing.
     */
    public List<Path> find(Path base, Path root) throws IOException {
        String prefix = literalDirectoryPrefix();
        Path start = prefix.isEmpty() ? base : base.resolve(prefix);
        if (!Files.isDirectory(start)) {
            return List.of();
        }
        Path realRoot = root.toRealPath();
        if (!start.toRealPath().startsWith(realRoot)) {
            // nothing outside the root is ever listed (the configuration check reports the path)
            return List.of();
        }
        List<Path> matches = new ArrayList<>();
        Files.walkFileTree(
                start, EnumSet.of(FileVisitOption.FOLLOW_LINKS), Integer.MAX_VALUE, new SimpleFileVisitor<>() {
                    @Override
                    public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attributes)
                            throws IOException {
                        requireInside(dir, realRoot);
                        return FileVisitResult.CONTINUE;
                    }

                    @Override
                    public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) throws IOException {
                        if (attributes.isRegularFile() && matches(absolute ? slashes(file) : relative(base, file))) {
                            requireInside(file, realRoot);
                            matches.add(file);
                        }
                        return FileVisitResult.CONTINUE;
                    }

                    @Override
                    public FileVisitResult visitFileFailed(Path file, IOException e) throws IOException {
                        if (e instanceof FileSystemLoopException) {
                            throw new IOException(file + " is a symbolic link loop");
                        }
                        if (e instanceof NoSuchFileException && Files.isSymbolicLink(file)) {
                            return FileVisitResult.CONTINUE;
                        }
                        throw e;
                    }
                });
        matches.sort(BY_SEGMENTS);
        return matches;
    }

    /** Refuses a symbolic link whose target is outside {@code realRoot}. */
    private static void requireInside(Path path, Path realRoot) throws IOException {
        if (Files.isSymbolicLink(path) && !path.toRealPath().startsWith(realRoot)) {
            throw new IOException(
                    path + " is a symbolic link to " + path.toRealPath() + ", which is outside " + realRoot);
        }
    }

    /** Orders paths segment by segment, as a directory walk in lexical order visits them. */
    public static final Comparator<Path> BY_SEGMENTS = (a, b) -> {
        int n = Math.min(a.getNameCount(), b.getNameCount());
        for (int i = 0; i < n; i++) {
            int c = a.getName(i).toString().compareTo(b.getName(i).toString());
            if (c != 0) {
                return c;
            }
        }
        return Integer.compare(a.getNameCount(), b.getNameCount());
    };

    static String relative(Path base, Path path) {
        return slashes(base.relativize(path));
    }

    private static String slashes(Path path) {
        return path.toString().replace('\\', '/');
    }

    private String literalDirectoryPrefix() {
        int wildcard = 0;
        while (wildcard < pattern.length() && "*?[{\\".indexOf(pattern.charAt(wildcard)) < 0) {
            wildcard++;
        }
        int slash = pattern.lastIndexOf('/', wildcard - 1);
        return slash <= 0 ? "" : pattern.substring(0, slash);
    }

    private static String toRegex(String glob) throws InvalidGlobException {
        StringBuilder regex = new StringBuilder();
        int braces = 0;
        for (int i = 0; i < glob.length(); i++) {
            char c = glob.charAt(i);
            switch (c) {
                case '*' -> {
                    if (i + 1 < glob.length() && glob.charAt(i + 1) == '*') {
                        boolean segmentStart = i == 0 || glob.charAt(i - 1) == '/';
                        boolean slashAfter = i + 2 < glob.length() && glob.charAt(i + 2) == '/';
                        boolean atEnd = i + 2 == glob.length();
                        if (segmentStart && slashAfter) {
                            regex.append("(?:.*/)?");
                            i += 2;
                        } else if (segmentStart && atEnd) {
                            regex.append(".*");
                            i++;
                        } else {
                            // "**" inside a segment is a plain "*", as in doublestar.
                            regex.append("[^/]*");
                            i++;
                        }
                    } else {
                        regex.append("[^/]*");
                    }
                }
                case '?' -> regex.append("[^/]");
                case '[' -> {
                    int close = glob.indexOf(']', i + 2);
                    if (close < 0) {
                        regex.append("\\[");
                    } else {
                        String body = glob.substring(i + 1, close);
                        boolean negated = body.startsWith("!") || body.startsWith("^");
                        String chars = (negated ? body.substring(1) : body)
                                .replace("\\", "\\\\")
                                .replace("[", "\\[");
                        regex.append(negated ? "[^/" : "[").append(chars).append(']');
                        i = close;
                    }
                }
                case '{' -> {
                    if (++braces > BoundedRegex.MAX_NESTING) {
                        throw new InvalidGlobException(
                                glob, "braces are nested more than " + BoundedRegex.MAX_NESTING + " levels deep");
                    }
                    regex.append("(?:");
                }
                case '}' -> {
                    if (braces > 0) {
                        braces--;
                        regex.append(')');
                    } else {
                        regex.append("\\}");
                    }
                }
                case ',' -> regex.append(braces > 0 ? "|" : ",");
                case '\\' -> {
                    if (i + 1 < glob.length()) {
                        regex.append(Pattern.quote(String.valueOf(glob.charAt(++i))));
                    }
                }
                default -> regex.append(Pattern.quote(String.valueOf(c)));
            }
        }
        while (braces-- > 0) {
            regex.append(')');
        }
        return regex.toString();
    }

    @Override
    public String toString() {
        return pattern;
    }
}
