package dev.keel.spec;

/**
 * Something the parser found on one element (logical line) of a spec: a tag, a macro definition,
 * a source or patch reference, an include, a changelog entry's header or a conditional branch.
 */
public sealed interface ElementItem
        permits Tag, MacroDefinition, SourceRef, Include, ChangelogEntry, ConditionalBlock.Branch {

    /** The index of the element holding it. */
    int element();

    /** The element holding it in {@code spec}, the spec it was found in. */
    default Element elementIn(Spec spec) {
        return spec.element(element());
    }
}
