package dev.keel.build.koji.xmlrpc;

/**
 * A body that is not valid XML-RPC, or a value that XML-RPC cannot carry. The message says what was
 * wrong and where (line and column of the body, or the path of the value), in plain words.
 *
 * <p>Unchecked so that encoding, which fails only on a caller's mistake (an unsupported type, an
 * integer beyond 64 bits), needs no handler; decoding methods declare it, and callers that read a
 * server's answer must catch it.
 */
public final class XmlRpcException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public XmlRpcException(String message) {
        super(message);
    }
}
