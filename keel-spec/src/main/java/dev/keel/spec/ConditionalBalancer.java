package dev.keel.spec;

import java.util.List;
import java.util.NavigableSet;
import java.util.TreeSet;

/**
 * Chooses the elements to remove for a list of sections so that conditional blocks stay balanced,
 * exactly as azldev balances each section's range on its own. A section's range runs from its
 * header to the next header. A block entirely inside the range goes with it. A block with only one
 * end inside (it straddles the range) keeps that directive, and the range is cut before the first
 * such directive: what follows it in the section stays (leaving, say, an empty {@code %if}/{@code
 * %endif} and the blank line after it). The removal is refused when the kept part would hold real
 * content, when real content follows a straddling {@code %if} in the range, and when the range holds
 * an {@code %else}/{@code %elif} of a block that continues outside it.
 */
final class ConditionalBalancer {

    private ConditionalBalancer() {}

    /** The elements to remove for these sections. */
    static NavigableSet<Integer> elementsToRemove(Spec spec, List<Section> sections) {
        refuseUnbalanced(spec);
        NavigableSet<Integer> removed = new TreeSet<>();
        for (Section section : sections) {
            int start = section.firstElement();
            int end = balancedEnd(spec, start, section.endElement());
            for (int e = start; e < end; e++) {
                removed.add(e);
            }
        }
        return removed;
    }

    private static void refuseUnbalanced(Spec spec) {
        spec.conditionalError().ifPresent(error -> {
            throw new SpecEditException(
                    SpecEditException.Reason.CONDITIONAL_SPANS_SECTIONS,
                    "cannot remove lines safely: the spec's conditionals are unbalanced (line " + error.line() + ": "
                            + error.message() + ")");
        });
    }

    /** Where the removal of [start, end) stops: before the first straddling directive, else at end. */
    private static int balancedEnd(Spec spec, int start, int end) {
        int cut = end;
        ConditionalBlock cutBlock = null;
        for (ConditionalBlock block : spec.blocks()) {
            boolean opensInside = inside(block.startElement(), start, end);
            boolean closesInside = inside(block.endElement(), start, end);
            if (opensInside == closesInside) {
                continue;
            }
            int directive = opensInside ? block.startElement() : block.endElement();
            if (opensInside && firstContent(spec, directive + 1, end) >= 0) {
                throw split(spec, block, start, end, "content after its opening line");
            }
            if (directive < cut) {
                cut = directive;
                cutBlock = block;
            }
        }
        refuseCutBranches(spec, start, end);
        if (cutBlock != null && firstContent(spec, cut, end) >= 0) {
            throw split(spec, cutBlock, start, end, "content after its %endif");
        }
        return cut;
    }

    /** Refuses an {@code %else}/{@code %elif} in the range whose block does not lie entirely inside it. */
    private static void refuseCutBranches(Spec spec, int start, int end) {
        for (int e = start; e < end; e++) {
            Element element = spec.element(e);
            if (element.kind() == ElementKind.CONDITIONAL
                    && directiveKind(spec, element).isBranch()) {
                ConditionalBlock block = spec.block(element.block());
                if (!inside(block.startElement(), start, end) || !inside(block.endElement(), start, end)) {
                    throw split(
                            spec,
                            block,
                            start,
                            end,
                            "its " + directiveKind(spec, element).directive() + " branch");
                }
            }
        }
    }

    private static boolean inside(int element, int start, int end) {
        return element >= start && element < end;
    }

    /**
     * The first element in [from, end) that is real content, or -1: anything but a blank line, a
     * {@code #} comment, an opening directive and {@code %endif} (an {@code %else} is content, as
     * for azldev).
     */
    private static int firstContent(Spec spec, int from, int end) {
        for (int e = from; e < end; e++) {
            if (isContent(spec, spec.element(e))) {
                return e;
            }
        }
        return -1;
    }

    private static boolean isContent(Spec spec, Element element) {
        return switch (element.kind()) {
            case BLANK -> false;
            case COMMENT -> !spec.line(element.firstLine()).text().strip().startsWith("#");
            case CONDITIONAL -> directiveKind(spec, element).isBranch();
            default -> true;
        };
    }

    private static ConditionalKind directiveKind(Spec spec, Element element) {
        ConditionalBlock block = spec.block(element.block());
        if (block.endElement() == element.index()) {
            return ConditionalKind.ENDIF;
        }
        for (ConditionalBlock.Branch branch : block.branches()) {
            if (branch.element() == element.index()) {
                return branch.kind();
            }
        }
        throw new IllegalStateException("directive outside its block");
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
}
