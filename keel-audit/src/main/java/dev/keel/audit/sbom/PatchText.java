package dev.keel.audit.sbom;

/**
 * A patch as a document carries it: a short header naming the change (as {@code git format-patch}
 * puts a message before the diff, which {@code patch} skips), then the unified diff.
 */
final class PatchText {

    private PatchText() {}

    static String of(SbomComponent.Patch patch) {
        StringBuilder text = new StringBuilder();
        text.append("Keel-Change: ").append(patch.name());
        patch.overlayType().ifPresent(type -> text.append(" (").append(type).append(')'));
        if (patch.overlayType().isEmpty()) {
            text.append(" (Keel's own step)");
        }
        text.append('\n');
        patch.location()
                .ifPresent(at -> text.append("Keel-Location: ").append(at).append('\n'));
        patch.category()
                .ifPresent(category ->
                        text.append("Keel-Category: ").append(category).append('\n'));
        patch.description()
                .ifPresent(description -> text.append("Description: ")
                        .append(description.strip().replace("\n", "\n "))
                        .append('\n'));
        return text.append('\n').append(patch.diff()).toString();
    }

    /** One line about the patch, for annotations and VEX details. */
    static String summary(SbomComponent.Patch patch) {
        StringBuilder text = new StringBuilder(patch.name());
        patch.overlayType().ifPresent(type -> text.append(" (").append(type).append(')'));
        patch.location().ifPresent(at -> text.append(" at ").append(at));
        patch.description().ifPresent(description -> text.append(": ").append(firstLine(description)));
        return text.toString();
    }

    private static String firstLine(String text) {
        String stripped = text.strip();
        int end = stripped.indexOf('\n');
        String line = end < 0 ? stripped : stripped.substring(0, end);
        return line.length() > 200 ? line.substring(0, 200) + "..." : line;
    }
}
