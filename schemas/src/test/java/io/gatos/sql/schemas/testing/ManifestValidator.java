package io.gatos.sql.schemas.testing;

import static java.util.Objects.requireNonNull;

import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.dialect.Dialects;
import com.networknt.schema.path.PathType;
import io.gatos.sql.schemas.JsonSchemas;
import java.util.List;
import java.util.Map;

/**
 * Validates export manifests against the bundled export manifest schema, with {@code format}
 * asserted and paths reported as JSON paths, for the tests of any module; shipped in the gatos-schemas test jar and needs
 * com.networknt:json-schema-validator on the test classpath. Thread-safe.
 */
public final class ManifestValidator {
    private static final Schema SCHEMA = load();

    private ManifestValidator() {
    }

    /**
     * Returns one message per violation, each starting with the JSON path of the offending value
     * (such as {@code $.run.mode: ...}); empty when {@code manifestJson} is a valid manifest.
     *
     * @throws RuntimeException if {@code manifestJson} is not JSON
     */
    public static List<String> errors(String manifestJson) {
        requireNonNull(manifestJson, "manifestJson");
        return SCHEMA.validate(manifestJson, InputFormat.JSON).stream().map(Error::toString).toList();
    }

    private static Schema load() {
        SchemaRegistryConfig config = SchemaRegistryConfig.builder()
                .formatAssertionsEnabled(true).pathType(PathType.JSON_PATH).build();
        SchemaRegistry registry = SchemaRegistry.withDialect(Dialects.getDraft202012(), builder -> builder
                .schemaRegistryConfig(config)
                .schemas(Map.of(JsonSchemas.EXPORT_MANIFEST_ID, JsonSchemas.exportManifest())));
        return registry.getSchema(SchemaLocation.of(JsonSchemas.EXPORT_MANIFEST_ID));
    }
}
