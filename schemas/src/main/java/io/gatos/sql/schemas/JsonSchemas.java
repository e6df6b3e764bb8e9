package io.gatos.sql.schemas;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * Reads the bundled JSON Schemas of what gatos-sql writes; validating against them is left to the
 * caller, so that this module needs no validator at run time.
 */
public final class JsonSchemas {
    /** The {@code $id} of the export manifest schema, also the {@code $schema} of every manifest. */
    public static final String EXPORT_MANIFEST_ID = "https://gatos.io/schemas/gatos-sql/export-manifest-1.json";
    private static final String EXPORT_MANIFEST = "export-manifest.schema.json";
    /** The {@code $id} of the schema of declared file schemas ({@code gatos materialize --schema}). */
    public static final String FILE_SCHEMA_ID = "https://gatos.io/schemas/gatos-sql/file-schema-1.json";
    private static final String FILE_SCHEMA = "file-schema.schema.json";
    /** The {@code $id} of the schema of one line of {@code gatos export --format ndjson}. */
    public static final String NDJSON_EVENT_ID = "https://gatos.io/schemas/gatos-sql/ndjson-event-1.json";
    private static final String NDJSON_EVENT = "ndjson-event.schema.json";

    private JsonSchemas() {
    }

    /** Returns the text of the schema of {@code <out>.manifest.json}, the manifest written beside an export. */
    public static String exportManifest() {
        return resource(EXPORT_MANIFEST);
    }

    /** Returns the text of the schema of the file schemas that {@code --source} and {@code --convert} read. */
    public static String fileSchema() {
        return resource(FILE_SCHEMA);
    }

    /** Returns the text of the schema of one NDJSON export line, which {@code gatos import} reads. */
    public static String ndjsonEvent() {
        return resource(NDJSON_EVENT);
    }

    private static String resource(String name) {
        try (InputStream in = JsonSchemas.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("schema resource missing: " + name);
            }
            return new String(in.readAllBytes(), UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the bundled schema " + name, e);
        }
    }
}
