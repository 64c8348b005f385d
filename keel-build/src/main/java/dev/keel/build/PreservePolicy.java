package dev.keel.build;

/** When a component's build directory (sandbox, layer, sources) is kept after its build. */
public enum PreservePolicy {
    /** Keep it when the build failed, to look into (the default, as azldev). */
    ON_FAILURE,
    ALWAYS,
    NEVER;

    /** Whether to keep the directory of a build that did ({@code succeeded}) or did not succeed. */
    public boolean keep(boolean succeeded) {
        return this == ALWAYS || (this == ON_FAILURE && !succeeded);
    }
}
