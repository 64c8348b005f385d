package dev.keel.audit.attest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.keel.core.io.Digests;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The RPM header reader on RPMs rpmbuild makes (checked against rpm's own reading), and on damaged and hostile files. */
class RpmHeaderTest {

    @TempDir
    Path dir;

    /** Runs rpmbuild with its top directory in the test's; the test is skipped without rpmbuild. */
    private void rpmbuild(String... arguments) throws Exception {
        boolean installed = Stream.of(System.getenv("PATH").split(":"))
                .anyMatch(path -> Files.isExecutable(Path.of(path, "rpmbuild")));
        assumeTrue(installed, "rpmbuild is not installed: apt-get install -y rpm (this test reads RPMs it makes)");
        List<String> command =
                new java.util.ArrayList<>(List.of("rpmbuild", "--define", "_topdir " + dir.resolve("top")));
        command.addAll(List.of(arguments));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        assertThat(process.waitFor(5, TimeUnit.MINUTES)).isTrue();
        assertThat(process.exitValue()).as(output).isZero();
    }

    private Path only(Path directory, String suffix) throws IOException {
        try (Stream<Path> files = Files.walk(directory)) {
            return files.filter(file -> file.toString().endsWith(suffix))
                    .findFirst()
                    .orElseThrow();
        }
    }

    @Test
    void aSourceRpmListsItsFilesWithTheirSha256AndABinaryOneNamesIt() throws Exception {
        Path sources = Files.createDirectories(dir.resolve("top/SOURCES"));
        Files.writeString(sources.resolve("hello.txt"), "hello\n");
        Path spec = Files.writeString(dir.resolve("hello.spec"), """
                Name: hello
                Epoch: 3
                Version: 1
                Release: 1
                Summary: A test package
                License: MIT AND (Apache-2.0 OR BSD-3-Clause)
                BuildArch: noarch
                Source0: hello.txt

                %description
                A test package.

                %install
                mkdir -p %{buildroot}/usr/share/hello
                cp %{SOURCE0} %{buildroot}/usr/share/hello/

                %files
                /usr/share/hello/hello.txt
                """);
        rpmbuild("-bs", spec.toString());
        Path srpm = only(dir.resolve("top/SRPMS"), ".src.rpm");
        RpmHeader source = RpmHeader.read(srpm);
        assertThat(source.sourceRpm()).isEmpty();
        String algorithm = source.digestAlgorithm();
        assertThat(source.fileDigests())
                .containsExactly(
                        Map.entry("hello.spec", Digests.hex(algorithm, spec)),
                        Map.entry("hello.txt", Digests.hex(algorithm, sources.resolve("hello.txt"))));

        rpmbuild("--rebuild", srpm.toString());
        Path rpm = only(dir.resolve("top/RPMS"), ".noarch.rpm");
        assertThat(RpmHeader.read(rpm).sourceRpm()).contains(srpm.getFileName().toString());

        RpmPackage sourcePackage = RpmPackage.read(srpm);
        RpmPackage binaryPackage = RpmPackage.read(rpm);
        assertThat(sourcePackage.isSource()).isTrue();
        assertThat(binaryPackage.isSource()).isFalse();
        for (Path file : List.of(srpm, rpm)) {
            RpmPackage read = RpmPackage.read(file);
            assertThat(String.join(
                            "|",
                            read.name(),
                            read.epoch().orElse("(none)"),
                            read.version(),
                            read.release(),
                            read.arch(),
                            read.license().orElse("(none)"),
                            read.summary().orElse("(none)"),
                            read.sourceRpm().orElse("(none)")))
                    .as(file.getFileName().toString())
                    .isEqualTo(rpmQuery(
                            file, "%{NAME}|%{EPOCH}|%{VERSION}|%{RELEASE}|%{ARCH}|%{LICENSE}|%{SUMMARY}|%{SOURCERPM}"));
        }
        assertThat(binaryPackage.epoch()).contains("3");
        assertThat(binaryPackage.license()).contains("MIT AND (Apache-2.0 OR BSD-3-Clause)");
    }

    /** What rpm itself reads from the file's header. */
    private static String rpmQuery(Path file, String format) throws Exception {
        Process process = new ProcessBuilder("rpm", "-qp", "--nosignature", "--qf", format, file.toString())
                .redirectErrorStream(true)
                .start();
        String output = new String(process.getInputStream().readAllBytes());
        assertThat(process.waitFor(1, TimeUnit.MINUTES)).isTrue();
        assertThat(process.exitValue()).as(output).isZero();
        return output;
    }

    @Test
    void aHeaderAsRpmLaysItOutIsRead() throws Exception {
        Path rpm = TestRpms.write(dir.resolve("x.rpm"), Map.of("x.spec", "AB".repeat(32)), "x-1-1.src.rpm");
        RpmHeader header = RpmHeader.read(rpm);
        assertThat(header.fileDigests()).containsExactly(Map.entry("x.spec", "ab".repeat(32)));
        assertThat(header.digestAlgorithm()).isEqualTo("SHA-256");
        assertThat(header.sourceRpm()).contains("x-1-1.src.rpm");
    }

    @Test
    void aLinkToAnRpmIsNotFollowed() throws Exception {
        Path rpm = TestRpms.write(dir.resolve("x.rpm"), Map.of("x.spec", "AB".repeat(32)), "x-1-1.src.rpm");
        Path link = Files.createSymbolicLink(dir.resolve("link.rpm"), rpm);

        assertThatThrownBy(() -> RpmHeader.read(link)).isInstanceOf(IOException.class);
        assertThat(RpmHeader.read(rpm).sourceRpm()).contains("x-1-1.src.rpm");
    }

    private void refused(byte[] bytes, String message) throws IOException {
        Path file = Files.write(dir.resolve("bad.rpm"), bytes);
        assertThatThrownBy(() -> {
                    RpmHeader header = RpmHeader.read(file);
                    header.fileDigests();
                    header.sourceRpm();
                    header.digestAlgorithm();
                })
                .isInstanceOf(IOException.class)
                .hasMessageContaining(message);
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Arrays.stream(parts).forEach(out::writeBytes);
        return out.toByteArray();
    }

    @Test
    void damagedAndHostileFilesAreRefused() throws Exception {
        byte[] lead = TestRpms.lead();
        byte[] empty = TestRpms.header(List.of());
        refused(
                "not an rpm at all, just text that is long enough to hold a lead ...................................."
                        .getBytes(),
                "not an RPM file");
        refused(new byte[10], "the file ends inside the lead");
        refused(lead, "the file ends inside the signature header");
        refused(concat(lead, empty), "the file ends inside the header");
        refused(concat(lead, new byte[16]), "the signature header has no header magic");
        byte[] huge = ByteBuffer.allocate(16)
                .putInt(0x8eade801)
                .putInt(0)
                .putInt(Integer.MAX_VALUE)
                .putInt(1)
                .array();
        refused(concat(lead, empty, huge), "beyond any RPM's");
        byte[] negative = ByteBuffer.allocate(16)
                .putInt(0x8eade801)
                .putInt(0)
                .putInt(1)
                .putInt(-5)
                .array();
        refused(concat(lead, empty, negative), "beyond any RPM's");

        byte[] outside = TestRpms.header(List.of(TestRpms.int32(5011, 8)));
        ByteBuffer.wrap(outside).putInt(16 + 8, 1000);
        refused(concat(lead, empty, outside), "an entry outside its data");
        refused(
                concat(lead, empty, TestRpms.header(List.of(new TestRpms.Tag(1117, 8, 1, "no end".getBytes())))),
                "runs past its data");
        refused(
                concat(lead, empty, TestRpms.header(List.of(new TestRpms.Tag(1117, 8, 1_000_000, "a\0".getBytes())))),
                "runs past its data");
        refused(
                concat(lead, empty, TestRpms.header(List.of(TestRpms.int32(1117, 3)))),
                "the header's tag 1117 has type 4, not 8");
        refused(
                concat(lead, empty, TestRpms.header(List.of(TestRpms.int32(5011, 99)))),
                "file digest algorithm 99, which Keel does not know");
        refused(
                concat(
                        lead,
                        empty,
                        TestRpms.header(List.of(
                                TestRpms.strings(1117, List.of("a", "b")), TestRpms.strings(1035, List.of("00"))))),
                "2 file names but 1 digests");
    }

    private void packageRefused(List<TestRpms.Tag> tags, String message) throws IOException {
        Path file = Files.write(
                dir.resolve("bad.rpm"), concat(TestRpms.lead(), TestRpms.header(List.of()), TestRpms.header(tags)));
        assertThatThrownBy(() -> RpmPackage.read(file))
                .isInstanceOf(IOException.class)
                .hasMessageContaining(message);
    }

    @Test
    void aHeaderThatDoesNotNameItsPackageIsRefused() throws Exception {
        List<TestRpms.Tag> named = List.of(
                TestRpms.string(1000, "x"),
                TestRpms.string(1001, "1"),
                TestRpms.string(1002, "1"),
                TestRpms.string(1022, "noarch"));
        Path file = Files.write(
                dir.resolve("x.rpm"), concat(TestRpms.lead(), TestRpms.header(List.of()), TestRpms.header(named)));
        assertThat(RpmPackage.read(file))
                .isEqualTo(new RpmPackage(
                        "x",
                        java.util.Optional.empty(),
                        "1",
                        "1",
                        "noarch",
                        java.util.Optional.empty(),
                        java.util.Optional.empty(),
                        java.util.Optional.empty()));

        packageRefused(named.subList(1, 4), "the header has no NAME");
        packageRefused(List.of(named.get(0), named.get(1), named.get(3)), "the header has no RELEASE");
        packageRefused(
                List.of(TestRpms.string(1000, ""), named.get(1), named.get(2), named.get(3)), "the header has no NAME");
        packageRefused(
                List.of(TestRpms.int32(1000, 7), named.get(1), named.get(2), named.get(3)),
                "the header's tag 1000 has type 4, not 6");
        List<TestRpms.Tag> badEpoch = new java.util.ArrayList<>(named);
        badEpoch.add(TestRpms.string(1003, "1"));
        packageRefused(badEpoch, "the header's epoch is not an integer");
        List<TestRpms.Tag> badLicense = new java.util.ArrayList<>(named);
        badLicense.add(new TestRpms.Tag(1014, 6, 1, "MIT without an end".getBytes()));
        packageRefused(badLicense, "runs past its data");
    }
}
