package dev.keel.core.config.model;

/** Project-wide render settings (Keel only: azldev does not know this table). */
public record ProjectRenderConfig(
        @Doc("Wording of the comments Keel writes into rendered specs and macros files: \"keel\" (default) or"
                + " \"azldev\" (azldev's exact texts, for a zero-diff switch from azldev).")
        RenderTexts texts,

        @Doc("With texts = \"azldev\": the rpmautospec version the %autorelease/%autochangelog block names"
                + " (\"## (rpmautospec version X)\"), as in the azldev renders being matched; dot-separated"
                + " numbers, default \"" + ProjectRenderConfig.DEFAULT_RPMAUTOSPEC_VERSION + "\".")
        @Format(ProjectRenderConfig.RPMAUTOSPEC_VERSION_PATTERN)
        String rpmautospecVersion) {

    /** The rpmautospec version current azldev renders name. */
    public static final String DEFAULT_RPMAUTOSPEC_VERSION = "0.8.4";

    /** What an rpmautospec version looks like: dot-separated numbers. */
    public static final String RPMAUTOSPEC_VERSION_PATTERN = "[0-9]+(\\.[0-9]+)*";
}
