package dev.keel.audit.attest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keel.audit.attest.AttestationVerifier.Check;
import dev.keel.audit.attest.AttestationVerifier.Status;
import dev.keel.audit.attest.EnvelopeCheck.SignedPayload;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * A signed payload is read as a statement only when its type is in-toto's, it parses, its types
 * are in-toto's and SLSA's, its fields have their types, and it has a subject and a build
 * definition; the check names the component, shown printable.
 */
class StatementCheckTest {

    private static final String TYPES = "\"_type\": \"https://in-toto.io/Statement/v1\","
            + " \"predicateType\": \"https://slsa.dev/provenance/v1\"";

    private static Statement statement(Map<String, Object> externalParameters) {
        Provenance.BuildDefinition definition =
                new Provenance.BuildDefinition(Provenance.BUILD_TYPE, new TreeMap<>(externalParameters), null, null);
        return new Statement(
                Statement.TYPE,
                List.of(ResourceDescriptor.file("specs/c/curl/curl.spec", "00".repeat(32))),
                Statement.PREDICATE_TYPE,
                new Provenance(definition, null));
    }

    private static Optional<Statement> read(String type, byte[] body, CheckLog log) {
        return StatementCheck.statement(new SignedPayload(type, body), log);
    }

    /** The detail of the statement check of {@code json}, which fails. */
    private static String problem(String json) {
        CheckLog log = new CheckLog();
        assertThat(read(Dsse.IN_TOTO_PAYLOAD_TYPE, json.getBytes(StandardCharsets.UTF_8), log))
                .isEmpty();
        assertThat(log.checks()).singleElement().extracting(Check::status).isEqualTo(Status.FAILED);
        return log.checks().get(0).detail();
    }

    @Test
    void aStatementOfItsTypesIsReadAndNamesItsComponent() {
        Statement statement = statement(Map.of("component", "curl\u001b"));
        CheckLog log = new CheckLog();
        assertThat(read(Dsse.IN_TOTO_PAYLOAD_TYPE, AttestationJson.compact(statement), log))
                .contains(statement);
        assertThat(log.checks())
                .containsExactly(new Check(
                        "statement", "", Status.OK, "in-toto Statement v1, SLSA Provenance v1, component curl?"));
        CheckLog noComponent = new CheckLog();
        read(Dsse.IN_TOTO_PAYLOAD_TYPE, AttestationJson.compact(statement(Map.of())), noComponent);
        assertThat(noComponent.checks().get(0).detail()).isEqualTo("in-toto Statement v1, SLSA Provenance v1");
    }

    @Test
    void aPayloadOfAnotherTypeIsNotRead() {
        CheckLog log = new CheckLog();
        assertThat(read("application/json\n", new byte[] {'{'}, log)).isEmpty();
        assertThat(log.checks())
                .containsExactly(new Check(
                        "statement",
                        "",
                        Status.FAILED,
                        "the payload type is 'application/json?', not in-toto's application/vnd.in-toto+json"));
    }

    @Test
    void whatIsNoStatementOfItsTypesFails() {
        assertThat(problem("{")).startsWith("the payload is not JSON: it does not parse at line 1");
        assertThat(problem("[]"))
                .isEqualTo("not an in-toto Statement v1 (_type is not https://in-toto.io/Statement/v1)");
        assertThat(problem("{\"_type\": \"https://in-toto.io/Statement/v1\"}"))
                .isEqualTo("not a SLSA provenance (predicateType is not https://slsa.dev/provenance/v1)");
        assertThat(problem("{" + TYPES + ", \"subject\": \"specs/c/curl/curl.spec\"}"))
                .isEqualTo("the statement does not have the fields of its types");
        assertThat(problem("{" + TYPES + ", \"subject\": [{\"name\": \"a\"}]}"))
                .isEqualTo("the statement has no subject or no build definition");
        assertThat(problem("{" + TYPES + ", \"subject\": [{\"name\": \"a\"}], \"predicate\": {}}"))
                .isEqualTo("the statement has no subject or no build definition");
    }
}
