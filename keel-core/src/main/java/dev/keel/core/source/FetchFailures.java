package dev.keel.core.source;

import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.util.regex.Pattern;
import org.eclipse.jgit.errors.NoRemoteRepositoryException;

/** Why a fetch or download failed, in words that name no Java class and no secret. */
final class FetchFailures {

    private FetchFailures() {}

    /** Java exception class names that some messages embed. */
    private static final Pattern CLASS_NAME =
            Pattern.compile("\\b(?:[a-z][a-z0-9_]*\\.)+[A-Z][A-Za-z0-9_$]*(?:Exception|Error)\\b:?\\s*");

    /** A library's message as Keel may show it: without userinfo and without Java class names. */
    static String plain(String message) {
        return CLASS_NAME.matcher(Remote.redact(message)).replaceAll("").strip();
    }

    static String reason(Throwable failure, Remote remote) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof NoRemoteRepositoryException) {
                return "there is no repository at this address";
            }
            if (cause instanceof FileSystemException local) {
                return "cannot write " + local.getFile()
                        + (local.getReason() == null ? "" : " (" + local.getReason() + ")")
                        + (cause instanceof AccessDeniedException ? " (permission denied)" : "");
            }
            if (cause instanceof UnknownHostException) {
                return "unknown host " + Remote.redact(cause.getMessage());
            }
            String message = cause.getMessage() == null ? "" : cause.getMessage();
            if (cause instanceof ConnectException || message.endsWith("Connection refused")) {
                return "could not connect (connection refused or host unreachable)";
            }
            if (cause instanceof SocketTimeoutException || message.contains("timed out")) {
                return "the server sent nothing for too long (timed out)";
            }
            if (message.contains("not authorized") || message.contains("Authentication is required")) {
                return remote.credentials().isPresent()
                        ? "the server refused the credentials"
                        : "the server wants credentials: give them in ~/.netrc (see docs/render.md)";
            }
        }
        Throwable innermost = failure;
        while (innermost.getCause() != null && innermost.getCause().getMessage() != null) {
            innermost = innermost.getCause();
        }
        String message = innermost.getMessage() == null ? "the transfer failed" : plain(innermost.getMessage());
        // JGit prefixes the address, which the caller already names
        String prefix = remote.address() + ": ";
        return message.startsWith(prefix) ? message.substring(prefix.length()) : message;
    }
}
