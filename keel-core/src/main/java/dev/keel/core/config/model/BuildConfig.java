package dev.keel.core.config.model;

import java.util.List;
import java.util.Map;

/** How a component is built. */
public record BuildConfig(
        @Doc("Build conditionals to enable (--with).") List<String> with,
        @Doc("Build conditionals to disable (--without).") List<String> without,
        @Doc("Macros to define.") Map<String, String> defines,
        @Doc("Macros to undefine.") List<String> undefines,
        @Doc("Emit %fedora_upstream_* provenance macros.") Boolean emitUpstreamProvenance,
        @Doc("%check settings.") CheckConfig check,
        @Doc("Expected build failure.") FailureConfig failure,
        @Doc("Scheduling hints.") BuildHints hints,

        @Doc("Keel only: a stage-1 build with other conditionals, to break a dependency cycle.")
        BootstrapConfig bootstrap) {}
