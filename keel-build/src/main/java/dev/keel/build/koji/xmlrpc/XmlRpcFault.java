package dev.keel.build.koji.xmlrpc;

/** A {@code <fault>} answer: the call reached the server and failed there. See {@link KojiFaults}. */
public final class XmlRpcFault extends Exception {

    private static final long serialVersionUID = 1L;

    private final int code;
    private final String faultString;

    public XmlRpcFault(int code, String faultString) {
        super("the server answered with fault " + code + ": " + faultString, null, false, false);
        this.code = code;
        this.faultString = faultString;
    }

    /** The {@code faultCode}. */
    public int code() {
        return code;
    }

    /** The {@code faultString}, as the server wrote it. */
    public String faultString() {
        return faultString;
    }
}
