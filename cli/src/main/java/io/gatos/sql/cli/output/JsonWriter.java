package io.gatos.sql.cli.output;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.core.util.MinimalPrettyPrinter;
import java.io.IOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;

/**
 * Prints rows as JSON objects keyed by column label, either as one array (one object per line
 * between {@code [} and {@code ]}) or as NDJSON (one object per line). Numbers are JSON numbers,
 * booleans JSON booleans, NULL is {@code null}, and everything else, timestamps (ISO-8601 UTC) and
 * JSON-valued columns included, is a JSON string.
 */
final class JsonWriter implements ResultWriter {
    private static final JsonFactory FACTORY =
            JsonFactory.builder()
                    .disable(StreamWriteFeature.AUTO_CLOSE_TARGET)
                    .enable(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN)
                    .build();

    private final boolean lines;

    /** Creates a writer for NDJSON when {@code lines}, else for one JSON array. */
    JsonWriter(boolean lines) {
        this.lines = lines;
    }

    @Override
    public long write(ResultSet rs, Writer out) throws SQLException, IOException {
        List<ResultColumn> columns = ResultColumn.of(rs.getMetaData());
        long rows = 0;
        try (JsonGenerator json = FACTORY.createGenerator(out)) {
            json.setRootValueSeparator(null);
            if (!lines) {
                json.setPrettyPrinter(new RowPerLine());
                json.writeStartArray();
            }
            while (rs.next()) {
                writeRow(json, columns, rs);
                if (lines) {
                    json.writeRaw('\n');
                }
                rows++;
            }
            if (!lines) {
                json.writeEndArray();
                json.writeRaw('\n');
            }
        }
        out.flush();
        return rows;
    }

    private static void writeRow(JsonGenerator json, List<ResultColumn> columns, ResultSet rs)
            throws SQLException, IOException {
        json.writeStartObject();
        for (ResultColumn column : columns) {
            json.writeFieldName(column.label());
            Object value = column.read(rs);
            if (value == null) {
                json.writeNull();
            } else if (value instanceof Boolean bool) {
                json.writeBoolean(bool);
            } else if (value instanceof Long number) {
                json.writeNumber(number);
            } else if (value instanceof BigDecimal number) {
                json.writeNumber(number);
            } else if (value instanceof Double number) {
                json.writeNumber(number);
            } else {
                json.writeString(value.toString());
            }
        }
        json.writeEndObject();
    }

    /** Puts each element of the top-level array on its own line, and nothing else. */
    private static final class RowPerLine extends MinimalPrettyPrinter {
        private static final long serialVersionUID = 1L;

        @Override
        public void beforeArrayValues(JsonGenerator json) throws IOException {
            json.writeRaw('\n');
        }

        @Override
        public void writeArrayValueSeparator(JsonGenerator json) throws IOException {
            json.writeRaw(",\n");
        }

        @Override
        public void writeEndArray(JsonGenerator json, int values) throws IOException {
            json.writeRaw(values == 0 ? "]" : "\n]");
        }
    }
}
