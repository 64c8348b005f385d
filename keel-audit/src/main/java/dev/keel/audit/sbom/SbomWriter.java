package dev.keel.audit.sbom;

import java.util.Optional;

/**
 * A document being written: each described component is handed to it in the SBOM's order while
 * the collector's threads describe the next ones, then it is finished with the whole SBOM. SPDX
 * builds its model as the components come, as the library is slow to build one; CycloneDX writes
 * everything at the end. Not for use by several threads.
 */
public abstract class SbomWriter {

    SbomWriter() {}

    /** One component, with its build when it has one linked to its rendered files. */
    abstract void add(SbomComponent component, Optional<ComponentBuild> build);

    /**
     * The document of {@code sbom}, whose components are those added, in their order.
     *
     * @throws IllegalStateException when they are not
     */
    public abstract byte[] finish(Sbom sbom);
}
