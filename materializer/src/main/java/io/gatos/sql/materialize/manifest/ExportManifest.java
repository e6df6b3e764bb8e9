package io.gatos.sql.materialize.manifest;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Describes one export as written to {@code <out>.manifest.json} (schema
 * {@code export-manifest.schema.json} in module schemas): what was read (the frontier of ref heads),
 * what was written (tables, columns, filters, row counts, digests) and the Explorer-Root binding
 * the two. Immutable; maps are sorted so the JSON is deterministic.
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
@JsonPropertyOrder({"$schema", "manifest_version", "format", "output", "extractor_version", "state_ref",
        "commit_range", "frontier", "ledger_head", "policy_root", "fold_root", "explorer_root", "tables", "run",
        "ledger_time", "created_at"})
public record ExportManifest(
        @JsonProperty("$schema") String schema,
        @JsonProperty("manifest_version") int manifestVersion,
        @JsonProperty("format") String format,
        @JsonProperty("output") String output,
        @JsonProperty("extractor_version") String extractorVersion,
        @JsonProperty("state_ref") String stateRef,
        @JsonProperty("commit_range") CommitRange commitRange,
        @JsonProperty("frontier") SortedMap<String, Head> frontier,
        @JsonProperty("ledger_head") String ledgerHead,
        @JsonProperty("policy_root") String policyRoot,
        @JsonProperty("fold_root") String foldRoot,
        @JsonProperty("explorer_root") String explorerRoot,
        @JsonProperty("tables") SortedMap<String, TableEntry> tables,
        @JsonProperty("run") Run run,
        @JsonProperty("ledger_time") long ledgerTime,
        @JsonProperty("created_at") String createdAt) {
    /** The {@code $id} of the manifest schema. */
    public static final String SCHEMA_ID = "https://gatos.io/schemas/gatos-sql/export-manifest-1.json";

    /** Copies the maps into sorted, unmodifiable ones. */
    public ExportManifest {
        requireNonNull(format, "format");
        frontier = java.util.Collections.unmodifiableSortedMap(new TreeMap<>(requireNonNull(frontier, "frontier")));
        tables = java.util.Collections.unmodifiableSortedMap(new TreeMap<>(requireNonNull(tables, "tables")));
    }

    /**
     * Names the commits bounding the export: {@code start} is the {@code --since} commit (null: from
     * the beginning), {@code end} the {@code --until} commit (null: the frontier).
     */
    public record CommitRange(@JsonProperty("start") String start, @JsonProperty("end") String end) {
    }

    /** Records one ref head of the frontier and its first-parent length (-1 when not measured). */
    @JsonPropertyOrder({"head", "length"})
    public record Head(@JsonProperty("head") String head, @JsonProperty("length") long length) {
    }

    /**
     * Describes one exported table: its columns, its row filter (null: every row), its row count and
     * a BLAKE3 digest: of its rows in key order (SQLite), or of its file list (Parquet, which also
     * lists its files; null for SQLite).
     */
    @JsonPropertyOrder({"columns", "filter", "rows", "digest", "files"})
    public record TableEntry(@JsonProperty("columns") List<String> columns, @JsonProperty("filter") JsonNode filter,
            @JsonProperty("rows") long rows, @JsonProperty("digest") String digest,
            @JsonProperty("files") @JsonInclude(JsonInclude.Include.NON_NULL) List<FileEntry> files) {
        /** Copies the lists; a JSON {@code null} filter (as read back from a file) becomes null. */
        public TableEntry {
            columns = List.copyOf(columns);
            filter = filter == null || filter.isNull() ? null : filter;
            files = files == null ? null : List.copyOf(files);
        }

        /** Describes a table of an SQLite export, which lists no files. */
        public TableEntry(List<String> columns, JsonNode filter, long rows, String digest) {
            this(columns, filter, rows, digest, null);
        }
    }

    /**
     * Describes one file of a Parquet export: its path relative to the dataset directory, its rows,
     * its size and the BLAKE3 digest of its bytes.
     */
    @JsonPropertyOrder({"path", "rows", "bytes", "digest"})
    public record FileEntry(@JsonProperty("path") String path, @JsonProperty("rows") long rows,
            @JsonProperty("bytes") long bytes, @JsonProperty("digest") String digest) {
    }

    /** Describes the run that wrote the manifest: its mode, its range options and how many runs the export has seen. */
    @JsonPropertyOrder({"mode", "since", "until", "runs"})
    public record Run(@JsonProperty("mode") String mode, @JsonProperty("since") String since,
            @JsonProperty("until") String until, @JsonProperty("runs") long runs) {
    }

    /** Returns the frontier as a plain map of ref to head id. */
    public Map<String, String> heads() {
        Map<String, String> out = new TreeMap<>();
        frontier.forEach((ref, head) -> out.put(ref, head.head()));
        return out;
    }
}
