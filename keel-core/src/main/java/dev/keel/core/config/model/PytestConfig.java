package dev.keel.core.config.model;

import java.util.List;

/** A pytest suite. */
public record PytestConfig(
        @Doc("Working directory (required unless install is none).")
        String workingDir,

        @Doc("Test paths.") List<String> testPaths,

        @Doc("Extra arguments; {image-path}, {image-name} and {capabilities} are substituted.")
        List<String> extraArgs,

        @Doc("pyproject, requirements or none.") String install) {}
