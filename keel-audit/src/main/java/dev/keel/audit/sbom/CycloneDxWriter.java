package dev.keel.audit.sbom;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.keel.audit.sbom.LicenseCheck.LicenseExpression;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.cyclonedx.Version;
import org.cyclonedx.generators.BomGeneratorFactory;
import org.cyclonedx.model.Ancestors;
import org.cyclonedx.model.AttachmentText;
import org.cyclonedx.model.Bom;
import org.cyclonedx.model.Commit;
import org.cyclonedx.model.Component;
import org.cyclonedx.model.Diff;
import org.cyclonedx.model.ExternalReference;
import org.cyclonedx.model.Hash;
import org.cyclonedx.model.Issue;
import org.cyclonedx.model.License;
import org.cyclonedx.model.LicenseChoice;
import org.cyclonedx.model.Metadata;
import org.cyclonedx.model.Patch;
import org.cyclonedx.model.Pedigree;
import org.cyclonedx.model.Property;
import org.cyclonedx.model.license.Expression;
import org.cyclonedx.model.metadata.ToolInformation;
import org.cyclonedx.model.vulnerability.Vulnerability;

/**
 * Writes an {@link Sbom} as CycloneDX 1.6 JSON with CycloneDX's Java library: each component with
 * its ancestor and its patches in {@code pedigree}, and, for every CVE a patch resolves, a
 * vulnerability whose analysis is {@code resolved} with the patch as the response (VEX); and the
 * RPMs of the components' builds ({@link CycloneDxBuilds}, which says why a component whose build
 * is described leaves its package URL to its source RPM). No timestamp; the serial number is a
 * name-based UUID of the content.
 */
final class CycloneDxWriter {

    private static final String NVD = "https://nvd.nist.gov/vuln/detail/";

    private static final ObjectWriter JSON = new ObjectMapper().writerWithDefaultPrettyPrinter();

    /** A commit URL's last path segment, when it is a commit id. */
    private static final Pattern COMMIT_ID = Pattern.compile("[0-9a-fA-F]{7,64}");

    private CycloneDxWriter() {}

    /** A writer that writes the whole document when finished, from the SBOM alone. */
    static SbomWriter writer() {
        return new SbomWriter() {
            @Override
            void add(SbomComponent component, Optional<ComponentBuild> build) {}

            @Override
            public byte[] finish(Sbom sbom) {
                return write(sbom);
            }
        };
    }

    static byte[] write(Sbom sbom) {
        Bom bom = new Bom();
        bom.setSerialNumber("urn:uuid:" + sbom.contentId("cyclonedx"));
        bom.setVersion(1);
        bom.setMetadata(metadata(sbom));
        List<Component> components = new ArrayList<>();
        List<Vulnerability> vulnerabilities = new ArrayList<>();
        Map<String, ComponentBuild> builds = CycloneDxBuilds.byComponent(sbom.builds());
        for (SbomComponent component : sbom.components()) {
            Optional<ComponentBuild> build = Optional.ofNullable(builds.get(component.name()));
            components.add(component(component, build));
            vulnerabilities.addAll(vulnerabilities(component, build));
        }
        sbom.builds().forEach(build -> components.addAll(CycloneDxBuilds.components(build)));
        bom.setComponents(components);
        if (!vulnerabilities.isEmpty()) {
            vulnerabilities.sort(
                    java.util.Comparator.comparing(Vulnerability::getId).thenComparing(Vulnerability::getBomRef));
            bom.setVulnerabilities(vulnerabilities);
        }
        JsonNode json = BomGeneratorFactory.createJson(Version.VERSION_16, bom).toJsonNode();
        withoutNulls(json);
        // the library stamps the time of writing; the document is a function of its input
        ((ObjectNode) json.path("metadata")).remove("timestamp");
        CycloneDxBuilds.addDependencies((ObjectNode) json, sbom.builds());
        try {
            return (JSON.writeValueAsString(json) + "\n").getBytes(StandardCharsets.UTF_8);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("CycloneDX could not write the SBOM", e);
        }
    }

    /** Removes the null fields the library writes (a diff's {@code url}), which the schema refuses. */
    private static void withoutNulls(JsonNode node) {
        if (node instanceof ObjectNode object) {
            List<String> nulls = new ArrayList<>();
            object.fields().forEachRemaining(field -> {
                if (field.getValue().isNull()) {
                    nulls.add(field.getKey());
                } else {
                    withoutNulls(field.getValue());
                }
            });
            object.remove(nulls);
        } else if (node.isArray()) {
            node.forEach(CycloneDxWriter::withoutNulls);
        }
    }

