package dev.keel.spec;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Finds the lines most like a query (by shared character pairs) to explain a failed match. */
final class ClosestLines {

    private ClosestLines() {}

    /** Up to {@code limit} candidates as {@code "LINE: text"} (1-based), best first. */
    static List<String> find(Spec spec, String query, int limit) {
        Map<String, Integer> queryPairs = pairs(query);
        if (queryPairs.isEmpty()) {
            return List.of();
        }
        record Scored(int line, double score) {}
        List<Scored> scored = new ArrayList<>();
        for (int i = 0; i < spec.lines().size(); i++) {
            String text = spec.line(i).text();
            double score = similarity(queryPairs, pairs(text));
            if (score > 0.2) {
                scored.add(new Scored(i, score));
            }
        }
        scored.sort(Comparator.comparingDouble(Scored::score).reversed().thenComparingInt(Scored::line));
        List<String> result = new ArrayList<>();
        for (Scored s : scored.subList(0, Math.min(limit, scored.size()))) {
            result.add((s.line() + 1) + ": " + spec.line(s.line()).text());
        }
        return result;
    }

    private static Map<String, Integer> pairs(String text) {
        String lower = text.strip().toLowerCase(Locale.ROOT);
        Map<String, Integer> pairs = new HashMap<>();
        for (int i = 0; i + 1 < lower.length() && i < 400; i++) {
            pairs.merge(lower.substring(i, i + 2), 1, Integer::sum);
        }
        return pairs;
    }

    /** Dice coefficient over character pairs. */
    private static double similarity(Map<String, Integer> a, Map<String, Integer> b) {
        if (b.isEmpty()) {
            return 0;
        }
        int shared = 0;
        int total = 0;
        for (Map.Entry<String, Integer> entry : a.entrySet()) {
            shared += Math.min(entry.getValue(), b.getOrDefault(entry.getKey(), 0));
            total += entry.getValue();
        }
        for (int count : b.values()) {
            total += count;
        }
        return 2.0 * shared / total;
    }
}
