package dev.keel.cli;

import dev.keel.build.backend.BackendResult;
import dev.keel.build.backend.BuildConditionals;
import dev.keel.build.backend.BuildRequest;
import dev.keel.build.backend.BuildTarget;
import dev.keel.build.backend.LocalBackend;
import dev.keel.build.graph.BuildGraph;
import dev.keel.build.koji.KojiBuilder;
import dev.keel.build.koji.KojiConfig;
import dev.keel.build.koji.KojiException;
import dev.keel.build.koji.KojiProfile;
import dev.keel.build.koji.KojiSession;
import dev.keel.build.koji.KojiTls;
import dev.keel.build.koji.RenderedSpecsScm;
import dev.keel.core.config.Project;
import dev.keel.core.config.ResolvedComponent;
import dev.keel.core.outcome.Failure;
import dev.keel.core.outcome.FailureException;
import dev.keel.core.render.SourcePreparer;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.http.HttpClient;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeSet;

/**
 * {@code component build --backend koji}: logs in with the Koji profile's certificate, builds each
 * component's source RPM locally and has {@link KojiBuilder} build them in Koji in the graph's
 * layers; prints a row per component with its task and its link.
 */
final class KojiBuild {

    /** Where Koji's system configuration lives; a system property moves it for tests. */
    static final String ETC_PROPERTY = "keel.koji.etc";

    private final Project project;
    private final KojiOptions options;
    private final Status status;

    KojiBuild(Project project, KojiOptions options, Status status) {
        this.project = project;
        this.options = options;
        this.status = status;
    }

    int run(
            boolean keepGoing,
            BuildGraph graph,
            SortedMap<String, ResolvedComponent> selected,
            SourcePreparer preparer,
            LocalBackend local,
            OutputOption output,
            PrintWriter out)
            throws IOException, InterruptedException {
        KojiProfile profile = KojiConfig.load(
                Optional.ofNullable(options.config),
                options.profile,
                Path.of(System.getProperty("user.home")),
                Path.of(System.getProperty(ETC_PROPERTY, "/etc")));
        String target = target();
        Map<String, String> scm = scmUrls(selected);
        KojiTls tls = KojiTls.of(profile, Instant.now());
        tls.warnings().forEach(warning -> status.info("warning: " + Reports.printable(warning)));
        HttpClient client = HttpClient.newBuilder().sslContext(tls.sslContext()).build();
        List<KojiBuilder.Result> results;
        try (KojiSession session = new KojiSession(profile.server(), client, KojiSession.Options.of(profile))) {
            session.sslLogin();
            status.info("logged in to " + session.hub() + "; building with target " + target);
            KojiBuilder builder = new KojiBuilder(
                    session,
                    project.workDir().resolve("koji"),
                    new KojiBuilder.Options(
                            target,
                            options.scratch,
                            options.nowait,
                            profile.pollInterval(),
                            java.time.Duration.ofMinutes(options.waitRepoTimeout),
                            profile.weburl(),
                            keepGoing));
            KojiBuilder.Sources sources = component -> {
                KojiBuilder.Source built = sourceRpm(selected.get(component), preparer, local);
                return scm.isEmpty() ? built : KojiBuilder.Source.scm(scm.get(component), built.name(), built.nvr());
            };
            builder.progress(
                    (component, state, elapsed, url) -> status.info(progressLine(component, state, elapsed, url)));
            results = builder.run(graph, new TreeSet<>(selected.keySet()), sources);
        } catch (KojiException e) {
            throw new FailureException(Failure.of(Failure.Kind.BUILD, e.getMessage())
                    .withHint("the Koji profile '" + profile.name() + "' is read from "
                            + String.join(
                                    ", ",
                                    profile.files().stream().map(Path::toString).toList())));
        }
        print(results, output, out);
        return results.stream()
                        .anyMatch(r ->
                                r.status() == KojiBuilder.Status.FAILED || r.status() == KojiBuilder.Status.BLOCKED)
                ? 1
                : 0;
    }

