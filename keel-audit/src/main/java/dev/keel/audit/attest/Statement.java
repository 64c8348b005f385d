package dev.keel.audit.attest;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;

/**
 * An in-toto Statement v1 (attestation spec v1, statement.md) with a SLSA Provenance v1 predicate.
 *
 * @param type always {@value #TYPE}
 * @param subject the artifacts it is about, each with a digest, sorted by name
 * @param predicateType always {@value #PREDICATE_TYPE}
 * @param predicate the provenance
 */
@JsonPropertyOrder({"_type", "subject", "predicateType", "predicate"})
public record Statement(
        @JsonProperty("_type") String type,
        List<ResourceDescriptor> subject,
        String predicateType,
        Provenance predicate) {

    public static final String TYPE = "https://in-toto.io/Statement/v1";
    public static final String PREDICATE_TYPE = "https://slsa.dev/provenance/v1";

    public Statement {
        subject = subject == null ? List.of() : List.copyOf(subject);
    }
}
