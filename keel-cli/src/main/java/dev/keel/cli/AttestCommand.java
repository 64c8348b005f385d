package dev.keel.cli;

import dev.keel.audit.attest.Attestation;
import dev.keel.audit.attest.AttestationVerifier;
import dev.keel.audit.attest.Attestor;
import dev.keel.audit.attest.BuiltOutputs;
import dev.keel.audit.attest.EnvelopeFiles;
import dev.keel.audit.attest.PemKeys;
import dev.keel.audit.attest.SigningKey;
import dev.keel.audit.attest.Statement;
import dev.keel.audit.attest.VerifyingKey;
import dev.keel.core.config.Project;
import dev.keel.core.config.ResolvedComponent;
import dev.keel.core.outcome.FailureFormat;
import dev.keel.core.outcome.Outcome;
import dev.keel.core.outcome.PathDisplay;
import dev.keel.core.render.OutputGuard;
import dev.keel.core.source.UpstreamSource;
import java.io.IOException;
import java.io.PrintWriter;
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
import picocli.CommandLine.Parameters;

/** {@code keel attest}: signed provenance of components, and its verification. */
@Command(
        name = "attest",
        mixinStandardHelpOptions = true,
        header = "Write signed provenance attestations of components",
        description = "For each selected component, writes DIR/<name>.intoto.json: a DSSE envelope of an in-toto"
                + " Statement v1 with a SLSA Provenance v1 predicate. Its subjects are the component's rendered files"
                + " and, when the output directory holds its last complete build, that build's source and binary"
                + " RPMs (if its source RPM holds the rendered spec and its RPMs name that source RPM; a build whose"
                + " files changed or went away since it published them fails), each with its SHA-256. Its"
                + " dependencies are every input that made them, with their"
                + " digests: the dist-git repository at the locked commit (or the --upstream-specs spec, or the local"
                + " spec's files), each lookaside file, the overlays' input files, the configuration files and the"
                + " lock. Its parameters name the component, its distro version, its release calculation and the"
                + " project's git commit, with the inputs that differ from it. Each component is rendered again in"
                + " memory first; one whose rendered directory differs is not attested. Signed with --key; the same"
                + " inputs give the same statement, byte for byte, and no time is recorded. Exits 1 when a component"
                + " cannot be attested. 'keel attest verify' checks attestations.",
        subcommands = {AttestCommand.VerifyCommand.class})
public final class AttestCommand implements Callable<Integer> {

    @CommandLine.Mixin
    ComponentFilter filter = new ComponentFilter();

    /** Required, but checked by {@link #call}: picocli would require it of {@code attest verify} too. */
    @Option(
            names = {"-o", "--output-dir"},
            paramLabel = "DIR",
            description = "Required: write the attestations here (created if needed), one <name>.intoto.json per"
                    + " component.")
    Path outputDir;

    @Option(
            names = "--key",
            paramLabel = "KEY.pem",
            description = "Sign with this private key: PKCS#8 PEM, Ed25519 or ECDSA P-256, unencrypted (e.g. from"
                    + " openssl genpkey -algorithm ed25519). Without it the envelopes have no signature.")
    Path key;

