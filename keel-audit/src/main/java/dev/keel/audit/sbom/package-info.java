/**
 * Software bills of materials of the rendered distro: each component with its upstream ancestor
 * and every change the render made to it as a patch (CycloneDX 1.6 pedigree, SPDX 2.3
 * relationships), the CVEs the overlays fix as VEX, SPDX license expressions checked, and the RPMs
 * of each component's last build when it is of the rendered files. Uses keel-core's render
 * evidence, keel-spec's macro expander and attest's build link and RPM header reader; never
 * keel-build or the CLI (the built files come from the caller).
 */
package dev.keel.audit.sbom;
