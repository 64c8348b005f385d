package dev.keel.core.io;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.FileSystemLoopException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * File-system errors in words a user understands ({@code no such file or directory}, {@code no
 * space left on the device}), never a Java class name; and write errors that name the file they
 * are about (the JDK reports a full disk without the path).
 */
public final class FileErrors {

    /** A qualified Java class name and a colon at the start of a message, as {@code Throwable.toString()} writes. */
    private static final Pattern CLASS_PREFIX =
            Pattern.compile("^(?:[a-z][a-z0-9_]*\\.)+[A-Z][A-Za-z0-9_$]*(?::\\s*|$)");

    private FileErrors() {}

    /**
     * What went wrong, in words, without the path of a {@link FileSystemException} (shown apart,
     * as a location); an input file's refusal keeps its own sentence, which names the file.
     */
    public static String reason(IOException e) {
        if (e instanceof InputFiles.InputFileException input) {
            return input.getMessage();
        }
        if (e instanceof FileSystemException fileSystem) {
            return reason(fileSystem);
        }
        return words(e.getMessage());
    }

    /**
     * A sentence about {@code subject} (such as {@code the lock file}), whose path is shown apart:
     * {@code the lock file is a FIFO, not a regular file}, {@code cannot read the lock file:
     * permission denied}.
     */
    public static String cannotRead(String subject, IOException e) {
        if (e instanceof InputFiles.InputFileException input) {
            return subject + " " + input.reason();
        }
        return "cannot read " + subject + ": " + reason(e);
    }

    /** {@code path: reason} for an error about a file, else the reason: for messages with no location. */
    public static String withPath(IOException e) {
        if (e instanceof FileSystemException fileSystem && fileSystem.getFile() != null) {
            return fileSystem.getFile() + ": " + reason(fileSystem);
        }
        return reason(e);
    }

    /** The words for a file-system error: the JDK's reason, lower-case, or the exception's meaning. */
    public static String reason(FileSystemException e) {
        if (e instanceof NoSuchFileException) {
            return "no such file or directory";
        }
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof NotDirectoryException) {
            return "not a directory";
        }
        if (e instanceof DirectoryNotEmptyException) {
            return "directory not empty";
        }
        if (e instanceof FileAlreadyExistsException) {
            return "already exists";
        }
        if (e instanceof FileSystemLoopException) {
            return "symbolic link loop";
        }
        String reason = e.getReason() == null ? "" : e.getReason().strip();
        String lower = reason.toLowerCase(Locale.ROOT);
        if (lower.contains("no space left")) {
            return "no space left on the device";
        }
        if (lower.contains("is a directory")) {
            return "is a directory, not a file";
        }
        if (lower.contains("too many levels of symbolic links")) {
            return "symbolic link loop";
        }
        if (reason.isEmpty()) {
            return "input/output error";
        }
        // the operating system's words ("Not a directory", "Read-only file system"), as a clause
        return Character.toLowerCase(reason.charAt(0)) + reason.substring(1);
    }

    /**
     * {@code e} about {@code path}: a {@link FileSystemException} naming it, unless {@code e}
     * already names a file or carries a typed failure.
     */
    public static IOException about(Path path, IOException e) {
        if (e instanceof FileSystemException || e instanceof InputFiles.InputFileException) {
            return e;
        }
        if (e.getClass() != IOException.class) {
            return e;
        }
        FileSystemException named = new FileSystemException(path.toString(), null, e.getMessage());
        named.initCause(e);
        return named;
    }

    /**
     * {@code e} about the path it would have had in {@code target} when it is about a file in
     * {@code staging} (a directory written first and renamed into place): the user knows the target.
     */
    public static FileSystemException moved(FileSystemException e, Path staging, Path target) {
        if (e.getClass() != FileSystemException.class
                || e.getFile() == null
                || !Path.of(e.getFile()).startsWith(staging)) {
            return e;
        }
        Path file = target.resolve(staging.relativize(Path.of(e.getFile())));
        FileSystemException named = new FileSystemException(file.toString(), e.getOtherFile(), e.getReason());
        named.initCause(e);
        return named;
    }

    /**
     * A library's message made fit for a user: Java class names in front of it removed (as a
     * wrapped exception's text has them); {@code input/output error} when nothing is left.
     */
    public static String words(String message) {
        String text = message == null ? "" : message.strip();
        String previous;
        do {
            previous = text;
            text = CLASS_PREFIX.matcher(text).replaceFirst("").strip();
        } while (!text.equals(previous));
        return text.isEmpty() ? "input/output error" : text;
    }
}
