package dev.keel.cli;

import dev.keel.core.config.ConfigNode;
import dev.keel.core.config.KeyPaths;
import dev.keel.core.config.Names;
import dev.keel.core.config.Project;
import dev.keel.core.config.ResolvedComponent;
import dev.keel.core.config.model.DistroReference;
import dev.keel.core.config.model.SpecSource;
import dev.keel.core.lock.LockFile;
import dev.keel.core.lock.LockStore;
import dev.keel.core.outcome.PathDisplay;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.temporal.TemporalAccessor;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code keel component}: work with the project's components. */
@Command(
        name = "component",
        aliases = "comp",
        mixinStandardHelpOptions = true,
        header = "Manage the project's components",
        description = "A component is one RPM spec: an upstream distro's, from its dist-git with the project's"
                + " overlays applied, or a local one in the project. Building it makes one or more RPMs. The"
                + " commands that take several components select them by name or glob, -p PATTERN, -g GROUP, or"
                + " -a for all.",
        subcommands = {
            ComponentCommand.ListCommand.class,
            ComponentCommand.Show.class,
            RenderCommand.class,
            BuildCommand.class,
            GraphCommand.class,
            UpdateCommand.class,
            PrepareSourcesCommand.class,
            CheckOverlaysCommand.class,
            DiffSourcesCommand.class
        })
public final class ComponentCommand extends CommandGroup {

    /** {@code keel component list}. */
    @Command(
            name = "list",
            mixinStandardHelpOptions = true,
            header = "List components with their resolved spec source",
            description = "One row per selected component: its name, spec type, upstream (distro, version, upstream"
                    + " name and pinned commit) or local spec path, release calculation, number of overlays and"
                    + " groups. -O json also gives the file that defines it and its locked upstream commit.")
    static final class ListCommand implements Callable<Integer> {
        @CommandLine.Mixin
        ComponentFilter filter = new ComponentFilter();

        @CommandLine.Mixin
        OutputOption output = new OutputOption();

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() throws IOException {
            filter.check(spec.commandLine());
            Project project = KeelCommand.project(spec);
            Map<String, ResolvedComponent> selected = filter.select(project, spec.commandLine());
            PrintWriter out = spec.commandLine().getOut();
            if (output.isJson()) {
                Locks locks = Locks.of(project);
                List<Object> rows = new ArrayList<>();
                for (ResolvedComponent component : selected.values()) {
                    Map<String, Object> row = describe(component, project.root());
                    row.put("locked", locks.upstreamCommit(component.name()));
                    rows.add(row);
                }
                out.print(Json.write(rows));
            } else {
                Table table = new Table("name", "spec", "upstream", "release", "overlays", "groups");
                for (ResolvedComponent component : selected.values()) {
                    table.row(
                            component.name(),
                            Names.enumKey(component.specType()),
                            source(component, project.root()),
                            Names.enumKey(component.config().release().calculation()),
                            component.config().overlays() == null
                                    ? 0
                                    : component.config().overlays().size(),
                            String.join(" ", component.groups()));
                }
                out.print(table.render(output.format));
            }
            out.flush();
            return 0;
        }

        private static String source(ResolvedComponent component, Path root) {
            SpecSource spec = component.config().spec();
            if (spec != null && spec.path() != null) {
                return PathDisplay.relativeTo(root).show(Path.of(spec.path()));
            }
            DistroReference distro = component.upstreamDistro();
            String where =
                    distro == null ? "" : distro.name() + (distro.version() == null ? "" : " " + distro.version());
            String commit = spec == null || spec.upstreamCommit() == null ? "" : "@" + spec.upstreamCommit();
            return (where + " " + component.upstreamName() + commit).strip();
        }
    }

    /** The project's lock files, read only for components that have one. */
    private record Locks(LockStore store, Set<String> names) {
        static Locks of(Project project) throws IOException {
            LockStore store = new LockStore(project.lockDir());
            return new Locks(store, Set.copyOf(store.names()));
        }

        String upstreamCommit(String component) throws IOException {
            if (!names.contains(component)) {
                return null;
            }
            return store.read(component).map(LockFile::upstreamCommit).orElse(null);
        }
    }

