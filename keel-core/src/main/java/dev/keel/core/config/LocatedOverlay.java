package dev.keel.core.config;

import dev.keel.core.config.model.Overlay;

/**
 * An overlay with its position in the component's list (0-based) and where it was written.
 *
 * @param index position in the applied order
 * @param overlay the overlay
 * @param location the file, line and column of its table
 */
public record LocatedOverlay(int index, Overlay overlay, Location location) {

    /** The name used in messages and provenance: {@code overlay N} (1-based). */
    public String label() {
        return "overlay " + (index + 1);
    }

    /** The overlay's description, or its type when it has none. */
    public String summary() {
        String description = overlay.description();
        return description == null || description.isBlank() ? Names.enumKey(overlay.type()) : description;
    }
}
