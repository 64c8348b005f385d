package dev.keel.audit.attest;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * in-toto's ResourceDescriptor (attestation spec v1, resource_descriptor.md): the subjects of a
 * statement and the dependencies of a provenance. Keel names project files by their path relative
 * to the project, and records what each dependency is to Keel in the annotation {@value #ROLE}.
 * Unset fields are left out.
 *
 * @param name the project-relative path, or the file name of a lookaside file
 * @param uri where the resource is, globally (a dist-git repository)
 * @param digest algorithm (lower case, as the DigestSet names it) to lower-case hex
 * @param downloadLocation where the resource is downloaded from
 * @param annotations Keel's facts about it, each named {@code keel_<field>}
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
@JsonPropertyOrder({"name", "uri", "digest", "downloadLocation", "annotations"})
public record ResourceDescriptor(
        String name,
        String uri,
        SortedMap<String, String> digest,
        String downloadLocation,
        SortedMap<String, Object> annotations) {

    /** The annotation that says what a dependency is to Keel: one of the {@code ROLE_*} values. */
    public static final String ROLE = "keel_role";

    public ResourceDescriptor {
        digest = digest == null ? new TreeMap<>() : new TreeMap<>(digest);
        annotations = annotations == null ? new TreeMap<>() : new TreeMap<>(annotations);
    }

    /** A project file and its SHA-256. */
    static ResourceDescriptor file(String name, String sha256) {
        return new ResourceDescriptor(name, null, new TreeMap<>(Map.of("sha256", sha256)), null, null);
    }

    /** The same with one more annotation. */
    ResourceDescriptor annotated(String key, Object value) {
        SortedMap<String, Object> more = new TreeMap<>(annotations);
        more.put(key, value);
        return new ResourceDescriptor(name, uri, digest, downloadLocation, more);
    }

    /** The {@value #ROLE} annotation, or empty. */
    String role() {
        return annotations.get(ROLE) instanceof String role ? role : "";
    }

    /** The name, else the URI: how reports and sorting name it. */
    String label() {
        return name != null ? name : uri == null ? "" : uri;
    }
}
