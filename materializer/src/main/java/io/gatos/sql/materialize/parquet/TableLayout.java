package io.gatos.sql.materialize.parquet;

import static java.util.Objects.requireNonNull;

import io.gatos.sql.catalog.TableDef;
import io.gatos.sql.materialize.TablePolicy;
import io.gatos.sql.materialize.sqlite.SqliteDdl;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * Lays out one catalog table in a Parquet dataset: its directory, its Hive partition (events by UTC
 * day of {@code ts} as {@code date=YYYY-MM-DD}, state nodes by {@code state_ref=<id>}, the
 * partition column then left out of the files as Hive readers expect), whether runs append files or
 * rewrite the table, the file columns (selected columns plus the two audit timestamps) and the sort
 * key within each file.
 *
 * @param def the catalog table
 * @param read the columns read from the ledger, in order: the selected ones, then the partition
 *     source when it was not selected
 * @param selected the columns the user selected (the manifest's columns)
 */
public record TableLayout(TableDef def, List<String> read, List<String> selected) {
    /** The file name of a table rewritten whole by every run that touches it. */
    public static final String WHOLE_FILE = "data.parquet";

    /** Copies the lists. */
    public TableLayout {
        requireNonNull(def, "def");
        read = List.copyOf(read);
        selected = List.copyOf(selected);
    }

    /** Returns the layout of {@code def} exporting {@code selected} columns. */
    public static TableLayout of(TableDef def, List<String> selected) {
        List<String> read = new ArrayList<>(selected);
        String source = partitionSource(def.name());
        if (source != null && !read.contains(source)) {
            read.add(source);
        }
        return new TableLayout(def, read, selected);
    }

    /**
     * Returns whether runs add files to this table instead of rewriting it: its rows never change
     * once written ({@link TablePolicy}, shared with the SQLite export).
     */
    public boolean appendOnly() {
        return TablePolicy.appendOnlyTable(def.name());
    }

    /** Returns whether the table's files live in Hive partition directories. */
    public boolean partitioned() {
        return partitionSource(def.name()) != null;
    }

    private static String partitionSource(String table) {
        return switch (table) {
            case "events" -> "ts";
            case "state_nodes" -> "state_ref";
            default -> null;
        };
    }

    /** Returns the Hive directory of {@code row} (values in {@link #read()} order), or "" when unpartitioned. */
    public String partition(Object[] row) {
        String source = partitionSource(def.name());
        if (source == null) {
            return "";
        }
        Object value = row[read.indexOf(source)];
        return switch (def.name()) {
            case "events" -> "date=" + Instant.ofEpochMilli((Long) value).atOffset(ZoneOffset.UTC).toLocalDate();
            default -> source + "=" + value;
        };
    }

    /** Returns the column names stored in the files: the selected ones minus a Hive partition column. */
    public List<String> stored() {
        String source = partitionSource(def.name());
        boolean hive = source != null && !source.equals("ts");
        return selected.stream().filter(c -> !(hive && c.equals(source))).toList();
    }

    /** Returns the Parquet columns of the files: {@link #stored()} then created and updated timestamps. */
    public List<ParquetColumn> columns() {
        List<ParquetColumn> out = new ArrayList<>();
        for (String name : stored()) {
            out.add(ParquetColumn.of(def.column(name).orElseThrow()));
        }
        out.add(new ParquetColumn(SqliteDdl.createdColumn(def), ParquetKind.TIMESTAMP, false));
        out.add(new ParquetColumn(SqliteDdl.updatedColumn(def), ParquetKind.TIMESTAMP, false));
        return out;
    }

    /**
     * Returns the columns of the one empty file a partitioned table with no rows gets at its top
     * level ({@link #columns()} then the partition column, where Hive readers put it: {@code date}
     * DATE or {@code state_ref} STRING), so that readers of an empty table find the same columns
     * as of a full one; for an unpartitioned table, {@link #columns()}.
     */
    public List<ParquetColumn> emptyFileColumns() {
        List<ParquetColumn> out = new ArrayList<>(columns());
        switch (def.name()) {
            case "events" -> out.add(new ParquetColumn("date", ParquetKind.DATE, false));
            case "state_nodes" -> out.add(new ParquetColumn("state_ref", ParquetKind.STRING, false));
            default -> {
                // not partitioned: its files hold every column
            }
        }
        return out;
    }

    /** Returns, for each stored column, its position in {@link #read()}; compute once per table, not per row. */
    public int[] storedPositions() {
        return stored().stream().mapToInt(read::indexOf).toArray();
    }

    /** Returns the values of {@code row} (in {@link #read()} order) as stored, without the audit columns. */
    public Object[] storedValues(Object[] row) {
        return storedValues(row, storedPositions());
    }

    /** Returns the values of {@code row} at {@code positions} (from {@link #storedPositions()}). */
    public static Object[] storedValues(Object[] row, int[] positions) {
        Object[] out = new Object[positions.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = row[positions[i]];
        }
        return out;
    }

    /**
     * Returns the sort and identity key of {@code row}: its primary key values joined by NUL, or,
     * for a table without a key, all its values.
     */
    public String key(Object[] row) {
        List<String> key = def.primaryKey().isEmpty() ? selected : def.primaryKey();
        StringBuilder out = new StringBuilder();
        for (String column : key) {
            int at = read.indexOf(column);
            out.append(out.length() == 0 ? "" : "\u0000").append(at < 0 ? "" : String.valueOf(row[at]));
        }
        return out.toString();
    }
}
