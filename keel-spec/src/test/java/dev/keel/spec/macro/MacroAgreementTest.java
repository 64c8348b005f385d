package dev.keel.spec.macro;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.keel.spec.Spec;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Compares the expander with rpm itself: 300 Fedora rawhide specs that rpm 4.18's {@code rpmspec}
 * parses (picked with a fixed seed), Keel's name, epoch, version and release against
 * {@code rpmspec -q --srpm}'s with the same definitions. Skipped without {@code rpmspec} or the
 * corpus.
 */
class MacroAgreementTest {

    private static final long SEED = 20_250_817L;
    private static final int SPECS = 300;
    private static final double REQUIRED_AGREEMENT = 0.97;
    /**
     * Given to both rpmspec and Keel. {@code _sourcedir} keeps rpmspec from looking for sources;
     * {@code autorelease} makes rpmautospec's macro explicit, since neither side has rpmautospec.
     */
    static final Map<String, String> DEFINES =
            Map.of("dist", ".fc45", "_sourcedir", "/nonexistent", "autorelease", "1%{?dist}");

    private static final RpmspecSample SAMPLE =
            new RpmspecSample(List.of("--srpm", "--qf", "%{name}|%{epoch}|%{version}|%{release}\n"), DEFINES);

    @Test
    void agreesWithRpmspecOnFedoraSpecs() throws Exception {
        assumeTrue(RpmspecSample.rpmspecOnPath(), "rpmspec is not on the PATH (apt-get install rpm), skipping");
        Path corpus = RpmspecSample.corpus();
        assumeTrue(Files.isDirectory(corpus), "corpus not found at " + corpus.toAbsolutePath() + ", skipping");

        List<RpmspecSample.Answer> answers = SAMPLE.parseable(corpus, SEED, SPECS);
        MacroContext context = SAMPLE.context();

        List<String> disagreements = new ArrayList<>();
        for (RpmspecSample.Answer answer : answers) {
            Spec spec = Spec.parse(Files.readAllBytes(answer.spec()));
            String keel = MacroExpander.evaluate(spec, context).toQueryFormat();
            String rpm = answer.lines().isEmpty() ? null : answer.lines().get(0);
            if (!keel.equals(rpm)) {
                disagreements.add(answer.spec().getFileName() + "\n    rpm:  " + rpm + "\n    keel: " + keel);
            }
        }
        double agreement = 1.0 - (double) disagreements.size() / answers.size();
        System.out.printf(
                "MacroAgreementTest: %d of %d specs agree with rpmspec (%.1f%%)%n",
                answers.size() - disagreements.size(), answers.size(), 100 * agreement);
        disagreements.stream().limit(20).forEach(d -> System.out.println("  " + d));
        assertThat(answers).hasSize(SPECS);
        assertThat(agreement).as("agreement with rpmspec").isGreaterThanOrEqualTo(REQUIRED_AGREEMENT);
    }
}
