package dev.keel.spec;

/** Where a line of a spec came from: the parsed input (with its 1-based line number) or an edit. */
public sealed interface LineOrigin permits LineOrigin.Input, LineOrigin.Edit {

    /** A line read from the input, unchanged since. */
    record Input(int lineNumber) implements LineOrigin {}

    /** A line produced or changed by an edit; {@code by} is the label the caller gave that edit. */
    record Edit(String by) implements LineOrigin {}
}
