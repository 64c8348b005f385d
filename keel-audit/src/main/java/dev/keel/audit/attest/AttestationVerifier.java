package dev.keel.audit.attest;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.keel.core.io.FileErrors;
import dev.keel.core.io.InputFiles;
import dev.keel.core.outcome.Failure;
import dev.keel.core.outcome.Failures;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * {@code keel attest verify}: checks an attestation against a public key and the project. The
 * envelope's signature must verify (DSSE's PAE of its payload type and payload) and its payload
 * type must be in-toto's, before anything of the payload is believed; then the statement must be
 * an in-toto Statement v1 with a SLSA Provenance v1 predicate, every subject must be a file of the
 * project with the digest it gives, and every dependency is checked as far as the project allows:
 * project files by digest, the dist-git commit against the attested lock, lookaside files against
 * the attested {@code sources} file. Names are paths inside the project: an absolute path, a
 * {@code ..}, or a link leading out is refused and never read.
 */
public final class AttestationVerifier {

    /** Far above any attestation; bounds what a wrong path makes Keel read. */
    static final long MAX_BYTES = 64L << 20;

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
     *     subject} or {@code dependency}
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

    private final Path root;
    private final VerifyingKey key;
    private final ProjectFileCheck files;
    private final BuildCheck build;
    private final DependencyChecks dependencies;

    /**
     * @param root the project directory, which subject and dependency names are relative to
     * @param key the public key the attestation must be signed with
     */
    public AttestationVerifier(Path root, VerifyingKey key) {
        this.root = root.toAbsolutePath().normalize();
        this.key = key;
        this.files = new ProjectFileCheck(this.root);
        this.build = new BuildCheck(this.root);
        this.dependencies = new DependencyChecks(this.root, files);
    }

    /** Checks one attestation file; whatever it holds, the answer is a report, never an exception. */
    public Report verify(Path file) {
        List<Check> checks = new ArrayList<>();
        try {
            Optional<Statement> statement = statement(file, checks);
            if (statement.isPresent()) {
                Map<String, Status> subjects = new HashMap<>();
                for (ResourceDescriptor subject : statement.get().subject()) {
                    Check check = files.check("subject", subject);
                    checks.add(check);
                    subjects.put(subject.name(), check.status());
                }
                build.check(statement.get(), subjects).ifPresent(checks::add);
                Provenance.BuildDefinition definition =
                        statement.get().predicate().buildDefinition();
                for (ResourceDescriptor dependency : definition.resolvedDependencies()) {
                    checks.add(dependencies.check(dependency, statement.get()));
                }
            }
        } catch (RuntimeException e) {
            checks.add(new Check(
                    "attestation",
                    "",
                    Status.FAILED,
                    Failures.of(e, Failure.Kind.INTERNAL).message()));
        }
        return new Report(file, checks);
    }

    /** The statement, once the envelope, its signature, its payload type and the statement's types check. */
    private Optional<Statement> statement(Path file, List<Check> checks) {
        JsonNode envelope;
        try {
            envelope = AttestationJson.tree(read(file));
        } catch (JsonProcessingException e) {
            return failed(checks, "envelope", "not JSON: " + jsonProblem(e));
        } catch (IOException e) {
            return failed(checks, "envelope", FileErrors.cannotRead("the attestation", e));
        }
        Optional<String> shape = envelopeProblem(envelope);
        if (shape.isPresent()) {
            return failed(checks, "envelope", "not a DSSE envelope: " + shape.get());
        }
        String payloadType = envelope.get("payloadType").asText();
        byte[] payload;
        try {
            payload = DsseEnvelope.decodeBase64(envelope.get("payload").asText());
        } catch (IllegalArgumentException e) {
            return failed(checks, "envelope", "the payload is not base64");
        }
        checks.add(new Check("envelope", "", Status.OK, "a DSSE envelope of " + payload.length + " payload bytes"));
        JsonNode signatures = envelope.get("signatures");
        Optional<Integer> signedBy = signature(payloadType, payload, signatures);
        if (signedBy.isEmpty()) {
            return failed(
                    checks,
                    "signature",
                    signatures.isEmpty()
                            ? "the envelope has no signature"
                            : "no signature verifies with the given " + key + " (" + signatures.size() + " signature"
                                    + (signatures.size() == 1 ? "" : "s") + ")");
        }
        checks.add(new Check(
                "signature",
                "",
                Status.OK,
                "signature " + (signedBy.get() + 1) + " of " + signatures.size() + " verifies with the given " + key));
        if (!payloadType.equals(Dsse.IN_TOTO_PAYLOAD_TYPE)) {
            return failed(
                    checks,
                    "statement",
                    "the payload type is '" + UntrustedText.printable(payloadType) + "', not in-toto's "
                            + Dsse.IN_TOTO_PAYLOAD_TYPE);
        }
        return parseStatement(payload, checks);
    }

    private Optional<Statement> parseStatement(byte[] payload, List<Check> checks) {
        JsonNode tree;
        try {
            tree = AttestationJson.tree(payload);
        } catch (IOException e) {
            return failed(
                    checks,
                    "statement",
                    "the payload is not JSON: "
                            + (e instanceof JsonProcessingException json ? jsonProblem(json) : "it cannot be read"));
        }
        if (!tree.isObject() || !Statement.TYPE.equals(tree.path("_type").asText(null))) {
            return failed(checks, "statement", "not an in-toto Statement v1 (_type is not " + Statement.TYPE + ")");
        }
        if (!Statement.PREDICATE_TYPE.equals(tree.path("predicateType").asText(null))) {
            return failed(
                    checks,
                    "statement",
                    "not a SLSA provenance (predicateType is not " + Statement.PREDICATE_TYPE + ")");
        }
        Statement statement;
        try {
            statement = AttestationJson.read(tree, Statement.class);
        } catch (IOException e) {
            return failed(checks, "statement", "the statement does not have the fields of its types");
        }
        if (statement.subject().isEmpty()
                || statement.predicate() == null
                || statement.predicate().buildDefinition() == null) {
            return failed(checks, "statement", "the statement has no subject or no build definition");
        }
        Object component =
                statement.predicate().buildDefinition().externalParameters().get("component");
        checks.add(new Check(
                "statement",
                "",
                Status.OK,
                "in-toto Statement v1, SLSA Provenance v1"
                        + (component == null
                                ? ""
                                : ", component " + UntrustedText.printable(String.valueOf(component)))));
        return Optional.of(statement);
    }

    /** The index of the first signature that verifies with the key, if any. */
    private Optional<Integer> signature(String payloadType, byte[] payload, JsonNode signatures) {
        byte[] pae = Dsse.pae(payloadType, payload);
        for (int i = 0; i < signatures.size(); i++) {
            try {
                byte[] signature =
                        DsseEnvelope.decodeBase64(signatures.get(i).get("sig").asText());
                if (key.verifies(pae, signature)) {
                    return Optional.of(i);
                }
            } catch (IllegalArgumentException e) {
                // not base64: this signature verifies nothing
            }
        }
        return Optional.empty();
    }

    /** What makes the JSON no DSSE envelope, if anything: the fields DSSE requires, with their types. */
    private static Optional<String> envelopeProblem(JsonNode envelope) {
        if (!envelope.isObject()) {
            return Optional.of("not a JSON object");
        }
        for (String field : List.of("payload", "payloadType")) {
            if (!envelope.path(field).isTextual()) {
                return Optional.of("no text field " + field);
            }
        }
        if (!envelope.path("signatures").isArray()) {
            return Optional.of("no array field signatures");
        }
        for (JsonNode signature : envelope.get("signatures")) {
            if (!signature.isObject() || !signature.path("sig").isTextual()) {
                return Optional.of("a signature without a text field sig");
            }
        }
        return Optional.empty();
    }

    private static Optional<Statement> failed(List<Check> checks, String check, String detail) {
        checks.add(new Check(check, "", Status.FAILED, detail));
        return Optional.empty();
    }

    private static byte[] read(Path file) throws IOException {
        InputFiles.requireRegular(file);
        long size = Files.size(file);
        if (size > MAX_BYTES) {
            throw new IOException("the attestation is " + size + " bytes, more than " + (MAX_BYTES >> 20) + " MiB");
        }
        return Files.readAllBytes(file);
    }

    /**
     * Where the JSON breaks, and only that: the parser's message quotes the text, which is not
     * shown (a key given as the attestation by mistake must not reach the terminal).
     */
    private static String jsonProblem(JsonProcessingException e) {
        JsonLocation location = e.getLocation();
        return location == null
                ? "it does not parse"
                : "it does not parse at line " + location.getLineNr() + ", column " + location.getColumnNr();
    }
}
