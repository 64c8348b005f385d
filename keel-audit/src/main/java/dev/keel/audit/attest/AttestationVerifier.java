package dev.keel.audit.attest;

import dev.keel.core.outcome.Failure;
import dev.keel.core.outcome.Failures;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code keel attest verify}: checks an attestation against a public key and the project. The
 * envelope's signature must verify (DSSE's PAE of its payload type and payload) and its payload
 * type must be in-toto's, before anything of the payload is believed; then the statement must be
 * an in-toto Statement v1 with a SLSA Provenance v1 predicate, every subject must be a file of the
 * project with the digest it gives, and every dependency is checked as far as the project allows:
 * project files by digest, the dist-git commit against the attested lock, lookaside files against
 * the attested {@code sources} file; an attested build must be of the attested rendered files.
 * Names are paths inside the project: an absolute path, a {@code ..}, or a link leading out is
 * refused and never read. The checks themselves are {@code EnvelopeCheck}, {@code StatementCheck},
 * {@code ProjectFileCheck}, {@code BuildCheck} and {@code DependencyChecks}.
 */
public final class AttestationVerifier {

    /** How one check ended. */
    public enum Status {
        OK,
        FAILED,
        /** The check cannot be made here (the resource is not in the project); not a failure. */
        UNCHECKED;

        public String key() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /**
     * One check.
     *
     * @param check what is checked: {@code envelope}, {@code signature}, {@code statement}, {@code
     *     subject}, {@code build} or {@code dependency}; {@code attestation} when the checks broke off
     * @param name the subject's or dependency's name; empty for the others
     * @param status how it ended
     * @param detail what was found
     */
    public record Check(String check, String name, Status status, String detail) {}

    /**
     * The checks of one attestation file, in order.
     *
     * @param file the file
     * @param checks the checks; the first failure of the envelope, signature or statement ends them
     */
    public record Report(Path file, List<Check> checks) {

        public Report {
            checks = List.copyOf(checks);
        }

        /** Whether no check failed. */
        public boolean passed() {
            return checks.stream().noneMatch(check -> check.status() == Status.FAILED);
        }
    }

    private final EnvelopeCheck envelope;
    private final ProjectFileCheck files;
    private final BuildCheck build;
    private final DependencyChecks dependencies;

    /**
     * @param root the project directory, which subject and dependency names are relative to
     * @param key the public key the attestation must be signed with
     */
    public AttestationVerifier(Path root, VerifyingKey key) {
        Path project = root.toAbsolutePath().normalize();
        this.envelope = new EnvelopeCheck(key);
        this.files = new ProjectFileCheck(project);
        this.build = new BuildCheck(project);
        this.dependencies = new DependencyChecks(project, files);
    }

    /** Checks one attestation file; whatever it holds, the answer is a report, never an exception. */
    public Report verify(Path file) {
        CheckLog log = new CheckLog();
        try {
            envelope.signedPayload(file, log)
                    .flatMap(payload -> StatementCheck.statement(payload, log))
                    .ifPresent(statement -> checkContents(statement, log));
        } catch (RuntimeException e) {
            log.add(new Check(
                    "attestation",
                    "",
                    Status.FAILED,
                    Failures.of(e, Failure.Kind.INTERNAL).message()));
        }
        return new Report(file, log.checks());
    }

    /** The checks of what a statement that checked attests: its subjects, its build, its dependencies. */
    private void checkContents(Statement statement, CheckLog log) {
        Map<String, Status> subjects = new HashMap<>();
        for (ResourceDescriptor subject : statement.subject()) {
            Check check = files.check("subject", subject);
            log.add(check);
            subjects.put(subject.name(), check.status());
        }
        build.check(statement, subjects).ifPresent(log::add);
        for (ResourceDescriptor dependency :
                statement.predicate().buildDefinition().resolvedDependencies()) {
            log.add(dependencies.check(dependency, statement));
        }
    }
}
