package dev.keel.spec;

import java.util.List;

/**
 * One {@code %if ... %endif} block: its branches in order and the closing element. Blocks nest:
 * {@code parent} is the enclosing block or -1. A block may start in one section and end in another.
 *
 * @param index position among the spec's blocks (in order of their opening line)
 * @param parent enclosing block, or -1
 * @param depth nesting depth, 0 for a top-level block
 * @param branches the opening directive followed by any {@code %elif}/{@code %else}
 * @param endElement the {@code %endif} element, or -1 when the block is never closed
 */
public record ConditionalBlock(int index, int parent, int depth, List<Branch> branches, int endElement) {

    /** One branch: the directive that opens it and its condition text (empty for {@code %else}). */
    public record Branch(ConditionalKind kind, int element, String condition) implements ElementItem {}

    public ConditionalBlock {
        branches = List.copyOf(branches);
    }

    public int startElement() {
        return branches.get(0).element();
    }

    public boolean isClosed() {
        return endElement >= 0;
    }
}
