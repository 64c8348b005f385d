package dev.keel.build.koji.xmlrpc;

import java.util.Map;

/**
 * Koji's fault codes: the {@code faultCode} of each exception class in {@code koji/__init__.py}
 * (1000 to 1023), named and explained for users.
 */
public final class KojiFaults {

    private static final Map<Integer, String> DESCRIPTIONS = Map.ofEntries(
            Map.entry(1000, "GenericError: the hub reported an error"),
            Map.entry(1001, "LockError: another operation holds a lock the call needs"),
            Map.entry(1002, "AuthError: the hub refused the login or the session"),
            Map.entry(1003, "TagError: a tagging operation failed"),
            Map.entry(1004, "ActionNotAllowed: the session lacks the permission for this action"),
            Map.entry(1005, "BuildError: the build failed"),
            Map.entry(1006, "AuthLockError: a lock prevents logging in"),
            Map.entry(1007, "AuthExpired: the session has expired; log in again"),
            Map.entry(1008, "SequenceError: the hub received the session's calls out of sequence"),
            Map.entry(1009, "RetryError: the hub received this call twice and cannot run it again"),
            Map.entry(1010, "PreBuildError: the build failed its pre-build checks"),
            Map.entry(1011, "PostBuildError: the build failed its post-build checks"),
            Map.entry(1012, "BuildrootError: the buildroot could not be prepared or used"),
            Map.entry(1013, "FunctionDeprecated: the hub no longer offers this call"),
            Map.entry(1014, "ServerOffline: the hub is offline for now"),
            Map.entry(1015, "LiveCDError: creating a live CD image failed"),
            Map.entry(1016, "PluginError: a hub plugin failed"),
            Map.entry(1017, "CallbackError: a hub plugin's callback failed"),
            Map.entry(1018, "ApplianceError: creating an appliance image failed"),
            Map.entry(1019, "ParameterError: the call's arguments are wrong"),
            Map.entry(1020, "ImportError: importing into Koji failed"),
            Map.entry(1021, "ConfigurationError: Koji's configuration could not be loaded"),
            Map.entry(1022, "LiveMediaError: creating live media failed"),
            Map.entry(1023, "GSSAPIAuthError: the GSSAPI (Kerberos) login failed"));

    private KojiFaults() {}

    /** The fault's Koji class name and meaning, e.g. "AuthError: the hub refused the login or the session". */
    public static String describe(int code) {
        String description = DESCRIPTIONS.get(code);
        return description != null ? description : "fault " + code + ": not a fault code Koji defines";
    }

    /**
     * Whether the same call may simply be sent again later. Koji's {@code ClientSession._callMethod}
     * never retries a fault (the call reached the hub and failed) except {@code ServerOffline}, when
     * its {@code offline_retry} option is on. {@code RetryError} is the opposite: the hub refuses to
     * run a call it has seen before.
     */
    public static boolean retryable(int code) {
        return code == 1014;
    }
}
