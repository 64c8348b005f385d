package dev.keel.spec;

import java.util.ArrayList;
import java.util.List;
import java.util.NavigableSet;

/**
 * Adjusts a set of elements to remove so that conditional blocks stay balanced: a block entirely
 * inside a removed range goes with it; a block that straddles the range keeps its directive that
 * lies inside (leaving an empty {@code %if}/{@code %endif}); a removal that would cut through a
 * branch or through real content of a straddling block is refused, and so is one that would
 * remove real content after a straddling {@code %endif} in its section.
 */
final class ConditionalBalancer {

    private ConditionalBalancer() {}

    static void balance(Spec spec, NavigableSet<Integer> removed) {
        for (Diagnostic diagnostic : spec.diagnostics()) {
            String message = diagnostic.message();
            if (message.startsWith("unclosed %") || message.endsWith("with no %if")) {
                throw new SpecEditException(
                        SpecEditException.Reason.CONDITIONAL_SPANS_SECTIONS,
                        "cannot remove lines safely: the spec's conditionals are unbalanced (line " + diagnostic.line()
                                + ": " + message + ")");
            }
        }
        for (int[] range : ranges(removed)) {
            for (ConditionalBlock block : spec.blocks()) {
                check(spec, block, range[0], range[1], removed);
            }
        }
    }

    private static void check(Spec spec, ConditionalBlock block, int start, int end, NavigableSet<Integer> removed) {
        int open = block.startElement();
        int close = block.endElement();
        boolean opensInside = open >= start && open < end;
        boolean closesInside = close >= start && close < end;
        if ((opensInside && closesInside) || close < start || open >= end) {
            return;
        }
        for (ConditionalBlock.Branch branch :
                block.branches().subList(1, block.branches().size())) {
            if (branch.element() >= start && branch.element() < end) {
                throw split(spec, block, start, end, "its " + branch.kind().directive() + " branch");
            }
        }
        if (closesInside) {
            // What follows the %endif in its section belongs to the previous section when the
            // condition is false: removing it would change that section.
            int section = spec.element(close).section();
            for (int e = close + 1; e < end && spec.element(e).section() == section; e++) {
                if (isContent(spec.element(e)) && spec.element(e).kind() != ElementKind.CONDITIONAL) {
                    throw split(spec, block, start, end, "content after its %endif");
                }
            }
            removed.remove(close);
        } else if (opensInside) {
            for (int e = open + 1; e < end; e++) {
                if (isContent(spec.element(e))) {
                    throw split(spec, block, start, end, "content after its opening line");
                }
            }
            removed.remove(open);
        }
    }

    private static boolean isContent(Element element) {
        return element.kind() != ElementKind.BLANK && element.kind() != ElementKind.COMMENT;
    }

    private static SpecEditException split(Spec spec, ConditionalBlock block, int start, int end, String what) {
        Element opening = spec.element(block.startElement());
        int firstLine = spec.element(start).firstLine() + 1;
        int lastLine = spec.element(end - 1).endLine();
        return new SpecEditException(
                SpecEditException.Reason.CONDITIONAL_SPANS_SECTIONS,
                "removing lines " + firstLine + "-" + lastLine + " would split the conditional block at line "
                        + (opening.firstLine() + 1) + " ("
                        + spec.line(opening.firstLine()).text().strip() + "): "
                        + what + " lies in the removed lines but the block continues outside them");
    }

    /** Contiguous runs of element indices as [start, end) pairs. */
    private static List<int[]> ranges(NavigableSet<Integer> elements) {
        List<int[]> ranges = new ArrayList<>();
        int start = -1;
        int previous = -2;
        for (int e : elements) {
            if (e != previous + 1) {
                if (start >= 0) {
                    ranges.add(new int[] {start, previous + 1});
                }
                start = e;
            }
            previous = e;
        }
        if (start >= 0) {
            ranges.add(new int[] {start, previous + 1});
        }
        return ranges;
    }
}
