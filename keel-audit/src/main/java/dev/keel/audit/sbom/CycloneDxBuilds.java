package dev.keel.audit.sbom;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.cyclonedx.model.Component;
import org.cyclonedx.model.Hash;
import org.cyclonedx.model.Property;

/**
 * The built RPMs of an SBOM in CycloneDX 1.6: each source and binary RPM a top-level component of
 * type {@code library} (what CycloneDX recommends for a package that is not a framework, and what
 * RPM SBOMs use, so that scanners match their package URLs) with the file's SHA-256, the header's
 * License and its package URL; and how each was built, in {@code dependencies}: the source
 * component {@code provides} its source RPM, and the source RPM {@code provides} its binary RPMs.
 *
 * <p>CycloneDX has no "built from" relation between components. {@code provides} is the one Red
 * Hat's RPM SBOMs use for a source RPM and its binary RPMs (its security-data-guidelines), and it
 * does not make a scanner think the binary needs its source at run time, as {@code dependsOn}
 * would; {@code pedigree.ancestors} is for forks and would copy the source component into every
 * RPM; {@code formulation} is read by no scanner. Each RPM also says what it was built from in
 * plain properties: {@code keel:built-from} (the bom-ref) and, for a binary RPM, {@code
 * keel:source-rpm} (the file its header names). cyclonedx-core-java 11 models no {@code provides},
 * so it is added to the document's JSON after the library wrote it.
 *
 * <p>One package URL per package: the source component (the rendered spec) and the source RPM
 * built from it are one source package, and their package URLs are the same {@code
 * pkg:rpm/<vendor>/<name>@<version>-<release>?arch=src&distro=...} whenever Keel reads the spec as
 * rpm did. A {@code purl} asserts a component's identity (CycloneDX 1.6), so a scanner that counts
 * packages by it would count that one twice, and the spec's reading may even differ from the
 * header's. So when a build is described, the source RPM, the package itself with its file's
 * hash, carries the package URL (Red Hat's RPM SBOMs give each SRPM its {@code arch=src} URL, and
 * the sources that made it none of type rpm), and the source component carries none: it names
 * its source RPM's file in {@code keel:source-rpm} and {@code provides} it. A distinguishing
 * qualifier would not do: a scanner that does not know it still sees two source packages of one
 * name, version and arch. Without a described build the source component keeps its package URL.
 */
final class CycloneDxBuilds {

    private CycloneDxBuilds() {}

    /** An RPM's bom-ref: its component's, then its file name (unique in a build). */
    static String ref(ComponentBuild build, BuiltPackage pkg) {
        return CycloneDxWriter.ref(build.component()) + "/" + pkg.fileName();
    }

    /** The builds by their component's name. */
    static Map<String, ComponentBuild> byComponent(List<ComponentBuild> builds) {
        Map<String, ComponentBuild> byName = new HashMap<>();
        builds.forEach(build -> byName.put(build.component(), build));
        return byName;
    }

    /** The source component's pointer to its source RPM, which carries its package URL. */
    static Property sourceRpmProperty(ComponentBuild build) {
        return new Property("keel:source-rpm", build.sourceRpm().fileName());
    }

    /** The build's source RPM, then its binary RPMs. */
    static List<Component> components(ComponentBuild build) {
        List<Component> components = new ArrayList<>();
        String sourceRef = ref(build, build.sourceRpm());
        components.add(component(build, build.sourceRpm(), CycloneDxWriter.ref(build.component())));
        build.rpms().forEach(rpm -> components.add(component(build, rpm, sourceRef)));
        return components;
    }

    private static Component component(ComponentBuild build, BuiltPackage source, String builtFrom) {
        Component component = new Component();
        component.setType(Component.Type.LIBRARY);
        component.setBomRef(ref(build, source));
        component.setName(source.name());
        component.setVersion(source.versionRelease());
        source.summary().ifPresent(component::setDescription);
        component.setPurl(source.purl());
        component.setHashes(List.of(new Hash(Hash.Algorithm.SHA_256, source.sha256())));
        List<Property> properties = new ArrayList<>();
        properties.add(new Property("keel:component", build.component()));
        properties.add(new Property("keel:file", source.fileName()));
        properties.add(new Property("keel:built-from", builtFrom));
        source.sourceRpm().ifPresent(file -> properties.add(new Property("keel:source-rpm", file)));
        source.license().ifPresent(license -> {
            component.setLicenses(CycloneDxWriter.licenses(license));
            license.problems().forEach(problem -> properties.add(new Property("keel:license-problem", problem)));
        });
        component.setProperties(properties);
        return component;
    }

    /** Adds the builds' {@code dependencies} to the document, where CycloneDX puts them (before the vulnerabilities). */
    static void addDependencies(ObjectNode document, List<ComponentBuild> builds) {
        if (builds.isEmpty()) {
            return;
        }
        JsonNode vulnerabilities = document.remove("vulnerabilities");
        ArrayNode dependencies = document.putArray("dependencies");
        for (ComponentBuild build : builds) {
            ObjectNode component = dependencies.addObject().put("ref", CycloneDxWriter.ref(build.component()));
            component.putArray("provides").add(ref(build, build.sourceRpm()));
            if (!build.rpms().isEmpty()) {
                ObjectNode sourceRpm = dependencies.addObject().put("ref", ref(build, build.sourceRpm()));
                ArrayNode rpms = sourceRpm.putArray("provides");
                build.rpms().forEach(rpm -> rpms.add(ref(build, rpm)));
            }
        }
        if (vulnerabilities != null) {
            document.set("vulnerabilities", vulnerabilities);
        }
    }
}
