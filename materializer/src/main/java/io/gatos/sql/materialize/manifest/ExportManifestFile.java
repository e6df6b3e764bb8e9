package io.gatos.sql.materialize.manifest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.gatos.sql.materialize.AtomicFiles;
import io.gatos.sql.materialize.MaterializeException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Reads and writes {@code <out>.manifest.json}; writing goes through a temporary file and a rename,
 * so a reader never sees half a manifest.
 */
public final class ExportManifestFile {
    private static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private ExportManifestFile() {
    }

    /** Returns the manifest path of export {@code out}: {@code <out>.manifest.json}. */
    public static Path pathOf(Path out) {
        return AtomicFiles.sibling(out, ".manifest.json");
    }

    /** Reads the manifest at {@code path}, or returns null when there is none. */
    public static ExportManifest read(Path path) {
        if (!Files.exists(path)) {
            return null;
        }
        try {
            return MAPPER.readValue(path.toFile(), ExportManifest.class);
        } catch (IOException e) {
            throw new MaterializeException(MaterializeException.Code.INCOMPATIBLE_OUTPUT, "cannot read the manifest "
                    + path + ": " + e.getMessage() + "; restore it, or export to a new --out", e);
        }
    }

    /** Renders {@code manifest} as the JSON text that is written to disk. */
    public static String toJson(ExportManifest manifest) {
        try {
            return MAPPER.writeValueAsString(manifest) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot render the manifest", e);
        }
    }

    /** Writes {@code manifest} to a temporary file beside {@code path} and returns it, ready to be moved. */
    public static Path writeTemp(Path path, ExportManifest manifest) {
        try {
            Path tmp = AtomicFiles.tempBeside(path);
            Files.writeString(tmp, toJson(manifest), StandardCharsets.UTF_8);
            return tmp;
        } catch (IOException e) {
            throw new MaterializeException(MaterializeException.Code.IO, "cannot write a manifest beside " + path
                    + ": " + e.getMessage(), e);
        }
    }
}
