package dev.keel.build.koji.xmlrpc;

/**
 * The outcome of one call of a multicall: its value, or the fault it failed with.
 *
 * @param value the call's value when it succeeded ({@code null} is a value too)
 * @param fault the fault when it failed, else {@code null}
 */
public record MulticallResult(Object value, XmlRpcFault fault) {

    /** Whether the call failed. */
    public boolean failed() {
        return fault != null;
    }
}
