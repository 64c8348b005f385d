package dev.keel.audit.sbom;

import dev.keel.audit.sbom.LicenseCheck.LicenseExpression;
import dev.keel.core.io.Digests;
import dev.keel.core.io.Sha256Records;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.spdx.core.InvalidSPDXAnalysisException;
import org.spdx.jacksonstore.MultiFormatStore;
import org.spdx.library.LicenseInfoFactory;
import org.spdx.library.ModelCopyManager;
import org.spdx.library.model.v2.Checksum;
import org.spdx.library.model.v2.ReferenceType;
import org.spdx.library.model.v2.SpdxConstantsCompatV2;
import org.spdx.library.model.v2.SpdxDocument;
import org.spdx.library.model.v2.SpdxFile;
import org.spdx.library.model.v2.SpdxModelFactoryCompatV2;
import org.spdx.library.model.v2.SpdxPackage;
import org.spdx.library.model.v2.SpdxVerificationHelper;
import org.spdx.library.model.v2.enumerations.AnnotationType;
import org.spdx.library.model.v2.enumerations.ChecksumAlgorithm;
import org.spdx.library.model.v2.enumerations.FileType;
import org.spdx.library.model.v2.enumerations.Purpose;
import org.spdx.library.model.v2.enumerations.ReferenceCategory;
import org.spdx.library.model.v2.enumerations.RelationshipType;
import org.spdx.library.model.v2.license.AnyLicenseInfo;
import org.spdx.library.model.v2.license.ExtractedLicenseInfo;
import org.spdx.library.model.v2.license.SpdxNoAssertionLicense;
import org.spdx.storage.simple.InMemSpdxStore;

/**
 * Writes an {@link Sbom} as SPDX 2.3 JSON with SPDX's Java library: a package per component, a
 * package per upstream ancestor ({@code DESCENDANT_OF}), a file per patch holding its diff in its
 * comment ({@code PATCH_APPLIED} to the component) with an annotation of its type, metadata and
 * the issues it resolves; each resolved CVE is also a security advisory reference of the package
 * (SPDX 2.3 has no VEX); a package per built RPM ({@link #build}), the source RPM then carrying the
 * component's package URL ({@link #identify}). A License that is not a valid
 * expression is declared {@code NOASSERTION} with the text and the problem in the license comments.
 * {@code created} is the document time; the namespace is a name-based UUID of the content.
 */
final class SpdxWriter extends SbomWriter {

    private static final String NVD = "https://nvd.nist.gov/vuln/detail/";
    private static final String NOASSERTION = "NOASSERTION";
    private static final Pattern LICENSE_REF = Pattern.compile("LicenseRef-[A-Za-z0-9.\\-]+");

    /**
     * The namespace the document is built in, the same for every document: the library writes the
     * members of a license set in an order that follows their namespaced identities, so a license
     * is written alike in every document. The document's own namespace takes its place in the
     * {@code documentNamespace} field, the only place it appears.
     */
    private static final String MODEL_NAMESPACE = "urn:uuid:00000000-0000-0000-0000-000000000000";

    private static final byte[] MODEL_NAMESPACE_FIELD =
            ("\"documentNamespace\" : \"" + MODEL_NAMESPACE + "\"").getBytes(StandardCharsets.UTF_8);

