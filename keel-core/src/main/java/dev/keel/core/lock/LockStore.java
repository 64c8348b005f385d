package dev.keel.core.lock;

import dev.keel.core.config.ConfigError;
import dev.keel.core.config.ConfigException;
import dev.keel.core.config.ConfigNode;
import dev.keel.core.config.Location;
import dev.keel.core.config.TomlDocuments;
import dev.keel.core.io.AtomicFiles;
import dev.keel.core.io.FileErrors;
import dev.keel.core.io.InputFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/** Reads, validates and atomically writes the lock files of a project's lock directory. */
public final class LockStore {

    static final String HEADER = "# Managed by keel component update (azldev lock format). Do not edit manually.\n";

    private static final Set<String> KEYS = Set.of(
            "version", "import-commit", "upstream-commit", "manual-bump", "input-fingerprint", "resolution-input-hash");
    private static final Pattern FULL_COMMIT = Pattern.compile("[0-9a-f]{40}");
    private static final Pattern COMMIT = Pattern.compile("[0-9a-fA-F]{7,40}");
    private static final Pattern HASH = Pattern.compile("sha256:[0-9a-f]{64}");

    /** What to do about a bad lock file. */
    private static final String HINT = "lock files are written by 'keel component update':"
            + " fix the file, or delete it and run the update again";

    private final Path directory;

    public LockStore(Path directory) {
        this.directory = directory;
    }

    public Path path(String component) {
        return directory.resolve(component + ".lock");
    }

    /** The component's lock, if it has one; throws {@link ConfigException} for an invalid file. */
    public Optional<LockFile> read(String component) throws IOException {
        Path file = path(component);
        byte[] bytes;
        try {
            bytes = InputFiles.read(file, InputFiles.Kind.CONFIG);
        } catch (NoSuchFileException e) {
            return Optional.empty();
        }
        return Optional.of(parse(file, bytes));
    }

    /** Names of the components that have a lock file (dot-files ignored), sorted. */
    public List<String> names() throws IOException {
        if (!Files.isDirectory(directory)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(directory)) {
            return files.map(p -> p.getFileName().toString())
                    .filter(name -> name.endsWith(".lock") && !name.startsWith("."))
                    .map(name -> name.substring(0, name.length() - 5))
                    .sorted()
                    .toList();
        }
    }

    /**
     * Every problem of the lock files, located in them: a lock directory that is not a directory,
     * a lock file that is not a regular file or cannot be read, a lock that is not valid. A missing
     * lock directory has none.
     */
    public List<ConfigError> problems() throws IOException {
        if (!Files.exists(directory)) {
            return List.of();
        }
        if (!Files.isDirectory(directory)) {
            return List.of(ConfigError.error(
                    Location.of(directory),
                    "",
                    "the lock directory is not a directory",
                    "project.lock-dir names the directory of the lock files (default: locks)"));
        }
        List<ConfigError> problems = new ArrayList<>();
        for (String name : names()) {
            try {
                read(name);
            } catch (ConfigException e) {
                problems.addAll(e.errors());
            } catch (IOException e) {
                problems.add(ConfigError.error(
                        Location.of(path(name)), "", FileErrors.cannotRead("the lock file", e), HINT));
            }
        }
        return problems;
    }

    /** Writes a lock atomically; leaves the file untouched (bytes and time) when its content is equal. */
    public boolean write(String component, LockFile lock) throws IOException {
        Optional<LockFile> existing = read(component);
        if (existing.isPresent() && existing.get().equals(lock)) {
            return false;
        }
        AtomicFiles.write(path(component), format(lock).getBytes(StandardCharsets.UTF_8));
        return true;
    }

    /** Deletes a component's lock file, if it has one. */
    public void delete(String component) throws IOException {
        Files.deleteIfExists(path(component));
    }

    static String format(LockFile lock) {
        StringBuilder out = new StringBuilder(HEADER);
        out.append("version = ").append(LockFile.VERSION).append('\n');
        line(out, "import-commit", lock.importCommit());
        line(out, "upstream-commit", lock.upstreamCommit());
        if (lock.manualBump() != 0) {
            out.append("manual-bump = ").append(lock.manualBump()).append('\n');
        }
        line(out, "input-fingerprint", lock.inputFingerprint());
        line(out, "resolution-input-hash", lock.resolutionInputHash());
        return out.toString();
    }

    private static void line(StringBuilder out, String key, String value) {
        if (value != null && !value.isEmpty()) {
            out.append(key).append(" = \"").append(value).append("\"\n");
        }
    }

    static LockFile parse(Path file, byte[] bytes) {
        List<ConfigError> errors = new ArrayList<>();
        ConfigNode.Table table = TomlDocuments.read(file, bytes, errors);
        if (errors.isEmpty()) {
            table.entries().forEach((key, value) -> {
                if (!KEYS.contains(key)) {
                    errors.add(ConfigError.error(
                            value.location(),
                            key,
                            "unknown key '" + key + "' in a lock file",
                            "known keys: "
                                    + String.join(", ", KEYS.stream().sorted().toList())));
                }
            });
            ConfigNode version = table.get("version");
            if (version == null) {
                errors.add(
                        ConfigError.error(Location.of(file), "version", "the lock file has no version", "version = 1"));
            } else if (!(version instanceof ConfigNode.Scalar scalar
                    && Long.valueOf(LockFile.VERSION).equals(scalar.value()))) {
                errors.add(ConfigError.error(
                        version.location(), "version", "unsupported lock file version", "only version = 1 is known"));
            }
        }
        String importCommit = string(table, "import-commit", FULL_COMMIT, "a full 40-digit commit hash", errors);
        String upstreamCommit =
                string(table, "upstream-commit", COMMIT, "a commit hash of 7 to 40 hexadecimal digits", errors);
        String fingerprint =
                string(table, "input-fingerprint", HASH, "sha256: followed by 64 hexadecimal digits", errors);
        String resolution =
                string(table, "resolution-input-hash", HASH, "sha256: followed by 64 hexadecimal digits", errors);
        long bump = 0;
        ConfigNode bumpNode = table.get("manual-bump");
        if (bumpNode != null) {
            if (bumpNode instanceof ConfigNode.Scalar scalar && scalar.value() instanceof Long value && value >= 0) {
                bump = value;
            } else {
                errors.add(ConfigError.error(
                        bumpNode.location(), "manual-bump", "manual-bump must be a non-negative integer", ""));
            }
        }
        if (!errors.isEmpty()) {
            throw new ConfigException(errors.stream()
                    .map(error -> error.hint().isEmpty()
                            ? ConfigError.error(error.location(), error.keyPath(), error.message(), HINT)
                            : error)
                    .toList());
        }
        return new LockFile(importCommit, upstreamCommit, bump, fingerprint, resolution);
    }

    private static String string(
            ConfigNode.Table table, String key, Pattern pattern, String expected, List<ConfigError> errors) {
        ConfigNode node = table.get(key);
        if (node == null) {
            return null;
        }
        if (node instanceof ConfigNode.Scalar scalar
                && scalar.value() instanceof String value
                && pattern.matcher(value).matches()) {
            return value;
        }
        errors.add(ConfigError.error(
                node.location(), key, "invalid " + key + " in the lock file", "expected " + expected));
        return null;
    }
}
