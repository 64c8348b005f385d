package dev.keel.audit.sbom;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class LicenseCheckTest {

    @Test
    void spdxExpressionsAreValid() {
        assertThat(LicenseCheck.check("GPL-2.0-or-later AND (MIT OR BSD-3-Clause)")
                        .valid())
                .isTrue();
        assertThat(LicenseCheck.check("GPL-2.0-only WITH Classpath-exception-2.0")
                        .valid())
                .isTrue();
        assertThat(LicenseCheck.check("LicenseRef-Fedora-Public-Domain AND MIT").valid())
                .isTrue();
        assertThat(LicenseCheck.check("MIT-Khronos-old").valid())
                .as("a recent identifier")
                .isTrue();
    }

    @Test
    void deprecatedIdentifiersAreStillValid() {
        assertThat(LicenseCheck.check("GPL-2.0+").valid()).isTrue();
    }

    @Test
    void otherTextIsReportedWithWhy() {
        assertThat(LicenseCheck.check("GPLv2+ and BSD").problems()).isNotEmpty();
        assertThat(LicenseCheck.check("MIT AND").problems()).isNotEmpty();
        assertThat(LicenseCheck.check("(MIT").problems()).isNotEmpty();
        assertThat(LicenseCheck.check("CC0-1.0, MIT").problems()).isNotEmpty();
        assertThat(LicenseCheck.check("GPL-2.0-only WITH no-such-exception").problems())
                .isNotEmpty();
        assertThat(LicenseCheck.check("%{?with_x:MIT}").problems()).isNotEmpty();
        assertThat(LicenseCheck.check("licenseref-lower-case").problems()).isNotEmpty();
        assertThat(LicenseCheck.check("LicenseRef-Callaway-GPLv2+-with-exceptions")
                        .problems())
                .isNotEmpty();
    }

    @Test
    void aLowerCaseReferenceIsNamedWithoutTheLibrarysClassNames() {
        LicenseCheck.LicenseExpression checked =
                LicenseCheck.check("gpl-2.0-or-later AND mit AND licenseref-fedora-public-domain AND gtkbook");

        assertThat(checked.problems())
                .containsExactly("'licenseref-fedora-public-domain' is not a license reference: SPDX writes the"
                        + " prefix LicenseRef-");
    }

    @Test
    void noProblemQuotesAJavaClassName() {
        for (String text : List.of(
                "licenseref-lower-case",
                "MIT AND",
                "(MIT",
                "CC0-1.0, MIT",
                "GPL-2.0-only WITH no-such-exception",
                "LicenseRef-Callaway-GPLv2+-with-exceptions",
                "DocumentRef-x:LicenseRef-y AND",
                "MIT WITH WITH",
                "LicenseRef-")) {
            assertThat(LicenseCheck.check(text).problems())
                    .as(text)
                    .isNotEmpty()
                    .allSatisfy(problem -> assertThat(problem).doesNotContainPattern("[a-z]+\\.[a-z]+\\.[A-Z]\\w*"));
        }
    }

    @Test
    void concurrentChecksAgreeWithOneByOne() throws Exception {
        List<String> ids = List.of(
                "MIT", "GPL-2.0-or-later", "LicenseRef-Fedora-Public-Domain", "BSD-3-Clause", "Apache-2.0", "BSD");
        List<String> texts = new ArrayList<>();
        for (String a : ids) {
            for (String b : ids) {
                texts.add(a + " AND " + b);
                texts.add("(" + a + " OR " + b + ") AND Zlib");
                texts.add(a + " WITH Classpath-exception-2.0 OR " + b.toLowerCase(Locale.ROOT));
            }
        }
        Map<String, LicenseCheck.LicenseExpression> oneByOne = new HashMap<>();
        for (String text : texts) {
            oneByOne.put(text, LicenseCheck.parse(text));
        }
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Map<String, LicenseCheck.LicenseExpression>>> rounds = new ArrayList<>();
            for (int round = 0; round < 8; round++) {
                List<String> shuffled = new ArrayList<>(texts);
                Collections.shuffle(shuffled, new Random(round));
                rounds.add(pool.submit(() -> {
                    Map<String, LicenseCheck.LicenseExpression> checked = new HashMap<>();
                    shuffled.forEach(text -> checked.put(text, LicenseCheck.parse(text)));
                    return checked;
                }));
            }
            for (Future<Map<String, LicenseCheck.LicenseExpression>> round : rounds) {
                assertThat(round.get()).isEqualTo(oneByOne);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void theLicenseListIsTheLibrarysOwn() {
        assertThat(LicenseCheck.listVersion()).matches("3\\.\\d+(\\.\\d+)?");
    }
}
