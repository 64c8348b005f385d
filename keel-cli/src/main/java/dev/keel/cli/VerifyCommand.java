package dev.keel.cli;

import dev.keel.audit.verify.ArchiveCheck;
import dev.keel.audit.verify.FileDifference;
import dev.keel.audit.verify.LookasideCheck;
import dev.keel.audit.verify.Verification;
import dev.keel.audit.verify.VerificationReport;
import dev.keel.audit.verify.Verifier;
import dev.keel.core.config.LocatedOverlay;
import dev.keel.core.config.Names;
import dev.keel.core.config.Project;
import dev.keel.core.config.ResolvedComponent;
import dev.keel.core.io.KeelCache;
import dev.keel.core.outcome.Failure;
import dev.keel.core.outcome.FailureFormat;
import dev.keel.core.outcome.PathDisplay;
import dev.keel.core.source.UpstreamSource;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code keel verify}: re-derive the checked-in rendered specs and compare them byte for byte. */
@Command(
        name = "verify",
        mixinStandardHelpOptions = true,
        header = "Re-render from scratch and check the rendered specs",
        description = "Re-renders each selected component in memory from the project alone: its upstream at the"
                + " locked commit, fetched into a scratch cache that is removed afterwards (Keel's cache is neither"
                + " read nor written), every lookaside file downloaded and checked against its recorded hash. Each"
                + " component is verified (its directory is byte for byte what rendering gives, and every lookaside"
                + " file has its hash, and so has every archive that archive overlays make, re-made from its checked"
                + " upstream archive as prepare-sources makes it), differs (the files that differ, with the lines"
                + " added and removed and the first different line; a lookaside file or re-made archive with another"
                + " hash) or unverifiable (why: the upstream cannot be reached, lacks the locked commit or a file, an"
                + " archive cannot be re-made, or the spec snapshot lacks the spec). With"
                + " -a, a rendered directory of no component is reported too. Nothing is written into the project."
                + " --offline reads Keel's cache instead, and only reads it: what it lacks makes a component"
                + " unverifiable. With --upstream-specs only the rendered files are compared. Exits 0 only when"
                + " every selected component is verified.")
public final class VerifyCommand implements Callable<Integer> {

    @CommandLine.Mixin
    ComponentFilter filter = new ComponentFilter();

