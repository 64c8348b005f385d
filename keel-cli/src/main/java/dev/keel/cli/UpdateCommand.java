package dev.keel.cli;

import dev.keel.core.config.Project;
import dev.keel.core.config.ResolvedComponent;
import dev.keel.core.lock.LockFile;
import dev.keel.core.lock.LockStore;
import dev.keel.core.outcome.FailureFormat;
import dev.keel.core.outcome.Outcome;
import dev.keel.core.outcome.PathDisplay;
import dev.keel.core.source.DistGitSource;
import dev.keel.core.update.ComponentUpdater;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code keel component update}: resolve upstream commits and write the lock files. */
@Command(
        name = "update",
        mixinStandardHelpOptions = true,
        header = "Lock each component's upstream commit in locks/<name>.lock",
        description = "The commit is the component's upstream-commit pin, else the last commit before its snapshot,"
                + " else its branch head; the lock is written in azldev's format. A lock whose resolution inputs did"
                + " not change keeps its commit, except for components following a branch head. With -a, locks of"
                + " components that no longer exist are removed. Nothing is written if any component fails.")
public final class UpdateCommand implements Callable<Integer> {

    @CommandLine.Mixin
    ComponentFilter filter = new ComponentFilter();

    @Option(names = "--check-only", description = "Write nothing; exit 1 and list the locks that would change.")
    boolean checkOnly;

    @Option(
            names = "--bump",
            description = "Raise manual-bump by one (a rebuild with a new release; no network; the lock must exist).")
    boolean bump;

    @CommandLine.Mixin
    FetchOptions fetch = new FetchOptions();

    @CommandLine.Mixin
    JobsOption jobs = new JobsOption();

    @CommandLine.Mixin
    OutputOption output = new OutputOption();

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws IOException, InterruptedException {
        filter.check(spec.commandLine());
        Project project = KeelCommand.project(spec);
        Map<String, ResolvedComponent> selected = filter.select(project, spec.commandLine());
        LockStore locks = new LockStore(project.lockDir());
        DistGitSource upstream = new DistGitSource(project, fetch.mirrors(), locks);
        Status status = KeelCommand.status(spec);
        ProgressBar progress = status.progress("updating", selected.size());
        ComponentUpdater.Report report = new ComponentUpdater(project, upstream, locks, jobs.jobs())
                .update(selected.values(), filter.all, bump, checkOnly, result -> progress.step());
        progress.done();
        print(report, PathDisplay.relativeTo(project.root()), status);
        if (report.failed()) {
            spec.commandLine().getErr().println("error: nothing was written because some components failed");
            spec.commandLine().getErr().flush();
            return 1;
        }
        return checkOnly && report.changed() ? 1 : 0;
    }

    private void print(ComponentUpdater.Report report, PathDisplay paths, Status status) {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (output.isJson()) {
            List<Map<String, Object>> rows = new ArrayList<>();
            for (ComponentUpdater.Result result : report.results()) {
                Map<String, Object> row = new LinkedHashMap<>();
                row.put("component", result.component());
                row.put("status", result.outcome().key());
                row.put(
                        "change",
                        result.change() == null ? null : result.change().key());
                row.put("upstreamCommit", commit(result.after()));
                row.put("previousCommit", commit(result.before()));
                row.put(
                        "failure",
                        result.outcome() instanceof Outcome.Failed failed
                                ? Reports.failureJson(failed.failure(), paths)
                                : null);
                rows.add(row);
            }
            out.print(Json.write(rows));
        } else {
            Table table = new Table("component", "change", "upstream-commit", "detail");
            for (ComponentUpdater.Result result : report.results()) {
                if (result.outcome() instanceof Outcome.Failed failed) {
                    table.row(result.component(), "failed", "", FailureFormat.line(failed.failure(), paths));
                } else if (result.change() != ComponentUpdater.Change.CURRENT) {
                    table.row(
                            result.component(),
                            result.change().key(),
                            abbreviate(commit(result.after())),
                            detail(result));
                }
            }
            out.print(table.render(output.format));
            for (ComponentUpdater.Result result : report.results()) {
                if (result.outcome() instanceof Outcome.Failed failed) {
                    err.print(FailureFormat.block(result.component(), failed.failure(), paths));
                }
            }
        }
        List<String> keys = new ArrayList<>();
        report.results()
                .forEach(
                        r -> keys.add(r.change() == null ? "failed" : r.change().key()));
        out.flush();
        err.flush();
        status.info(Reports.count(report.results().size(), "component") + ": " + Reports.tally(keys));
    }

    private static String detail(ComponentUpdater.Result result) {
        String before = commit(result.before());
        String after = commit(result.after());
        if (before != null && after != null && !before.equals(after)) {
            return "was " + abbreviate(before);
        }
        if (result.change() != ComponentUpdater.Change.UPDATED) {
            return "";
        }
        LockFile was = result.before();
        LockFile now = result.after();
        List<String> changed = new ArrayList<>();
        if (!Objects.equals(was.inputFingerprint(), now.inputFingerprint())) {
            changed.add("inputs changed");
        }
        if (!Objects.equals(was.resolutionInputHash(), now.resolutionInputHash())) {
            changed.add("resolution inputs changed");
        }
        if (!Objects.equals(was.importCommit(), now.importCommit())) {
            changed.add("import commit was " + abbreviate(String.valueOf(was.importCommit())));
        }
        return String.join(", ", changed);
    }

    private static String commit(LockFile lock) {
        return lock == null ? null : lock.upstreamCommit();
    }

    private static String abbreviate(String commit) {
        return commit == null ? "" : commit.substring(0, Math.min(12, commit.length()));
    }
}
