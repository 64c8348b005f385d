package dev.keel.spec;

/** An {@code %include FILE} line or a {@code %{load:FILE}} / {@code %load FILE} line. */
public record Include(int element, boolean load, String target) implements ElementItem {}
