package dev.keel.core.config;

import dev.keel.core.config.model.SpecType;
import dev.keel.core.io.InputFiles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/** The rules a resolved component must follow, each error located where the bad value was written. */
final class ComponentValidator {

    private static final Pattern COMMIT = Pattern.compile("[0-9a-fA-F]{7,40}");
    private static final Pattern SCHEME = Pattern.compile("[A-Za-z][A-Za-z0-9+.-]*://.+");

    private final ResolvedComponent component;
    private final ConfigNode.Table own;
    private final ConfigNode.Table tree;
    private final ConfigNode.Table project;
    private final List<ConfigError> errors;
    private final String path;

    ComponentValidator(
            ResolvedComponent component, ConfigNode.Table own, ConfigNode.Table project, List<ConfigError> errors) {
        this.component = component;
        this.own = own;
        this.tree = component.tree();
        this.project = project;
        this.errors = errors;
        this.path = KeyPaths.child("components", component.name());
    }

    void validate() {
        names();
        spec();
        build();
        sourceFiles();
        overlays();
        publish();
    }

    /** The component's name and its upstream name become paths: both must be package names. */
    private void names() {
        PackageNames.problem(component.name())
                .ifPresent(problem -> errors.add(ConfigError.error(
                        own.location(),
                        path,
                        "invalid component name '" + component.name() + "': " + problem,
                        PackageNames.HINT)));
        String upstreamName = TreeLookup.string(tree, "spec", "upstream-name");
        if (upstreamName != null && !upstreamName.isEmpty()) {
            PackageNames.problem(upstreamName)
                    .ifPresent(problem -> error(
                            new String[] {"spec", "upstream-name"},
                            "invalid upstream-name '" + upstreamName + "': " + problem,
                            PackageNames.HINT));
        }
    }

    private void spec() {
        SpecType type = component.specType();
        String specPath = TreeLookup.string(tree, "spec", "path");
        if (type == SpecType.LOCAL) {
            if (specPath == null || specPath.isEmpty()) {
                error(
                        new String[] {"spec", "type"},
                        "a local spec needs spec.path",
                        "set spec.path to the spec file, relative to this file");
            } else if (!Files.isRegularFile(Path.of(specPath))) {
                error(
                        new String[] {"spec", "path"},
                        InputFiles.special(Path.of(specPath))
                                .map(kind -> "local spec " + specPath + " is " + kind + ", not a regular file")
                                .orElse("local spec not found: " + specPath),
                        "");
            }
            for (String key : List.of("upstream-name", "upstream-commit")) {
                if (TreeLookup.at(tree, "spec", key) != null) {
                    error(
                            new String[] {"spec", key},
                            "spec." + key + " is only allowed with spec.type = \"upstream\"",
                            "");
                }
            }
        } else {
            if (specPath != null && !specPath.isEmpty()) {
                error(
                        new String[] {"spec", "path"},
                        "spec.path is only allowed with spec.type = \"local\"",
                        "set spec.type = \"local\" or remove spec.path");
            }
            String commit = TreeLookup.string(tree, "spec", "upstream-commit");
            if (commit != null && !COMMIT.matcher(commit).matches()) {
                error(
                        new String[] {"spec", "upstream-commit"},
                        "upstream-commit '" + commit + "' is not a commit hash",
                        "use 7 to 40 hexadecimal digits");
            }
            distro();
        }
        if (TreeLookup.at(own, "spec", "upstream-distro", "snapshot") != null) {
            errors.add(
                    ConfigError.error(
                            TreeLookup.locate(own, "spec", "upstream-distro", "snapshot"),
                            path + ".spec.upstream-distro.snapshot",
                            "a component cannot set its own upstream snapshot",
                            "pin a commit with spec.upstream-commit, or set the snapshot in the distro version's default-component-config"));
        }
    }