    @CommandLine.Mixin
    SpecSnapshotOption upstreamSpecs = new SpecSnapshotOption();

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
        SortedMap<String, ResolvedComponent> selected = select(project);
        Optional<UpstreamSource> snapshot = upstreamSpecs.open().map(opened -> opened);
        Verifier verifier = new Verifier(
                project, snapshot, new Verifier.Options(fetch.policy(), KeelCache.directory(), jobs.jobs()));
        Status status = KeelCommand.status(spec);
        ProgressBar progress = status.progress("verifying", selected.size());
        VerificationReport report = verifier.verify(selected.values(), filter.all, (verification, elapsed) -> {
            progress.step();
            status.detail(Reports.timing(
                    verification.component(), verification.status().key(), elapsed));
        });
        progress.done();
        print(report, PathDisplay.machineIndependent(project.root()), status);
        return report.verified() ? 0 : 1;
    }

    /** The selected components; a name or group that does not exist, or a selection of nothing, is a usage error. */
    private SortedMap<String, ResolvedComponent> select(Project project) {
        SortedMap<String, ResolvedComponent> selected = filter.select(project, spec.commandLine());
        if (selected.isEmpty()) {
            throw new CommandLine.ParameterException(
                    spec.commandLine(), "nothing to verify: the selection matches no component");
        }
        return selected;
    }

    private void print(VerificationReport report, PathDisplay paths, Status status) {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (output.isJson()) {
            out.print(Json.write(json(report, paths)));
        } else {
            Table table = new Table("component", "status", "detail");
            for (Verification verification : report.components()) {
                table.row(verification.component(), verification.status().key(), detail(verification, paths));
            }
            report.stale().forEach(directory -> table.row(directory, "stale", "belongs to no component"));
            out.print(table.render(output.format));
            for (Verification verification : report.components()) {
                if (verification.status() == Verification.Status.UNVERIFIABLE
                        && verification.failure().isPresent()) {
                    err.print(FailureFormat.block(
                            verification.component(), verification.failure().get(), paths));
                }
            }
        }
        out.flush();
        err.flush();
        report.notes().forEach(note -> status.info("note: " + note));
        List<String> keys = new ArrayList<>();
        report.components().forEach(v -> keys.add(v.status().key()));
        String summary = Reports.count(report.components().size(), "component") + ": " + Reports.tally(keys);
        if (!report.stale().isEmpty()) {
            summary += "; " + Reports.count(report.stale().size(), "stale directory", "stale directories");
        }
        status.info(summary);
    }

    // ------------------------------------------------------------------ JSON

    private static Map<String, Object> json(VerificationReport report, PathDisplay paths) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("verified", report.verified());
        Map<String, Integer> summary = new LinkedHashMap<>();
        for (Verification.Status status : Verification.Status.values()) {
            summary.put(status.key(), (int) report.components().stream()
                    .filter(v -> v.status() == status)
                    .count());
        }
        summary.put("stale", report.stale().size());
        json.put("summary", summary);
        List<Map<String, Object>> components = new ArrayList<>();
        report.components().forEach(verification -> components.add(json(verification, paths)));
        json.put("components", components);
        json.put("stale", report.stale());
        json.put("notes", report.notes());
        return json;
    }

    private static Map<String, Object> json(Verification verification, PathDisplay paths) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("component", verification.component());
        row.put("status", verification.status().key());
        row.put("directory", verification.directory());
        List<Map<String, Object>> files = new ArrayList<>();
        for (FileDifference file : verification.files()) {
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("file", file.file());
            json.put("change", file.change().key());
            json.put("linesAdded", file.linesAdded());
            json.put("linesRemoved", file.linesRemoved());
            json.put(
                    "firstDifferentLine",
                    file.firstDifferentLine().isPresent()
                            ? file.firstDifferentLine().getAsInt()
                            : null);
            json.put("modeDiffers", file.modeDiffers());
            files.add(json);
        }
        row.put("files", files);
        List<Map<String, Object>> lookaside = new ArrayList<>();
        for (LookasideCheck check : verification.lookaside()) {
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("file", check.file());
            json.put("hashType", check.hashType());
            json.put("recorded", check.recorded());
            json.put("status", check.status().key());
            json.put("actual", check.actual().orElse(null));
            json.put("failure", failureJson(check.failure(), paths));
            lookaside.add(json);
        }
        row.put("lookaside", lookaside);
        List<Map<String, Object>> archives = new ArrayList<>();
        for (ArchiveCheck check : verification.archives()) {
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("file", check.file());
            json.put("hashType", check.hashType());
            json.put("recorded", check.recorded().orElse(null));
            json.put("status", check.status().key());
            json.put("actual", check.actual().orElse(null));
            List<Map<String, Object>> overlays = new ArrayList<>();
            for (LocatedOverlay overlay : check.overlays()) {
                Map<String, Object> madeBy = new LinkedHashMap<>();
                madeBy.put("index", overlay.index() + 1);
                madeBy.put("type", Names.enumKey(overlay.overlay().type()));
                madeBy.put("description", overlay.overlay().description().orElse(null));
                madeBy.put("location", FailureFormat.location(overlay.location(), paths));
                overlays.add(madeBy);
            }
            json.put("overlays", overlays);
            json.put("failure", failureJson(check.failure(), paths));
            archives.add(json);
        }
        row.put("archives", archives);
        row.put("failure", failureJson(verification.failure(), paths));
        row.put("notes", verification.notes());
        return row;
    }

    private static Map<String, Object> failureJson(Optional<Failure> failure, PathDisplay paths) {
        return failure.map(f -> Reports.failureJson(f, paths)).orElse(null);
    }

    // ------------------------------------------------------------------ table

    /** One cell: what differs or why it cannot be verified, then the notes. */
    private static String detail(Verification verification, PathDisplay paths) {
        List<String> parts = new ArrayList<>();
        verification.files().forEach(file -> parts.add(describe(file)));
        for (LookasideCheck check : verification.lookaside()) {
            if (check.status() == LookasideCheck.Status.MISMATCH) {
                parts.add(Reports.printable(check.file()) + ": " + check.hashType() + " is "
                        + abbreviated(check.actual().orElse("")) + ", recorded " + abbreviated(check.recorded()));
            } else if (check.status() == LookasideCheck.Status.UNAVAILABLE) {
                parts.add(Reports.printable(check.file()) + ": "
                        + check.failure().map(f -> FailureFormat.line(f, paths)).orElse("unavailable"));
            }
        }
        for (ArchiveCheck check : verification.archives()) {
            if (check.status() == ArchiveCheck.Status.MISMATCH) {
                parts.add(Reports.printable(check.file()) + ": " + madeBy(check) + " has " + check.hashType() + " "
                        + abbreviated(check.actual().orElse("")) + ", recorded "
                        + check.recorded()
                                .map(VerifyCommand::abbreviated)
                                .orElse("by no source-files entry with origin.type = \"overlay\""));
            } else if (check.status() == ArchiveCheck.Status.FAILED) {
                parts.add(Reports.printable(check.file()) + ": cannot be re-made: "
                        + check.failure().map(f -> FailureFormat.line(f, paths)).orElse("failed"));
            }
        }
        verification.failure().ifPresent(failure -> parts.add(FailureFormat.line(failure, paths)));
        verification.notes().forEach(parts::add);
        return String.join("; ", parts);
    }

    /** {@code re-made by overlays 1, 2}, or {@code as upstream has it} when no overlay changes it. */
    private static String madeBy(ArchiveCheck check) {
        if (check.overlays().isEmpty()) {
            return "as upstream has it (no archive overlay changes it)";
        }
        List<String> numbers = new ArrayList<>();
        check.overlays().forEach(overlay -> numbers.add(String.valueOf(overlay.index() + 1)));
        return "re-made by " + (numbers.size() == 1 ? "overlay " : "overlays ") + String.join(", ", numbers);
    }

    /** {@code hello.spec: changed, +1 -1 from line 12}, {@code extra.txt: extra, 2 lines}. */
    private static String describe(FileDifference file) {
        String name = file.file().equals(".") ? "the directory itself" : Reports.printable(file.file());
        return switch (file.change()) {
            case NOT_A_FILE -> name + ": a symbolic link or special file, which Keel never writes";
            case MISSING -> name + ": missing, " + Reports.count(file.linesRemoved(), "line");
            case EXTRA -> name + ": extra, " + Reports.count(file.linesAdded(), "line");
            case CHANGED -> {
                List<String> what = new ArrayList<>();
                if (file.firstDifferentLine().isPresent()) {
                    what.add("+" + file.linesAdded() + " -" + file.linesRemoved() + " from line "
                            + file.firstDifferentLine().getAsInt());
                }
                if (file.modeDiffers()) {
                    what.add("mode differs");
                }
                yield name + ": changed, " + String.join(", ", what);
            }
        };
    }

    private static String abbreviated(String hash) {
        return hash.length() > 16 ? hash.substring(0, 16) + "..." : hash;
    }
}
