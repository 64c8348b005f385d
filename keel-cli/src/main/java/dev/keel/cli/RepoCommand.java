package dev.keel.cli;

import dev.keel.build.backend.BuildTarget;
import dev.keel.build.repo.InputRepositories;
import dev.keel.build.repo.RepoCheck;
import dev.keel.build.tool.Dnf;
import dev.keel.core.config.Project;
import dev.keel.core.outcome.FailureFormat;
import dev.keel.core.outcome.PathDisplay;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code keel repo}: RPM repositories. */
@Command(
        name = "repo",
        mixinStandardHelpOptions = true,
        header = "Check RPM repositories",
        description = "A repository is a directory of RPMs with repodata/, such as the one component build"
                + " --local-repo-with-publish keeps. The checks run the host's dnf.",
        subcommands = {RepoCommand.CheckCommand.class})
public final class RepoCommand extends CommandGroup {

    /** {@code keel repo check}. */
    @Command(
            name = "check",
            mixinStandardHelpOptions = true,
            header = "Check that every requirement of a repository's packages resolves",
            description = "Runs dnf repoclosure (libsolv) to check that every requirement of every package of the"
                    + " repository resolves within it or the project's rpm-build inputs (the build distro version's"
                    + " inputs.rpm-build); --install also installs packages into an empty root with dnf. dnf runs"
                    + " with its configuration, cache and logs in the work directory and touches nothing of the host."
                    + " Outside a project, only the repository itself is used. Exit 1 when anything is unresolved or"
                    + " does not install.")
    static final class CheckCommand implements Callable<Integer> {

        @Option(
                names = "--repo",
                required = true,
                paramLabel = "DIR",
                description = "The repository (a directory with repodata/).")
        Path repo;

        @Option(
                names = "--install",
                paramLabel = "PKG",
                description = "A package to install into an empty root (repeatable).")
        List<String> install = new ArrayList<>();

        @CommandLine.Mixin
        OutputOption output = new OutputOption();

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() throws IOException, InterruptedException {
            Status status = KeelCommand.status(spec);
            Optional<Project> project = KeelCommand.projectIfAny(spec);
            List<Dnf.Repository> inputs = new ArrayList<>();
            String releaseVer = null;
            Path work;
            Path log;
            Path scratch = null;
            if (project.isPresent()) {
                InputRepositories.Result configured = InputRepositories.of(project.get());
                inputs.addAll(configured.repositories());
                configured.notes().forEach(note -> status.info("note: " + Reports.printable(note)));
                releaseVer = BuildTarget.of(project.get())
                        .map(BuildTarget::definition)
                        .map(definition -> definition.releaseVer())
                        .orElse(null);
                work = project.get().workDir().resolve("repo-check");
                log = project.get().logDir().resolve("repo-check.log");
            } else {
                status.info("note: not in a project: the repository is checked on its own, without build inputs");
                scratch = Files.createTempDirectory("keel-repo-check");
                work = scratch.resolve("work");
                log = scratch.resolve("repo-check.log");
            }
            Files.createDirectories(log.toAbsolutePath().getParent());
            Files.deleteIfExists(log);
            RepoCheck.Report report = new RepoCheck(repo, inputs, releaseVer, work).run(install, log);
            dev.keel.core.io.FileTrees.delete(work);
            if (scratch != null && report.passed()) {
                dev.keel.core.io.FileTrees.delete(scratch);
            }
            PathDisplay paths = PathDisplay.relativeTo(
                    project.map(Project::root).orElse(Path.of("").toAbsolutePath()));
            print(report, paths, status);
            return report.passed() ? 0 : 1;
        }

        private void print(RepoCheck.Report report, PathDisplay paths, Status status) {
            PrintWriter out = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            if (output.isJson()) {
                Map<String, Object> json = new LinkedHashMap<>();
                json.put("repository", paths.show(repo.toAbsolutePath().normalize()));
                json.put("passed", report.passed());
                List<Map<String, Object>> unresolved = new ArrayList<>();
                for (RepoCheck.Unresolved item : report.unresolved()) {
                    Map<String, Object> row = new LinkedHashMap<>();
                    row.put("package", item.pkg());
                    row.put("requires", item.requires());
                    unresolved.add(row);
                }
                json.put("unresolved", unresolved);
                Map<String, Object> installed = new LinkedHashMap<>();
                installed.put("requested", install);
                installed.put("installed", report.installed());
                installed.put(
                        "failure",
                        report.installFailure() == null ? null : Reports.failureJson(report.installFailure(), paths));
                json.put("install", installed);
                out.print(Json.write(json));
            } else {
                Table table = new Table("package", "check", "detail");
                for (RepoCheck.Unresolved item : report.unresolved()) {
                    table.row(item.pkg(), "unresolved", String.join(", ", item.requires()));
                }
                report.installed().forEach(pkg -> table.row(pkg, "installed", ""));
                out.print(table.render(output.format));
                if (report.installFailure() != null) {
                    err.print(FailureFormat.block(null, report.installFailure(), paths));
                }
            }
            out.flush();
            err.flush();
            status.info(
                    report.passed()
                            ? "the repository is consistent" + (install.isEmpty() ? "" : " and the packages install")
                            : Reports.count(report.unresolved().size(), "package") + " with unresolved requirements"
                                    + (report.installFailure() == null ? "" : "; the install check failed"));
        }
    }
}
