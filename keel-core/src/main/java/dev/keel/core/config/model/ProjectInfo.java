package dev.keel.core.config.model;

/** Project-wide settings; paths are relative to the file that sets them. */
public record ProjectInfo(
        @Doc("What the project is.") String description,
        @PathValue @Doc("Build logs (default build/logs).") String logDir,

        @PathValue @Doc("Scratch space (default build/work).")
        String workDir,

        @PathValue @Doc("Build outputs (default out).") String outputDir,

        @PathValue @Doc("Where rendered specs go (default specs).")
        String renderedSpecsDir,

        @PathValue @Doc("Lock files (default locks).") String lockDir,

        @Doc("The distro components come from unless they say otherwise.")
        DistroReference defaultDistro,

        @Doc("Author e-mail for generated changelog entries.")
        String defaultAuthorEmail,

        @Doc("Project-wide render settings (Keel only).") ProjectRenderConfig render) {}
