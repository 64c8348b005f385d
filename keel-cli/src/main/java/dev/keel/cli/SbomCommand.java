package dev.keel.cli;

import dev.keel.audit.attest.BuiltOutputs;
import dev.keel.audit.sbom.DocumentTime;
import dev.keel.audit.sbom.Sbom;
import dev.keel.audit.sbom.SbomCollector;
import dev.keel.audit.sbom.SbomFormat;
import dev.keel.audit.sbom.SbomWriter;
import dev.keel.build.mock.DistroMacros;
import dev.keel.core.config.Location;
import dev.keel.core.config.Project;
import dev.keel.core.config.ResolvedComponent;
import dev.keel.core.io.AtomicFiles;
import dev.keel.core.outcome.Failure;
import dev.keel.core.outcome.FailureException;
import dev.keel.core.outcome.FailureFormat;
import dev.keel.core.outcome.PathDisplay;
import dev.keel.core.render.OutputGuard;
import dev.keel.core.render.RenderEvidence;
import dev.keel.core.source.UpstreamSource;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code keel sbom}: the rendered components as an SBOM, every overlay a patch of its upstream. */
@Command(
        name = "sbom",
        mixinStandardHelpOptions = true,
        header = "Write an SBOM of the rendered specs and RPMs, overlays as patches",
        description = "Describes the source packages of the rendered specs: name, version and release as rpm reads"
                + " them (dist from the default distro version's mock configuration), a package URL, the License"
                + " as an SPDX expression (one that is not valid is kept and reported), the rendered spec's"
                + " SHA-256, the upstream package at its commit as the ancestor, and every change the render made"
                + " (each overlay and each of Keel's steps) as a patch with its type, diff and the commits, bugs and"
                + " CVEs it resolves. CycloneDX 1.6 lists each CVE as a vulnerability resolved by its patch (VEX);"
                + " SPDX 2.3 relates patches with PATCH_APPLIED and ancestors with DESCENDANT_OF. When the output"
                + " directory holds a component's last complete build, its source and binary RPMs are described"
                + " too (name, epoch, version, release, arch and License from their headers, the file's SHA-256,"
                + " a package URL, the source package's then on its source RPM alone so that it is counted"
                + " once), each built from its source (SPDX GENERATED_FROM, CycloneDX dependencies"
                + " 'provides'), if its source RPM holds the rendered files and its RPMs name that source RPM: a"
                + " build that is not of the rendered files, or whose files changed or went away since it"
                + " published them, is left out with a warning. Each component is"
                + " rendered again to check that the rendered tree holds its render: a stale component, or an"
                + " upstream that cannot be read, fails the run and nothing is written. Components that render to"
                + " nothing are listed and left out. The document is the same bytes for the same input: no time"
                + " stamp but SOURCE_DATE_EPOCH or the project's HEAD commit time where SPDX requires one.")
public final class SbomCommand implements Callable<Integer> {

    /** The document formats, as -f names them. */
    enum Format {
        CYCLONEDX(SbomFormat.CYCLONEDX),
        SPDX(SbomFormat.SPDX);

        private final SbomFormat format;

        Format(SbomFormat format) {
            this.format = format;
        }

        @Override
        public String toString() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    @CommandLine.Mixin
    ComponentFilter filter = new ComponentFilter();

    @Option(
            names = {"-f", "--format"},
            required = true,
            paramLabel = "FORMAT",
            description = "cyclonedx (CycloneDX 1.6 JSON, with VEX) or spdx (SPDX 2.3 JSON).")
    Format format;

    @Option(
            names = {"-o", "--output-file"},
            required = true,
            paramLabel = "FILE",
            description = "Write the document to FILE (atomically); not inside the project but in its"
                    + " rendered-specs, work or output directory, nor in Keel's cache.")
    Path output;

    @Option(
            names = "--specs-dir",
            paramLabel = "DIR",
            description = "The rendered tree to describe, when not the project's rendered-specs-dir (a render's -o).")
    Path specsDir;

    @Option(
            names = "--strict",
            description = "The license gate: exit 1 when a License is not a valid SPDX expression (the document is"
                    + " written all the same).")
    boolean strict;

    @Option(
            names = "--rendered-only",
            description = "Describe the rendered specs only, not the RPMs of the last builds.")
    boolean renderedOnly;

    @CommandLine.Mixin
    SpecSnapshotOption upstreamSpecs = new SpecSnapshotOption();

