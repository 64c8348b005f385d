package dev.keel.audit.attest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.keel.audit.attest.AttestationVerifier.Check;
import dev.keel.audit.attest.AttestationVerifier.Status;
import dev.keel.core.lock.LockFile;
import dev.keel.core.lock.LockStore;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code keel attest verify} on real attestations of a rendered project: everything checks; a
 * changed subject, payload or signature, another key, a payload of another type, a statement that
 * is not in-toto's, and names that lead out of the project each fail, the last without a byte read.
 */
class AttestationVerifierTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private TestProject project;
    private SigningKey key;
    private VerifyingKey publicKey;
    private Path attestations;

    @BeforeEach
    void attest() throws Exception {
        project = TestProject.create(dir, "p").render();
        Path keyFile = TestKeys.write(dir.resolve("keys"), "ed", TestKeys.ed25519());
        key = PemKeys.signingKey(keyFile);
        publicKey = PemKeys.verifyingKey(TestKeys.publicKeyOf(keyFile));
        attestations = dir.resolve("attestations");
        for (Attestation attestation : project.attest().values()) {
            if (attestation.statement().isPresent()) {
                EnvelopeFiles.write(
                        attestations,
                        attestation.component(),
                        attestation.statement().get(),
                        List.of(key));
            }
        }
    }

    private AttestationVerifier.Report verify(Path file) {
        return new AttestationVerifier(project.root, publicKey).verify(file);
    }

    private Path curl() {
        return attestations.resolve("curl.intoto.json");
    }

    /** Each check as {@code check name: status}. */
    private static List<String> summary(AttestationVerifier.Report report) {
        List<String> lines = new ArrayList<>();
        for (Check check : report.checks()) {
            lines.add(check.check() + " " + check.name() + ": " + check.status().key());
        }
        return lines;
    }

    private static Check check(AttestationVerifier.Report report, String name) {
        return report.checks().stream()
                .filter(check -> check.name().equals(name))
                .findFirst()
                .orElseThrow();
    }

    /** Writes an envelope of {@code statement}, signed with the test key. */
    private Path signed(String name, Statement statement) throws Exception {
        return EnvelopeFiles.write(attestations, name, statement, List.of(key));
    }

    private Statement withSubjects(Statement statement, List<ResourceDescriptor> subjects) {
        return new Statement(statement.type(), subjects, statement.predicateType(), statement.predicate());
    }

    private Statement withDependencies(Statement statement, List<ResourceDescriptor> dependencies) {
        Provenance.BuildDefinition definition = statement.predicate().buildDefinition();
        return new Statement(
                statement.type(),
                statement.subject(),
                statement.predicateType(),
                new Provenance(
                        new Provenance.BuildDefinition(
                                definition.buildType(),
                                definition.externalParameters(),
                                definition.internalParameters(),
                                dependencies),
                        statement.predicate().runDetails()));
    }

    private Statement statement(Path envelope) throws Exception {
        byte[] payload = Base64.getDecoder()
                .decode(JSON.readTree(envelope.toFile()).get("payload").asText());
        return AttestationJson.read(AttestationJson.tree(payload), Statement.class);
    }

    @Test
    void anAttestationOfTheProjectVerifies() {
        AttestationVerifier.Report report = verify(curl());
        assertThat(report.passed()).isTrue();
        assertThat(summary(report))
                .containsExactly(
                        "envelope : ok",
                        "signature : ok",
                        "statement : ok",
                        "subject specs/c/curl/curl-fix.patch: ok",
                        "subject specs/c/curl/curl.spec: ok",
                        "subject specs/c/curl/sources: ok",
                        "dependency azldev.toml: ok",
                        "dependency curl-1.0.tar.gz: ok",
                        "dependency curl.spec: unchecked",
                        "dependency patches/curl-fix.patch: ok");
        assertThat(check(report, "curl-1.0.tar.gz").detail()).isEqualTo("as specs/c/curl/sources lists it");
        assertThat(report.checks().get(1).detail())
                .isEqualTo("signature 1 of 1 verifies with the given Ed25519 public key");
        assertThat(verify(attestations.resolve("hello.intoto.json")).passed()).isTrue();
    }

    @Test
    void aFlippedByteInASubjectFailsThatSubject() throws Exception {
        Path spec = project.root.resolve("specs/c/curl/curl.spec");
        byte[] bytes = Files.readAllBytes(spec);
        bytes[10] ^= 1;
        Files.write(spec, bytes);

        AttestationVerifier.Report report = verify(curl());
        assertThat(report.passed()).isFalse();
        assertThat(check(report, "specs/c/curl/curl.spec"))
                .isEqualTo(new Check(
                        "subject",
                        "specs/c/curl/curl.spec",
                        Status.FAILED,
                        "sha256 differs: the file is not the one attested"));
        assertThat(check(report, "specs/c/curl/sources").status()).isEqualTo(Status.OK);
        Files.delete(spec);
        assertThat(check(verify(curl()), "specs/c/curl/curl.spec").detail()).isEqualTo("missing");
    }

    @Test
    void aFlippedByteInTheEnvelopeFailsItsSignature() throws Exception {
        ObjectNode envelope = (ObjectNode) JSON.readTree(curl().toFile());
        byte[] payload = Base64.getDecoder().decode(envelope.get("payload").asText());
        payload[payload.length / 2] ^= 1;
        envelope.put("payload", Base64.getEncoder().encodeToString(payload));
        Path changedPayload = dir.resolve("payload.json");
        JSON.writeValue(changedPayload.toFile(), envelope);
        assertThat(summary(verify(changedPayload))).containsExactly("envelope : ok", "signature : failed");
        assertThat(verify(changedPayload).checks().get(1).detail())
                .isEqualTo("no signature verifies with the given Ed25519 public key (1 signature)");

        envelope = (ObjectNode) JSON.readTree(curl().toFile());
        ObjectNode signature = (ObjectNode) envelope.get("signatures").get(0);
        byte[] sig = Base64.getDecoder().decode(signature.get("sig").asText());
        sig[0] ^= 1;
        signature.put("sig", Base64.getEncoder().encodeToString(sig));
        Path changedSignature = dir.resolve("signature.json");
        JSON.writeValue(changedSignature.toFile(), envelope);
        assertThat(summary(verify(changedSignature))).containsExactly("envelope : ok", "signature : failed");

        envelope.put("payloadType", "application/vnd.in-toto+json ");
        JSON.writeValue(changedSignature.toFile(), envelope);
        assertThat(summary(verify(changedSignature))).containsExactly("envelope : ok", "signature : failed");
    }

    @Test
    void anotherKeyOrNoSignatureFails() throws Exception {
        Path other = TestKeys.write(dir.resolve("other"), "ec", TestKeys.ecdsa("secp256r1"));
        AttestationVerifier.Report report =
                new AttestationVerifier(project.root, PemKeys.verifyingKey(TestKeys.publicKeyOf(other))).verify(curl());
        assertThat(summary(report)).containsExactly("envelope : ok", "signature : failed");
        assertThat(report.checks().get(1).detail())
                .isEqualTo("no signature verifies with the given ECDSA P-256 public key (1 signature)");

        Path unsigned = EnvelopeFiles.write(dir.resolve("unsigned"), "curl", statement(curl()), List.of());
        assertThat(verify(unsigned).checks().get(1))
                .isEqualTo(new Check("signature", "", Status.FAILED, "the envelope has no signature"));
    }

    @Test
    void oneOfSeveralSignaturesIsEnough() throws Exception {
        SigningKey other = PemKeys.signingKey(TestKeys.write(dir.resolve("other"), "ec", TestKeys.ecdsa("secp256r1")));
        Path both = EnvelopeFiles.write(dir.resolve("both"), "curl", statement(curl()), List.of(other, key));
        AttestationVerifier.Report report = verify(both);
        assertThat(report.passed()).isTrue();
        assertThat(report.checks().get(1).detail())
                .isEqualTo("signature 2 of 2 verifies with the given Ed25519 public key");
    }

    @Test
    void whatIsNoEnvelopeFailsWithoutShowingItsText() throws Exception {
        Path notJson = Files.writeString(dir.resolve("not.json"), "MC4CAQAwBQYDK2VwBCIEIsecretkeymaterial\n");
        assertThat(verify(notJson).checks())
                .containsExactly(
                        new Check("envelope", "", Status.FAILED, "not JSON: it does not parse at line 1, column 1"));
        Path twice = Files.writeString(
                dir.resolve("twice.json"), "{\"payload\": \"e30=\", \"payload\": \"e30=\", \"payloadType\": \"x\"}");
        assertThat(verify(twice).checks().get(0).detail()).startsWith("not JSON: it does not parse at line 1");
        Path shape = Files.writeString(dir.resolve("shape.json"), "{\"payload\": \"e30=\", \"payloadType\": \"x\"}");
        assertThat(verify(shape).checks().get(0).detail()).isEqualTo("not a DSSE envelope: no array field signatures");
        Path notBase64 = Files.writeString(
                dir.resolve("base64.json"), "{\"payload\": \"%%%\", \"payloadType\": \"x\", \"signatures\": []}");
        assertThat(verify(notBase64).checks().get(0).detail()).isEqualTo("the payload is not base64");
        assertThat(verify(dir).checks().get(0).detail())
                .isEqualTo("the attestation is a directory, not a regular file");
        assertThat(verify(dir.resolve("missing.json")).checks().get(0).detail())
                .isEqualTo("cannot read the attestation: no such file or directory");
    }

    @Test
    void aSignedPayloadOfAnotherTypeOrAStatementOfAnotherKindFails() throws Exception {
        byte[] payload = AttestationJson.compact(statement(curl()));
        Path otherType = dir.resolve("type.json");
        Files.write(
                otherType,
                DsseEnvelope.of("application/json", payload, List.of(key)).toJson());
        AttestationVerifier.Report report = verify(otherType);
        assertThat(summary(report)).containsExactly("envelope : ok", "signature : ok", "statement : failed");
        assertThat(report.checks().get(2).detail())
                .isEqualTo("the payload type is 'application/json', not in-toto's application/vnd.in-toto+json");

        Statement statement = statement(curl());
        Path oldType = signed(
                "old",
                new Statement(
                        "https://in-toto.io/Statement/v0.1",
                        statement.subject(),
                        statement.predicateType(),
                        statement.predicate()));
        assertThat(verify(oldType).checks().get(2).detail())
                .isEqualTo("not an in-toto Statement v1 (_type is not https://in-toto.io/Statement/v1)");
        Path otherPredicate = signed(
                "predicate",
                new Statement(
                        statement.type(),
                        statement.subject(),
                        "https://slsa.dev/provenance/v0.2",
                        statement.predicate()));
        assertThat(verify(otherPredicate).checks().get(2).detail())
                .isEqualTo("not a SLSA provenance (predicateType is not https://slsa.dev/provenance/v1)");
        Path notJson = dir.resolve("payload.json");
        Files.write(
                notJson,
                DsseEnvelope.of(Dsse.IN_TOTO_PAYLOAD_TYPE, "not json".getBytes(StandardCharsets.UTF_8), List.of(key))
                        .toJson());
        assertThat(verify(notJson).checks().get(2).detail()).startsWith("the payload is not JSON: it does not parse");
        Path empty = signed("empty", withSubjects(statement, List.of()));
        assertThat(verify(empty).checks().get(2).detail())
                .isEqualTo("the statement has no subject or no build definition");
    }

    /**
     * Names leading out of the project are refused before anything is opened: each points at a
     * FIFO outside the project, which would block a reader forever.
     */
    @Test
    void namesThatLeadOutOfTheProjectAreRefusedAndNeverRead() throws Exception {
        Path outside = Files.createDirectories(dir.resolve("outside"));
        Path fifo = outside.resolve("fifo");
        Process mkfifo = new ProcessBuilder("mkfifo", fifo.toString()).start();
        assertThat(mkfifo.waitFor()).isZero();
        Files.createSymbolicLink(project.root.resolve("link"), outside);
        Statement statement = statement(curl());
        List<ResourceDescriptor> subjects = new ArrayList<>();
        for (String name : List.of(
                fifo.toString(),
                "../outside/fifo",
                "specs/../../outside/fifo",
                "link/fifo",
                "specs\\..\\x",
                "",
                "./azldev.toml")) {
            subjects.add(ResourceDescriptor.file(name, "00".repeat(32)));
        }
        Path hostile = signed("hostile", withSubjects(statement, subjects));

        AttestationVerifier.Report report = assertTimeoutPreemptively(Duration.ofSeconds(60), () -> verify(hostile));
        assertThat(report.checks().subList(3, 3 + subjects.size()))
                .extracting(Check::detail)
                .containsExactly(
                        "an absolute path: refused, nothing read",
                        "a '..' in the path: refused, nothing read",
                        "a '..' in the path: refused, nothing read",
                        "leads out of the project through a link: refused, nothing read",
                        "a backslash in the path: refused, nothing read",
                        "no name: refused, nothing read",
                        "an empty or '.' segment in the path: refused, nothing read");
        assertThat(report.passed()).isFalse();
    }

    @Test
    void aBuildMustBeOfTheAttestedRenderedFiles() throws Exception {
        Path rendered = project.root.resolve("specs/c/curl");
        Path srpm = project.root.resolve("out/srpms/curl-1.0-1.src.rpm");
        TestRpms.write(
                srpm,
                Map.of("curl.spec", dev.keel.core.io.Digests.hex("SHA-256", rendered.resolve("curl.spec"))),
                null);
        Path rpm =
                TestRpms.write(project.root.resolve("out/rpms/curl-1.0-1.noarch.rpm"), Map.of(), "curl-1.0-1.src.rpm");
        Statement built = project.attest(component -> new BuiltOutputs.Published(List.of(srpm, rpm)), 1)
                .get("curl")
                .statement()
                .orElseThrow();
        AttestationVerifier.Report report = verify(signed("built", built));
        assertThat(report.passed()).isTrue();
        assertThat(check(report, "out/srpms/curl-1.0-1.src.rpm").check()).isEqualTo("subject");
        assertThat(report.checks())
                .filteredOn(c -> c.check().equals("build"))
                .containsExactly(new Check(
                        "build",
                        "out/srpms/curl-1.0-1.src.rpm",
                        Status.OK,
                        "holds the attested specs/c/curl/curl.spec and the other rendered files it holds; 1 binary"
                                + " RPM names it as their source"));

        TestRpms.write(srpm, Map.of("curl.spec", "00".repeat(32)), null);
        List<ResourceDescriptor> subjects = new ArrayList<>();
        for (ResourceDescriptor subject : built.subject()) {
            subjects.add(
                    subject.name().equals("out/srpms/curl-1.0-1.src.rpm")
                            ? ResourceDescriptor.file(subject.name(), dev.keel.core.io.Digests.hex("SHA-256", srpm))
                            : subject);
        }
        AttestationVerifier.Report other = verify(signed("other", withSubjects(built, subjects)));
        assertThat(other.checks())
                .filteredOn(c -> c.check().equals("build"))
                .extracting(Check::status, Check::detail)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(
                        Status.FAILED, "curl-1.0-1.src.rpm holds another curl.spec than the rendered one"));

        Files.writeString(rpm, "changed");
        assertThat(verify(signed("built", built)).checks())
                .filteredOn(c -> c.check().equals("build"))
                .extracting(Check::status)
                .containsExactly(Status.UNCHECKED);
    }

    @Test
    void theDistGitCommitMustBeTheLockedOneAndALookasideFileAsTheSourcesFileListsIt() throws Exception {
        new LockStore(project.root.resolve("locks"))
                .write("curl", new LockFile(null, "1".repeat(40), 0, "sha256:" + "0".repeat(64), null));
        Statement statement = statement(curl());
        List<ResourceDescriptor> dependencies =
                new ArrayList<>(statement.predicate().buildDefinition().resolvedDependencies());
        dependencies.add(ResourceDescriptor.file(
                        "locks/curl.lock",
                        Files.exists(project.root.resolve("locks/curl.lock"))
                                ? dev.keel.core.io.Digests.hex(
                                        "SHA-256", Files.readAllBytes(project.root.resolve("locks/curl.lock")))
                                : "")
                .annotated(ResourceDescriptor.ROLE, "lock"));
        for (String commit : List.of("1".repeat(40), "2".repeat(40))) {
            dependencies.add(new ResourceDescriptor(
                            null,
                            "git+https://src.example.org/rpms/curl@" + commit.charAt(0),
                            new TreeMap<>(Map.of("gitCommit", commit)),
                            null,
                            null)
                    .annotated(ResourceDescriptor.ROLE, "dist-git"));
        }
        dependencies.add(new ResourceDescriptor(
                        "curl-1.0.tar.gz", null, new TreeMap<>(Map.of("sha512", "cd".repeat(64))), null, null)
                .annotated(ResourceDescriptor.ROLE, "lookaside"));
        dependencies.add(new ResourceDescriptor(
                        "other.tar.gz", null, new TreeMap<>(Map.of("sha512", "cd".repeat(64))), null, null)
                .annotated(ResourceDescriptor.ROLE, "lookaside"));
        dependencies.add(ResourceDescriptor.file("tool", "00").annotated(ResourceDescriptor.ROLE, "compiler"));
        AttestationVerifier.Report report = verify(signed("deps", withDependencies(statement, dependencies)));

        assertThat(check(report, "git+https://src.example.org/rpms/curl@1"))
                .isEqualTo(new Check(
                        "dependency",
                        "git+https://src.example.org/rpms/curl@1",
                        Status.OK,
                        "commit " + "1".repeat(40) + " is the one locks/curl.lock locks"));
        assertThat(check(report, "git+https://src.example.org/rpms/curl@2").detail())
                .isEqualTo("locks/curl.lock locks " + "1".repeat(40) + ", not " + "2".repeat(40));
        assertThat(report.checks())
                .filteredOn(c -> c.name().equals("curl-1.0.tar.gz"))
                .extracting(Check::status)
                .containsExactly(Status.OK, Status.FAILED);
        assertThat(check(report, "other.tar.gz").detail())
                .isEqualTo("specs/c/curl/sources does not list it with that hash type");
        assertThat(check(report, "tool"))
                .isEqualTo(
                        new Check("dependency", "tool", Status.UNCHECKED, "not a dependency Keel knows how to check"));
    }
}
