package dev.keel.core.config;

import dev.keel.core.config.model.ConfigFile;
import dev.keel.core.config.model.ProjectRenderConfig;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/** Project-wide rules: references between tables resolve, names are valid and unique. */
final class ProjectValidator {

    private static final Pattern REPO_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.:-]*");
    private static final Pattern FULL_COMMIT = Pattern.compile("[0-9a-f]{40}");
    private static final Pattern URI = Pattern.compile("[A-Za-z][A-Za-z0-9+.-]*://.+");
    private static final Pattern RPMAUTOSPEC_VERSION = Pattern.compile(ProjectRenderConfig.RPMAUTOSPEC_VERSION_PATTERN);
    private static final Pattern PLACEHOLDER = Pattern.compile("\\$([a-z]+)");

    private final ConfigNode.Table tree;
    private final List<ConfigError> errors;

    ProjectValidator(ConfigNode.Table tree, ConfigFile config, List<ConfigError> errors) {
        this.tree = tree;
        this.errors = errors;
    }

    void validate() {
        renderSettings();
        defaultDistro();
        distros();
        componentGroups();
        packageGroups();
        images();
        testSuites();
        repos();
    }

    private void renderSettings() {
        String version = TreeLookup.string(tree, "project", "render", "rpmautospec-version");
        if (version != null && !RPMAUTOSPEC_VERSION.matcher(version).matches()) {
            add(
                    TreeLookup.locate(tree, "project", "render", "rpmautospec-version"),
                    "project.render.rpmautospec-version",
                    "invalid rpmautospec version '" + version + "'",
                    "use dot-separated numbers, e.g. \"" + ProjectRenderConfig.DEFAULT_RPMAUTOSPEC_VERSION + "\"");
        }
    }

    private void defaultDistro() {
        String name = TreeLookup.string(tree, "project", "default-distro", "name");
        if (name == null) {
            return;
        }
        if (TreeLookup.at(tree, "distros", name) == null) {
            add(
                    TreeLookup.locate(tree, "project", "default-distro", "name"),
                    "project.default-distro.name",
                    "unknown distro '" + name + "'",
                    closest(TreeLookup.at(tree, "distros"), name));
            return;
        }
        String version = TreeLookup.string(tree, "project", "default-distro", "version");
        if (version != null
                && !version.isEmpty()
                && TreeLookup.at(tree, "distros", name, "versions", version) == null) {
            add(
                    TreeLookup.locate(tree, "project", "default-distro", "version"),
                    "project.default-distro.version",
                    "distro '" + name + "' has no version '" + version + "'",
                    closest(TreeLookup.at(tree, "distros", name, "versions"), version));
        }
    }

    private void distros() {
        forEach(tree.get("distros"), (name, distro) -> {
            String at = KeyPaths.child("distros", name);
            String defaultVersion = TreeLookup.string(distro, "default-version");
            if (defaultVersion != null && TreeLookup.at(distro, "versions", defaultVersion) == null) {
                add(
                        TreeLookup.locate(distro, "default-version"),
                        at + ".default-version",
                        "distro '" + name + "' has no version '" + defaultVersion + "'",
                        closest(TreeLookup.at(distro, "versions"), defaultVersion));
            }
            uriTemplate(distro, at, "dist-git-base-uri", Set.of("pkg"), "https://src.example.org/rpms/$pkg.git");
            uriTemplate(
                    distro,
                    at,
                    "lookaside-base-uri",
                    Set.of("pkg", "filename", "hashtype", "hash"),
                    "https://src.example.org/repo/pkgs/$pkg/$filename/$hashtype/$hash/$filename");
            forEach(TreeLookup.at(distro, "versions"), (version, definition) -> kojiTarget(definition, at, version));
        });
    }

    private void kojiTarget(ConfigNode version, String distroAt, String name) {
        String target = TreeLookup.string(version, "koji-target");
        if (target != null && (target.isEmpty() || target.codePoints().anyMatch(ProjectValidator::blankOrControl))) {
            add(
                    TreeLookup.locate(version, "koji-target"),
                    KeyPaths.child(distroAt + ".versions", name) + ".koji-target",
                    "koji-target must be a Koji target name, without whitespace",
                    "e.g. koji-target = \"f43-build\"");
        }
    }

    private static boolean blankOrControl(int c) {
        return Character.isWhitespace(c) || Character.isSpaceChar(c) || Character.isISOControl(c);
    }

    private void uriTemplate(ConfigNode distro, String at, String key, Set<String> allowed, String example) {
        String uri = TreeLookup.string(distro, key);
        if (uri == null) {
            return;
        }
        if (!URI.matcher(uri).matches()) {
            add(TreeLookup.locate(distro, key), at + "." + key, key + " must be an absolute URI", "e.g. " + example);
        }
        var matcher = PLACEHOLDER.matcher(uri);
        while (matcher.find()) {
            if (!allowed.contains(matcher.group(1))) {
                add(
                        TreeLookup.locate(distro, key),
                        at + "." + key,
                        "unknown placeholder $" + matcher.group(1) + " in " + key,
                        "allowed: "
                                + String.join(
                                        ", ",
                                        allowed.stream()
                                                .sorted()
                                                .map(p -> "$" + p)
                                                .toList()));
            }
        }
    }

    private void componentGroups() {
        ConfigNode components = tree.get("components");
        forEach(tree.get("component-groups"), (group, node) -> {
            if (TreeLookup.at(node, "components") instanceof ConfigNode.Array members) {
                for (ConfigNode member : members.items()) {
                    if (member instanceof ConfigNode.Scalar scalar
                            && scalar.value() instanceof String name
                            && TreeLookup.at(components, name) == null) {
                        add(
                                member.location(),
                                KeyPaths.child(KeyPaths.child("component-groups", group), "components"),
                                "component group '" + group + "' lists '" + name + "', which is not a component",
                                closest(components, name));
                    }
                }
            }
        });
    }

    private void packageGroups() {
        Map<String, String> groupOf = new HashMap<>();
        forEach(tree.get("package-groups"), (group, node) -> {
            Set<String> seen = new HashSet<>();
            if (TreeLookup.at(node, "packages") instanceof ConfigNode.Array packages) {
                String at = KeyPaths.child(KeyPaths.child("package-groups", group), "packages");
                for (ConfigNode item : packages.items()) {
                    if (!(item instanceof ConfigNode.Scalar scalar && scalar.value() instanceof String name)) {
                        continue;
                    }
                    if (name.isBlank()) {
                        add(item.location(), at, "empty package name in package group '" + group + "'", "");
                    } else if (!seen.add(name)) {
                        add(
                                item.location(),
                                at,
                                "package '" + name + "' is listed twice in package group '" + group + "'",
                                "");
                    } else {
                        String other = groupOf.putIfAbsent(name, group);
                        if (other != null) {
                            add(
                                    item.location(),
                                    at,
                                    "package '" + name + "' is in package groups '" + other + "' and '" + group + "'",
                                    "a package may be in one group only");
                        }
                    }
                }
            }
        });
    }

    private void images() {
        ConfigNode suites = tree.get("test-suites");
        forEach(tree.get("images"), (image, node) -> {
            if (TreeLookup.at(node, "tests", "test-suites") instanceof ConfigNode.Array refs) {
                for (ConfigNode ref : refs.items()) {
                    String name = TreeLookup.string(ref, "name");
                    if (name != null && TreeLookup.at(suites, name) == null) {
                        add(
                                ref.location(),
                                KeyPaths.child(KeyPaths.child("images", image), "tests.test-suites"),
                                "image '" + image + "' uses test suite '" + name + "', which is not defined",
                                closest(suites, name));
                    }
                }
            }
        });
    }

    private void testSuites() {
        forEach(tree.get("test-suites"), (name, suite) -> {
            String at = KeyPaths.child("test-suites", name);
            if (!ComponentValidator.isSafeBaseName(name)) {
                add(suite.location(), at, "test suite name '" + name + "' must be a safe file name", "");
            }
            String type = TreeLookup.string(suite, "type");
            if (type != null && !type.equals("pytest") && !type.equals("lisa")) {
                add(
                        TreeLookup.locate(suite, "type"),
                        at + ".type",
                        "invalid test suite type '" + type + "'",
                        "expected pytest or lisa");
            }
            String install = TreeLookup.string(suite, "pytest", "install");
            if (TreeLookup.at(suite, "pytest") != null
                    && !"none".equals(install)
                    && TreeLookup.string(suite, "pytest", "working-dir") == null) {
                add(
                        TreeLookup.locate(suite, "pytest"),
                        at + ".pytest.working-dir",
                        "a pytest suite needs working-dir unless install = \"none\"",
                        "");
            }
            String ref = TreeLookup.string(suite, "lisa", "framework", "ref");
            if (ref != null && !FULL_COMMIT.matcher(ref).matches()) {
                add(
                        TreeLookup.locate(suite, "lisa", "framework", "ref"),
                        at + ".lisa.framework.ref",
                        "LISA ref must be a full 40-digit commit hash",
                        "");
            }
        });
    }

    private void repos() {
        forEach(TreeLookup.at(tree, "resources", "rpm-repos"), (name, repo) -> {
            String at = KeyPaths.child("resources.rpm-repos", name);
            if (!REPO_NAME.matcher(name).matches()) {
                add(
                        repo.location(),
                        at,
                        "invalid repository name '" + name + "'",
                        "letters, digits and _ . : - ; starting with a letter or digit");
            }
            boolean baseUri = TreeLookup.at(repo, "base-uri") != null;
            if (baseUri == (TreeLookup.at(repo, "metalink") != null)) {
                add(repo.location(), at, "repository '" + name + "' needs exactly one of base-uri and metalink", "");
            }
            boolean noCheck = Boolean.TRUE.equals(
                    TreeLookup.at(repo, "disable-gpg-check") instanceof ConfigNode.Scalar s ? s.value() : null);
            if (!noCheck && TreeLookup.at(repo, "gpg-key") == null) {
                add(
                        repo.location(),
                        at,
                        "repository '" + name + "' checks signatures but has no gpg-key",
                        "set gpg-key, or disable-gpg-check = true");
            }
        });
        forEach(TreeLookup.at(tree, "resources", "rpm-repo-sets"), (name, set) -> {
            String template = TreeLookup.string(set, "template");
            if (template != null && TreeLookup.at(tree, "resources", "rpm-repo-set-templates", template) == null) {
                add(
                        TreeLookup.locate(set, "template"),
                        KeyPaths.child("resources.rpm-repo-sets", name) + ".template",
                        "unknown repository-set template '" + template + "'",
                        closest(TreeLookup.at(tree, "resources", "rpm-repo-set-templates"), template));
            }
        });
    }

    private static void forEach(ConfigNode node, java.util.function.BiConsumer<String, ConfigNode> action) {
        if (node instanceof ConfigNode.Table table) {
            table.entries().forEach(action);
        }
    }

    private static String closest(ConfigNode table, String wrong) {
        if (!(table instanceof ConfigNode.Table known)) {
            return "";
        }
        return Names.closest(wrong, known.entries().keySet())
                .map(c -> "did you mean '" + c + "'?")
                .orElse("");
    }

    private void add(Location location, String keyPath, String message, String hint) {
        errors.add(ConfigError.error(location, keyPath, message, hint));
    }
}
