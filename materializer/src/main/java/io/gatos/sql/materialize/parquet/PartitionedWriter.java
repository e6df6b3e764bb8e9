package io.gatos.sql.materialize.parquet;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;

/**
 * Writes rows into Hive-style partition directories under a root, one {@link ParquetSink} per
 * partition. A column partitioned by value is stored only in the directory names (as Hive, Spark
 * and DuckDB expect: Spark rejects a column both in the files and in the path); with
 * {@code year-month(COL)}, COL stays in the files and year and month are extra. At most
 * {@code maxOpen} files are open at once (each buffers up to a row group). Past the bound the least
 * recently written file is finished, and a later row of its partition starts the partition's next
 * file ({@code fileNames} gives part 0, 1, ...): unsorted input with many
 * partitions gives more, smaller files; input sorted by the partition column gives one file per
 * partition. The same rows in the same order always give the same files. Must be closed, which
 * finishes every open file (or writes the one row-less file of an empty result); after a failure
 * the caller deletes the root.
 */
public final class PartitionedWriter implements AutoCloseable {
    private final Path root;
    private final String name;
    private final List<ParquetColumn> columns;
    private final List<ParquetColumn> fileColumns;
    private final Map<String, String> metadata;
    private final PartitionSpec spec;
    private final int partitionIndex;
    private final int maxOpen;
    private final IntFunction<String> fileNames;
    private final LinkedHashMap<String, ParquetSink> open = new LinkedHashMap<>(16, 0.75f, true);
    private final Map<String, Integer> parts = new HashMap<>();
    private final List<Path> files = new ArrayList<>();
    private long rows;

    /**
     * Prepares a writer of rows of {@code columns} under {@code root}, partitioned by {@code spec}.
     *
     * @throws io.gatos.sql.materialize.MaterializeException {@code BAD_OPTION} when the partition column
     *     is missing or of a kind {@code spec} cannot partition by
     */
    public PartitionedWriter(Path root, String name, List<ParquetColumn> columns, Map<String, String> metadata,
            PartitionSpec spec, int maxOpen, IntFunction<String> fileNames) {
        this.root = requireNonNull(root, "root");
        this.name = requireNonNull(name, "name");
        this.columns = List.copyOf(columns);
        this.metadata = Map.copyOf(metadata);
        this.spec = requireNonNull(spec, "spec");
        this.fileNames = requireNonNull(fileNames, "fileNames");
        this.maxOpen = Math.max(1, maxOpen);
        this.partitionIndex = indexOf(columns, spec.column());
        if (partitionIndex < 0) {
            throw new io.gatos.sql.materialize.MaterializeException(
                    io.gatos.sql.materialize.MaterializeException.Code.BAD_OPTION, "--partition-by " + spec
                    + ": the result has no column " + spec.column() + "; its columns are "
                    + columns.stream().map(ParquetColumn::name).toList());
        }
        spec.check(columns.get(partitionIndex).kind());
        List<ParquetColumn> stored = new ArrayList<>(columns);
        if (!spec.yearMonth()) {
            stored.remove(partitionIndex); // the directory holds it, as Hive readers expect
        }
        this.fileColumns = List.copyOf(stored);
    }

    /** Returns the position of the column named {@code name} (any case), or -1. */
    public static int indexOf(List<ParquetColumn> columns, String name) {
        for (int i = 0; i < columns.size(); i++) {
            if (columns.get(i).name().equalsIgnoreCase(name)) {
                return i;
            }
        }
        return -1;
    }

    /** Writes one row into the file of its partition, opening (and if needed finishing another) file. */
    public void write(Object[] row) throws IOException {
        List<String> dirs = spec.directories(row[partitionIndex], columns.get(partitionIndex).kind());
        String key = String.join("/", dirs);
        ParquetSink sink = open.get(key);
        if (sink == null) {
            if (open.size() >= maxOpen) {
                Iterator<ParquetSink> eldest = open.values().iterator();
                ParquetSink finished = eldest.next();
                eldest.remove();
                finished.close();
            }
            int part = parts.merge(key, 1, Integer::sum) - 1;
            Path dir = root;
            for (String d : dirs) {
                dir = dir.resolve(d);
            }
            Files.createDirectories(dir);
            Path file = dir.resolve(fileNames.apply(part));
            sink = ParquetSink.create(file, name, fileColumns, metadata);
            files.add(root.relativize(file));
            open.put(key, sink);
        }
        sink.write(spec.yearMonth() ? row : without(row, partitionIndex));
        rows++;
    }

    private static Object[] without(Object[] row, int index) {
        Object[] out = new Object[row.length - 1];
        System.arraycopy(row, 0, out, 0, index);
        System.arraycopy(row, index + 1, out, index, row.length - index - 1);
        return out;
    }

    /** Returns the rows written so far. */
    public long rows() {
        return rows;
    }

    /** Returns the files started so far, relative to the root, in the order they were started. */
    public List<Path> files() {
        return List.copyOf(files);
    }

    /**
     * Finishes every open file; when no row was written, writes one file without rows at the top of
     * the root, with every column (the partition column too), so that readers find the schema.
     */
    @Override
    public void close() throws IOException {
        if (files.isEmpty()) {
            Path file = Files.createDirectories(root).resolve(fileNames.apply(0));
            ParquetSink.create(file, name, columns, metadata).close();
            files.add(root.relativize(file));
        }
        IOException first = null;
        for (ParquetSink sink : open.values()) {
            try {
                sink.close();
            } catch (IOException e) {
                first = first == null ? e : first;
            }
        }
        open.clear();
        if (first != null) {
            throw first;
        }
    }
}
