package dev.keel.core.render;

import java.util.List;

/**
 * The outcome for one component.
 *
 * @param component the component
 * @param status what happened
 * @param outputDir its directory, relative to the output root ({@code c/curl})
 * @param changed whether its rendered files differ from what was there
 * @param error why it failed or was skipped (null when it did not)
 * @param notes remarks such as {@code %autorelease} left as written
 */
public record RenderResult(
        String component, Status status, String outputDir, boolean changed, String error, List<String> notes) {

    /** The statuses of {@code component render}. */
    public enum Status {
        OK,
        ERROR,
        SKIPPED,
        UNCHANGED;

        public String key() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    public RenderResult {
        notes = List.copyOf(notes);
    }
}
