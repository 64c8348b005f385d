package dev.keel.core.render;

import dev.keel.core.overlay.SourceFile;
import java.util.Collections;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * What a component's rendered directory holds: file names to bytes, plus notes for the report
 * (e.g. that {@code %autorelease} was left as written), and the plan the render applied.
 */
public record RenderedComponent(String name, SortedMap<String, SourceFile> files, List<String> notes, RenderPlan plan) {

    public RenderedComponent {
        files = Collections.unmodifiableSortedMap(new TreeMap<>(files));
        notes = List.copyOf(notes);
    }
}
