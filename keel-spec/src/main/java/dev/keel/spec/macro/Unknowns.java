package dev.keel.spec.macro;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Text that cannot be determined (a shell command's output, a Lua chunk's result...) travels through
 * expansion as a marker: two private-use characters around the number of its reason. Whatever is
 * built from a marker carries it, so a tag value or a condition that depends on unknown text is
 * recognised as such and explains why.
 */
final class Unknowns {

    private static final char OPEN = '\uE000';
    private static final char CLOSE = '\uE001';

    private final List<String> reasons = new ArrayList<>();

    /** A marker standing for unknown text, for the given reason. */
    String marker(String reason) {
        int index = reasons.indexOf(reason);
        if (index < 0) {
            index = reasons.size();
            reasons.add(reason);
        }
        return OPEN + Integer.toString(index) + CLOSE;
    }

    /** A single marker carrying every reason found in the text. */
    String merged(String text) {
        List<String> found = reasonsIn(text);
        return marker(found.isEmpty() ? "text Keel cannot read" : String.join("; ", found));
    }

    static boolean containsMarker(String text) {
        return text.indexOf(OPEN) >= 0;
    }

    static boolean isMarkerChar(char c) {
        return c == OPEN || c == CLOSE;
    }

    /** The distinct reasons of the markers in the text, in order of appearance. */
    List<String> reasonsIn(String text) {
        Set<String> found = new LinkedHashSet<>();
        int open = text.indexOf(OPEN);
        while (open >= 0) {
            int close = text.indexOf(CLOSE, open);
            if (close < 0) {
                break;
            }
            String index = text.substring(open + 1, close);
            if (!index.isEmpty() && index.length() < 9 && index.chars().allMatch(Character::isDigit)) {
                int number = Integer.parseInt(index);
                if (number < reasons.size()) {
                    found.add(reasons.get(number));
                }
            }
            open = text.indexOf(OPEN, close);
        }
        return List.copyOf(found);
    }
}
