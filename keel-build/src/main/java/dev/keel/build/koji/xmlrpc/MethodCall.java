package dev.keel.build.koji.xmlrpc;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * One call: a method name and its positional parameters (values as mapped by {@link XmlRpc}; a
 * parameter may be {@code null}).
 */
public record MethodCall(String method, List<Object> params) {

    public MethodCall {
        params = Collections.unmodifiableList(new ArrayList<>(params));
    }
}
