package dev.keel.core.render;

import dev.keel.core.outcome.Outcome;
import java.util.List;

/**
 * The outcome for one component.
 *
 * @param component the component
 * @param outputDir its directory, relative to the output root ({@code c/curl})
 * @param outcome rendered ({@code ok}), {@code unchanged}, {@code skipped} with a reason, or
 *     {@code failed} with a typed failure
 * @param changed whether its directory's files differ (checking) or differed (rendering) from what
 *     is wanted: for a failure from the inputs, the {@code RENDER_FAILED} marker is what is wanted
 * @param notes remarks such as {@code %autorelease} left as written, or the files that differ
 */
public record RenderResult(String component, String outputDir, Outcome outcome, boolean changed, List<String> notes) {

    public RenderResult {
        notes = List.copyOf(notes);
    }
}
