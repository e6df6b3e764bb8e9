package io.gatos.sql.materialize.files;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.gatos.sql.materialize.MaterializeException;
import io.gatos.sql.materialize.MaterializeException.Code;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads and checks a declared file schema (JSON, or YAML for {@code .yaml}/{@code .yml} files; its
 * JSON Schema is {@code io.gatos.sql.schemas.JsonSchemas#fileSchema()}): the datasets of a directory
 * of CSV/JSON files with their typed columns. Nothing is guessed: a file's columns must match the
 * declaration.
 *
 * @param file where the declaration was read from (for messages)
 * @param datasets the datasets, in declaration order; a file belongs to the first whose pattern matches
 */
public record FileSchema(Path file, List<FileDataset> datasets) {
    /** The name of the declaration {@code --source NAME=DIR} reads from DIR when no {@code --schema} is given. */
    public static final String DEFAULT_NAME = "gatos-files.json";
    private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
    private static final Set<String> DATASET_KEYS = Set.of("name", "files", "format", "rows", "partition_by", "columns");
    private static final Set<String> COLUMN_KEYS = Set.of("name", "type", "nullable", "source", "date_of");

    /** Copies the dataset list. */
    public FileSchema {
        datasets = List.copyOf(datasets);
    }

    /** Returns the dataset the file named {@code fileName} belongs to, or null when no pattern matches. */
    public FileDataset datasetOf(String fileName) {
        return datasets.stream().filter(d -> d.matches(fileName)).findFirst().orElse(null);
    }

    /**
     * Reads the declaration at {@code file}.
     *
     * @throws MaterializeException {@code BAD_OPTION} naming the file, the dataset or column and the fix
     */
    public static FileSchema read(Path file) {
        String lower = file.getFileName().toString().toLowerCase(Locale.ROOT);
        ObjectMapper mapper = lower.endsWith(".yaml") || lower.endsWith(".yml")
                ? new ObjectMapper(new YAMLFactory()) : new ObjectMapper();
        JsonNode root;
        try {
            root = mapper.readTree(file.toFile());
        } catch (IOException e) {
            throw bad(file, "cannot be read: " + e.getMessage().lines().findFirst().orElse(""));
        }
        if (root == null || !root.path("datasets").isArray() || root.path("datasets").isEmpty()) {
            throw bad(file, "declares no datasets; give a 'datasets' list (see docs/DECISIONS.md, Files to Parquet)");
        }
        List<FileDataset> datasets = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (JsonNode node : root.path("datasets")) {
            FileDataset dataset = dataset(file, node);
            if (!names.add(dataset.name().toLowerCase(Locale.ROOT))) {
                throw bad(file, "declares dataset " + dataset.name() + " twice");
            }
            datasets.add(dataset);
        }
        return new FileSchema(file, datasets);
    }

    private static FileDataset dataset(Path file, JsonNode node) {
        String name = identifier(file, node.path("name"), "a dataset");
        String where = "dataset " + name;
        unknownKeys(file, node, DATASET_KEYS, where);
        String files = node.path("files").asText("");
        if (files.isBlank() || files.contains("/")) {
            throw bad(file, where + " needs 'files', a file-name pattern such as query_perf_daily_{date}.csv");
        }
        FileFormat format = node.has("format") ? FileFormat.named(node.path("format").asText())
                : FileFormat.ofFileName(files);
        if (format == null) {
            throw bad(file, where + " needs 'format': csv, json or jsonl");
        }
        String rows = node.path("rows").asText("");
        if (!rows.isEmpty() && (format != FileFormat.JSON || !rows.startsWith("/"))) {
            throw bad(file, where + ": 'rows' is a JSON Pointer such as /recommendations, only for format json");
        }
        List<FileColumn> columns = columns(file, node.path("columns"), where, format);
        FileDataset dataset = new FileDataset(name, files, format, rows, null, columns);
        String partitionBy = node.has("partition_by") ? node.path("partition_by").asText() : null;
        if (partitionBy != null) {
            int i = dataset.indexOf(partitionBy);
            if (i < 0 || (columns.get(i).type() != FileType.DATE && columns.get(i).type() != FileType.TIMESTAMP)) {
                throw bad(file, where + ": partition_by '" + partitionBy + "' must name a DATE or TIMESTAMP column");
            }
            partitionBy = columns.get(i).name();
        }
        return new FileDataset(name, files, format, rows, partitionBy, columns);
    }

    private static List<FileColumn> columns(Path file, JsonNode list, String where, FileFormat format) {
        if (!list.isArray() || list.isEmpty()) {
            throw bad(file, where + " declares no columns; give 'columns' with name and type each");
        }
        List<FileColumn> columns = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (JsonNode node : list) {
            String name = identifier(file, node.path("name"), "a column of " + where);
            String at = where + ", column " + name;
            unknownKeys(file, node, COLUMN_KEYS, at);
            FileType type = FileType.named(node.path("type").asText(""));
            if (type == null) {
                throw bad(file, at + ": type '" + node.path("type").asText("") + "' is not one of "
                        + java.util.Arrays.toString(FileType.values()));
            }
            String dateOf = node.has("date_of") ? node.path("date_of").asText() : null;
            if (dateOf != null && (type != FileType.DATE || node.has("source") || !names.contains(dateOf.toLowerCase(Locale.ROOT)))) {
                throw bad(file, at + ": date_of must name an earlier TIMESTAMP or DATE column, on a DATE column"
                        + " without 'source'");
            }
            String source = node.path("source").asText(name);
            if (source.startsWith("/") && format != FileFormat.JSON) {
                throw bad(file, at + ": a source starting with / is a JSON Pointer, only for format json");
            }
            if (!names.add(name.toLowerCase(Locale.ROOT))) {
                throw bad(file, where + " declares column " + name + " twice");
            }
            columns.add(new FileColumn(name, type, node.path("nullable").asBoolean(true), source, dateOf));
        }
        for (FileColumn c : columns) {
            if (c.derived()) {
                FileType of = columns.stream().filter(o -> o.name().equalsIgnoreCase(c.dateOf())).findFirst()
                        .orElseThrow().type();
                if (of != FileType.TIMESTAMP && of != FileType.DATE) {
                    throw bad(file, where + ", column " + c.name() + ": date_of must name a TIMESTAMP or DATE column");
                }
            }
        }
        return columns;
    }

    private static String identifier(Path file, JsonNode node, String what) {
        String name = node.asText("");
        if (!NAME.matcher(name).matches()) {
            throw bad(file, what + " has name '" + name + "'; use letters, digits and _ (not starting with a digit)");
        }
        return name;
    }

    private static void unknownKeys(Path file, JsonNode node, Set<String> known, String where) {
        for (Iterator<String> it = node.fieldNames(); it.hasNext();) {
            String key = it.next();
            if (!known.contains(key)) {
                throw bad(file, where + " has unknown key '" + key + "'; known keys: " + new java.util.TreeSet<>(known));
            }
        }
    }

    private static MaterializeException bad(Path file, String message) {
        return new MaterializeException(Code.BAD_OPTION, "file schema " + file + ": " + message);
    }
}
