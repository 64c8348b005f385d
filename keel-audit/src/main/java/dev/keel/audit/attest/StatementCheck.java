package dev.keel.audit.attest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.keel.audit.attest.EnvelopeCheck.SignedPayload;
import java.io.IOException;
import java.util.Optional;

/**
 * The statement check of an attestation, made on a payload whose signature verified: its payload
 * type is in-toto's, and it is an in-toto Statement v1 with a SLSA Provenance v1 predicate, read
 * strictly, with a subject and a build definition.
 */
final class StatementCheck {

    private StatementCheck() {}

    /** The statement the signed payload holds, once it checks. */
    static Optional<Statement> statement(SignedPayload payload, CheckLog log) {
        if (!payload.type().equals(Dsse.IN_TOTO_PAYLOAD_TYPE)) {
            return log.failed(
                    "statement",
                    "the payload type is '" + UntrustedText.printable(payload.type()) + "', not in-toto's "
                            + Dsse.IN_TOTO_PAYLOAD_TYPE);
        }
        return tree(payload.body(), log)
                .flatMap(tree -> typed(tree, log))
                .flatMap(statement -> complete(statement, log));
    }

    private static Optional<JsonNode> tree(byte[] body, CheckLog log) {
        try {
            return Optional.of(AttestationJson.tree(body));
        } catch (IOException e) {
            return log.failed(
                    "statement",
                    "the payload is not JSON: "
                            + (e instanceof JsonProcessingException json
                                    ? AttestationJson.problem(json)
                                    : "it cannot be read"));
        }
    }

    /** The statement, once its {@code _type} and {@code predicateType} are the ones Keel reads. */
    private static Optional<Statement> typed(JsonNode tree, CheckLog log) {
        if (!tree.isObject() || !Statement.TYPE.equals(tree.path("_type").asText(null))) {
            return log.failed("statement", "not an in-toto Statement v1 (_type is not " + Statement.TYPE + ")");
        }
        if (!Statement.PREDICATE_TYPE.equals(tree.path("predicateType").asText(null))) {
            return log.failed(
                    "statement", "not a SLSA provenance (predicateType is not " + Statement.PREDICATE_TYPE + ")");
        }
        try {
            return Optional.of(AttestationJson.read(tree, Statement.class));
        } catch (IOException e) {
            return log.failed("statement", "the statement does not have the fields of its types");
        }
    }

    /** The statement, once it has a subject and a build definition. */
    private static Optional<Statement> complete(Statement statement, CheckLog log) {
        if (statement.subject().isEmpty()
                || statement.predicate() == null
                || statement.predicate().buildDefinition() == null) {
            return log.failed("statement", "the statement has no subject or no build definition");
        }
        Object component =
                statement.predicate().buildDefinition().externalParameters().get("component");
        log.ok(
                "statement",
                "in-toto Statement v1, SLSA Provenance v1"
                        + (component == null
                                ? ""
                                : ", component " + UntrustedText.printable(String.valueOf(component))));
        return Optional.of(statement);
    }
}
