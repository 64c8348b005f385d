package dev.keel.audit.sbom;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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
 * identifier is valid. Results are kept per text; safe for concurrent use (each parse has a store
 * of its own).
 */
final class LicenseCheck {

    /** The namespace the parser's scratch store gives the licenses it makes. */
    private static final String SCRATCH = "https://keel.invalid/license-check";

    private static final Map<String, LicenseExpression> CHECKED = new ConcurrentHashMap<>();

    /** A license reference, its prefix in any case. */
    private static final Pattern ANY_CASE_REFERENCE =
            Pattern.compile("(?<![A-Za-z0-9.+-])(?i:licenseref-)[A-Za-z0-9.+-]+");

    /** A Java class name an exception's message starts with ({@code org.spdx.core.SomeException: }). */
    private static final Pattern CLASS_NAME = Pattern.compile("(?:[a-z][a-z0-9_]*\\.)+[A-Z][A-Za-z0-9_$]*: ");

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

    /** The check of {@code text}, not kept; the library's parser is safe for concurrent use once initialized. */
    static LicenseExpression parse(String text) {
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
            problems.add(refusal(text, e));
        }
        return new LicenseExpression(text, problems.stream().distinct().toList());
    }

    /**
     * Why the library refused the text with an exception of its own, in words: a {@code LicenseRef-}
     * prefix written in another case (the library's message is about object URIs), else its message
     * without the Java class names it quotes.
     */
    private static String refusal(String text, Exception e) {
        Matcher reference = ANY_CASE_REFERENCE.matcher(text);
        while (reference.find()) {
            if (!reference.group().startsWith("LicenseRef-")) {
                return "'" + reference.group() + "' is not a license reference: SPDX writes the prefix LicenseRef-";
            }
        }
        String message = Optional.ofNullable(e.getMessage()).orElse("the SPDX library refuses it");
        return "not an SPDX license expression: "
                + CLASS_NAME.matcher(message).replaceAll("").strip();
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
