package io.gatos.sql.calcite.infoschema;

import static java.util.Objects.requireNonNull;

import java.util.function.Function;
import org.apache.calcite.sql.type.SqlTypeName;

/**
 * Declares one column of an information_schema table: its name, SQL type (VARCHAR or INTEGER, as
 * PostgreSQL's {@code sql_identifier}, {@code character_data}, {@code yes_or_no} and
 * {@code cardinal_number} domains map), nullability, and the function computing its value from a
 * row; the function may return null only for a nullable column.
 *
 * @param <R> the row type of the table
 */
record InfoColumn<R>(String name, SqlTypeName type, boolean nullable, Function<R, ?> value) {
    /** Checks that every part is present. */
    InfoColumn {
        requireNonNull(name, "name");
        requireNonNull(type, "type");
        requireNonNull(value, "value");
    }

    /** Declares a VARCHAR column that always has a value. */
    static <R> InfoColumn<R> text(String name, Function<R, String> value) {
        return new InfoColumn<>(name, SqlTypeName.VARCHAR, false, value);
    }

    /** Declares a VARCHAR column that may be null. */
    static <R> InfoColumn<R> optionalText(String name, Function<R, String> value) {
        return new InfoColumn<>(name, SqlTypeName.VARCHAR, true, value);
    }

    /** Declares an INTEGER column that always has a value. */
    static <R> InfoColumn<R> number(String name, Function<R, Integer> value) {
        return new InfoColumn<>(name, SqlTypeName.INTEGER, false, value);
    }

    /** Declares an INTEGER column that may be null. */
    static <R> InfoColumn<R> optionalNumber(String name, Function<R, Integer> value) {
        return new InfoColumn<>(name, SqlTypeName.INTEGER, true, value);
    }

    /** Declares a VARCHAR column that is always null here (PostgreSQL has it; we have nothing to put in it). */
    static <R> InfoColumn<R> absent(String name) {
        return new InfoColumn<>(name, SqlTypeName.VARCHAR, true, row -> null);
    }

    /** Returns PostgreSQL's {@code yes_or_no} spelling of {@code flag}. */
    static String yesNo(boolean flag) {
        return flag ? "YES" : "NO";
    }
}
