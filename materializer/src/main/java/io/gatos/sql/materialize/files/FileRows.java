package io.gatos.sql.materialize.files;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.gatos.sql.materialize.MaterializeException;
import io.gatos.sql.materialize.MaterializeException.Code;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;

/**
 * Reads the rows of one file of a dataset as typed values in the dataset's column order (see
 * {@link FileType} for the Java values). CSV and JSON Lines stream (memory holds one row); a JSON
 * document is parsed whole. Every error names the file, the line or row, and the column. Must be
 * closed.
 */
public final class FileRows implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final long DAY_MS = 86_400_000L;
    private final FileDataset dataset;
    private final Path file;
    private final BufferedReader reader;
    private CsvReader csv;
    private int[] csvIndex;
    private JsonNode document;
    private Iterator<JsonNode> jsonRows;
    private long row;

    private FileRows(FileDataset dataset, Path file, BufferedReader reader) {
        this.dataset = dataset;
        this.file = file;
        this.reader = reader;
    }

    /**
     * Opens {@code file} as a file of {@code dataset} and checks its header (CSV) or document (JSON).
     *
     * @throws MaterializeException {@code IO} when the file is missing, unreadable or does not fit the declaration
     */
    public static FileRows open(FileDataset dataset, Path file) {
        BufferedReader reader;
        try {
            reader = Files.newBufferedReader(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new MaterializeException(Code.IO, file + ": missing input; check the path");
        } catch (IOException e) {
            throw new MaterializeException(Code.IO, file + ": cannot be read: " + e.getMessage(), e);
        }
        FileRows rows = new FileRows(dataset, file, reader);
        try {
            rows.start();
            return rows;
        } catch (RuntimeException | IOException e) {
            rows.close();
            throw rows.wrap(e);
        }
    }

    private void start() throws IOException {
        switch (dataset.format()) {
            case CSV -> header();
            case JSON -> {
                try {
                    document = JSON.readTree(reader);
                } catch (JsonProcessingException e) {
                    throw fail("is not valid JSON at line " + e.getLocation().getLineNr() + ", column "
                            + e.getLocation().getColumnNr() + ": " + jsonProblem(e));
                }
                JsonNode array = document == null ? null : document.at(dataset.rows());
                if (array == null || !array.isArray()) {
                    throw fail("has no array at '" + dataset.rows() + "'; the dataset's 'rows' names where the rows are");
                }
                jsonRows = array.elements();
            }
            case JSONL -> { }
        }
    }

    private void header() throws IOException {
        csv = new CsvReader(reader);
        List<String> names = csv.next();
        if (names == null) {
            throw fail("is empty; a CSV file starts with a header line naming its columns");
        }
        csvIndex = new int[dataset.columns().size()];
        java.util.Arrays.fill(csvIndex, -1);
        for (int h = 0; h < names.size(); h++) {
            String name = names.get(h) == null ? "" : names.get(h).replace("\uFEFF", "").strip();
            int i = sourceIndex(name);
            if (i < 0) {
                throw fail("has column '" + name + "', which dataset " + dataset.name()
                        + " does not declare; declare it (or drop it from the file)");
            }
            csvIndex[i] = h;
        }
        for (int i = 0; i < csvIndex.length; i++) {
            FileColumn c = dataset.columns().get(i);
            if (csvIndex[i] < 0 && !c.derived() && !c.nullable()) {
                throw fail("lacks column '" + c.source() + "', declared not nullable in dataset " + dataset.name());
            }
        }
    }

    private int sourceIndex(String name) {
        for (int i = 0; i < dataset.columns().size(); i++) {
            FileColumn c = dataset.columns().get(i);
            if (!c.derived() && c.source().equalsIgnoreCase(name)) {
                return i;
            }
        }
        return -1;
    }

    /**
     * Returns the next row, or null after the last.
     *
     * @throws MaterializeException {@code IO} naming the file and line (CSV, JSON Lines) or row (JSON)
     */
    public Object[] next() {
        try {
            return switch (dataset.format()) {
                case CSV -> csvRow();
                case JSON -> jsonRows.hasNext() ? jsonRow(jsonRows.next(), "row " + (++row)) : null;
                case JSONL -> jsonLine();
            };
        } catch (RuntimeException | IOException e) {
            throw wrap(e);
        }
    }

    private Object[] csvRow() throws IOException {
        List<String> fields = csv.next();
        if (fields == null) {
            return null;
        }
        String where = "line " + csv.recordLine();
        if (fields.size() == 1 && fields.get(0) == null) {
            return csvRow(); // a blank line
        }
        if (fields.size() != countHeader()) {
            throw fail(where + " has " + fields.size() + " fields, the header " + countHeader());
        }
        Object[] values = new Object[csvIndex.length];
        for (int i = 0; i < values.length; i++) {
            String text = csvIndex[i] < 0 ? null : fields.get(csvIndex[i]);
            values[i] = text == null ? null : convert(i, where, text);
        }
        return finish(values, where);
    }

    private int countHeader() {
        int n = 0;
        for (int h : csvIndex) {
            n += h >= 0 ? 1 : 0;
        }
        return n;
    }

    private Object[] jsonLine() throws IOException {
        String text;
        do {
            text = reader.readLine();
            row++;
        } while (text != null && text.isBlank());
        if (text == null) {
            return null;
        }
        try {
            return jsonRow(JSON.readTree(text), "line " + row);
        } catch (JsonProcessingException e) {
            throw fail("line " + row + " is not valid JSON: " + jsonProblem(e));
        }
    }

    private Object[] jsonRow(JsonNode node, String where) {
        if (!node.isObject()) {
            throw fail(where + " is " + node.getNodeType().toString().toLowerCase(Locale.ROOT) + ", not an object");
        }
        for (Iterator<String> it = node.fieldNames(); it.hasNext();) {
            String field = it.next();
            if (sourceIndex(field) < 0) {
                throw fail(where + " has field '" + field + "', which dataset " + dataset.name()
                        + " does not declare; declare it");
            }
        }
        Object[] values = new Object[dataset.columns().size()];
        for (int i = 0; i < values.length; i++) {
            FileColumn c = dataset.columns().get(i);
            if (c.derived()) {
                continue;
            }
            JsonNode value = c.fromDocument() ? document.at(c.source()) : node.get(c.source());
            values[i] = value == null || value.isMissingNode() || value.isNull() ? null : convert(i, where, value);
        }
        return finish(values, where);
    }

    private Object[] finish(Object[] values, String where) {
        for (int i = 0; i < values.length; i++) {
            FileColumn c = dataset.columns().get(i);
            if (c.derived()) {
                Object of = values[dataset.indexOf(c.dateOf())];
                values[i] = of == null ? null : of instanceof Long ms ? (int) Math.floorDiv(ms, DAY_MS) : of;
            }
            if (values[i] == null && !c.nullable()) {
                throw fail(where + ": column " + c.name() + " is empty but declared not nullable");
            }
        }
        return values;
    }

    /** Converts {@code value}, a String (CSV) or a JsonNode, to the type of column {@code i}. */
    private Object convert(int i, String where, Object value) {
        try {
            FileType type = dataset.columns().get(i).type();
            return value instanceof JsonNode node ? type.fromJson(node) : type.parse((String) value);
        } catch (IllegalArgumentException e) {
            throw fail(where + ", column " + dataset.columns().get(i).name() + ": " + e.getMessage());
        }
    }

    /** Returns the parser's complaint without the location details it appends. */
    private static String jsonProblem(JsonProcessingException e) {
        String why = e.getOriginalMessage();
        int cut = why.indexOf(" (start marker");
        return (cut > 0 ? why.substring(0, cut) : why).lines().findFirst().orElse(why);
    }

    private MaterializeException fail(String detail) {
        return new MaterializeException(Code.IO, file + ": " + detail);
    }

    private MaterializeException wrap(Exception e) {
        if (e instanceof MaterializeException m) {
            return m;
        }
        if (e instanceof IllegalArgumentException) {
            return fail(e.getMessage());
        }
        if (e instanceof UncheckedIOException u) {
            e = u.getCause();
        }
        return new MaterializeException(Code.IO, file + ": cannot be read: " + e.getMessage(), e);
    }

    @Override
    public void close() {
        try {
            reader.close();
        } catch (IOException ignored) {
            // nothing was written
        }
    }
}
