package dev.keel.core.config.model;

import java.util.List;

/**
 * A bootstrap build (Keel only: azldev does not know this table): the component is built twice
 * when it is part of a dependency cycle, first (stage 1) with these build conditionals, which must
 * drop the build requirements that close the cycle, then normally once what it needs is built.
 */
public record BootstrapConfig(
        @Doc("Build conditionals to enable in the stage-1 build (--with).")
        List<String> with,

        @Doc("Build conditionals to disable in the stage-1 build (--without).")
        List<String> without) {}
