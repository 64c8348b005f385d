package dev.keel.core.config;

import dev.keel.core.config.model.ConfigFile;
import dev.keel.core.config.model.Doc;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The JSON Schema (draft 2020-12) of everything Keel accepts, generated from the configuration
 * records so it can never drift from the loader. Editors use it through Taplo / Even Better TOML.
 */
public final class SchemaGenerator {

    public static final String ID = "https://keel.dev/schemas/keel.schema.json";

    private final Map<String, Object> definitions = new TreeMap<>();

    private SchemaGenerator() {}

    /** The schema of a project file, as ordered maps and lists ready for a JSON writer. */
    public static Map<String, Object> projectSchema() {
        return new SchemaGenerator().generate(ConfigFile.class);
    }

    private Map<String, Object> generate(Class<?> root) {
        Map<String, Object> schema = new LinkedHashMap<>();
        schema.put("$schema", "https://json-schema.org/draft/2020-12/schema");
        schema.put("$id", ID);
        schema.put("$ref", "#/$defs/" + root.getSimpleName());
        define(root.getSimpleName(), root);
        schema.put("$defs", definitions);
        return schema;
    }

    /** Defines {@code name} as the keys of the record {@code type}. */
    private void define(String name, Class<?> type) {
        if (definitions.containsKey(name)) {
            return;
        }
        Map<String, Object> definition = new LinkedHashMap<>();
        definitions.put(name, definition);
        Doc doc = type.getAnnotation(Doc.class);
        if (doc != null) {
            definition.put("description", doc.value());
        }
        definition.put("type", "object");
        Map<String, Object> properties = new LinkedHashMap<>();
        List<String> required = new ArrayList<>();
        for (RecordInfo.Field field : RecordInfo.of(type).fields) {
            Map<String, Object> property = new LinkedHashMap<>(schemaOf(field.type()));
            if (!field.doc().isEmpty()) {
                property.put("description", field.doc());
            }
            if (field.format() != null) {
                property.put("pattern", "^" + field.format() + "$");
            }
            if (field.supersededBy() != null) {
                property.put("deprecated", true);
            }
            properties.put(field.key(), property);
            if (field.required()) {
                required.add(field.key());
            }
        }
        definition.put("properties", properties);
        definition.put("additionalProperties", false);
        if (!required.isEmpty()) {
            definition.put("required", required);
        }
    }

    private Map<String, Object> schemaOf(Type type) {
        Map<String, Object> schema = new LinkedHashMap<>();
        if (type instanceof ParameterizedType parameterized) {
            Class<?> raw = (Class<?>) parameterized.getRawType();
            if (raw == Map.class) {
                schema.put("type", "object");
                schema.put("additionalProperties", schemaOf(parameterized.getActualTypeArguments()[1]));
            } else {
                schema.put("type", "array");
                schema.put("items", schemaOf(parameterized.getActualTypeArguments()[0]));
            }
            return schema;
        }
        Class<?> raw = (Class<?>) type;
        if (RecordInfo.boundAs(raw).isRecord()) {
            define(raw.getSimpleName(), RecordInfo.boundAs(raw));
            schema.put("$ref", "#/$defs/" + raw.getSimpleName());
        } else if (raw.isEnum()) {
            schema.put("type", "string");
            List<String> values = new ArrayList<>();
            for (Object constant : raw.getEnumConstants()) {
                values.add(Names.enumKey((Enum<?>) constant));
            }
            schema.put("enum", values);
        } else if (raw == Boolean.class) {
            schema.put("type", "boolean");
        } else if (raw == Long.class) {
            schema.put("type", "integer");
        } else {
            schema.put("type", "string");
        }
        return schema;
    }
}
