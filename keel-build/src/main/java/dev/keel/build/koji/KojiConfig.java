package dev.keel.build.koji;

import dev.keel.build.koji.IniFile.Entry;
import dev.keel.core.config.Location;
import dev.keel.core.outcome.Failure;
import dev.keel.core.outcome.FailureException;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Reads a profile of Koji's client configuration the way the koji command does ({@code
 * koji.read_config}): {@code ETC/koji.conf.d/*.conf} (by name), {@code ETC/koji.conf}, then either
 * {@code HOME/.koji/config.d/*.conf} and {@code HOME/.koji/config}, or the file or directory given
 * instead of those two (which must exist). A directory is read as its {@code *.conf} files; links
 * are followed, and an entry that is not a regular file (a broken link, a link loop, a FIFO) is
 * skipped, as koji skips it. Later files override earlier ones key by key within a section, keys
 * of {@code [DEFAULT]} apply to every profile, and values are interpolated ({@code %(name)s}).
 * Unlike koji, which silently skips a file it cannot open, Keel stops at an unreadable file.
 */
public final class KojiConfig {

    /** The profile the koji command uses by default. */
    public static final String DEFAULT_PROFILE = "koji";

    private static final Set<String> BOOLEANS =
            Set.of("no_ssl_verify", "anon_retry", "offline_retry", "use_fast_upload", "debug", "debug_xmlrpc");
    private static final Set<String> INTEGERS = Set.of(
            "max_retries",
            "retry_interval",
            "offline_retry_interval",
            "poll_interval",
            "timeout",
            "auth_timeout",
            "upload_blocksize",
            "pyver");
    private static final Map<String, Boolean> BOOLEAN_WORDS = Map.of(
            "1", true, "yes", true, "true", true, "on", true, "0", false, "no", false, "false", false, "off", false);

    private final Map<String, String> values;
    private final Map<String, Location> locations;

    private KojiConfig(Map<String, String> values, Map<String, Location> locations) {
        this.values = values;
        this.locations = locations;
    }

    /**
     * The profile {@code profileName}.
     *
     * @param configFile the file (or directory) given with {@code --koji-config}, read instead of
     *     the user's configuration; {@code ~} is expanded
     * @param home the user's home directory ({@code ~})
     * @param etc the system configuration directory ({@code /etc})
     * @throws FailureException a {@link Failure.Kind#CONFIGURATION} failure at the file and line
     */
    public static KojiProfile load(Optional<Path> configFile, String profileName, Path home, Path etc)
            throws FailureException {
        List<Path> files = new ArrayList<>();
        add(files, etc.resolve("koji.conf.d"), false);
        add(files, etc.resolve("koji.conf"), false);
        if (configFile.isPresent()) {
            add(files, expandHome(configFile.get().toString(), home, null), true);
        } else {
            add(files, home.resolve(".koji/config.d"), false);
            add(files, home.resolve(".koji/config"), false);
        }
        if (files.isEmpty()) {
            throw new FailureException(Failure.of(
                            Failure.Kind.CONFIGURATION,
                            "no Koji configuration: none of " + etc.resolve("koji.conf.d/*.conf") + ", "
                                    + etc.resolve("koji.conf") + ", " + home.resolve(".koji/config.d/*.conf")
                                    + ", " + home.resolve(".koji/config") + " exists")
                    .withHint("install the Koji configuration of your build system, or give --koji-config FILE"));
        }
        Map<String, Map<String, Entry>> merged = new LinkedHashMap<>();
        for (Path file : files) {
            IniFile.read(file)
                    .sections()
                    .forEach((section, entries) -> merged.computeIfAbsent(section, s -> new LinkedHashMap<>())
                            .putAll(entries));
        }
        if (profileName.equals(IniFile.DEFAULT_SECTION) || !merged.containsKey(profileName)) {
            throw noProfile(profileName, files, merged.keySet());
        }
        Map<String, Entry> scope = new LinkedHashMap<>(merged.getOrDefault(IniFile.DEFAULT_SECTION, Map.of()));
        scope.putAll(merged.get(profileName));
        Interpolation interpolation = new Interpolation(scope);
        Map<String, String> values = new LinkedHashMap<>();
        Map<String, Location> locations = new LinkedHashMap<>();
        for (Map.Entry<String, Entry> entry : scope.entrySet()) {
            values.put(entry.getKey(), interpolation.value(entry.getKey()));
            locations.put(entry.getKey(), entry.getValue().location());
        }
        return new KojiConfig(values, locations).profile(profileName, files, home);
    }

    private KojiProfile profile(String name, List<Path> files, Path home) throws FailureException {
        for (String key : values.keySet()) {
            if (BOOLEANS.contains(key)) {
                bool(key);
            } else if (INTEGERS.contains(key)) {
                integer(key, 0);
            }
        }
        return new KojiProfile(
                name,
                server(),
                values.getOrDefault("weburl", "http://localhost/koji"),
                Optional.ofNullable(values.get("topurl")),
                Optional.ofNullable(values.get("authtype")),
                path("cert", home, ".koji/client.crt"),
                path("serverca", home, ".koji/serverca.crt"),
                bool("no_ssl_verify"),
                integer("max_retries", 30),
                Duration.ofSeconds(integer("retry_interval", 20)),
                Duration.ofSeconds(integer("timeout", 60 * 60 * 12)),
                Duration.ofSeconds(integer("auth_timeout", 60)),
                Duration.ofSeconds(integer("poll_interval", 6)),
                files,
                locations);
    }

    private URI server() throws FailureException {
        String value = values.getOrDefault("server", "http://localhost/kojihub");
        try {
            URI uri = new URI(value);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if ((scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null) {
                return uri;
            }
        } catch (URISyntaxException e) {
            // reported below
        }
        throw IniFile.failure(
                locations.get("server"),
                "server must be an http or https URL",
                "e.g. server = https://koji.fedoraproject.org/kojihub");
    }

    private boolean bool(String key) throws FailureException {
        String value = values.get(key);
        if (value == null) {
            return false;
        }
        Boolean parsed = BOOLEAN_WORDS.get(value.toLowerCase(Locale.ROOT));
        if (parsed == null) {
            throw IniFile.failure(
                    locations.get(key), key + " must be a boolean", "use true or false (also yes/no, on/off, 1/0)");
        }
        return parsed;
    }

    private int integer(String key, int fallback) throws FailureException {
        String value = values.get(key);
        if (value == null) {
            return fallback;
        }
        try {
            int parsed = Integer.parseInt(value.strip());
            if (parsed >= 0) {
                return parsed;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw IniFile.failure(
                locations.get(key), key + " must be a whole number, 0 or more", "e.g. " + key + " = " + fallback);
    }

    /** A path key: {@code ~} expanded; unset, koji's default file if it exists; empty, none. */
    private Optional<Path> path(String key, Path home, String fallback) throws FailureException {
        String value = values.get(key);
        if (value == null) {
            Path file = home.resolve(fallback);
            return Files.exists(file) ? Optional.of(file) : Optional.empty();
        }
        if (value.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(expandHome(value, home, locations.get(key)).toAbsolutePath());
    }

    /** {@code ~} and {@code ~/...} against {@code home}; a relative path stays relative to the working directory. */
    private static Path expandHome(String value, Path home, Location at) throws FailureException {
        if (value.startsWith("~") && !value.equals("~") && !value.startsWith("~/")) {
            throw IniFile.failure(
                    at, "Keel expands only ~ of the current user, not ~user", "write the path to the file in full");
        }
        try {
            return value.equals("~")
                    ? home
                    : value.startsWith("~/") ? home.resolve(value.substring(2)) : Path.of(value);
        } catch (InvalidPathException e) {
            throw IniFile.failure(at, "not a valid file path", "write the path to the file");
        }
    }

    /** Adds a file, or a directory's {@code *.conf} files; a strict path must give something. */
    private static void add(List<Path> files, Path path, boolean strict) throws FailureException {
        if (Files.isDirectory(path)) {
            List<Path> contents = confFiles(path);
            if (strict && contents.isEmpty()) {
                throw IniFile.failure(
                        Location.of(path),
                        "no *.conf file in the Koji configuration directory",
                        "give a koji configuration file or a directory of *.conf files");
            }
            files.addAll(contents);
        } else if (Files.isRegularFile(path)) {
            files.add(path);
        } else if (strict) {
            throw IniFile.failure(
                    Location.of(path), "Koji configuration file not found", "check the path given with --koji-config");
        }
    }

    private static List<Path> confFiles(Path directory) throws FailureException {
        try (Stream<Path> entries = Files.list(directory)) {
            return entries.filter(p -> p.getFileName().toString().endsWith(".conf"))
                    .filter(Files::isRegularFile)
                    .sorted((a, b) ->
                            a.getFileName().toString().compareTo(b.getFileName().toString()))
                    .toList();
        } catch (IOException | java.io.UncheckedIOException e) {
            throw IniFile.failure(
                    Location.of(directory),
                    "cannot list Koji configuration directory",
                    "check that the directory is readable by the user running Keel");
        }
    }

    private static FailureException noProfile(String name, List<Path> files, Set<String> sections) {
        Set<String> profiles = new TreeSet<>(sections);
        profiles.remove(IniFile.DEFAULT_SECTION);
        return new FailureException(Failure.of(
                        Failure.Kind.CONFIGURATION,
                        "no profile '" + name + "' in "
                                + files.stream().map(Path::toString).collect(Collectors.joining(", "))
                                + " (profiles: " + (profiles.isEmpty() ? "none" : String.join(", ", profiles)) + ")")
                .withHint("choose one of the profiles, or add a [" + name + "] section"));
    }
}