    private final DistroName distro;
    private final MultiFormatStore store;
    private final ModelCopyManager copies = new ModelCopyManager();
    private final String created;
    private final String annotator;
    private final SpdxDocument document;
    /**
     * The {@code LicenseRef-}s the document's expressions use, one per identifier whatever its case
     * (SPDX matches license identifiers without case, and the library takes two spellings for one
     * license): the spelling met first, as the library keeps it.
     */
    private final SortedSet<String> licenseRefs = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);

    private final List<String> added = new ArrayList<>();

    SpdxWriter(DistroName distro, String tool, Instant created) {
        LicenseCheck.listVersion(); // the library is ready
        this.distro = distro;
        this.store = new MultiFormatStore(new InMemSpdxStore(), MultiFormatStore.Format.JSON_PRETTY);
        this.created = DateTimeFormatter.ISO_INSTANT.format(
                created.truncatedTo(ChronoUnit.SECONDS).atOffset(ZoneOffset.UTC));
        this.annotator = SpdxConstantsCompatV2.CREATOR_PREFIX_TOOL + " " + tool.replace(' ', '-');
        try {
            document = SpdxModelFactoryCompatV2.createSpdxDocumentV2(store, MODEL_NAMESPACE, copies);
            document.setCreationInfo(document.createCreationInfo(List.of(annotator), this.created));
            document.getCreationInfo().setLicenseListVersion(LicenseCheck.listVersion());
            document.setName(distro.qualifier().getOrDefault("distro", distro.vendor()) + " source packages");
        } catch (InvalidSPDXAnalysisException e) {
            throw failed(e);
        }
    }

    @Override
    void add(SbomComponent component, Optional<ComponentBuild> build) {
        added.add(component.name());
        int index = added.size();
        try {
            component(component, build, index);
            if (build.isPresent()) {
                build(build.get(), component, index);
            }
        } catch (InvalidSPDXAnalysisException e) {
            throw failed(e);
        }
    }

    @Override
    public byte[] finish(Sbom sbom) {
        if (!sbom.distro().equals(distro)
                || !added.equals(
                        sbom.components().stream().map(SbomComponent::name).toList())) {
            throw new IllegalStateException("the SPDX document was given other components than the SBOM's");
        }
        try {
            for (String ref : licenseRefs) {
                ExtractedLicenseInfo extracted = new ExtractedLicenseInfo(store, MODEL_NAMESPACE, ref, copies, true);
                extracted.setExtractedText("The text of " + ref + " is not in this document: the component's"
                        + " sources and its upstream distro's license data have it.");
                document.addExtractedLicenseInfos(extracted);
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            store.serialize(out);
            out.write('\n');
            return withNamespace(out.toByteArray(), "urn:uuid:" + sbom.contentId("spdx"));
        } catch (InvalidSPDXAnalysisException | IOException e) {
            throw failed(e);
        }
    }

    private static IllegalStateException failed(Exception e) {
        return new IllegalStateException("SPDX could not write the SBOM: " + e.getMessage(), e);
    }

    /** The document with {@code namespace} as its {@code documentNamespace}, in place of the model's. */
    private static byte[] withNamespace(byte[] document, String namespace) {
        int at = indexOf(document, MODEL_NAMESPACE_FIELD);
        if (at < 0) {
            throw new IllegalStateException("the SPDX library wrote no documentNamespace field");
        }
        byte[] field = ("\"documentNamespace\" : \"" + namespace + "\"").getBytes(StandardCharsets.UTF_8);
        ByteArrayOutputStream out = new ByteArrayOutputStream(document.length);
        out.write(document, 0, at);
        out.writeBytes(field);
        out.write(document, at + MODEL_NAMESPACE_FIELD.length, document.length - at - MODEL_NAMESPACE_FIELD.length);
        return out.toByteArray();
    }

    /**
     * Where {@code part} first occurs in {@code bytes}. A JSON string escapes its quotes, so the
     * quoted field name and value can only be the field itself.
     */
    private static int indexOf(byte[] bytes, byte[] part) {
        for (int i = 0; i + part.length <= bytes.length; i++) {
            if (Arrays.equals(bytes, i, i + part.length, part, 0, part.length)) {
                return i;
            }
        }
        return -1;
    }

    private void component(SbomComponent component, Optional<ComponentBuild> build, int index)
            throws InvalidSPDXAnalysisException {
        String id = packageId(index, component.name());
        Declared declared = declared(component.license(), "Keel cannot compute the spec's License tag.", "The spec's");
        SpdxPackage.SpdxPackageBuilder builder = document.createPackage(
                        id, component.name(), new SpdxNoAssertionLicense(), NOASSERTION, declared.license())
                .setFilesAnalyzed(false)
                .setDownloadLocation(NOASSERTION)
                .addChecksum(document.createChecksum(ChecksumAlgorithm.SHA256, component.specSha256()));
        identify(builder, component, build);
        component.versionRelease().ifPresent(builder::setVersionInfo);
        component.summary().ifPresent(builder::setSummary);
        declared.comment().ifPresent(builder::setLicenseComments);
        advisories(builder, component);
        SpdxPackage pkg = builder.build();
        document.addRelationship(document.createRelationship(pkg, RelationshipType.DESCRIBES, null));
        if (component.ancestor().isPresent()) {
            SpdxPackage ancestor = ancestor(component.ancestor().get(), index);
            pkg.addRelationship(document.createRelationship(
                    ancestor, RelationshipType.DESCENDANT_OF, "rendered from it by the patches applied to it"));
        }
        int number = 0;
        for (SbomComponent.Patch patch : component.patches()) {
            number++;
            SpdxFile file = patch(component, patch, index, number);
            file.addRelationship(document.createRelationship(pkg, RelationshipType.PATCH_APPLIED, null));
        }
    }

    /**
     * The component package's package URL and comment. When its build is described, the source RPM
     * built from it carries the package URL instead, as in CycloneDX ({@link CycloneDxBuilds}): the
     * rendered spec and its source RPM are one source package, which a scanner must not count twice.
     */
    private void identify(
            SpdxPackage.SpdxPackageBuilder builder, SbomComponent component, Optional<ComponentBuild> build)
            throws InvalidSPDXAnalysisException {
        if (build.isEmpty()) {
            builder.addExternalRef(reference(ReferenceCategory.PACKAGE_MANAGER, "purl", component.purl(), null));
        }
        builder.setComment("The source package the rendered spec " + component.name() + ".spec builds; its"
                + " checksum is the rendered spec's."
                + build.map(built -> " Its package URL is on its source RPM, "
                                + built.sourceRpm().fileName() + ", which is GENERATED_FROM it.")
                        .orElse("")
                + (component.notes().isEmpty() ? "" : " " + String.join(" ", component.notes())));
    }

    /** The SPDX id of the package of the {@code index}th component. */
    private static String packageId(int index, String component) {
        return "SPDXRef-Package-" + index + "-" + idPart(component);
    }

    /** A declared license, and the license comment that says why it is {@code NOASSERTION}. */
    private record Declared(AnyLicenseInfo license, Optional<String> comment) {}

    /**
     * A License as declared: the expression when it is valid (its {@code LicenseRef-}s collected
     * for the document), else {@code NOASSERTION} with the text and the problem.
     *
     * @param missing the comment when there is no License
     * @param whose whose License tag it is ({@code The spec's})
     */
    private Declared declared(Optional<LicenseExpression> license, String missing, String whose)
            throws InvalidSPDXAnalysisException {
        if (license.isEmpty()) {
            return new Declared(new SpdxNoAssertionLicense(), Optional.of(missing));
        }
        if (!license.get().valid()) {
            return new Declared(
                    new SpdxNoAssertionLicense(),
                    Optional.of(whose + " License tag is not a valid SPDX license expression: "
                            + license.get().text() + " ("
                            + String.join("; ", license.get().problems()) + ")"));
        }
        Matcher refs = LICENSE_REF.matcher(license.get().text());
        while (refs.find()) {
            licenseRefs.add(refs.group());
        }
        return new Declared(
                LicenseInfoFactory.parseSPDXLicenseStringCompatV2(license.get().text(), store, MODEL_NAMESPACE, copies),
                Optional.empty());
    }

    /**
     * The component's build: a package per RPM (the file's SHA-256, its package URL, the header's
     * License), each described by the document; the source RPM {@code GENERATED_FROM} the
     * component's package (it holds its rendered spec), and each binary RPM {@code GENERATED_FROM}
     * the source RPM (its header names it), as SPDX 2.3 relates a binary to its source.
     */
    private void build(ComponentBuild build, SbomComponent source, int index) throws InvalidSPDXAnalysisException {
        SpdxPackage component = (SpdxPackage) SpdxModelFactoryCompatV2.getModelObjectV2(
                store,
                MODEL_NAMESPACE,
                packageId(index, build.component()),
                SpdxConstantsCompatV2.CLASS_SPDX_PACKAGE,
                copies,
                false);
        SpdxPackage sourceRpm = builtPackage(build.sourceRpm(), source, index, 0);
        sourceRpm.addRelationship(document.createRelationship(
                component, RelationshipType.GENERATED_FROM, "built from the rendered spec and sources"));
        int number = 0;
        for (BuiltPackage rpm : build.rpms()) {
            number++;
            builtPackage(rpm, source, index, number)
                    .addRelationship(document.createRelationship(
                            sourceRpm, RelationshipType.GENERATED_FROM, "built from the source RPM"));
        }
    }

    /** An RPM of the component's build, with the advisories of the CVEs its patches resolve. */
    private SpdxPackage builtPackage(BuiltPackage rpm, SbomComponent source, int index, int number)
            throws InvalidSPDXAnalysisException {
        Declared declared = declared(rpm.license(), "The RPM has no License tag.", "The RPM's");
        SpdxPackage.SpdxPackageBuilder builder = document.createPackage(
                        "SPDXRef-Rpm-" + index + "-" + number + "-" + idPart(rpm.fileName()),
                        rpm.name(),
                        new SpdxNoAssertionLicense(),
                        NOASSERTION,
                        declared.license())
                .setFilesAnalyzed(false)
                .setDownloadLocation(NOASSERTION)
                .setPackageFileName(rpm.fileName())
                .setVersionInfo(rpm.versionRelease())
                .setPrimaryPurpose(rpm.isSource() ? Purpose.SOURCE : Purpose.INSTALL)
                .addChecksum(document.createChecksum(ChecksumAlgorithm.SHA256, rpm.sha256()))
                .addExternalRef(reference(ReferenceCategory.PACKAGE_MANAGER, "purl", rpm.purl(), null))
                .setComment(
                        rpm.isSource()
                                ? "The source RPM of the component's last build; it holds the rendered files."
                                : "A binary RPM of the component's last build, built from "
                                        + rpm.sourceRpm().get() + ".");
        rpm.summary().ifPresent(builder::setSummary);
        declared.comment().ifPresent(builder::setLicenseComments);
        advisories(builder, source);
        SpdxPackage pkg = builder.build();
        document.addRelationship(document.createRelationship(pkg, RelationshipType.DESCRIBES, null));
        return pkg;
    }

    /**
     * Each CVE the component's patches resolve, as a security advisory reference of the package:
     * SPDX 2.3 has no VEX, and a scanner finds the advisory on the package it matched by its URL.
     */
    private void advisories(SpdxPackage.SpdxPackageBuilder builder, SbomComponent component)
            throws InvalidSPDXAnalysisException {
        for (SbomComponent.Patch patch : component.patches()) {
            for (String cve : patch.cves()) {
                builder.addExternalRef(reference(
                        ReferenceCategory.SECURITY,
                        "advisory",
                        NVD + cve,
                        cve + " is resolved in this package by " + PatchText.summary(patch)));
            }
        }
    }

    private SpdxPackage ancestor(SbomComponent.Ancestor ancestor, int index) throws InvalidSPDXAnalysisException {
        SpdxPackage.SpdxPackageBuilder builder = document.createPackage(
                        "SPDXRef-Upstream-" + index + "-" + idPart(ancestor.name()),
                        ancestor.name(),
                        new SpdxNoAssertionLicense(),
                        NOASSERTION,
                        new SpdxNoAssertionLicense())
                .setFilesAnalyzed(false)
                .setDownloadLocation(ancestor.vcsUrl()
                        .map(url -> "git+" + url + "@" + ancestor.commit().orElse(""))
                        // SPDX allows only some forms (no file: URLs, no addresses without a domain)
                        .filter(location -> SpdxVerificationHelper.verifyDownloadLocation(location) == null)
                        .orElse(NOASSERTION))
                .addChecksum(document.createChecksum(ChecksumAlgorithm.SHA256, ancestor.specSha256()))
                .addExternalRef(reference(ReferenceCategory.PACKAGE_MANAGER, "purl", ancestor.purl(), null))
                .setComment("The upstream package (" + ancestor.distro() + " " + ancestor.distroVersion()
                        + ") at the commit or snapshot the component renders from"
                        + ancestor.vcsUrl()
                                .map(url ->
                                        " (" + url + " at " + ancestor.commit().orElse("") + ")")
                                .orElse("")
                        + "; its checksum is its spec's.");
        ancestor.version()
                .map(v -> ancestor.release().map(r -> v + "-" + r).orElse(v))
                .ifPresent(builder::setVersionInfo);
        return builder.build();
    }

    private SpdxFile patch(SbomComponent component, SbomComponent.Patch patch, int index, int number)
            throws InvalidSPDXAnalysisException {
        String text = PatchText.of(patch);
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        Checksum sha1 = document.createChecksum(ChecksumAlgorithm.SHA1, Digests.hex("SHA-1", bytes));
        SpdxFile file = document.createSpdxFile(
                        "SPDXRef-Patch-" + index + "-" + number,
                        "./patches/" + idPart(component.name()) + "/" + String.format(Locale.ROOT, "%03d", number) + "-"
                                + idPart(patch.name()) + ".diff",
                        new SpdxNoAssertionLicense(),
                        List.of(),
                        NOASSERTION,
                        sha1)
                .addChecksum(document.createChecksum(ChecksumAlgorithm.SHA256, Sha256Records.hex(bytes)))
                .setComment(text)
                .build();
        file.getFileTypes().add(FileType.SOURCE);
        file.addAnnotation(document.createAnnotation(annotator, AnnotationType.OTHER, created, annotation(patch)));
        return file;
    }

    /** What the patch is: its type (CycloneDX's classification), its metadata and what it resolves. */
    private static String annotation(SbomComponent.Patch patch) {
        List<String> parts = new ArrayList<>();
        parts.add("patch type: " + patch.type().key());
        parts.add("change: " + PatchText.summary(patch));
        patch.category().ifPresent(category -> parts.add("category: " + category));
        if (!patch.cves().isEmpty()) {
            parts.add("resolves: " + String.join(", ", patch.cves()) + " (resolved in this package)");
        }
        if (!patch.bugs().isEmpty()) {
            parts.add("bugs: " + String.join(", ", patch.bugs()));
        }
        if (!patch.commits().isEmpty()) {
            parts.add("upstream commits: " + String.join(", ", patch.commits()));
        }
        return String.join("; ", parts);
    }

    private org.spdx.library.model.v2.ExternalRef reference(
            ReferenceCategory category, String type, String locator, String comment)
            throws InvalidSPDXAnalysisException {
        return document.createExternalRef(
                category,
                new ReferenceType(SpdxConstantsCompatV2.SPDX_LISTED_REFERENCE_TYPES_PREFIX + type),
                locator,
                comment);
    }

    /** Text for an SPDX id or a file name: letters, digits, dots and dashes. */
    private static String idPart(String text) {
        String part = text.replaceAll("[^A-Za-z0-9.]+", "-").replaceAll("^-+|-+$", "");
        return part.isEmpty() ? "x" : part;
    }
}
