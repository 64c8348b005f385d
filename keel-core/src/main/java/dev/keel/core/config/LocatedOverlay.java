package dev.keel.core.config;

import dev.keel.core.config.model.Overlay;

/**
 * An overlay with its position in the component's list (0-based) and where it was written.
 *
 * @param index position in the applied order
 * @param overlay the overlay
 * @param location the file, line and column of its table
 * @param name the name to show instead of {@code overlay N}, for edits Keel makes itself (the
 *     render header, the macros file, check skipping); null for configured overlays
 */
public record LocatedOverlay(int index, Overlay overlay, Location location, String name) {

    public LocatedOverlay(int index, Overlay overlay, Location location) {
        this(index, overlay, location, null);
    }

    /** The name used in messages and provenance: {@code overlay N} (1-based), or the given name. */
    public String label() {
        return name != null ? name : "overlay " + (index + 1);
    }

    /** The overlay's description, or its type when it has none. */
    public String summary() {
        return overlay.description()
                .filter(description -> !description.isBlank())
                .orElseGet(() -> Names.enumKey(overlay.type()));
    }
}