    private static Metadata metadata(Sbom sbom) {
        Metadata metadata = new Metadata();
        Component tool = new Component();
        tool.setType(Component.Type.APPLICATION);
        tool.setName(sbom.tool());
        ToolInformation tools = new ToolInformation();
        tools.setComponents(List.of(tool));
        metadata.setToolChoice(tools);
        Component distro = new Component();
        distro.setType(Component.Type.OPERATING_SYSTEM);
        distro.setBomRef("distro");
        distro.setName(sbom.distro().vendor());
        Optional.ofNullable(sbom.distro().qualifier().get("distro")).ifPresent(distro::setVersion);
        metadata.setComponent(distro);
        metadata.setProperties(List.of(new Property("keel:spdx-license-list", LicenseCheck.listVersion())));
        return metadata;
    }

    /** A component's bom-ref: unique in the document (component names are). */
    static String ref(SbomComponent component) {
        return ref(component.name());
    }

    /** The bom-ref of the component of this name. */
    static String ref(String component) {
        return "component/" + component;
    }

    /** The source component: with its package URL unless its build is described ({@link CycloneDxBuilds}). */
    private static Component component(SbomComponent source, Optional<ComponentBuild> build) {
        Component component = new Component();
        component.setType(Component.Type.LIBRARY);
        component.setBomRef(ref(source));
        component.setName(source.name());
        source.versionRelease().ifPresent(component::setVersion);
        source.summary().ifPresent(component::setDescription);
        if (build.isEmpty()) {
            component.setPurl(source.purl());
        }
        component.setHashes(List.of(new Hash(Hash.Algorithm.SHA_256, source.specSha256())));
        List<Property> properties = new ArrayList<>();
        properties.add(new Property("keel:component", source.name()));
        build.ifPresent(built -> properties.add(CycloneDxBuilds.sourceRpmProperty(built)));
        source.license().ifPresent(license -> {
            component.setLicenses(licenses(license));
            license.problems().forEach(problem -> properties.add(new Property("keel:license-problem", problem)));
        });
        source.notes().forEach(note -> properties.add(new Property("keel:note", note)));
        component.setProperties(properties);
        Pedigree pedigree = new Pedigree();
        source.ancestor().ifPresent(ancestor -> {
            Ancestors ancestors = new Ancestors();
            ancestors.setComponents(List.of(ancestor(ancestor)));
            pedigree.setAncestors(ancestors);
        });
        List<Patch> patches = new ArrayList<>();
        Set<String> commits = new LinkedHashSet<>();
        for (SbomComponent.Patch patch : source.patches()) {
            patches.add(patch(patch));
            commits.addAll(patch.commits());
        }
        if (!patches.isEmpty()) {
            pedigree.setPatches(patches);
        }
        if (!commits.isEmpty()) {
            pedigree.setCommits(commits.stream().map(CycloneDxWriter::commit).toList());
        }
        if (!source.notes().isEmpty()) {
            pedigree.setNotes(String.join("\n", source.notes()));
        }
        if (source.ancestor().isPresent() || !patches.isEmpty()) {
            component.setPedigree(pedigree);
        }
        return component;
    }

    /** A valid expression as an expression; any other text as a license name, never dropped. */
    static LicenseChoice licenses(LicenseExpression license) {
        LicenseChoice choice = new LicenseChoice();
        if (license.valid()) {
            choice.setExpression(new Expression(license.text()));
        } else {
            License named = new License();
            named.setName(license.text());
            choice.setLicenses(List.of(named));
        }
        return choice;
    }

    private static Component ancestor(SbomComponent.Ancestor source) {
        Component ancestor = new Component();
        ancestor.setType(Component.Type.LIBRARY);
        ancestor.setName(source.name());
        source.version()
                .map(v -> source.release().map(r -> v + "-" + r).orElse(v))
                .ifPresent(ancestor::setVersion);
        ancestor.setPurl(source.purl());
        ancestor.setHashes(List.of(new Hash(Hash.Algorithm.SHA_256, source.specSha256())));
        if (source.vcsUrl().isPresent()) {
            ExternalReference vcs = new ExternalReference();
            vcs.setType(ExternalReference.Type.VCS);
            vcs.setUrl(source.vcsUrl().get() + "#" + source.commit().orElse(""));
            vcs.setComment("the dist-git repository at the commit the component renders from");
            ancestor.setExternalReferences(List.of(vcs));
        }
        return ancestor;
    }

    private static Patch patch(SbomComponent.Patch source) {
        Patch patch = new Patch();
        patch.setType(source.type() == PatchType.BACKPORT ? Patch.Type.BACKPORT : Patch.Type.UNOFFICIAL);
        AttachmentText text = new AttachmentText();
        text.setContentType("text/x-diff");
        // base64: the library folds the whitespace of plain text, which would break the diff
        text.setEncoding("base64");
        text.setText(Base64.getEncoder().encodeToString(PatchText.of(source).getBytes(StandardCharsets.UTF_8)));
        Diff diff = new Diff();
        diff.setText(text);
        patch.setDiff(diff);
        List<Issue> resolves = resolves(source);
        if (!resolves.isEmpty()) {
            patch.setResolves(resolves);
        }
        return patch;
    }

