package dev.keel.core.render;

/** Recognises the comment line a render puts at the top of every spec, Keel's or azldev's. */
final class RenderHeaders {

    /** The first header line azldev writes (a tree azldev rendered is Keel's to maintain once adopted). */
    static final String AZLDEV_FIRST_LINE =
            "# This spec file has been modified by azldev to include build configuration overlays.";

    private RenderHeaders() {}

    /** Whether a line (without its line ending) is the first line of a render header. */
    static boolean isHeaderLine(String line) {
        String text = line.endsWith("\r") ? line.substring(0, line.length() - 1) : line;
        return text.equals(ComponentRenderer.HEADER.get(0)) || text.equals(AZLDEV_FIRST_LINE);
    }
}