    @Option(names = "--rendered-only", description = "Attest the rendered files only, not the RPMs of the last build.")
    boolean renderedOnly;

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
        if (outputDir == null) {
            throw new CommandLine.ParameterException(
                    spec.commandLine(), "missing -o DIR: where to write the attestations");
        }
        List<SigningKey> keys = key == null ? List.of() : List.of(PemKeys.signingKey(key));
        Project project = KeelCommand.project(spec);
        Map<String, ResolvedComponent> selected = filter.select(project, spec.commandLine());
        OutputGuard.of(project).check(outputDir, "--output-dir");
        UpstreamSource upstream = upstreamSpecs.openOrDistGit(project, fetch);
        BuiltOutputs built = RecordedBuilds.of(project, renderedOnly);
        Status status = KeelCommand.status(spec);
        List<Attestation> attestations = new Attestor(
                        project, upstream, built, new Attestor.Options(KeelCommand.version(), jobs.jobs()))
                .attest(selected.values());
        List<Row> rows = new ArrayList<>();
        for (Attestation attestation : attestations) {
            Optional<Path> file = Optional.empty();
            if (attestation.statement().isPresent()) {
                file = Optional.of(EnvelopeFiles.write(
                        outputDir,
                        attestation.component(),
                        attestation.statement().get(),
                        keys));
            }
            rows.add(new Row(attestation, file));
        }
        print(rows, PathDisplay.relativeTo(project.root()), status);
        status.info(
                keys.isEmpty()
                        ? "note: unsigned: give --key KEY.pem to sign"
                        : "signed with an " + keys.get(0).algorithm() + " key");
        return rows.stream().anyMatch(row -> row.attestation().outcome().isFailed()) ? 1 : 0;
    }

    /** One component's attestation and the file it was written to. */
    private record Row(Attestation attestation, Optional<Path> file) {

        String status() {
            return attestation.outcome() instanceof Outcome.Ok
                    ? "attested"
                    : attestation.outcome().key();
        }

        int subjects() {
            return attestation.statement().map(s -> s.subject().size()).orElse(0);
        }

        int dependencies() {
            return attestation
                    .statement()
                    .map(Statement::predicate)
                    .map(p -> p.buildDefinition().resolvedDependencies().size())
                    .orElse(0);
        }
    }

    private void print(List<Row> rows, PathDisplay paths, Status status) {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (output.isJson()) {
            List<Map<String, Object>> json = new ArrayList<>();
            for (Row row : rows) {
                Map<String, Object> item = new LinkedHashMap<>();
                item.put("component", row.attestation().component());
                item.put("status", row.status());
                item.put("file", row.file().map(paths::show).orElse(null));
                item.put("subjects", row.subjects());
                item.put("dependencies", row.dependencies());
                item.put(
                        "reason",
                        row.attestation().outcome() instanceof Outcome.Skipped skipped ? skipped.reason() : null);
                item.put(
                        "failure",
                        row.attestation().outcome() instanceof Outcome.Failed failed
                                ? Reports.failureJson(failed.failure(), paths)
                                : null);
                json.add(item);
            }
            out.print(Json.write(json));
        } else {
            Table table = new Table("component", "status", "subjects", "dependencies", "detail");
            for (Row row : rows) {
                table.row(
                        row.attestation().component(),
                        row.status(),
                        row.subjects(),
                        row.dependencies(),
                        detail(row, paths));
            }
            out.print(table.render(output.format));
            for (Row row : rows) {
                if (row.attestation().outcome() instanceof Outcome.Failed failed) {
                    err.print(FailureFormat.block(row.attestation().component(), failed.failure(), paths));
                }
            }
        }
        out.flush();
        err.flush();
        List<String> keys = rows.stream().map(Row::status).toList();
        status.info(Reports.count(rows.size(), "component") + ": " + Reports.tally(keys));
    }

    private static String detail(Row row, PathDisplay paths) {
        if (row.attestation().outcome() instanceof Outcome.Failed failed) {
            return FailureFormat.line(failed.failure(), paths);
        }
        if (row.attestation().outcome() instanceof Outcome.Skipped skipped) {
            return skipped.reason();
        }
        return row.file().map(paths::show).orElse("");
    }

    /** {@code keel attest verify}. */
    @Command(
            name = "verify",
            mixinStandardHelpOptions = true,
            header = "Check attestations against a public key and the project",
            description = "For each FILE: the DSSE envelope's signature must verify with --key (over DSSE's"
                    + " pre-authentication encoding of the payload type and payload) and the payload type must be"
                    + " in-toto's; only then is the statement read, which must be an in-toto Statement v1 with a SLSA"
                    + " Provenance v1 predicate. Every subject must be a file of the project with the SHA-256 it"
                    + " gives; every dependency that is a project file (configuration, overlay inputs, lock, local"
                    + " spec) too; the dist-git commit must be the one the attested lock locks; each lookaside file"
                    + " must be listed with its hash in the attested sources file; an attested source RPM must hold"
                    + " the attested rendered files it holds (by the digests in its header, read without rpm) and"
                    + " the attested binary RPMs must name it as their source. Names are paths inside the"
                    + " project: an absolute path, a '..' or a link leading out is refused, never read. What cannot"
                    + " be checked here (a spec snapshot's spec) is reported as unchecked. Exits 1 when any check"
                    + " fails.")
    static final class VerifyCommand implements Callable<Integer> {

        @Option(
                names = "--key",
                required = true,
                paramLabel = "PUB.pem",
                description = "The public key the attestations must be signed with: PEM (X.509 SubjectPublicKeyInfo),"
                        + " Ed25519 or ECDSA P-256; openssl pkey -pubout makes it from the private key.")
        Path key;

        @Parameters(paramLabel = "FILE", arity = "1..*", description = "The attestations (<name>.intoto.json).")
        List<Path> files = new ArrayList<>();

        @CommandLine.Mixin
        OutputOption output = new OutputOption();

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() throws IOException {
            VerifyingKey publicKey = PemKeys.verifyingKey(key);
            Path root = KeelCommand.projectOptions(spec).root();
            AttestationVerifier verifier = new AttestationVerifier(root, publicKey);
            List<AttestationVerifier.Report> reports = new ArrayList<>();
            files.forEach(file -> reports.add(verifier.verify(file)));
            print(reports);
            long failed = reports.stream().filter(report -> !report.passed()).count();
            KeelCommand.status(spec)
                    .info(Reports.count(reports.size(), "attestation") + ": "
                            + (failed == 0
                                    ? "all verify"
                                    : failed + " do" + (failed == 1 ? "es" : "") + " not verify"));
            return failed == 0 ? 0 : 1;
        }

        private void print(List<AttestationVerifier.Report> reports) {
            PrintWriter out = spec.commandLine().getOut();
            if (output.isJson()) {
                List<Map<String, Object>> json = new ArrayList<>();
                for (AttestationVerifier.Report report : reports) {
                    Map<String, Object> item = new LinkedHashMap<>();
                    item.put("file", report.file().toString());
                    item.put("passed", report.passed());
                    List<Map<String, Object>> checks = new ArrayList<>();
                    for (AttestationVerifier.Check check : report.checks()) {
                        Map<String, Object> row = new LinkedHashMap<>();
                        row.put("check", check.check());
                        row.put("name", check.name());
                        row.put("status", check.status().key());
                        row.put("detail", check.detail());
                        checks.add(row);
                    }
                    item.put("checks", checks);
                    json.add(item);
                }
                out.print(Json.write(json));
            } else {
                Table table = new Table("file", "check", "name", "status", "detail");
                for (AttestationVerifier.Report report : reports) {
                    for (AttestationVerifier.Check check : report.checks()) {
                        table.row(
                                report.file(),
                                check.check(),
                                check.name(),
                                check.status().key(),
                                check.detail());
                    }
                }
                out.print(table.render(output.format));
            }
            out.flush();
        }
    }
}
