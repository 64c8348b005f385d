package dev.keel.audit.attest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keel.audit.attest.AttestationVerifier.Check;
import dev.keel.audit.attest.AttestationVerifier.Status;
import dev.keel.core.io.Digests;
import dev.keel.core.lock.LockFile;
import dev.keel.core.lock.LockStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Each dependency role is checked as far as the project allows, and says why when it cannot be:
 * a dist-git commit without a lock, or with a lock that does not check, locks nothing or does not
 * parse; a lookaside file without a sources file, or with one that does not check or parse.
 */
class DependencyChecksTest {

    private static final String COMMIT = "1".repeat(40);
    private static final String TARBALL_SHA512 = "cd".repeat(64);

    @TempDir
    Path dir;

    private Path root;
    private DependencyChecks dependencies;

    @BeforeEach
    void project() throws Exception {
        root = Files.createDirectories(dir.resolve("project")).toAbsolutePath().normalize();
        dependencies = new DependencyChecks(root, new ProjectFileCheck(root));
    }

    private Check check(ResourceDescriptor dependency, List<ResourceDescriptor> subjects, ResourceDescriptor... more) {
        List<ResourceDescriptor> all = new ArrayList<>(List.of(more));
        all.add(dependency);
        Provenance.BuildDefinition definition = new Provenance.BuildDefinition(
                Provenance.BUILD_TYPE, new TreeMap<>(Map.of("component", "curl")), null, all);
        Statement statement =
                new Statement(Statement.TYPE, subjects, Statement.PREDICATE_TYPE, new Provenance(definition, null));
        return dependencies.check(dependency, statement);
    }

    private static ResourceDescriptor distGit(String commit) {
        return new ResourceDescriptor(
                        null,
                        "git+https://src.example.org/rpms/curl",
                        new TreeMap<>(Map.of("gitCommit", commit)),
                        null,
                        null)
                .annotated(ResourceDescriptor.ROLE, ComponentProvenance.ROLE_DIST_GIT);
    }

    private static ResourceDescriptor tarball() {
        return new ResourceDescriptor(
                        "curl-1.0.tar.gz", null, new TreeMap<>(Map.of("sha512", TARBALL_SHA512)), null, null)
                .annotated(ResourceDescriptor.ROLE, ComponentProvenance.ROLE_LOOKASIDE);
    }

    /** The project file {@code name} as the attestation gives it, with its digest now. */
    private ResourceDescriptor attested(String name, String role) throws Exception {
        return ResourceDescriptor.file(name, Digests.hex("SHA-256", root.resolve(name)))
                .annotated(ResourceDescriptor.ROLE, role);
    }

    private ResourceDescriptor lock(LockFile lock) throws Exception {
        new LockStore(root.resolve("locks")).write("curl", lock);
        return attested("locks/curl.lock", ComponentProvenance.ROLE_LOCK);
    }

    private ResourceDescriptor sources(String text) throws Exception {
        TestProject.writeFile(root.resolve("specs/c/curl/sources"), text);
        return attested("specs/c/curl/sources", "");
    }

    @Test
    void aDistGitCommitIsCheckedAgainstTheAttestedLock() throws Exception {
        ResourceDescriptor lock = lock(new LockFile(null, COMMIT, 0, "sha256:" + "0".repeat(64), null));
        assertThat(check(distGit(COMMIT.toUpperCase(Locale.ROOT)), List.of(), lock))
                .isEqualTo(new Check(
                        "dependency",
                        "git+https://src.example.org/rpms/curl",
                        Status.OK,
                        "commit " + COMMIT.toUpperCase(Locale.ROOT) + " is the one locks/curl.lock locks"));
        assertThat(check(distGit("2\u001b"), List.of(), lock).detail())
                .isEqualTo("locks/curl.lock locks " + COMMIT + ", not 2?");
    }

    @Test
    void aDistGitCommitWithoutALockThatChecksIsNotBelieved() throws Exception {
        assertThat(check(distGit(COMMIT), List.of()))
                .isEqualTo(new Check(
                        "dependency",
                        "git+https://src.example.org/rpms/curl",
                        Status.UNCHECKED,
                        "no lock file in the attestation to compare the commit with"));
        ResourceDescriptor lock = lock(new LockFile(null, COMMIT, 0, "sha256:" + "0".repeat(64), null));
        Files.writeString(root.resolve("locks/curl.lock"), "\n", StandardOpenOption.APPEND);
        Check changed = check(distGit(COMMIT), List.of(), lock);
        assertThat(changed.status()).isEqualTo(Status.FAILED);
        assertThat(changed.detail())
                .isEqualTo("its lock file does not check: sha256 differs: the file is not the one attested");
    }