    private void distro() {
        String name = TreeLookup.string(tree, "spec", "upstream-distro", "name");
        if (name == null) {
            return;
        }
        ConfigNode distro = TreeLookup.at(project, "distros", name);
        if (distro == null) {
            error(
                    new String[] {"spec", "upstream-distro", "name"},
                    "unknown distro '" + name + "'",
                    knownKeys(TreeLookup.at(project, "distros"), name));
            return;
        }
        String version = TreeLookup.string(tree, "spec", "upstream-distro", "version");
        if (version != null && !version.isEmpty() && TreeLookup.at(distro, "versions", version) == null) {
            error(
                    new String[] {"spec", "upstream-distro", "version"},
                    "distro '" + name + "' has no version '" + version + "'",
                    knownKeys(TreeLookup.at(distro, "versions"), version));
        }
    }

    private void build() {
        if (Boolean.TRUE.equals(scalar("build", "check", "skip"))
                && blank(TreeLookup.string(tree, "build", "check", "skip_reason"))) {
            error(
                    new String[] {"build", "check", "skip"},
                    "build.check.skip needs a skip_reason",
                    "say why %check is skipped: skip_reason = \"...\"");
        }
        if (Boolean.TRUE.equals(scalar("build", "failure", "expected"))
                && blank(TreeLookup.string(tree, "build", "failure", "expected-reason"))) {
            error(new String[] {"build", "failure", "expected"}, "build.failure.expected needs an expected-reason", "");
        }
        bootstrap();
    }

    /** {@code build.bootstrap}: at least one conditional, each a name rpm's {@code --with} takes. */
    private void bootstrap() {
        if (TreeLookup.at(tree, "build", "bootstrap") == null) {
            return;
        }
        boolean any = false;
        for (String key : new String[] {"with", "without"}) {
            if (!(TreeLookup.at(tree, "build", "bootstrap", key) instanceof ConfigNode.Array names)) {
                continue;
            }
            for (ConfigNode name : names.items()) {
                Object value = value(name);
                any = true;
                if (value instanceof String text && !text.matches("[A-Za-z0-9_]{1,100}")) {
                    error(
                            new String[] {"build", "bootstrap", key},
                            "build conditional '" + text + "' is not a name rpm's --" + key + " takes",
                            "letters, digits and '_', such as \"tests\" or \"bootstrap\"");
                }
            }
        }
        if (!any) {
            error(
                    new String[] {"build", "bootstrap"},
                    "build.bootstrap names no build conditional",
                    "say how stage 1 differs: without = [\"tests\"] or with = [\"bootstrap\"]");
        }
    }

    private void sourceFiles() {
        if (!(tree.get("source-files") instanceof ConfigNode.Array files)) {
            return;
        }
        Set<String> names = new HashSet<>();
        for (int i = 0; i < files.items().size(); i++) {
            ConfigNode file = files.items().get(i);
            String at = KeyPaths.index(path + ".source-files", i);
            String filename = TreeLookup.string(file, "filename");
            if (filename != null && !isSafeBaseName(filename)) {
                located(
                        file,
                        "filename",
                        at,
                        "source file name '" + filename + "' must be a plain file name",
                        "no '/', '\\', '..' or leading '.'");
            } else if (filename != null && !names.add(filename)) {
                located(file, "filename", at, "source file '" + filename + "' is listed twice", "");
            }
            if (TreeLookup.at(file, "hash") != null && TreeLookup.at(file, "hash-type") == null) {
                located(file, "hash", at, "hash needs a hash-type", "set hash-type = \"SHA512\" or \"SHA256\"");
            }
            boolean replace = Boolean.TRUE.equals(value(TreeLookup.at(file, "replace-upstream")));
            if (replace == blank(TreeLookup.string(file, "replace-reason"))) {
                located(
                        file,
                        replace ? "replace-upstream" : "replace-reason",
                        at,
                        replace
                                ? "replace-upstream needs a replace-reason"
                                : "replace-reason is only allowed with replace-upstream = true",
                        "");
            }
            origin(file, at, replace);
        }
    }

