package dev.keel.core.overlay.archive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.keel.core.config.LocatedOverlay;
import dev.keel.core.config.Location;
import dev.keel.core.config.model.HashType;
import dev.keel.core.config.model.Origin;
import dev.keel.core.config.model.OriginType;
import dev.keel.core.config.model.Overlay;
import dev.keel.core.config.model.SourceFileRef;
import dev.keel.core.overlay.ArchiveHash;
import dev.keel.core.overlay.OverlayCheck;
import dev.keel.core.overlay.OverlayChecker;
import dev.keel.core.overlay.OverlayEngine;
import dev.keel.core.overlay.OverlayException;
import dev.keel.core.overlay.OverlayFailure;
import dev.keel.core.overlay.OverlayResult;
import dev.keel.core.overlay.SourceFile;
import dev.keel.core.overlay.SourceTree;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.commons.compress.archivers.tar.TarConstants;
import org.junit.jupiter.api.Test;

class ArchiveOverlayTest {

    private static final String SPEC = "Name: pkg\nVersion: 1.0\nSource0: pkg-1.0.tar.gz\n%prep\n%autosetup\n";

    private static LocatedOverlay located(int index, Overlay overlay) {
        return new LocatedOverlay(index, overlay, new Location(Path.of("overlays.toml"), index + 1, 1));
    }

    private static Overlay.Notes notes(int index) {
        return new Overlay.Notes(Optional.of("test " + index), Optional.empty());
    }

    private static LocatedOverlay remove(int index, String file, String archive) {
        return located(index, new Overlay.FileRemove(file, Optional.of(archive), notes(index)));
    }

    private static LocatedOverlay replace(int index, String file, String regex, String replacement, String archive) {
        return located(
                index, new Overlay.FileSearchReplace(file, regex, replacement, Optional.of(archive), notes(index)));
    }

    private static SourceTree sources(byte[] archive) {
        return SourceTree.of(Map.of(
                "pkg.spec", new SourceFile(SPEC.getBytes(StandardCharsets.UTF_8), false),
                "pkg-1.0.tar.gz", new SourceFile(archive, false)));
    }

    private static byte[] upstreamArchive() throws IOException {
        return new Tars(Compression.GZIP)
                .directory("pkg-1.0")
                .file("pkg-1.0/configure", "#!/bin/sh\nCFLAGS=-O2\n")
                .file("pkg-1.0/tests/flaky.sh", "exit 1\n")
                .file("pkg-1.0/vendor/bundled.c", "/* bundled */\n")
                .bytes();
    }

    private static OverlayResult apply(SourceTree tree, LocatedOverlay... overlays) throws OverlayException {
        return new OverlayEngine(Path.of(".")).apply("pkg", tree, "pkg.spec", List.of(overlays));
    }

    @Test
    void editsInsideTheArchiveRepackDeterministicallyAndRecordTheHash() throws Exception {
        SourceTree tree = sources(upstreamArchive());
        LocatedOverlay remove = remove(0, "vendor/**", "pkg-1.0.tar.gz");
        LocatedOverlay replace = replace(1, "configure", "-O2", "-O3", "pkg-1.0.tar.gz");
        OverlayResult first = apply(tree, remove, replace);
        OverlayResult second = apply(tree, remove, replace);

        byte[] repacked = first.tree().get("pkg-1.0.tar.gz").orElseThrow().content();
        assertThat(second.tree().get("pkg-1.0.tar.gz").orElseThrow().content()).isEqualTo(repacked);
        TarArchive archive = TarArchive.read(repacked, ArchiveLimits.DEFAULT);
        assertThat(archive.compression()).isEqualTo(Compression.GZIP);
        assertThat(archive.entries())
                .extracting(ArchiveEntry::name)
                .containsExactly("pkg-1.0", "pkg-1.0/configure", "pkg-1.0/tests/flaky.sh");
        assertThat(new String(archive.entries().get(1).content(), StandardCharsets.UTF_8))
                .isEqualTo("#!/bin/sh\nCFLAGS=-O3\n");

        String sha512 =
                HexFormat.of().formatHex(MessageDigest.getInstance("SHA-512").digest(repacked));
        assertThat(first.archiveDigests()).containsExactly(Map.entry("pkg-1.0.tar.gz", sha512));
        Origin overlayOrigin = new Origin(OriginType.OVERLAY, null, null, null, null);
        assertThat(first.verifyArchiveHashes(List.of(
                        new SourceFileRef("pkg-1.0.tar.gz", sha512, HashType.SHA512, overlayOrigin, true, "x"))))
                .isEmpty();
        assertThat(first.verifyArchiveHashes(
                        List.of(new SourceFileRef("pkg-1.0.tar.gz", "00", HashType.SHA512, overlayOrigin, true, "x"))))
                .singleElement()
                .asString()
                .contains("source-files records 00");
        assertThat(first.verifyArchiveHashes(List.of()))
                .singleElement()
                .asString()
                .contains("no source-files entry");
    }

