package dev.keel.audit.attest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keel.audit.attest.AttestationVerifier.Check;
import dev.keel.audit.attest.AttestationVerifier.Status;
import dev.keel.core.io.Digests;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The build check is made when a source RPM is attested, from the rendered directory's top-level
 * files and the binary RPMs, only when they all checked; it names every problem at once.
 */
class BuildCheckTest {

    private static final String SRPM = "out/srpms/curl-1.0-1.src.rpm";
    private static final String SPEC = "specs/c/curl/curl.spec";

    @TempDir
    Path dir;

    private Path root;
    private String specSha256;

    @BeforeEach
    void build() throws Exception {
        root = Files.createDirectories(dir.resolve("project")).toAbsolutePath().normalize();
        TestProject.writeFile(root.resolve(SPEC), TestProject.spec("curl"));
        TestProject.writeFile(root.resolve("specs/c/curl/sub/curl.spec"), "another\n");
        specSha256 = Digests.hex("SHA-256", root.resolve(SPEC));
    }

    private Optional<Check> check(List<String> names, Status... statuses) {
        Map<String, Status> subjects = new HashMap<>();
        for (int i = 0; i < names.size(); i++) {
            subjects.put(names.get(i), i < statuses.length ? statuses[i] : Status.OK);
        }
        List<ResourceDescriptor> resources = names.stream()
                .map(name -> ResourceDescriptor.file(name, "00".repeat(32)))
                .toList();
        Provenance.BuildDefinition definition = new Provenance.BuildDefinition(
                Provenance.BUILD_TYPE, new TreeMap<>(Map.of("component", "curl")), null, List.of());
        Statement statement =
                new Statement(Statement.TYPE, resources, Statement.PREDICATE_TYPE, new Provenance(definition, null));
        return new BuildCheck(root).check(statement, subjects);
    }

    private void rpm(String name, String sourceRpm) throws Exception {
        TestRpms.write(root.resolve(name), Map.of(), sourceRpm);
    }

    @Test
    void nothingBuiltIsNoCheck() {
        assertThat(check(List.of(SPEC, "out/rpms/curl-1.0-1.noarch.rpm"))).isEmpty();
    }

    @Test
    void aSourceRpmOfTheRenderedFilesNamedByItsBinaryRpmsChecks() throws Exception {
        TestRpms.write(root.resolve(SRPM), Map.of("curl.spec", specSha256), null);
        rpm("out/rpms/curl-1.0-1.noarch.rpm", "curl-1.0-1.src.rpm");
        rpm("out/rpms/curl-devel-1.0-1.noarch.rpm", "curl-1.0-1.src.rpm");
        assertThat(check(List.of(
                        SRPM,
                        SPEC,
                        "specs/c/curl/sub/curl.spec",
                        "out/rpms/curl-1.0-1.noarch.rpm",
                        "out/rpms/curl-devel-1.0-1.noarch.rpm")))
                .contains(new Check(
                        "build",
                        SRPM,
                        Status.OK,
                        "holds the attested specs/c/curl/curl.spec and the other rendered files it holds; 2 binary"
                                + " RPMs name it as their source"));
    }

    @Test
    void aSourceRpmWithoutTheRenderedSpecAmongTheSubjectsFails() {
        assertThat(check(List.of(SRPM, "specs/c/curl/other.spec")))
                .contains(new Check("build", SRPM, Status.FAILED, "no rendered curl.spec among the subjects"));
    }

    @Test
    void everyProblemIsNamed() throws Exception {
        TestRpms.write(root.resolve(SRPM), Map.of("other.spec", specSha256), null);
        rpm("out/rpms/curl-1.0-1.noarch.rpm", "wget-1.0-1.src.rpm");
        assertThat(check(List.of(SRPM, SPEC, "out/rpms/curl-1.0-1.noarch.rpm")))
                .contains(new Check(
                        "build",
                        SRPM,
                        Status.FAILED,
                        "curl-1.0-1.src.rpm holds no curl.spec; curl-1.0-1.noarch.rpm was built from"
                                + " wget-1.0-1.src.rpm, not curl-1.0-1.src.rpm"));
    }

    @Test
    void nothingIsReadWhenASubjectItReadsDidNotCheck() {
        String unchecked = "not checked: a subject it reads does not check";
        assertThat(check(List.of(SRPM, SPEC), Status.FAILED))
                .contains(new Check("build", SRPM, Status.UNCHECKED, unchecked));
        assertThat(check(List.of(SRPM, SPEC), Status.OK, Status.FAILED))
                .contains(new Check("build", SRPM, Status.UNCHECKED, unchecked));
        assertThat(check(List.of(SRPM, SPEC, "out/rpms/curl-1.0-1.noarch.rpm"), Status.OK, Status.OK, Status.FAILED))
                .contains(new Check("build", SRPM, Status.UNCHECKED, unchecked));
    }
}
