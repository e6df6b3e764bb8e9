package io.gatos.sql.catalog;

import static java.util.Objects.requireNonNull;

/**
 * Declares how an export splits a catalog table into directories (Hive partitions of the Parquet
 * export): not at all, by the UTC day of a TIMESTAMP column, or by the values of a column.
 *
 * @param by the kind of partitioning
 * @param column the column it reads; null exactly when {@code by} is {@link By#NONE}
 */
public record PartitionDef(By by, String column) {
    /** The partitioning of a table that is not split. */
    public static final PartitionDef NONE = new PartitionDef(By.NONE, null);

    /** Names the kinds of partitioning. */
    public enum By {
        /** Not split: one directory holds the table. */
        NONE,
        /** By the UTC day of a TIMESTAMP column ({@code date=YYYY-MM-DD}); the column stays in the files. */
        UTC_DAY,
        /** By the values of a column ({@code <column>=<value>}); the column is left out of the files. */
        VALUE
    }

    /** Checks that a column is named exactly when the table is split. */
    public PartitionDef {
        requireNonNull(by, "by");
        if ((by == By.NONE) != (column == null)) {
            throw new IllegalArgumentException("partitioning " + by + " " + (column == null ? "needs a column"
                    : "takes no column, got " + column));
        }
    }

    /** Returns whether the table is split into partitions. */
    public boolean partitioned() {
        return by != By.NONE;
    }

    /** Returns how catalog.json and docs spell it: {@code none}, {@code utc-day(ts)}, {@code value(state_ref)}. */
    @Override
    public String toString() {
        return by == By.NONE ? "none" : by.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-') + "(" + column
                + ")";
    }
}
