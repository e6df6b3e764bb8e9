package io.gatos.sql.materialize.parquet;

import static java.util.Objects.requireNonNull;

import io.gatos.sql.catalog.PartitionDef;
import io.gatos.sql.catalog.TableDef;
import io.gatos.sql.catalog.TableProfile;
import io.gatos.sql.materialize.sqlite.SqliteDdl;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * Lays out one catalog table in a Parquet dataset, as its {@link TableProfile} declares: its
 * directory, its Hive partition (by the UTC day of a column as {@code date=YYYY-MM-DD}, the column
 * kept in the files; by the value of a column as {@code <column>=<value>}, the column then left out of
 * the files as Hive readers expect), whether runs append files or rewrite the table, the file columns
 * (selected columns plus the two audit timestamps) and the sort key within each file. A table
 * without a profile (not a catalog table) is rewritten whole and not partitioned.
 *
 * @param def the catalog table
 * @param read the columns read from the ledger, in order: the selected ones, then the partition
 *     source when it was not selected
 * @param selected the columns the user selected (the manifest's columns)
 */
public record TableLayout(TableDef def, List<String> read, List<String> selected) {
    /** The file name of a table rewritten whole by every run that touches it. */
    public static final String WHOLE_FILE = "data.parquet";
    /** The Hive column of a partition by UTC day: {@code date=YYYY-MM-DD}. */
    private static final String DAY = "date";

    /** Copies the lists. */
    public TableLayout {
        requireNonNull(def, "def");
        read = List.copyOf(read);
        selected = List.copyOf(selected);
    }

    /** Returns the layout of {@code def} exporting {@code selected} columns. */
    public static TableLayout of(TableDef def, List<String> selected) {
        List<String> read = new ArrayList<>(selected);
        PartitionDef partitioning = partitioning(def);
        if (partitioning.partitioned() && !read.contains(partitioning.column())) {
            read.add(partitioning.column());
        }
        return new TableLayout(def, read, selected);
    }

    /**
     * Returns whether runs add files to this table instead of rewriting it: its rows never change
     * once written ({@link TableProfile#appendOnly()}, shared with the SQLite export).
     */
    public boolean appendOnly() {
        return def.profile() != null && def.profile().appendOnly();
    }

    /** Returns whether the table's files live in Hive partition directories. */
    public boolean partitioned() {
        return partitioning(def).partitioned();
    }

    private static PartitionDef partitioning(TableDef def) {
        return def.profile() == null ? PartitionDef.NONE : def.profile().partitioning();
    }

    /** Returns the Hive directory of {@code row} (values in {@link #read()} order), or "" when unpartitioned. */
    public String partition(Object[] row) {
        PartitionDef partitioning = partitioning(def);
        if (!partitioning.partitioned()) {
            return "";
        }
        Object value = row[read.indexOf(partitioning.column())];
        return switch (partitioning.by()) {
            case UTC_DAY -> DAY + "=" + Instant.ofEpochMilli((Long) value).atOffset(ZoneOffset.UTC).toLocalDate();
            default -> partitioning.column() + "=" + value;
        };
    }

    /** Returns the column names stored in the files: the selected ones minus a Hive partition column. */
    public List<String> stored() {
        PartitionDef partitioning = partitioning(def);
        boolean hive = partitioning.by() == PartitionDef.By.VALUE;
        return selected.stream().filter(c -> !(hive && c.equals(partitioning.column()))).toList();
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
     * DATE for a day partition, the column as STRING for a value one, e.g. {@code state_ref}), so
     * that readers of an empty table find the same columns as of a full one; for an unpartitioned
     * table, {@link #columns()}.
     */
    public List<ParquetColumn> emptyFileColumns() {
        List<ParquetColumn> out = new ArrayList<>(columns());
        PartitionDef partitioning = partitioning(def);
        switch (partitioning.by()) {
            case UTC_DAY -> out.add(new ParquetColumn(DAY, ParquetKind.DATE, false));
            case VALUE -> out.add(new ParquetColumn(partitioning.column(), ParquetKind.STRING, false));
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
