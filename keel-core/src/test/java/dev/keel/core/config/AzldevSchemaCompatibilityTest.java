package dev.keel.core.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Every key of azldev's published JSON schema exists in Keel's schema, at the same place and with
 * a compatible type (Keel accepts more: overlay-files, metadata, resources, ...).
 */
class AzldevSchemaCompatibilityTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void keelAcceptsEveryKeyOfAzldevsSchema() throws IOException {
        Path file = Path.of(
                System.getProperty("keel.shared.dir", "../../shared"),
                "corpus/azurelinux-4.0-config/external/schemas/azldev.schema.json");
        assumeTrue(Files.isRegularFile(file), "azldev schema not found at " + file.toAbsolutePath() + "; skipping");
        JsonNode azldev = JSON.readTree(file.toFile());
        JsonNode keel = JSON.valueToTree(SchemaGenerator.projectSchema());
        List<String> problems = new ArrayList<>();
        Set<String> visited = new HashSet<>();
        compare(resolve(azldev, azldev), resolve(keel, keel), azldev, keel, "", problems, visited);
        assertThat(problems).isEmpty();
        assertThat(visited).hasSizeGreaterThan(25);
    }

    private static void compare(
            JsonNode theirs,
            JsonNode ours,
            JsonNode theirRoot,
            JsonNode ourRoot,
            String path,
            List<String> problems,
            Set<String> visited) {
        theirs = resolve(theirs, theirRoot);
        ours = resolve(ours, ourRoot);
        String type = theirs.path("type").asText();
        if (!type.isEmpty() && !type.equals(ours.path("type").asText())) {
            problems.add(path + ": azldev type " + type + ", Keel type "
                    + ours.path("type").asText());
            return;
        }
        if (!visited.add(path)) {
            return;
        }
        if (theirs.has("properties")) {
            for (Map.Entry<String, JsonNode> property : theirs.get("properties").properties()) {
                JsonNode mine = ours.path("properties").get(property.getKey());
                if (mine == null) {
                    problems.add(path + "." + property.getKey() + ": missing in Keel's schema");
                } else {
                    compare(
                            property.getValue(),
                            mine,
                            theirRoot,
                            ourRoot,
                            path + "." + property.getKey(),
                            problems,
                            visited);
                }
            }
        }
        if (theirs.has("items") && ours.has("items")) {
            compare(theirs.get("items"), ours.get("items"), theirRoot, ourRoot, path + "[]", problems, visited);
        }
        if (theirs.path("additionalProperties").isObject()
                && ours.path("additionalProperties").isObject()) {
            compare(
                    theirs.get("additionalProperties"),
                    ours.get("additionalProperties"),
                    theirRoot,
                    ourRoot,
                    path + ".*",
                    problems,
                    visited);
        }
    }

    private static JsonNode resolve(JsonNode node, JsonNode root) {
        JsonNode current = node;
        while (current.has("$ref")) {
            String ref = current.get("$ref").asText();
            current = root.at(ref.substring(1));
        }
        return current;
    }
}
