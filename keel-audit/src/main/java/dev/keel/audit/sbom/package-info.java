/**
 * Software bills of materials of the rendered distro: each component with its upstream ancestor
 * and every change the render made to it as a patch (CycloneDX 1.6 pedigree, SPDX 2.3
 * relationships), the CVEs the overlays fix as VEX, and SPDX license expressions checked. Uses
 * keel-core's render evidence and keel-spec's macro expander; never keel-build or the CLI.
 */
package dev.keel.audit.sbom;
