/**
 * Keel's Koji client: Koji's own client configuration (profiles of {@code /etc/koji.conf} and
 * {@code ~/.koji/config}) and the TLS material it names, and builds on a Koji hub. Uses graph,
 * koji.xmlrpc and keel-core.
 */
package dev.keel.build.koji;
