package dev.keel.core.config.model;

import dev.keel.core.config.Doc;

/** Project-wide render settings (Keel only: azldev does not know this table). */
public record ProjectRenderConfig(
        @Doc("Wording of the comments Keel writes into rendered specs and macros files: \"keel\" (default) or"
                + " \"azldev\" (azldev's exact texts, for a zero-diff switch from azldev).")
        RenderTexts texts) {}
