package dev.keel.core.overlay;

import dev.keel.core.config.Location;
import dev.keel.core.config.Names;
import dev.keel.core.io.Printable;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The line-level provenance of overlaid files as text: for every line of every file an overlay
 * touched, {@code upstream:N} or the overlay (number, type, where it was written, description)
 * that produced it, followed by the line itself.
 */
public final class ProvenanceReport {

    private ProvenanceReport() {}

    public static String render(OverlayResult result, Function<Location, String> where) {
        StringBuilder out = new StringBuilder();
        for (Map.Entry<String, List<LineSource>> file :
                result.origins().editedFiles().entrySet()) {
            byte[] content =
                    result.tree().get(file.getKey()).map(SourceFile::content).orElse(new byte[0]);
            List<String> lines = TextDiff.lines(TextCodec.of(content).decode(content));
            out.append("== ").append(Printable.escape(file.getKey())).append('\n');
            for (int i = 0; i < lines.size(); i++) {
                LineSource source = i < file.getValue().size() ? file.getValue().get(i) : null;
                String origin;
                if (source instanceof LineSource.FromOverlay from) {
                    origin = from.overlay().label() + " ("
                            + Names.enumKey(from.overlay().overlay().type()) + ", "
                            + where.apply(from.overlay().location()) + ")";
                } else if (source instanceof LineSource.Upstream upstream) {
                    origin = "upstream:" + upstream.line();
                } else {
                    origin = "?";
                }
                out.append(String.format("%5d  %-40s | %s%n", i + 1, Printable.escape(origin), lines.get(i)));
            }
        }
        return out.toString().replace("\r\n", "\n");
    }
}
