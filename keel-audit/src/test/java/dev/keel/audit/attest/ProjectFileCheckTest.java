package dev.keel.audit.attest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keel.audit.attest.AttestationVerifier.Check;
import dev.keel.audit.attest.AttestationVerifier.Status;
import dev.keel.core.io.Digests;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A named project file checks by its SHA-256, else its SHA-512, in any case of hex; a missing
 * file, a link, a directory, a name leading out and a resource without either digest fail.
 */
class ProjectFileCheckTest {

    @TempDir
    Path dir;

    private Path root;
    private ProjectFileCheck files;
    private String sha256;
    private String sha512;

    @BeforeEach
    void project() throws Exception {
        root = Files.createDirectories(dir.resolve("project")).toAbsolutePath().normalize();
        Path file =
                Files.writeString(Files.createDirectories(root.resolve("specs")).resolve("a.spec"), "Name: a\n");
        sha256 = Digests.hex("SHA-256", file);
        sha512 = Digests.hex("SHA-512", file);
        files = new ProjectFileCheck(root);
    }

    private static ResourceDescriptor resource(String name, Map<String, String> digest) {
        return new ResourceDescriptor(name, null, new TreeMap<>(digest), null, null);
    }

    private String detail(String name, Map<String, String> digest) {
        return files.check("subject", resource(name, digest)).detail();
    }

    @Test
    void theSha256IsCheckedFirstInAnyCase() {
        assertThat(files.check(
                        "dependency", resource("specs/a.spec", Map.of("sha256", sha256.toUpperCase(Locale.ROOT)))))
                .isEqualTo(new Check("dependency", "specs/a.spec", Status.OK, "sha256 matches"));
        assertThat(detail("specs/a.spec", Map.of("sha256", "00".repeat(32), "sha512", sha512)))
                .isEqualTo("sha256 differs: the file is not the one attested");
    }

    @Test
    void theSha512IsCheckedWhenThereIsNoSha256() {
        assertThat(detail("specs/a.spec", Map.of("sha512", sha512))).isEqualTo("sha512 matches");
        assertThat(detail("specs/a.spec", Map.of("sha512", sha256)))
                .isEqualTo("sha512 differs: the file is not the one attested");
    }

    @Test
    void aResourceWithNeitherDigestFails() {
        assertThat(files.check("subject", resource("specs/a.spec", Map.of("sha1", "00".repeat(20)))))
                .isEqualTo(new Check("subject", "specs/a.spec", Status.FAILED, "no sha256 or sha512 digest to check"));
    }

    @Test
    void whatIsNoRegularFileOfTheProjectFailsWithoutBeingRead() throws Exception {
        Files.createSymbolicLink(root.resolve("specs/link.spec"), root.resolve("specs/a.spec"));
        Path outside = Files.createDirectories(dir.resolve("outside"));
        Files.writeString(outside.resolve("b.spec"), "Name: a\n");
        Files.createSymbolicLink(root.resolve("out"), outside);
        Map<String, String> digest = Map.of("sha256", sha256);
        assertThat(detail("specs/missing.spec", digest)).isEqualTo("missing");
        assertThat(detail("specs", digest)).isEqualTo("not a regular file (a link, directory or special file)");
        assertThat(detail("specs/link.spec", digest))
                .isEqualTo("not a regular file (a link, directory or special file)");
        assertThat(detail("out/b.spec", digest))
                .isEqualTo("leads out of the project through a link: refused, nothing read");
        assertThat(detail("../outside/b.spec", digest)).isEqualTo("a '..' in the path: refused, nothing read");
    }

    @Test
    void theLabelIsShownPrintable() {
        assertThat(files.check("subject", resource("specs/\u001b.spec", Map.of("sha256", sha256))))
                .isEqualTo(new Check(
                        "subject",
                        "specs/?.spec",
                        Status.FAILED,
                        "a control character in the path: refused, nothing read"));
    }
}
