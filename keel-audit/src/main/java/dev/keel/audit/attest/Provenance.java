package dev.keel.audit.attest;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The SLSA Provenance v1 predicate (slsa.dev/provenance/v1): the build's definition and run.
 * Keel writes no {@code runDetails.metadata}: its fields are an invocation id and times, and an
 * attestation's bytes depend only on its inputs.
 *
 * @param buildDefinition what was built from what
 * @param runDetails who built it
 */
@JsonPropertyOrder({"buildDefinition", "runDetails"})
public record Provenance(BuildDefinition buildDefinition, RunDetails runDetails) {

    /**
     * The inputs.
     *
     * @param buildType Keel's build type, {@value #BUILD_TYPE}
     * @param externalParameters what the user chose (the component, its distro version, the project's
     *     commit...)
     * @param internalParameters what Keel decided (the render plan's steps)
     * @param resolvedDependencies every input file and source, with its digest, sorted
     */
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    @JsonPropertyOrder({"buildType", "externalParameters", "internalParameters", "resolvedDependencies"})
    public record BuildDefinition(
            String buildType,
            @JsonInclude(JsonInclude.Include.ALWAYS) SortedMap<String, Object> externalParameters,
            SortedMap<String, Object> internalParameters,
            List<ResourceDescriptor> resolvedDependencies) {

        public BuildDefinition {
            externalParameters = externalParameters == null ? new TreeMap<>() : new TreeMap<>(externalParameters);
            internalParameters = internalParameters == null ? new TreeMap<>() : new TreeMap<>(internalParameters);
            resolvedDependencies = resolvedDependencies == null ? List.of() : List.copyOf(resolvedDependencies);
        }
    }

    /**
     * The run.
     *
     * @param builder Keel, by version
     */
    public record RunDetails(Builder builder) {}

    /**
     * The builder.
     *
     * @param id {@value #BUILDER_ID_PREFIX} and Keel's version
     * @param version {@code keel} to Keel's version
     */
    @JsonPropertyOrder({"id", "version"})
    public record Builder(String id, SortedMap<String, String> version) {

        public Builder {
            version = version == null ? new TreeMap<>() : new TreeMap<>(version);
        }
    }

    /** Keel's build type: docs/trust.md describes its parameters and dependencies. */
    public static final String BUILD_TYPE = "https://keel.dev/attestation/component/v1";

    /** Keel's builder id, before its version. */
    public static final String BUILDER_ID_PREFIX = "https://keel.dev/keel@";
}
