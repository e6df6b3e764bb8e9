package io.gatos.sql.materialize.parquet;

import static java.util.Objects.requireNonNull;

import io.gatos.sql.catalog.ColumnDef;
import org.apache.parquet.schema.Type;
import org.apache.parquet.schema.Types;

/**
 * Declares one column of a Parquet file.
 *
 * @param name the column name
 * @param kind what the column holds
 * @param nullable whether the column is OPTIONAL (else REQUIRED: a null value is an error)
 */
public record ParquetColumn(String name, ParquetKind kind, boolean nullable) {
    /** Checks the parts. */
    public ParquetColumn {
        requireNonNull(name, "name");
        requireNonNull(kind, "kind");
    }

    /** Returns the column of a catalog column, with its kind and nullability. */
    public static ParquetColumn of(ColumnDef column) {
        return new ParquetColumn(column.name(), ParquetKind.of(column.type()), column.nullable());
    }

    /** Returns the Parquet type of this column. */
    public Type type() {
        var builder = nullable ? Types.optional(kind.physical()) : Types.required(kind.physical());
        return (kind.logical() == null ? builder : builder.as(kind.logical())).named(name);
    }
}
