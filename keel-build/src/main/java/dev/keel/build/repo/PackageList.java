package dev.keel.build.repo;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.keel.core.config.Location;
import dev.keel.core.config.Project;
import dev.keel.core.config.ResolvedComponent;
import dev.keel.core.config.model.ComponentConfig;
import dev.keel.core.io.InputFiles;
import dev.keel.core.outcome.Failure;
import dev.keel.core.outcome.FailureException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * azldev's {@code package list}: the publish channel, package group and source component of
 * binary packages, chosen as every package with explicit configuration ({@code -a}: the members of
 * package groups and the components' {@code packages.<name>} tables), by name, or from an RPM
 * source map ({@code --rpm-file}: a JSON array of {@code {packageName, sourcePackageName}}, whose
 * source packages are listed too, with their component's {@code srpm-channel}). A package's
 * component is the one with a {@code packages.<name>} table for it, else the component of the same
 * name; with {@code --rpm-file}, its source package.
 */
public final class PackageList {

    /**
     * One package.
     *
     * @param packageName its name
     * @param type {@code rpm} or {@code srpm}
     * @param group its package group, or empty
     * @param component its source component, or empty when none is known
     * @param publishChannel its resolved channel, or empty
     */
    public record Entry(String packageName, String type, String group, String component, String publishChannel) {}

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Project project;
    private final PublishChannels channels;

    public PackageList(Project project) {
        this.project = project;
        this.channels = new PublishChannels(project);
    }

    /** Every explicitly configured package and the named ones, sorted by name. */
    public List<Entry> list(boolean all, List<String> names) throws IOException {
        Map<String, String> componentOf = componentOverrides();
        SortedSet<String> selected = new TreeSet<>(names);
        if (all) {
            selected.addAll(componentOf.keySet());
            if (project.config().packageGroups() != null) {
                project.config().packageGroups().values().forEach(group -> {
                    if (group.packages() != null) {
                        selected.addAll(group.packages());
                    }
                });
            }
        }
        List<Entry> entries = new ArrayList<>();
        for (String name : selected) {
            String component =
                    componentOf.getOrDefault(name, project.components().containsKey(name) ? name : "");
            entries.add(rpm(name, component));
        }
        return entries;
    }

    /** The source packages of an RPM source map and their binary packages, sorted by name then type. */
    public List<Entry> fromSourceMap(Path file) throws IOException {
        SortedMap<String, String> sourceOf = new TreeMap<>();
        JsonNode root;
        try {
            root = JSON.readTree(InputFiles.read(file, InputFiles.Kind.CONFIG));
        } catch (JsonProcessingException e) {
            throw invalid(file, "is not JSON: " + e.getOriginalMessage());
        }
        if (root == null || !root.isArray()) {
            throw invalid(file, "is not a JSON array of {packageName, sourcePackageName}");
        }
        for (int i = 0; i < root.size(); i++) {
            JsonNode item = root.get(i);
            String name = text(item, "packageName");
            String source = text(item, "sourcePackageName");
            if (name == null || source == null) {
                throw invalid(file, "entry " + i + " needs a non-empty packageName and sourcePackageName");
            }
            sourceOf.putIfAbsent(name, source);
        }
        List<Entry> entries = new ArrayList<>();
        new TreeSet<>(sourceOf.values()).forEach(source -> entries.add(srpm(source)));
        sourceOf.forEach((name, source) -> entries.add(rpm(name, source)));
        entries.sort(Comparator.comparing(Entry::packageName)
                .thenComparing(Entry::type)
                .thenComparing(Entry::component));
        return entries;
    }

    private Entry rpm(String name, String component) {
        ResolvedComponent resolved = project.components().get(component);
        ComponentConfig config =
                resolved != null ? resolved.config() : project.config().defaultComponentConfig();
        return new Entry(name, "rpm", channels.group(name).orElse(""), component, channels.rpmChannel(config, name));
    }

    private Entry srpm(String name) {
        ResolvedComponent resolved = project.components().get(name);
        ComponentConfig config =
                resolved != null ? resolved.config() : project.config().defaultComponentConfig();
        return new Entry(name, "srpm", "", name, PublishChannels.srpmChannel(config));
    }

    /** Package name to the one component with a {@code packages.<name>} table for it. */
    private Map<String, String> componentOverrides() throws FailureException {
        Map<String, String> componentOf = new LinkedHashMap<>();
        for (ResolvedComponent component : project.components().values()) {
            if (component.config().packages() == null) {
                continue;
            }
            for (String name : component.config().packages().keySet()) {
                String other = componentOf.putIfAbsent(name, component.name());
                if (other != null && !other.equals(component.name())) {
                    throw new FailureException(Failure.of(
                                    Failure.Kind.CONFIGURATION,
                                    "package " + name + " is configured by two components: " + other + " and "
                                            + component.name())
                            .at(component.locationOf("packages", name))
                            .withHint("keep the packages." + name + " table in one component"));
                }
            }
        }
        return componentOf;
    }

    private static String text(JsonNode item, String field) {
        JsonNode value = item == null ? null : item.get(field);
        return value != null && value.isTextual() && !value.asText().isEmpty() ? value.asText() : null;
    }

    private static FailureException invalid(Path file, String why) {
        return new FailureException(Failure.of(Failure.Kind.CONFIGURATION, "the RPM source map " + why)
                .at(Location.of(file))
                .withHint("write it as [{\"packageName\": \"bash\", \"sourcePackageName\": \"bash\"}, ...]"));
    }
}
