package dev.keel.core.source;

import java.net.Authenticator;
import java.net.PasswordAuthentication;
import java.net.URI;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.jgit.transport.NetRC;

/**
 * Answers an HTTP server's Basic challenge (never a proxy's): with the credentials of the userinfo
 * of a URL Keel downloaded from that server, else with the {@code ~/.netrc} entry for its host
 * (JGit's parser, the file dist-git fetches use too). Credentials go only to the host that asked.
 */
final class HttpCredentials extends Authenticator {

    private final Map<String, Remote.Credentials> fromUrls = new ConcurrentHashMap<>();
    private NetRC netrc;

    /** Remembers the credentials a URL carries for its server. */
    void remember(URI address, Remote remote) {
        remote.credentials().ifPresent(credentials -> fromUrls.put(key(address.getHost(), port(address)), credentials));
    }

    @Override
    protected PasswordAuthentication getPasswordAuthentication() {
        if (getRequestorType() != RequestorType.SERVER || getRequestingHost() == null) {
            return null;
        }
        Remote.Credentials known = fromUrls.get(key(getRequestingHost(), getRequestingPort()));
        if (known != null) {
            return new PasswordAuthentication(known.user(), known.password().toCharArray());
        }
        NetRC.NetRCEntry entry = netrcEntry(getRequestingHost());
        if (entry == null || entry.login == null || entry.password == null) {
            return null;
        }
        return new PasswordAuthentication(entry.login, entry.password.clone());
    }

    /** The ~/.netrc entry for a host, the file read at the first challenge. */
    private synchronized NetRC.NetRCEntry netrcEntry(String host) {
        if (netrc == null) {
            netrc = new NetRC();
        }
        return netrc.getEntry(host);
    }

    private static int port(URI address) {
        if (address.getPort() >= 0) {
            return address.getPort();
        }
        return "https".equalsIgnoreCase(address.getScheme()) ? 443 : 80;
    }

    private static String key(String host, int port) {
        return host.toLowerCase(Locale.ROOT) + ":" + port;
    }
}
