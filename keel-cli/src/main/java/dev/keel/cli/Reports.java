package dev.keel.cli;

import dev.keel.core.io.Printable;
import dev.keel.core.outcome.Failure;
import dev.keel.core.outcome.FailureFormat;
import dev.keel.core.outcome.PathDisplay;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Shared pieces of command reports: counts with plurals, failures as JSON, summaries. */
final class Reports {

    private Reports() {}

    /** {@code 1 component}, {@code 2 components}. */
    static String count(long n, String noun) {
        return count(n, noun, noun + "s");
    }

    /** {@code 1 directory}, {@code 2 directories}. */
    static String count(long n, String singular, String plural) {
        return n + " " + (n == 1 ? singular : plural);
    }

    /** A verbose progress line: {@code keel: curl: ok in 85 ms}. */
    static String timing(String component, String status, Duration elapsed) {
        return "keel: " + printable(component) + ": " + status + " in " + elapsed.toMillis() + " ms";
    }

    /** {@code 7 ok, 2 failed} for the keys in first-seen order, or {@code nothing} when empty. */
    static String tally(List<String> keys) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        keys.forEach(key -> counts.merge(key, 1, Integer::sum));
        List<String> parts = new ArrayList<>();
        counts.forEach((key, n) -> parts.add(n + " " + key));
        return parts.isEmpty() ? "nothing" : String.join(", ", parts);
    }

    /**
     * A failure as a JSON object: {@code kind}, {@code message}, {@code location} (file:line:column,
     * project-relative, or null), {@code details} (label to value), {@code closestLines},
     * {@code hint} (or null) and {@code causes} (messages, outermost first).
     */
    static Map<String, Object> failureJson(Failure failure, PathDisplay paths) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("kind", failure.kind().key());
        json.put("message", failure.message());
        String location = FailureFormat.location(failure.location(), paths);
        json.put("location", location.isEmpty() ? null : location);
        Map<String, String> details = new LinkedHashMap<>();
        failure.details().forEach(detail -> details.put(detail.label(), detail.value()));
        json.put("details", details);
        json.put("closestLines", failure.closestLines());
        json.put("hint", failure.hint().isEmpty() ? null : failure.hint());
        List<String> causes = new ArrayList<>();
        for (Failure cause = failure.cause(); cause != null; cause = cause.cause()) {
            causes.add(FailureFormat.line(cause, paths));
        }
        json.put("causes", causes);
        return json;
    }

    /** A name or other input text, safe to print. */
    static String printable(String text) {
        return Printable.escape(text);
    }
}