    /**
     * With --from-scm, each selected component's SCM URL, every one checked before anything is
     * submitted (its rendered spec committed as rendered); none without.
     */
    private Map<String, String> scmUrls(SortedMap<String, ResolvedComponent> selected) throws IOException {
        Map<String, String> urls = new LinkedHashMap<>();
        if (options.fromScm == null) {
            return urls;
        }
        try (RenderedSpecsScm scm = RenderedSpecsScm.open(options.fromScm, project.renderedSpecsDir())) {
            for (String component : selected.keySet()) {
                urls.put(component, scm.url(component));
            }
            status.info("Koji builds from " + Reports.printable(options.fromScm.split("#", 2)[0]) + " at commit "
                    + scm.commit());
        }
        return urls;
    }

    /** {@code keel: koji: hello: open: buildArch x86_64 (1:05) https://.../taskinfo?taskID=5000}. */
    private static String progressLine(String component, String state, java.time.Duration elapsed, String url) {
        long seconds = elapsed.toSeconds();
        return "keel: koji: " + Reports.printable(component) + ": " + Reports.printable(state) + " ("
                + seconds / 60 + ":" + String.format(java.util.Locale.ROOT, "%02d", seconds % 60) + ")"
                + (url == null ? "" : " " + Reports.printable(url));
    }

    /** --koji-target, else the distro version's {@code koji-target}. */
    private String target() throws FailureException {
        if (options.target != null) {
            return options.target;
        }
        return BuildTarget.of(project)
                .map(BuildTarget::definition)
                .map(definition -> definition == null ? null : definition.kojiTarget())
                .orElseThrow(() -> new FailureException(Failure.of(Failure.Kind.CONFIGURATION, "no Koji build target")
                        .withHint("give --koji-target, or set koji-target on the default distro version")));
    }

    /** The component's source RPM, built locally as the local backend builds one. */
    private KojiBuilder.Source sourceRpm(ResolvedComponent component, SourcePreparer preparer, LocalBackend local)
            throws IOException, InterruptedException {
        Path work = project.workDir().resolve("build").resolve(component.name());
        Path sources = work.resolve("sources");
        try {
            preparer.prepare(component, sources, new SourcePreparer.Options(false, false, true));
        } catch (dev.keel.core.render.RenderException e) {
            throw new FailureException(e.failure());
        }
        BackendResult built = local.build(new BuildRequest(
                component.name(),
                sources,
                component.name() + ".spec",
                BuildConditionals.NONE,
                List.of(),
                work.resolve("backend"),
                project.logDir().resolve(component.name() + ".log"),
                true,
                false));
        if (!built.succeeded()) {
            throw new FailureException(built.failure());
        }
        return KojiBuilder.Source.upload(built.srpm());
    }

    private static void print(List<KojiBuilder.Result> results, OutputOption output, PrintWriter out) {
        if (output.isJson()) {
            List<Map<String, Object>> rows = new ArrayList<>();
            for (KojiBuilder.Result result : results) {
                Map<String, Object> row = new LinkedHashMap<>();
                row.put("component", result.component());
                row.put("status", result.status().key());
                row.put("nvr", result.nvr());
                row.put("taskId", result.taskId());
                row.put("url", result.url());
                row.put("detail", result.detail());
                rows.add(row);
            }
            out.print(Json.write(rows));
        } else {
            Table table = new Table("component", "status", "nvr", "task", "detail");
            for (KojiBuilder.Result result : results) {
                table.row(
                        result.component(),
                        result.status().key(),
                        result.nvr() == null ? "" : result.nvr(),
                        result.url() == null ? "" : result.url(),
                        Reports.printable(result.detail() == null ? "" : result.detail()));
            }
            out.print(table.render(output.format));
        }
        out.flush();
    }
}
