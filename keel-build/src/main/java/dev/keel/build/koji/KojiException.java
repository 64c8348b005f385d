package dev.keel.build.koji;

import dev.keel.build.koji.xmlrpc.KojiFaults;
import java.util.OptionalInt;

/**
 * A Koji call that did not return a value: the hub's fault (its code, with Koji's name for it) or
 * a failure to reach the hub or to read its answer. Messages name the hub without the session's
 * query parameters, so they never hold the session key.
 */
public final class KojiException extends Exception {

    private final OptionalInt faultCode;

    private KojiException(String message, OptionalInt faultCode, Throwable cause) {
        super(message, cause);
        this.faultCode = faultCode;
    }

    /** The hub answered the call with a fault. */
    public static KojiException fault(String method, int code, String faultString) {
        return new KojiException(
                method + " failed on the hub: " + KojiFaults.describe(code) + ": " + faultString,
                OptionalInt.of(code),
                null);
    }

    /** The hub could not be reached, or its answer could not be read. */
    public static KojiException transport(String message, Throwable cause) {
        return new KojiException(message, OptionalInt.empty(), cause);
    }

    /** The fault code, when the hub answered with a fault. */
    public OptionalInt faultCode() {
        return faultCode;
    }
}