    @Test
    void archiveHashesNameEveryArchiveOverlaysMakeWithItsRecord() throws Exception {
        SourceTree tree = sources(upstreamArchive())
                .with("other-1.0.tar.gz", new SourceFile("not edited\n".getBytes(StandardCharsets.UTF_8), false));
        OverlayResult result = apply(tree, remove(0, "vendor/**", "pkg-1.0.tar.gz"));
        byte[] repacked = result.tree().get("pkg-1.0.tar.gz").orElseThrow().content();
        String sha256 =
                HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(repacked));
        Origin overlayOrigin = new Origin(OriginType.OVERLAY, null, null, null, null);
        SourceFileRef pkg = new SourceFileRef("pkg-1.0.tar.gz", sha256, HashType.SHA256, overlayOrigin, true, "x");
        SourceFileRef other = new SourceFileRef("other-1.0.tar.gz", "00", HashType.SHA512, overlayOrigin, true, "x");
        SourceFileRef absent = new SourceFileRef("absent.tar.gz", "00", HashType.SHA512, overlayOrigin, true, "x");

        List<ArchiveHash> hashes = result.archiveHashes(List.of(absent, pkg, other));

        assertThat(hashes).extracting(ArchiveHash::archive).containsExactly("other-1.0.tar.gz", "pkg-1.0.tar.gz");
        ArchiveHash made = hashes.get(1);
        assertThat(made).isEqualTo(new ArchiveHash("pkg-1.0.tar.gz", Optional.of(pkg), HashType.SHA256, sha256, true));
        assertThat(made.matches()).isTrue();
        assertThat(made.problem()).isEmpty();
        ArchiveHash unmade = hashes.get(0);
        assertThat(unmade.repacked()).isFalse();
        assertThat(unmade.matches()).isFalse();
        assertThat(unmade.actual())
                .isEqualTo(HexFormat.of()
                        .formatHex(MessageDigest.getInstance("SHA-512")
                                .digest("not edited\n".getBytes(StandardCharsets.UTF_8))));
        assertThat(result.verifyArchiveHashes(List.of(absent, pkg, other)))
                .singleElement()
                .asString()
                .startsWith("source-files records archive other-1.0.tar.gz with origin.type = \"overlay\", but no"
                        + " archive overlay changes it");
    }

    @Test
    void theCheckerSeesWhatAnArchiveStageChanged() throws Exception {
        SourceTree tree = sources(upstreamArchive());
        LocatedOverlay remove = remove(0, "vendor/**", "pkg-1.0.tar.gz");
        LocatedOverlay missing = replace(1, "configure", "-O9", "x", "pkg-1.0.tar.gz");
        OverlayChecker.Report report =
                new OverlayChecker(Path.of(".")).check("pkg", tree, "pkg.spec", List.of(remove, missing));

        assertThat(report.checks())
                .extracting(OverlayCheck::status)
                .containsExactly(OverlayCheck.Status.APPLIES, OverlayCheck.Status.TARGET_MISSING);
        OverlayResult removed = apply(tree, remove);
        assertThat(report.result().tree()).isEqualTo(removed.tree());
        assertThat(report.result().archiveDigests()).isEqualTo(removed.archiveDigests());
    }

    @Test
    void archiveOverlaysRunBeforeTheOthers() {
        LocatedOverlay spec = located(0, new Overlay.SpecSearchReplace("", "", "autosetup", "autosetup -p1", notes(0)));
        LocatedOverlay archive = remove(1, "tests/*", "pkg-1.0.tar.gz");
        assertThat(OverlayEngine.archivesFirst(List.of(spec, archive))).containsExactly(archive, spec);
    }

    @Test
    void failsClearlyWhenTheArchiveOrItsTargetIsMissing() throws IOException {
        SourceTree tree = sources(upstreamArchive());
        assertThatThrownBy(() -> apply(tree, remove(0, "x", "other.tar.gz")))
                .isInstanceOfSatisfying(
                        OverlayException.class,
                        e -> assertThat(e.failure().reason()).isEqualTo(OverlayFailure.Reason.SOURCE_NOT_FOUND));
        assertThatThrownBy(() -> apply(tree, remove(0, "nope/*", "pkg-1.0.tar.gz")))
                .isInstanceOfSatisfying(
                        OverlayException.class,
                        e -> assertThat(e.failure().reason()).isEqualTo(OverlayFailure.Reason.NO_MATCHING_FILE));
        assertThatThrownBy(() -> apply(tree, replace(0, "configure", "-O9", "x", "pkg-1.0.tar.gz")))
                .isInstanceOfSatisfying(
                        OverlayException.class,
                        e -> assertThat(e.failure().reason()).isEqualTo(OverlayFailure.Reason.PATTERN_NOT_FOUND));
    }

    @Test
    void refusesATarSlipArchive() throws IOException {
        byte[] slip = new Tars(Compression.GZIP)
                .file("pkg-1.0/ok", "x")
                .file("../../etc/cron.d/evil", "* * * * * root sh")
                .bytes();
        assertThatThrownBy(() -> apply(sources(slip), remove(0, "ok", "pkg-1.0.tar.gz")))
                .isInstanceOfSatisfying(OverlayException.class, e -> {
                    assertThat(e.failure().reason()).isEqualTo(OverlayFailure.Reason.UNSAFE_ARCHIVE);
                    assertThat(e.failure().message()).contains("path leaves the archive");
                });
        byte[] link = new Tars(Compression.GZIP)
                .special("pkg-1.0/escape", TarConstants.LF_SYMLINK, "../../..")
                .bytes();
        assertThatThrownBy(() -> apply(sources(link), remove(0, "x", "pkg-1.0.tar.gz")))
                .isInstanceOfSatisfying(
                        OverlayException.class,
                        e -> assertThat(e.failure().reason()).isEqualTo(OverlayFailure.Reason.UNSAFE_ARCHIVE));
    }
}