    /** The JSON object of one component in {@code component list -O json}. */
    static Map<String, Object> describe(ResolvedComponent component, Path root) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("name", component.name());
        Map<String, Object> spec = new LinkedHashMap<>();
        spec.put("type", Names.enumKey(component.specType()));
        SpecSource source = component.config().spec();
        DistroReference distro = component.upstreamDistro();
        if (distro != null) {
            Map<String, Object> upstream = new LinkedHashMap<>();
            upstream.put("name", distro.name());
            upstream.put("version", distro.version());
            upstream.put("snapshot", distro.snapshot());
            spec.put("upstreamDistro", upstream);
        }
        spec.put("upstreamName", component.upstreamName());
        spec.put("upstreamCommit", source == null ? null : source.upstreamCommit());
        spec.put(
                "path",
                source == null || source.path() == null
                        ? null
                        : PathDisplay.relativeTo(root).show(Path.of(source.path())));
        row.put("spec", spec);
        row.put("release", Names.enumKey(component.config().release().calculation()));
        row.put(
                "overlays",
                component.config().overlays() == null
                        ? 0
                        : component.config().overlays().size());
        row.put("groups", component.groups());
        row.put("definedAt", ProjectOptions.relative(component.definedAt(), root));
        return row;
    }

    /** {@code keel component show}. */
    @Command(
            name = "show",
            mixinStandardHelpOptions = true,
            header = "Show a component's resolved configuration",
            description = "Prints every value with where it came from: the file:line and the layer (distro version"
                    + " default, project default, group, component, overlay file).")
    static final class Show implements Callable<Integer> {
        @Parameters(paramLabel = "NAME", description = "The component.")
        String name;

        @CommandLine.Mixin
        OutputOption output = new OutputOption();

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            Project project = KeelCommand.project(spec);
            ResolvedComponent component = dev.keel.core.config.ComponentSelector.select(
                            project, false, List.of(name), List.of())
                    .get(name);
            List<Map<String, Object>> values = new ArrayList<>();
            flatten(component.tree(), "", project.root(), values);
            PrintWriter out = spec.commandLine().getOut();
            if (output.isJson()) {
                Map<String, Object> result = new LinkedHashMap<>();
                result.put("component", describe(component, project.root()));
                result.put("values", values);
                out.print(Json.write(result));
            } else {
                Table table = new Table("key", "value", "from", "layer");
                values.forEach(v -> table.row(v.get("key"), render(v.get("value")), v.get("from"), v.get("layer")));
                out.println("component " + Reports.printable(component.name()) + " (declared at "
                        + Reports.printable(ProjectOptions.relative(component.definedAt(), project.root())) + ")");
                out.print(table.render(output.format));
            }
            out.flush();
            return 0;
        }

        private static String render(Object value) {
            return value instanceof String text ? "\"" + text + "\"" : String.valueOf(value);
        }

        private static void flatten(ConfigNode node, String path, Path root, List<Map<String, Object>> values) {
            if (node instanceof ConfigNode.Table table) {
                table.entries().forEach((key, child) -> flatten(child, KeyPaths.child(path, key), root, values));
            } else if (node instanceof ConfigNode.Array array
                    && array.items().stream().anyMatch(item -> item instanceof ConfigNode.Table)) {
                for (int i = 0; i < array.items().size(); i++) {
                    flatten(array.items().get(i), KeyPaths.index(path, i), root, values);
                }
            } else if (node instanceof ConfigNode.Array array) {
                for (int i = 0; i < array.items().size(); i++) {
                    add(array.items().get(i), KeyPaths.index(path, i), root, values);
                }
            } else {
                add(node, path, root, values);
            }
        }

        private static void add(ConfigNode node, String path, Path root, List<Map<String, Object>> values) {
            Object value = node instanceof ConfigNode.Scalar scalar ? scalar.value() : null;
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("key", path);
            row.put("value", value instanceof TemporalAccessor ? value.toString() : value);
            row.put("from", ProjectOptions.relative(node.location(), root));
            row.put("layer", node.layer() == null ? "" : node.layer());
            values.add(row);
        }
    }
}