    private void origin(ConfigNode file, String at, boolean replace) {
        String type = TreeLookup.string(file, "origin", "type");
        if (type == null) {
            return;
        }
        String uri = TreeLookup.string(file, "origin", "uri");
        switch (type) {
            case "download" -> {
                if (uri == null || !SCHEME.matcher(uri).matches()) {
                    located(
                            file,
                            "origin",
                            at,
                            "a download origin needs a uri with a scheme",
                            "e.g. uri = \"https://example.org/f.tar.gz\"");
                }
            }
            case "custom" -> {
                String script = TreeLookup.string(file, "origin", "script");
                if (script == null || !isSafeBaseName(script)) {
                    located(file, "origin", at, "a custom origin needs a script: a file name next to the spec", "");
                }
                if (uri != null) {
                    located(file, "origin", at, "uri is only allowed with origin.type = \"download\"", "");
                }
            }
            case "overlay" -> {
                if (uri != null) {
                    located(file, "origin", at, "uri is only allowed with origin.type = \"download\"", "");
                }
                if (!replace) {
                    located(file, "origin", at, "an overlay origin needs replace-upstream = true", "");
                }
            }
            default -> {
                return; // not a valid type: reported when the file was bound
            }
        }
        if (!type.equals("custom")) {
            for (String key : List.of("script", "mock-packages", "inputs")) {
                if (TreeLookup.at(file, "origin", key) != null) {
                    located(file, "origin", at, "origin." + key + " is only allowed with origin.type = \"custom\"", "");
                }
            }
        }
    }

    private void overlays() {
        if (!(tree.get("overlays") instanceof ConfigNode.Array overlays)) {
            return;
        }
        for (int i = 0; i < overlays.items().size(); i++) {
            if (overlays.items().get(i) instanceof ConfigNode.Table overlay) {
                new OverlayValidator(errors).validate(overlay, KeyPaths.index(path + ".overlays", i));
            }
        }
    }

    private void publish() {
        for (String key : List.of("rpm-channel", "srpm-channel", "debuginfo-channel")) {
            String channel = TreeLookup.string(tree, "publish", key);
            if (channel != null && !isChannel(channel)) {
                error(
                        new String[] {"publish", key},
                        "invalid channel name '" + channel + "'",
                        "not '.' or '..', and no '/' or '\\'");
            }
        }
    }

    // ------------------------------------------------------------------ helpers

    static boolean isChannel(String channel) {
        return !channel.isEmpty()
                && !channel.equals(".")
                && !channel.equals("..")
                && channel.indexOf('/') < 0
                && channel.indexOf('\\') < 0;
    }

    static boolean isSafeBaseName(String name) {
        return !name.isEmpty()
                && !name.startsWith(".")
                && name.indexOf('/') < 0
                && name.indexOf('\\') < 0
                && name.indexOf('\0') < 0;
    }

    /** A relative path (or glob) that cannot leave its root: not absolute, no '..' segment. */
    static boolean isConfinedRelative(String path) {
        String normalized = path.replace('\\', '/');
        if (normalized.startsWith("/") || normalized.matches("^[A-Za-z]:.*")) {
            return false;
        }
        for (String segment : normalized.split("/")) {
            if (segment.equals("..")) {
                return false;
            }
        }
        return true;
    }

    private static String knownKeys(ConfigNode table, String wrong) {
        if (!(table instanceof ConfigNode.Table known)) {
            return "";
        }
        return Names.closest(wrong, known.entries().keySet())
                .map(candidate -> "did you mean '" + candidate + "'?")
                .orElse("known: "
                        + String.join(
                                ", ", new java.util.TreeSet<>(known.entries().keySet())));
    }

    private Object scalar(String... keys) {
        return value(TreeLookup.at(tree, keys));
    }

    private static Object value(ConfigNode node) {
        return node instanceof ConfigNode.Scalar scalar ? scalar.value() : null;
    }

    private static boolean blank(String text) {
        return text == null || text.isBlank();
    }

    private void error(String[] keys, String message, String hint) {
        errors.add(
                ConfigError.error(TreeLookup.locate(tree, keys), path + "." + String.join(".", keys), message, hint));
    }

    private void located(ConfigNode table, String key, String at, String message, String hint) {
        errors.add(ConfigError.atKey(table, key, at, message, hint));
    }
}
