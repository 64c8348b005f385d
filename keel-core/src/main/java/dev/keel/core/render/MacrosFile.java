package dev.keel.core.render;

import dev.keel.core.config.ResolvedComponent;
import dev.keel.core.config.model.BuildConfig;
import dev.keel.core.config.model.RenderTexts;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The generated macros file, {@code <name>.azl.macros} as azldev names it so renders match:
 * {@code %_with_X 1} for {@code build.with}, {@code %_without_X 1} for {@code build.without}, then
 * {@code build.defines} (overriding), minus {@code build.undefines}; sorted by name. No macros, no
 * file.
 */
public final class MacrosFile {

    private MacrosFile() {}

    public static String fileName(String component) {
        return component + ".azl.macros";
    }

    /**
     * The file's text, or empty when there are no macros.
     *
     * @param provenance {@code %fedora_upstream_*} macros, added unless the build defines them
     * @param texts how the header comment is worded
     */
    public static Optional<String> contents(
            ResolvedComponent component, Map<String, String> provenance, RenderTexts texts) {
        BuildConfig build = component.config().build();
        Map<String, String> macros = new TreeMap<>();
        if (build != null && build.with() != null) {
            build.with().forEach(name -> macros.put("_with_" + name, "1"));
        }
        if (build != null && build.without() != null) {
            build.without().forEach(name -> macros.put("_without_" + name, "1"));
        }
        if (build != null && build.defines() != null) {
            macros.putAll(build.defines());
        }
        if (build != null && build.undefines() != null) {
            build.undefines().forEach(macros::remove);
        }
        provenance.forEach(macros::putIfAbsent);
        if (macros.isEmpty()) {
            return Optional.empty();
        }
        StringBuilder out = new StringBuilder();
        RenderedComments.macrosFileHeader(texts)
                .forEach(line -> out.append(line).append('\n'));
        macros.forEach((name, value) ->
                out.append('%').append(name).append(' ').append(value).append('\n'));
        return Optional.of(out.toString());
    }
}