    @Test
    void aLockWithoutACommitOrThatDoesNotParseFails() throws Exception {
        ResourceDescriptor local = lock(new LockFile(null, null, 0, "sha256:" + "0".repeat(64), null));
        assertThat(check(distGit(COMMIT), List.of(), local).detail())
                .isEqualTo("locks/curl.lock locks no commit, not " + COMMIT);
        Files.writeString(root.resolve("locks/curl.lock"), "not = [toml");
        Check broken = check(distGit(COMMIT), List.of(), attested("locks/curl.lock", ComponentProvenance.ROLE_LOCK));
        assertThat(broken.status()).isEqualTo(Status.FAILED);
        assertThat(broken.detail()).isEqualTo("cannot read locks/curl.lock: TOML syntax: expected a value, found 't'");
    }

    @Test
    void aLookasideFileIsCheckedAgainstTheAttestedSourcesFile() throws Exception {
        ResourceDescriptor listed = sources("SHA512 (curl-1.0.tar.gz) = " + TARBALL_SHA512 + "\n");
        assertThat(check(tarball(), List.of(listed)))
                .isEqualTo(new Check("dependency", "curl-1.0.tar.gz", Status.OK, "as specs/c/curl/sources lists it"));
        ResourceDescriptor other = sources("SHA512 (curl-1.0.tar.gz) = " + "ef".repeat(64) + "\n");
        assertThat(check(tarball(), List.of(other)).detail())
                .isEqualTo("specs/c/curl/sources gives it another SHA512 hash");
        ResourceDescriptor sha256 = sources("SHA256 (curl-1.0.tar.gz) = " + "ef".repeat(32) + "\n");
        assertThat(check(tarball(), List.of(sha256)).detail())
                .isEqualTo("specs/c/curl/sources does not list it with that hash type");
    }

    @Test
    void aLookasideFileWithoutASourcesFileThatChecksAndParsesIsNotBelieved() throws Exception {
        assertThat(check(tarball(), List.of()))
                .isEqualTo(new Check(
                        "dependency",
                        "curl-1.0.tar.gz",
                        Status.UNCHECKED,
                        "no sources file among the subjects to compare with"));
        ResourceDescriptor listed = sources("SHA512 (curl-1.0.tar.gz) = " + TARBALL_SHA512 + "\n");
        Files.delete(root.resolve("specs/c/curl/sources"));
        assertThat(check(tarball(), List.of(listed)).detail()).isEqualTo("the sources file does not check: missing");
        ResourceDescriptor broken = sources("not a sources line\n");
        Check unparsed = check(tarball(), List.of(broken));
        assertThat(unparsed.status()).isEqualTo(Status.FAILED);
        assertThat(unparsed.detail())
                .isEqualTo("the sources file does not parse: the sources file has a line that is neither an entry"
                        + " nor blank: not a sources line");
    }

    @Test
    void whatKeelCannotCheckHereIsUncheckedUnderAPrintableName() {
        ResourceDescriptor spec = new ResourceDescriptor("curl.spec", null, null, null, null)
                .annotated(ResourceDescriptor.ROLE, ComponentProvenance.ROLE_UPSTREAM_SPEC);
        assertThat(check(spec, List.of()))
                .isEqualTo(new Check(
                        "dependency",
                        "curl.spec",
                        Status.UNCHECKED,
                        "a spec snapshot's spec, which is not in the project"));
        ResourceDescriptor tool = new ResourceDescriptor("gcc\u001b", null, null, null, null)
                .annotated(ResourceDescriptor.ROLE, "compiler");
        assertThat(check(tool, List.of()))
                .isEqualTo(
                        new Check("dependency", "gcc?", Status.UNCHECKED, "not a dependency Keel knows how to check"));
    }

    @Test
    void aProjectFileIsCheckedByItsDigest() throws Exception {
        TestProject.writeFile(root.resolve("azldev.toml"), "[project]\n");
        ResourceDescriptor configuration = attested("azldev.toml", "configuration");
        assertThat(check(configuration, List.of()))
                .isEqualTo(new Check("dependency", "azldev.toml", Status.OK, "sha256 matches"));
    }
}
