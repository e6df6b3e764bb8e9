package io.gatos.sql.materialize.parquet;

import static java.util.Objects.requireNonNull;

import io.gatos.sql.codec.Blake3;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Writes the sorted rows of one table into staged Parquet files, one file per partition (split
 * past {@value #MAX_ROWS} rows). An append-only table's file is named after the keys it holds
 * ({@code part-<16 hex>.parquet}), so writing the same rows again gives the same name and never a
 * second copy; a rewritten table is {@value TableLayout#WHOLE_FILE} (then {@code data-2.parquet}
 * and on past {@value #MAX_ROWS} rows). Two rows with one key are
 * refused. Holds one open file at a time.
 */
final class PartitionWriter {
    /** Most rows in one file. */
    static final int MAX_ROWS = 1_000_000;
    private final TableLayout layout;
    private final Staging staging;
    private final long now;
    private final AuditIndex previous;
    private final AuditIndex next;
    private final int[] positions;

    /**
     * Prepares writing {@code layout}'s rows stamped {@code now}; {@code previous} and {@code next}
     * are the audit indexes of a rewritten table (both null for an append-only one).
     */
    PartitionWriter(TableLayout layout, Staging staging, long now, AuditIndex previous, AuditIndex next) {
        this.layout = requireNonNull(layout, "layout");
        this.staging = requireNonNull(staging, "staging");
        this.now = now;
        this.previous = previous;
        this.next = next;
        this.positions = layout.storedPositions();
    }

    /**
     * Writes every row of {@code rows} (sorted by partition and key); returns the staged files. With
     * no rows and {@code emptyFile}, the table still gets one empty file at its top level with
     * {@link TableLayout#emptyFileColumns()}, so that readers find its directory and columns.
     */
    List<StagedFile> write(Iterator<SortBuffer.Entry> rows, boolean emptyFile) throws IOException {
        List<StagedFile> files = new ArrayList<>();
        Open open = null;
        SortBuffer.Entry last = null;
        while (rows.hasNext()) {
            SortBuffer.Entry row = rows.next();
            boolean samePartition = last != null && last.partition().equals(row.partition());
            if (samePartition && last.key().equals(row.key()) && !layout.def().primaryKey().isEmpty()) {
                throw new ParquetTable.DuplicateKey(row.key(), last.values(), row.values());
            }
            if (open != null && (!samePartition || open.sink.rows() >= MAX_ROWS)) {
                files.add(open.finish());
                open = null;
            }
            if (open == null) {
                open = new Open(row.partition(), files.size(), layout.columns());
            }
            open.add(row);
            last = row;
        }
        if (open == null && emptyFile) {
            open = new Open("", 0, layout.emptyFileColumns());
        }
        if (open != null) {
            files.add(open.finish());
        }
        return files;
    }

    /** One file being written. */
    private final class Open {
        private final String partition;
        private final int index;
        private final ParquetSink sink;
        private final Blake3 keys = Blake3.newHasher();

        Open(String partition, int index, List<ParquetColumn> columns) throws IOException {
            this.partition = partition;
            this.index = index;
            this.sink = ParquetSink.create(staging.newFile(layout.def().name()), layout.def().name(),
                    columns, Map.of("gatos.table", layout.def().name()));
        }

        void add(SortBuffer.Entry row) throws IOException {
            Object[] stored = TableLayout.storedValues(row.values(), positions);
            Object[] out = java.util.Arrays.copyOf(stored, stored.length + 2);
            long[] stamps = next == null ? new long[] {now, now} : next.stamp(previous, row.key(), stored, now);
            out[stored.length] = stamps[0];
            out[stored.length + 1] = stamps[1];
            sink.write(out);
            keys.update((row.key() + "\n").getBytes(StandardCharsets.UTF_8));
        }

        StagedFile finish() throws IOException {
            sink.close();
            String name = layout.appendOnly()
                    ? "part-" + java.util.HexFormat.of().formatHex(keys.digest()).substring(0, 16) + ".parquet"
                    : index == 0 ? TableLayout.WHOLE_FILE : "data-" + (index + 1) + ".parquet";
            String path = layout.def().name() + "/" + (partition.isEmpty() ? "" : partition + "/") + name;
            return new StagedFile(sink.file(), path, sink.rows(), Files.size(sink.file()),
                    FileDigest.of(sink.file()));
        }
    }
}