    @CommandLine.Mixin
    FetchOptions fetch = new FetchOptions();

    @CommandLine.Mixin
    JobsOption jobs = new JobsOption();

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws IOException, InterruptedException {
        filter.check(spec.commandLine());
        Project project = KeelCommand.project(spec);
        OutputGuard.of(project).check(output, "--output-file");
        if (Files.isDirectory(output, LinkOption.NOFOLLOW_LINKS)) {
            throw new CommandLine.ParameterException(
                    spec.commandLine(), "--output-file: " + output + " is a directory");
        }
        Path tree = specsDir != null ? specsDir : project.renderedSpecsDir();
        if (!Files.isDirectory(tree)) {
            throw new FailureException(Failure.of(Failure.Kind.CONFIGURATION, "no rendered specs")
                    .at(Location.of(tree.toAbsolutePath()))
                    .withHint("render them first ('keel component render -a'), or name them with --specs-dir"));
        }
        Map<String, ResolvedComponent> selected = filter.select(project, spec.commandLine());
        UpstreamSource upstream = upstreamSpecs.openOrDistGit(project, fetch);
        Status status = KeelCommand.status(spec);
        DistroMacros.Result macros = DistroMacros.of(project, "x86_64");
        macros.notes().forEach(note -> status.detail("note: " + Reports.printable(note)));
        BuiltOutputs built = RecordedBuilds.of(project, renderedOnly);
        SbomCollector collector = new SbomCollector(
                project,
                macros.macros(),
                new KeelCommand.Version().getVersion()[0],
                DocumentTime.of(project.root(), Optional.ofNullable(System.getenv("SOURCE_DATE_EPOCH"))),
                built);
        SbomWriter document = collector.writer(format.format);
        SbomCollector.Result result;
        try {
            result = collector.collect(
                    new RenderEvidence(project, upstream, tree), selected.values(), jobs.jobs(), document);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        }
        return report(result, document, project, status);
    }

    private int report(SbomCollector.Result result, SbomWriter document, Project project, Status status)
            throws IOException {
        PrintWriter err = spec.commandLine().getErr();
        PathDisplay paths = PathDisplay.relativeTo(project.root());
        for (SbomCollector.Problem problem : result.problems()) {
            err.print(FailureFormat.block(problem.component(), problem.failure(), paths));
        }
        for (SbomCollector.NotRendered skipped : result.notRendered()) {
            status.detail("not in the SBOM: " + skipped.component() + ": " + Reports.printable(skipped.reason()));
        }
        for (SbomCollector.UnlinkedBuild build : result.unlinkedBuilds()) {
            err.println("warning: " + Reports.printable(build.component()) + ": its last build is left out: "
                    + Reports.printable(String.join("; ", build.problems())) + " (build it again: keel component"
                    + " build " + Reports.printable(build.component()) + "; or --rendered-only)");
        }
        Sbom sbom = result.sbom();
        for (Sbom.InvalidLicense invalid : sbom.invalidLicenses()) {
            err.println("warning: " + invalid.component() + ": License is not a valid SPDX expression: "
                    + Reports.printable(invalid.text()) + " ("
                    + Reports.printable(String.join("; ", invalid.problems()))
                    + ")");
        }
        err.flush();
        String counts = Reports.count(sbom.componentCount(), "component") + ", "
                + Reports.count(sbom.patchCount(), "patch", "patches") + ", "
                + Reports.count(sbom.invalidLicenses().size(), "license") + " not valid SPDX, "
                + Reports.count(sbom.cves().size(), "CVE id") + " resolved; "
                + Reports.count(result.notRendered().size(), "component") + " not rendered; "
                + (renderedOnly
                        ? "builds not read (--rendered-only)"
                        : Reports.count(sbom.buildCount(), "build") + " described ("
                                + Reports.count(sbom.rpmCount(), "RPM") + "), "
                                + result.unlinkedBuilds().size() + " not");
        if (!result.problems().isEmpty()) {
            status.info("no SBOM written: " + Reports.count(result.problems().size(), "component")
                    + " cannot be described (" + counts + ")");
            return 1;
        }
        AtomicFiles.write(output, document.finish(sbom));
        status.info("wrote " + output + ": " + counts);
        return strict && !sbom.invalidLicenses().isEmpty() ? 1 : 0;
    }
}
