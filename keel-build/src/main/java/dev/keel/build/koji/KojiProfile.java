package dev.keel.build.koji;

import dev.keel.core.config.Location;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One profile of Koji's client configuration, with koji's defaults for the keys it does not set.
 *
 * @param name the profile ({@code koji}, {@code stg}, ...)
 * @param server the hub's XML-RPC URL ({@code server})
 * @param weburl the web interface ({@code weburl})
 * @param topurl where the hub's files are served ({@code topurl}), if set
 * @param authtype {@code ssl}, {@code kerberos}, {@code password}, {@code noauth}, ..., if set
 * @param cert the client certificate and its key, {@code ~} expanded; when unset, {@code
 *     ~/.koji/client.crt} if it exists
 * @param serverca the certificates that sign the hub's, {@code ~} expanded; when unset, {@code
 *     ~/.koji/serverca.crt} if it exists, else the JDK's trusted authorities
 * @param noSslVerify whether the hub's certificate goes unchecked ({@code no_ssl_verify})
 * @param maxRetries how often a failed call is tried again ({@code max_retries})
 * @param retryInterval the wait between tries ({@code retry_interval}, seconds)
 * @param timeout how long one call may take ({@code timeout}, seconds)
 * @param authTimeout how long a login may take ({@code auth_timeout}, seconds)
 * @param pollInterval the wait between looks at a task ({@code poll_interval}, seconds)
 * @param files the files read, in order (later ones override earlier ones)
 * @param locations where each key the profile sets is written ({@code DEFAULT} included)
 */
public record KojiProfile(
        String name,
        URI server,
        String weburl,
        Optional<String> topurl,
        Optional<String> authtype,
        Optional<Path> cert,
        Optional<Path> serverca,
        boolean noSslVerify,
        int maxRetries,
        Duration retryInterval,
        Duration timeout,
        Duration authTimeout,
        Duration pollInterval,
        List<Path> files,
        Map<String, Location> locations) {

    public KojiProfile {
        files = List.copyOf(files);
        locations = Map.copyOf(locations);
    }

    /** Where {@code key} is written, or the first file read when the profile leaves it to koji's default. */
    public Location locate(String key) {
        Location location = locations.get(key);
        return location != null ? location : Location.of(files.isEmpty() ? null : files.get(0));
    }
}
