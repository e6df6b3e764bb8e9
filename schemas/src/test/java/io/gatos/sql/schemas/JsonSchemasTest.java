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
