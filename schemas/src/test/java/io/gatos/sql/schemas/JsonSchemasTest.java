package io.gatos.sql.schemas;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class JsonSchemasTest {

    @Test
    void exportManifestIsADraft202012SchemaWithItsId() throws Exception {
        JsonNode schema = new ObjectMapper().readTree(JsonSchemas.exportManifest());

        assertThat(schema.path("$schema").asText()).isEqualTo("https://json-schema.org/draft/2020-12/schema");
        assertThat(schema.path("$id").asText()).isEqualTo(JsonSchemas.EXPORT_MANIFEST_ID);
        assertThat(schema.at("/properties/$schema/const").asText()).isEqualTo(JsonSchemas.EXPORT_MANIFEST_ID);
    }

    @Test
    void exportManifestDescribesEveryProperty() throws Exception {
        JsonNode schema = new ObjectMapper().readTree(JsonSchemas.exportManifest());

        assertThat(undescribed(schema.path("properties"), "")).isEmpty();
    }

    @Test
    void fileSchemaIsADraft202012SchemaThatDescribesEveryPropertyAndAcceptsTheWorkOrderExample() throws Exception {
        JsonNode schema = new ObjectMapper().readTree(JsonSchemas.fileSchema());

        assertThat(schema.path("$id").asText()).isEqualTo(JsonSchemas.FILE_SCHEMA_ID);
        JsonNode dataset = schema.at("/properties/datasets/items");
        assertThat(undescribed(dataset.path("properties"), "/datasets")).isEmpty();
        assertThat(undescribed(dataset.at("/properties/columns/items/properties"), "/columns")).isEmpty();
        String example = java.nio.file.Files.readString(
                java.nio.file.Path.of("..", "docs", "examples", "work-order-files.json"));
        com.networknt.schema.Schema validator = com.networknt.schema.SchemaRegistry
                .withDialect(com.networknt.schema.dialect.Dialects.getDraft202012(),
                        b -> b.schemas(java.util.Map.of(JsonSchemas.FILE_SCHEMA_ID, JsonSchemas.fileSchema())))
                .getSchema(com.networknt.schema.SchemaLocation.of(JsonSchemas.FILE_SCHEMA_ID));
        assertThat(validator.validate(example, com.networknt.schema.InputFormat.JSON)).isEmpty();
        assertThat(validator.validate("{\"datasets\": [{\"name\": \"x\", \"files\": \"a/b.csv\","
                + " \"columns\": [{\"name\": \"t\", \"type\": \"TEXT\"}]}]}", com.networknt.schema.InputFormat.JSON))
                .hasSize(2);
    }

    @Test
    void ndjsonEventIsADraft202012SchemaWithItsIdThatDescribesEveryProperty() throws Exception {
        JsonNode schema = new ObjectMapper().readTree(JsonSchemas.ndjsonEvent());

        assertThat(schema.path("$schema").asText()).isEqualTo("https://json-schema.org/draft/2020-12/schema");
        assertThat(schema.path("$id").asText()).isEqualTo(JsonSchemas.NDJSON_EVENT_ID);
        assertThat(undescribed(schema.path("properties"), "")).isEmpty();
        assertThat(schema.at("/properties/meta/required")).hasSize(10);
    }

    private static List<String> undescribed(JsonNode properties, String path) {
        List<String> missing = new ArrayList<>();
        properties.properties().forEach(p -> {
            String name = path + "/" + p.getKey();
            if (!p.getValue().has("description")) {
                missing.add(name);
            }
            missing.addAll(undescribed(p.getValue().path("properties"), name));
            missing.addAll(undescribed(p.getValue().path("additionalProperties").path("properties"), name + "/*"));
        });
        return missing;
    }
}
