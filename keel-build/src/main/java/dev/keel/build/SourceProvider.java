package dev.keel.build;

import dev.keel.core.config.ResolvedComponent;
import java.nio.file.Path;
import java.util.List;

/**
 * Writes a component's complete sources, ready to build (keel-core's {@code SourcePreparer}:
 * rendered spec, macros file, patches, hash-verified lookaside archives), into a new directory.
 */
@FunctionalInterface
public interface SourceProvider {

    /** Prepares {@code component}'s sources in {@code output} (absent or empty); returns notes. */
    List<String> prepare(ResolvedComponent component, Path output) throws Exception;
}
