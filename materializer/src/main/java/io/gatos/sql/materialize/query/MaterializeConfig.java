package io.gatos.sql.materialize.query;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.gatos.sql.materialize.MaterializeException;
import io.gatos.sql.materialize.export.ExportOptions;
import io.gatos.sql.materialize.export.Exporter;
import io.gatos.sql.materialize.export.Format;
import io.gatos.sql.materialize.parquet.ParquetQueryJob;
import io.gatos.sql.materialize.parquet.ParquetQueryMaterializer;
import io.gatos.sql.materialize.parquet.PartitionSpec;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Reads the job list of {@code gatos materialize --config FILE} (YAML or JSON): a default
 * {@code repo} and a list of {@code jobs}, each an {@code export} or a {@code query}. Relative
 * paths are resolved against the file's directory.
 *
 * <pre>
 * repo: ../ledger.git
 * jobs:
 *   - export: {out: exports/ledger.sqlite, tables: [events, commits]}
 *   - query: {sql: "SELECT ns, COUNT(*) AS n FROM events GROUP BY ns", table: events_per_ns,
 *             out: exports/ledger-reports.sqlite}
 *   - export: {out: exports/ledger-parquet, format: parquet}
 *   - query: {sql: "SELECT id, ns, ts FROM events", format: parquet, out: exports/events-by-month,
 *             partition_by: "year-month(ts)"}
 * </pre>
 *
 * @param jobs the jobs in file order; each is a named action that returns its summary line
 */
public record MaterializeConfig(List<Job> jobs) {
    /** Names one job and runs it, returning its summary line. */
    public record Job(String name, Supplier<String> action) {
    }

    /** Copies the list. */
    public MaterializeConfig {
        jobs = List.copyOf(jobs);
    }

    /** Parses {@code file}; throws {@code BAD_OPTION} naming the file, the job and the field. */
    public static MaterializeConfig read(Path file) {
        JsonNode root;
        try {
            root = new ObjectMapper(new YAMLFactory()).readTree(file.toFile());
        } catch (IOException e) {
            throw bad(file + " cannot be read: " + e.getMessage());
        }
        if (root == null || !root.path("jobs").isArray() || root.path("jobs").isEmpty()) {
            throw bad(file + " has no jobs: write 'jobs:' with a list of 'export:' or 'query:' entries");
        }
        Path dir = file.toAbsolutePath().getParent();
        String defaultRepo = root.path("repo").isTextual() ? root.path("repo").asText() : null;
        List<Job> jobs = new ArrayList<>();
        int n = 0;
        for (JsonNode entry : root.path("jobs")) {
            n++;
            String where = file + " job " + n;
            if (entry.has("export")) {
                ExportOptions options = export(entry.get("export"), dir, defaultRepo, where);
                jobs.add(new Job("export " + options.out(), () -> Exporter.run(options).summary()));
            } else if (entry.has("query") && "parquet".equals(entry.get("query").path("format").asText())) {
                ParquetQueryJob job = parquetQuery(entry.get("query"), dir, defaultRepo, where);
                jobs.add(new Job("query " + job.out(), () -> ParquetQueryMaterializer.run(job).summary()));
            } else if (entry.has("query")) {
                QueryJob job = query(entry.get("query"), dir, defaultRepo, where);
                jobs.add(new Job("query " + job.table(), () -> QueryMaterializer.run(job).summary()));
            } else {
                throw bad(where + " is neither 'export:' nor 'query:'");
            }
        }
        return new MaterializeConfig(jobs);
    }

    private static ExportOptions export(JsonNode e, Path dir, String repo, String where) {
        Map<String, List<String>> columns = new LinkedHashMap<>();
        fields(e.path("columns")).forEachRemaining(f -> {
            List<String> cols = new ArrayList<>();
            f.getValue().forEach(c -> cols.add(c.asText()));
            columns.put(f.getKey(), cols);
        });
        Map<String, JsonNode> filters = new LinkedHashMap<>();
        fields(e.path("where")).forEachRemaining(f -> filters.put(f.getKey(), f.getValue()));
        List<String> tables = new ArrayList<>();
        e.path("tables").forEach(t -> tables.add(t.asText()));
        return new ExportOptions(path(dir, text(e, "repo", repo, where)), path(dir, text(e, "out", null, where)),
                tables, optional(e, "since"), optional(e, "until"), columns, filters,
                e.path("batch_size").asInt(ExportOptions.DEFAULT_BATCH), e.path("full").asBoolean(false), null,
                format(e, where));
    }

    private static Format format(JsonNode job, String where) {
        String name = job.path("format").asText("sqlite");
        for (Format f : Format.values()) {
            if (f.id().equals(name)) {
                return f;
            }
        }
        throw bad(where + ": format " + name + " is not supported; use sqlite or parquet");
    }

    private static ParquetQueryJob parquetQuery(JsonNode q, Path dir, String repo, String where) {
        if (q.has("table")) {
            throw bad(where + ": a parquet query job writes the whole of 'out'; remove 'table'");
        }
        String partition = optional(q, "partition_by");
        return new ParquetQueryJob(path(dir, text(q, "repo", repo, where)), List.of(), text(q, "sql", null, where),
                path(dir, text(q, "out", null, where)), partition == null ? null : PartitionSpec.parse(partition),
                ParquetQueryJob.DEFAULT_MAX_OPEN_FILES);
    }

    private static QueryJob query(JsonNode q, Path dir, String repo, String where) {
        format(q, where);
        return new QueryJob(path(dir, text(q, "repo", repo, where)), text(q, "sql", null, where),
                text(q, "table", null, where), path(dir, text(q, "out", null, where)),
                q.path("batch_size").asInt(ExportOptions.DEFAULT_BATCH));
    }

    private static Iterator<Map.Entry<String, JsonNode>> fields(JsonNode node) {
        return node.isObject() ? node.fields() : java.util.Collections.emptyIterator();
    }

    private static String text(JsonNode node, String field, String fallback, String where) {
        String value = node.path(field).isTextual() ? node.path(field).asText() : fallback;
        if (value == null) {
            throw bad(where + " has no '" + field + "'");
        }
        return value;
    }

    private static String optional(JsonNode node, String field) {
        return node.path(field).isTextual() ? node.path(field).asText() : null;
    }

    private static Path path(Path dir, String value) {
        return dir.resolve(value).normalize();
    }

    private static MaterializeException bad(String message) {
        return new MaterializeException(MaterializeException.Code.BAD_OPTION, message);
    }
}
