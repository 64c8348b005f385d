package dev.keel.audit.sbom;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.spdx.core.InvalidSPDXAnalysisException;
import org.spdx.library.LicenseInfoFactory;
import org.spdx.library.SpdxModelFactory;
import org.spdx.library.model.v2.license.AnyLicenseInfo;
import org.spdx.library.model.v2.license.InvalidLicenseStringException;
import org.spdx.storage.simple.InMemSpdxStore;

/**
 * Whether a {@code License} tag is a valid SPDX license expression, by the SPDX Java library's
 * parser and the SPDX license list it carries (never fetched: the same list on every machine):
 * the syntax, every license and exception listed or a {@code LicenseRef-}. A deprecated listed
 * identifier is valid. Results are kept per text; safe for concurrent use.
 */
final class LicenseCheck {

    /** The namespace the parser's scratch store gives the licenses it makes. */
    private static final String SCRATCH = "https://keel.invalid/license-check";

    private static final Map<String, LicenseExpression> CHECKED = new ConcurrentHashMap<>();

    private LicenseCheck() {}

    /**
     * A license as a spec states it.
     *
     * @param text the expression as written (after macro expansion)
     * @param problems why it is not a valid SPDX expression; empty when it is
     */
    record LicenseExpression(String text, List<String> problems) {
        LicenseExpression {
            problems = List.copyOf(problems);
        }

        boolean valid() {
            return problems.isEmpty();
        }
    }

    /** The SPDX license list's version. */
    static String listVersion() {
        init();
        return LicenseInfoFactory.getLicenseListVersion();
    }

    static LicenseExpression check(String text) {
        return CHECKED.computeIfAbsent(text, LicenseCheck::parse);
    }

    private static synchronized LicenseExpression parse(String text) {
        init();
        List<String> problems = new ArrayList<>();
        try {
            AnyLicenseInfo license =
                    LicenseInfoFactory.parseSPDXLicenseStringCompatV2(text, new InMemSpdxStore(), SCRATCH, null);
            for (String problem : license.verify()) {
                // a LicenseRef's text belongs in the document, not in the expression
                if (!problem.endsWith(" is deprecated.") && !problem.startsWith("License not found for LicenseRef-")) {
                    problems.add(problem.strip());
                }
            }
        } catch (InvalidLicenseStringException e) {
            problems.add(e.getMessage());
        } catch (InvalidSPDXAnalysisException | RuntimeException e) {
            // the library refuses some expressions with exceptions of its own (a lower-case licenseref-...)
            problems.add("not an SPDX license expression: " + e.getMessage());
        }
        return new LicenseExpression(text, problems.stream().distinct().toList());
    }

    private static boolean initialized;

    private static synchronized void init() {
        if (!initialized) {
            // the license list in the library's jar, not spdx.org's: offline, and the same everywhere
            System.setProperty("org.spdx.useJARLicenseInfoOnly", "true");
            SpdxModelFactory.init();
            initialized = true;
        }
    }
}
