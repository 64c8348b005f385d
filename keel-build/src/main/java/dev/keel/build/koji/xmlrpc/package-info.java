/**
 * A small XML-RPC codec for the Koji hub, speaking the dialect of Koji's Python client ({@code
 * koji.xmlrpcplus}: {@code <nil/>}, {@code <i8>}) with bounded, DTD-free parsing of untrusted
 * bodies. Entry point: {@link dev.keel.build.koji.xmlrpc.XmlRpc}. Uses no other Keel package.
 */
package dev.keel.build.koji.xmlrpc;
