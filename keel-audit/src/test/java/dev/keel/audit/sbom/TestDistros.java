package dev.keel.audit.sbom;

/** The distros of the SBOM tests' projects: {@code ourdistro} 1, rendered from Fedora 43. */
final class TestDistros {

    /** The project's distros, and {@code hello} with one overlay; the tests add what they need. */
    static final String WITH_HELLO = """
            [project]
            default-distro = { name = "ourdistro", version = "1" }
            [distros.ourdistro]
            default-version = "1"
            [distros.ourdistro.versions.1]
            release-ver = "1"
            [distros.ourdistro.versions.1.default-component-config]
            spec = { type = "upstream", upstream-distro = { name = "fedora", version = "43" } }
            [distros.fedora]
            default-version = "43"
            [distros.fedora.versions.43]
            release-ver = "43"

            [components.hello]
            [[components.hello.overlays]]
            type = "spec-add-tag"
            tag = "Provides"
            value = "greeting"
            """;

    private TestDistros() {}
}
