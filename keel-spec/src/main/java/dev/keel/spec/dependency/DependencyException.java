package dev.keel.spec.dependency;

/** A dependency rpm refuses to parse, with rpm's complaint. */
public final class DependencyException extends Exception {

    public DependencyException(String message) {
        super(message, null, false, false);
    }
}
