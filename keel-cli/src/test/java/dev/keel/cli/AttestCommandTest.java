package dev.keel.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.keel.build.backend.LocalBackend;
import dev.keel.build.tool.ToolRunner;
import dev.keel.cli.demo.ExampleDistro;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.eclipse.jgit.api.Git;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code keel attest} and {@code keel attest verify} on the example distro, locked, rendered and
 * committed to git (and built, when the RPM tools are here): every attestation verifies; a flipped
 * byte in a subject, the payload or the signature, or another key, fails; each signature also
 * verifies with nothing of Keel's code; hostile keys get errors, not stack traces.
 */
class AttestCommandTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static final List<String> COMPONENTS = List.of("greeter", "hello", "libwidget", "notice", "pyfoo");

    @RegisterExtension
    final TempCache cache = new TempCache();

    @TempDir
    Path dir;

    private Path project;
    private Path keys;

    @BeforeEach
    void installTheExample() throws Exception {
        try (ExampleDistro example = ExampleDistro.install(dir)) {
            project = example.project();
        }
        keel(0, "component", "update", "-a");
        try (Git git = Git.init().setDirectory(project.toFile()).call()) {
            commit(git, "The example, locked");
            keel(0, "component", "render", "-a");
            commit(git, "The rendered specs");
        }
        keel(0, "component", "render", "-a", "--check-only");
        keys = Files.createDirectories(dir.resolve("keys"));
        writeKeys("ed", KeyPairGenerator.getInstance("Ed25519").generateKeyPair());
        KeyPairGenerator ec = KeyPairGenerator.getInstance("EC");
        ec.initialize(new ECGenParameterSpec("secp256r1"));
        writeKeys("ec", ec.generateKeyPair());
    }

    /** Commits everything: the project's history is an input of its render (rpmautospec's release and changelog). */
    private static void commit(Git git, String message) throws Exception {
        git.add().addFilepattern(".").call();
        git.commit()
                .setMessage(message)
                .setAuthor("Keel", "keel@example.org")
                .setCommitter("Keel", "keel@example.org")
                .setSign(false)
                .call();
    }

    private void writeKeys(String name, KeyPair pair) throws Exception {
        Files.writeString(
                keys.resolve(name + ".pem"),
                pem("PRIVATE KEY", pair.getPrivate().getEncoded()));
        Files.writeString(
                keys.resolve(name + ".pub.pem"),
                pem("PUBLIC KEY", pair.getPublic().getEncoded()));
    }

    private static String pem(String label, byte[] der) {
        return "-----BEGIN " + label + "-----\n"
                + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(der) + "\n-----END " + label + "-----\n";
    }

    private CliRunner keel(int exitCode, String... arguments) {
        return CliRunner.runIn(project, exitCode, arguments);
    }

    private List<Path> attestations(Path directory) {
        return COMPONENTS.stream()
                .map(name -> directory.resolve(name + ".intoto.json"))
                .toList();
    }

    private String[] verify(String key, List<Path> files, String... more) {
        List<String> arguments = new ArrayList<>(
                List.of("attest", "verify", "--key", keys.resolve(key).toString()));
        arguments.addAll(List.of(more));
        files.forEach(file -> arguments.add(file.toString()));
        return arguments.toArray(String[]::new);
    }

    private JsonNode statement(Path envelope) throws Exception {
        return JSON.readTree(Base64.getDecoder()
                .decode(JSON.readTree(envelope.toFile()).get("payload").asText()));
    }

    @Test
    void theRenderedExampleIsAttestedAndEveryAttestationVerifies() throws Exception {
        Path out = project.resolve("out/attestations");
        CliRunner attest = keel(
                0,
                "attest",
                "-a",
                "--rendered-only",
                "--key",
                keys.resolve("ed.pem").toString(),
                "-o",
                out.toString(),
                "-O",
                "json");
        assertThat(JSON.readTree(attest.out()).findValuesAsText("status"))
                .containsOnly("attested")
                .hasSize(5);
        assertThat(attest.err()).contains("5 components: 5 attested").contains("signed with an Ed25519 key");

        CliRunner verify = keel(0, verify("ed.pub.pem", attestations(out), "-O", "json"));
        for (JsonNode report : JSON.readTree(verify.out())) {
            assertThat(report.get("passed").asBoolean()).as("%s", report).isTrue();
            assertThat(report.get("checks").findValuesAsText("status")).doesNotContain("failed");
        }

        JsonNode hello = statement(out.resolve("hello.intoto.json"));
        String head;
        try (Git git = Git.open(project.toFile())) {
            head = git.getRepository().resolve("HEAD").getName();
        }
        JsonNode parameters = hello.at("/predicate/buildDefinition/externalParameters");
        assertThat(parameters.get("projectCommit").asText()).isEqualTo(head);
        assertThat(parameters.get("projectState").asText()).isEqualTo("committed");
        assertThat(parameters.get("upstream").asText()).isEqualTo("dist-git");
        assertThat(hello.at("/predicate/buildDefinition/resolvedDependencies").findValuesAsText("keel_role"))
                .contains("dist-git", "lookaside", "overlay-input", "configuration", "lock");
        assertThat(verify.out()).contains("is the one locks/hello.lock locks", "as specs/h/hello/sources lists it");
    }

    @Test
    void aFlippedByteInASubjectOrTheEnvelopeOrAnotherKeyFails() throws Exception {
        Path out = dir.resolve("attestations");
        keel(0, "attest", "-a", "--key", keys.resolve("ec.pem").toString(), "-o", out.toString());
        keel(0, verify("ec.pub.pem", attestations(out)));

        Path spec = project.resolve("specs/n/notice/notice.spec");
        byte[] original = Files.readAllBytes(spec);
        byte[] flipped = original.clone();
        flipped[0] ^= 1;
        Files.write(spec, flipped);
        CliRunner subject = keel(1, verify("ec.pub.pem", List.of(out.resolve("notice.intoto.json"))));
        assertThat(subject.out())
                .containsPattern(
                        "subject +specs/n/notice/notice\\.spec +failed +sha256 differs: the file is not the one attested");
        assertThat(subject.err()).contains("1 attestation: 1 does not verify");
        Files.write(spec, original);

        for (String field : List.of("payload", "sig")) {
            ObjectNode envelope =
                    (ObjectNode) JSON.readTree(out.resolve("hello.intoto.json").toFile());
            ObjectNode holder = field.equals("sig")
                    ? (ObjectNode) envelope.get("signatures").get(0)
                    : envelope;
            byte[] bytes = Base64.getDecoder().decode(holder.get(field).asText());
            bytes[bytes.length - 3] ^= 1;
            holder.put(field, Base64.getEncoder().encodeToString(bytes));
            Path tampered = dir.resolve(field + ".json");
            JSON.writeValue(tampered.toFile(), envelope);
            assertThat(keel(1, verify("ec.pub.pem", List.of(tampered))).out())
                    .containsPattern("signature +failed +no signature verifies with the given ECDSA P-256 public key");
        }
        assertThat(keel(1, verify("ed.pub.pem", List.of(out.resolve("hello.intoto.json"))))
                        .out())
                .contains("no signature verifies with the given Ed25519 public key");
    }

    @Test
    void theSignaturesVerifyWithoutKeelsCode() throws Exception {
        for (String key : List.of("ed", "ec")) {
            Path out = dir.resolve("attestations-" + key);
            keel(0, "attest", "-a", "--key", keys.resolve(key + ".pem").toString(), "-o", out.toString());
            for (Path envelope : attestations(out)) {
                IndependentDsse.verify(envelope, keys.resolve(key + ".pub.pem"));
            }
        }
    }

    @Test
    void anEd25519AttestationIsTheSameBytesEachTime() throws Exception {
        Path first = dir.resolve("first");
        Path second = dir.resolve("second");
        keel(0, "attest", "-a", "--key", keys.resolve("ed.pem").toString(), "-o", first.toString(), "-j", "1");
        keel(0, "attest", "-a", "--key", keys.resolve("ed.pem").toString(), "-o", second.toString(), "-j", "4");
        for (String name : COMPONENTS) {
            assertThat(Files.readAllBytes(second.resolve(name + ".intoto.json")))
                    .as(name)
                    .isEqualTo(Files.readAllBytes(first.resolve(name + ".intoto.json")));
        }
    }

    @Test
    void theBuiltExampleHasItsRpmsAsSubjects() throws Exception {
        Optional<String> why = LocalBackend.unavailable(List.of());
        assumeTrue(why.isEmpty(), () -> why.orElse("") + " (this test builds the example's RPMs)");
        List<String> missing = Stream.of("gcc", "make", "patch", "python3")
                .filter(program -> ToolRunner.find(program).isEmpty())
                .toList();
        assumeTrue(
                missing.isEmpty(),
                () -> String.join(", ", missing)
                        + " missing: apt-get install -y gcc libc6-dev make patch python3 (this test builds the example's"
                        + " RPMs)");
        keel(0, "component", "build", "-a");
        Path out = dir.resolve("attestations");
        keel(0, "attest", "-a", "--key", keys.resolve("ed.pem").toString(), "-o", out.toString());
        CliRunner verified = keel(0, verify("ed.pub.pem", attestations(out)));
        assertThat(verified.out())
                .containsPattern("build +out/srpms/libwidget-\\S+\\.src\\.rpm +ok +holds the attested"
                        + " specs/l/libwidget/libwidget\\.spec");

        JsonNode libwidget = statement(out.resolve("libwidget.intoto.json"));
        List<String> names = libwidget.get("subject").findValuesAsText("name");
        assertThat(names)
                .contains("specs/l/libwidget/libwidget.spec")
                .anyMatch(name -> name.matches("out/srpms/libwidget-4\\.2\\.0-\\d+\\.kx1\\.src\\.rpm"))
                .anyMatch(name -> name.matches("out/rpms/libwidget-4\\.2\\.0-\\d+\\.kx1\\.x86_64\\.rpm"));
        String devel = names.stream()
                .filter(name -> name.startsWith("out/rpms/libwidget-devel-"))
                .findFirst()
                .orElseThrow();

        Path rpm = project.resolve(devel);
        byte[] bytes = Files.readAllBytes(rpm);
        bytes[bytes.length - 1] ^= 1;
        Files.write(rpm, bytes);
        assertThat(keel(1, verify("ed.pub.pem", List.of(out.resolve("libwidget.intoto.json"))))
                        .out())
                .containsPattern("subject +" + devel.replace(".", "\\.") + " +failed");
        CliRunner damaged =
                keel(1, "attest", "libwidget", "-o", dir.resolve("damaged").toString());
        assertThat(damaged.out()).containsPattern("libwidget +failed +0 +0 +the last build's files are not as it");
        assertThat(damaged.err())
                .contains("error: libwidget: the last build's files are not as it published them: "
                        + devel.substring("out/".length())
                        + " was changed since the build published it (another SHA-256)")
                .contains("build it again (keel component build libwidget), or attest the rendered files alone"
                        + " (--rendered-only)");
        assertThat(dir.resolve("damaged/libwidget.intoto.json")).doesNotExist();
        Files.writeString(
                project.resolve("components/notice.comp.toml"),
                "\n[[components.notice.overlays]]\ntype = \"spec-append-lines\"\nsection = \"%description\"\n"
                        + "lines = [\"Changed after the build.\"]\n",
                java.nio.file.StandardOpenOption.APPEND);
        keel(0, "component", "render", "notice");
        assertThat(keel(1, "attest", "notice", "-o", out.toString()).err())
                .contains("error: notice: the last build is not of the rendered files: notice-")
                .contains("holds another notice.spec than the rendered one");
        keel(0, "attest", "notice", "--rendered-only", "-o", out.toString());

        JsonNode renderedOnly =
                JSON.readTree(keel(0, "attest", "libwidget", "--rendered-only", "-o", out.toString(), "-O", "json")
                        .out());
        long rendered = libwidget.get("subject").findValuesAsText("name").stream()
                .filter(name -> name.startsWith("specs/"))
                .count();
        assertThat(renderedOnly.get(0).get("subjects").asLong()).isEqualTo(rendered);
    }

    @Test
    void hostileKeysAndOptionsGetErrorsNotStackTraces() throws Exception {
        Path out = dir.resolve("attestations");
        Path rsa = keys.resolve("rsa.pem");
        Files.writeString(
                rsa,
                pem(
                        "PRIVATE KEY",
                        KeyPairGenerator.getInstance("RSA")
                                .generateKeyPair()
                                .getPrivate()
                                .getEncoded()));
        CliRunner wrongType = keel(1, "attest", "-a", "--key", rsa.toString(), "-o", out.toString());
        assertThat(wrongType.err())
                .startsWith("error: the signing key is an RSA key: Keel uses Ed25519 or ECDSA P-256\n")
                .doesNotContain("Exception", "\tat ");
        assertThat(out).as("nothing written").doesNotExist();

        CliRunner publicKey =
                keel(1, "attest", "-a", "--key", keys.resolve("ed.pub.pem").toString(), "-o", out.toString());
        assertThat(publicKey.err())
                .startsWith("error: the signing key file holds a public key; signing needs the private key");

        String secret =
                Files.readString(keys.resolve("ed.pem")).lines().toList().get(1);
        CliRunner privateKey =
                keel(1, "attest", "verify", "--key", keys.resolve("ed.pem").toString(), "x.json");
        assertThat(privateKey.err())
                .startsWith("error: the public key file holds a private key, which verifying does not need")
                .doesNotContain(secret.substring(0, 20));
        CliRunner keyAsAttestation = keel(1, verify("ed.pub.pem", List.of(keys.resolve("ed.pem"))));
        assertThat(keyAsAttestation.out() + keyAsAttestation.err()).doesNotContain(secret.substring(0, 20));

        Path truncated = keys.resolve("cut.pem");
        String pem = Files.readString(keys.resolve("ed.pem"));
        Files.writeString(truncated, pem.substring(0, pem.length() - 30));
        assertThat(keel(1, "attest", "-a", "--key", truncated.toString(), "-o", out.toString())
                        .err())
                .startsWith("error: the PEM block PRIVATE KEY has no END line (is the file cut short?)");

        assertThat(keel(2, "attest", "-a").err()).startsWith("error: missing -o DIR: where to write the attestations");
        assertThat(keel(1, "attest", "-a", "-o", project.toString()).err())
                .startsWith("error: --output-dir " + project + " is or contains the project");
    }

    /**
     * A DSSE check that uses nothing of Keel's: Jackson reads the envelope, the PAE is built by
     * hand as DSSE's protocol.md defines it, the PEM is decoded by hand, and the JDK's Signature
     * verifies (Ed25519, or ECDSA P-256 with SHA-256 over a DER signature).
     */
    static final class IndependentDsse {

        static void verify(Path envelopeFile, Path publicKeyPem) throws Exception {
            JsonNode envelope = JSON.readTree(envelopeFile.toFile());
            String payloadType = envelope.get("payloadType").asText();
            assertThat(payloadType).isEqualTo("application/vnd.in-toto+json");
            byte[] body = Base64.getDecoder().decode(envelope.get("payload").asText());
            byte[] type = payloadType.getBytes(StandardCharsets.UTF_8);
            ByteArrayOutputStream pae = new ByteArrayOutputStream();
            pae.writeBytes(("DSSEv1 " + type.length + " ").getBytes(StandardCharsets.US_ASCII));
            pae.writeBytes(type);
            pae.writeBytes((" " + body.length + " ").getBytes(StandardCharsets.US_ASCII));
            pae.writeBytes(body);

            String text = Files.readString(publicKeyPem);
            String base64 = text.substring(
                            text.indexOf("-----BEGIN PUBLIC KEY-----") + 26, text.indexOf("-----END PUBLIC KEY-----"))
                    .replaceAll("\\s", "");
            X509EncodedKeySpec spec = new X509EncodedKeySpec(Base64.getDecoder().decode(base64));
            PublicKey key;
            String algorithm;
            try {
                key = KeyFactory.getInstance("Ed25519").generatePublic(spec);
                algorithm = "Ed25519";
            } catch (java.security.spec.InvalidKeySpecException notEd25519) {
                key = KeyFactory.getInstance("EC").generatePublic(spec);
                algorithm = "SHA256withECDSA";
            }
            byte[] signature = Base64.getDecoder()
                    .decode(envelope.get("signatures").get(0).get("sig").asText());
            Signature verifier = Signature.getInstance(algorithm);
            verifier.initVerify(key);
            verifier.update(pae.toByteArray());
            assertThat(verifier.verify(signature))
                    .as("%s verifies with %s", envelopeFile, algorithm)
                    .isTrue();

            byte[] other = pae.toByteArray();
            other[other.length - 1] ^= 1;
            verifier.initVerify(key);
            verifier.update(other);
            assertThat(verifier.verify(signature))
                    .as("a changed payload does not")
                    .isFalse();
        }
    }
}
