package dev.keel.spec.macro;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.keel.spec.Spec;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * Compares the build requirements Keel reads with rpm's: 300 Fedora rawhide specs that rpm 4.18's
 * {@code rpmspec -q --buildrequires} parses (picked with a fixed seed), line for line, with the same
 * definitions on both sides as {@link MacroAgreementTest}. Neither side has Fedora's macro packages
 * (Debian's rpm lacks them, and Keel's context is given none), so like is compared with like. A
 * spec Keel leaves partly undeterminable counts as a disagreement. Skipped without {@code rpmspec}
 * or the corpus.
 */
class BuildRequiresAgreementTest {

    private static final long SEED = 20_261_206L;
    private static final int SPECS = 300;
    private static final double REQUIRED_AGREEMENT = 0.97;

    private static final RpmspecSample SAMPLE =
            new RpmspecSample(List.of("--buildrequires"), MacroAgreementTest.DEFINES);

    @Test
    void agreesWithRpmspecOnFedoraSpecs() throws Exception {
        assumeTrue(RpmspecSample.rpmspecOnPath(), "rpmspec is not on the PATH (apt-get install rpm), skipping");
        Path corpus = RpmspecSample.corpus();
        assumeTrue(Files.isDirectory(corpus), "corpus not found at " + corpus.toAbsolutePath() + ", skipping");

        List<RpmspecSample.Answer> answers = SAMPLE.parseable(corpus, SEED, SPECS);
        MacroContext context = SAMPLE.context();

        List<String> disagreements = new ArrayList<>();
        Map<String, Integer> kinds = new TreeMap<>();
        for (RpmspecSample.Answer answer : answers) {
            Spec spec = Spec.parse(Files.readAllBytes(answer.spec()));
            ExpandedDependencies keel =
                    MacroExpander.evaluateSpec(spec, context).buildRequires();
            if (keel.complete() && keel.strings().equals(answer.lines())) {
                continue;
            }
            String kind = keel.complete() ? "different list" : "undeterminable";
            kinds.merge(kind, 1, Integer::sum);
            List<String> rpmOnly = new ArrayList<>(answer.lines());
            rpmOnly.removeAll(keel.strings());
            List<String> keelOnly = new ArrayList<>(keel.strings());
            keelOnly.removeAll(answer.lines());
            disagreements.add(answer.spec().getFileName() + " (" + kind + ")\n    rpm only:  " + rpmOnly
                    + "\n    keel only: " + keelOnly
                    + (keel.complete()
                            ? ""
                            : "\n    why:       " + keel.undeterminable().get(0)));
        }
        double agreement = 1.0 - (double) disagreements.size() / answers.size();
        System.out.printf(
                "BuildRequiresAgreementTest: %d of %d specs agree with rpmspec --buildrequires (%.1f%%); %s%n",
                answers.size() - disagreements.size(), answers.size(), 100 * agreement, kinds);
        disagreements.stream().limit(20).forEach(d -> System.out.println("  " + d));
        assertThat(answers).hasSize(SPECS);
        assertThat(agreement).as("agreement with rpmspec").isGreaterThanOrEqualTo(REQUIRED_AGREEMENT);
    }
}
