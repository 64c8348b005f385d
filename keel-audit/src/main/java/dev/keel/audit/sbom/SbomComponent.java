package dev.keel.audit.sbom;

import dev.keel.audit.sbom.LicenseCheck.LicenseExpression;
import java.util.List;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * One rendered component as an SBOM describes it: the source package the rendered spec builds,
 * where it comes from and every change the render made to it.
 *
 * @param name the component's name
 * @param summary the spec's {@code Summary}, if Keel can read it
 * @param version the evaluated {@code Version}, or empty when Keel cannot compute it
 * @param release the evaluated {@code Release} (with the distro's dist tag), or empty
 * @param epoch the {@code Epoch}, if any
 * @param purl its package URL ({@code pkg:rpm/<distro>/<name>@<version>-<release>?arch=src&distro=...}),
 *     which the documents give the source RPM instead when the component's build is described
 * @param license the main package's {@code License}, or empty when the spec has none Keel can compute
 * @param specSha256 the SHA-256 of the rendered spec
 * @param ancestor the upstream package it is rendered from; empty for a local spec
 * @param patches every change the render made, in order
 * @param notes what else is worth saying (overlays not applied here, values Keel cannot compute)
 */
record SbomComponent(
        String name,
        Optional<String> summary,
        Optional<String> version,
        Optional<String> release,
        Optional<String> epoch,
        String purl,
        Optional<LicenseExpression> license,
        String specSha256,
        Optional<Ancestor> ancestor,
        List<Patch> patches,
        List<String> notes) {

    SbomComponent {
        patches = List.copyOf(patches);
        notes = List.copyOf(notes);
    }

    /** The CVE ids its patches resolve, sorted. */
    SortedSet<String> cves() {
        SortedSet<String> ids = new TreeSet<>();
        patches.forEach(patch -> ids.addAll(patch.cves()));
        return ids;
    }

    /** {@code version-release}, or the version alone, or empty. */
    Optional<String> versionRelease() {
        return version.map(v -> release.map(r -> v + "-" + r).orElse(v));
    }

    /**
     * The upstream package at the commit (or snapshot) the component renders from.
     *
     * @param distro the upstream distro ({@code fedora})
     * @param distroVersion its release-ver ({@code 43}, {@code rawhide})
     * @param vcsUrl its dist-git repository, if read from dist-git
     * @param commit the dist-git commit, if read from dist-git
     * @param specSha256 the SHA-256 of its spec
     */
    record Ancestor(
            String name,
            Optional<String> version,
            Optional<String> release,
            String distro,
            String distroVersion,
            String purl,
            Optional<String> vcsUrl,
            Optional<String> commit,
            String specSha256) {}

    /**
     * One change the render made: an overlay, or one of Keel's steps.
     *
     * @param name {@code overlay 2} or the step's name ({@code render: header})
     * @param type its CycloneDX classification
     * @param overlayType the overlay's type ({@code patch-add}), or empty for Keel's steps
     * @param description what its author wrote, if anything
     * @param location where it is written ({@code comps/curl.comp.toml:12}), or empty for Keel's steps
     * @param diff the unified diff it makes (empty when it changes nothing)
     * @param category its metadata's category and upstream status ({@code upstream-backport, upstreamed})
     * @param commits the upstream commits its metadata names
     * @param bugs the bugs its metadata names
     * @param cves the CVE ids found in its description, file names, links and added patch headers
     */
    record Patch(
            String name,
            PatchType type,
            Optional<String> overlayType,
            Optional<String> description,
            Optional<String> location,
            String diff,
            Optional<String> category,
            List<String> commits,
            List<String> bugs,
            SortedSet<String> cves) {

        Patch {
            commits = List.copyOf(commits);
            bugs = List.copyOf(bugs);
            cves = java.util.Collections.unmodifiableSortedSet(new TreeSet<>(cves));
        }
    }
}
