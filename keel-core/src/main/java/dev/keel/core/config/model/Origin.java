package dev.keel.core.config.model;

import java.util.List;

/** How a source file is obtained. */
public record Origin(
        @Required @Doc("download, custom or overlay.") OriginType type,
        @Doc("Download URI (download only).") String uri,
        @Doc("Script that produces the file (custom only).") String script,

        @Doc("Packages the custom script needs (custom only).")
        List<String> mockPackages,

        @Doc("Input files of the custom script (custom only).")
        List<String> inputs) {}