    /** The CVEs (security), the bugs (defects), or failing both the upstream commits, that a patch resolves. */
    private static List<Issue> resolves(SbomComponent.Patch source) {
        List<String> references = new ArrayList<>(source.commits());
        references.addAll(source.bugs());
        List<Issue> issues = new ArrayList<>();
        for (String cve : source.cves()) {
            Issue issue = issue(Issue.Type.SECURITY, cve, source);
            issue.setName(cve);
            org.cyclonedx.model.Source nvd = new org.cyclonedx.model.Source();
            nvd.setName("NVD");
            issue.setSource(nvd);
            issue.setReferences(withFirst(NVD + cve, references));
            issues.add(issue);
        }
        for (String bug : source.bugs()) {
            Issue issue = issue(Issue.Type.DEFECT, bug, source);
            issue.setReferences(withFirst(bug, source.commits()));
            issues.add(issue);
        }
        if (issues.isEmpty()) {
            for (String commit : source.commits()) {
                Issue issue = issue(Issue.Type.DEFECT, commit, source);
                issue.setReferences(List.of(commit));
                issues.add(issue);
            }
        }
        return issues;
    }

    private static Issue issue(Issue.Type type, String id, SbomComponent.Patch source) {
        Issue issue = new Issue();
        issue.setType(type);
        issue.setId(id);
        source.description().ifPresent(issue::setDescription);
        return issue;
    }

    private static List<String> withFirst(String first, List<String> others) {
        Set<String> all = new LinkedHashSet<>();
        all.add(first);
        all.addAll(others);
        return List.copyOf(all);
    }

    private static Commit commit(String url) {
        Commit commit = new Commit();
        commit.setUrl(url);
        String last = url.replaceAll("[/?#]+$", "");
        last = last.substring(last.lastIndexOf('/') + 1);
        if (COMMIT_ID.matcher(last).matches()) {
            commit.setUid(last);
        }
        return commit;
    }

    /**
     * VEX: each CVE the component's patches resolve, resolved in this component's version by the
     * first patch that names it; and, when its build is described, in its source RPM's (where its
     * package URL is then) and in each binary RPM's (what a scanner of installed packages sees),
     * for scanners that match VEX to packages by their URLs.
     */
    private static List<Vulnerability> vulnerabilities(SbomComponent component, Optional<ComponentBuild> build) {
        Map<String, SbomComponent.Patch> byCve = new TreeMap<>();
        for (SbomComponent.Patch patch : component.patches()) {
            patch.cves().forEach(cve -> byCve.putIfAbsent(cve, patch));
        }
        List<Vulnerability> vulnerabilities = new ArrayList<>();
        byCve.forEach((cve, patch) -> {
            Vulnerability vulnerability = new Vulnerability();
            vulnerability.setBomRef("vex/" + component.name() + "/" + cve);
            vulnerability.setId(cve);
            Vulnerability.Source source = new Vulnerability.Source();
            source.setName("NVD");
            source.setUrl(NVD + cve);
            vulnerability.setSource(source);
            Vulnerability.Analysis analysis = new Vulnerability.Analysis();
            analysis.setState(Vulnerability.Analysis.State.RESOLVED);
            analysis.setResponses(List.of(Vulnerability.Analysis.Response.UPDATE));
            String purl = build.map(built -> built.sourceRpm().purl()).orElse(component.purl());
            analysis.setDetail("Fixed in " + purl + " by " + PatchText.summary(patch)
                    + "; the patch is in the component's pedigree.");
            vulnerability.setAnalysis(analysis);
            List<Vulnerability.Affect> affects = new ArrayList<>();
            affects.add(unaffected(ref(component), component.versionRelease()));
            build.ifPresent(built -> built.packages()
                    .forEach(pkg -> affects.add(
                            unaffected(CycloneDxBuilds.ref(built, pkg), Optional.of(pkg.versionRelease())))));
            vulnerability.setAffects(affects);
            vulnerabilities.add(vulnerability);
        });
        return vulnerabilities;
    }

    /** What a resolved vulnerability affects: the component {@code ref}, its version (when known) unaffected. */
    private static Vulnerability.Affect unaffected(String ref, Optional<String> version) {
        Vulnerability.Affect affect = new Vulnerability.Affect();
        affect.setRef(ref);
        version.ifPresent(known -> {
            Vulnerability.Version unaffected = new Vulnerability.Version();
            unaffected.setVersion(known);
            unaffected.setStatus(Vulnerability.Version.Status.UNAFFECTED);
            affect.setVersions(List.of(unaffected));
        });
        return affect;
    }
}
