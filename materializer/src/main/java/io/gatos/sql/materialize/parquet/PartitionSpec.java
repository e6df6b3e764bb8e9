package io.gatos.sql.materialize.parquet;

import static java.util.Objects.requireNonNull;

import io.gatos.sql.materialize.MaterializeException;
import io.gatos.sql.materialize.MaterializeException.Code;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Declares how a dataset is split into Hive-style directories: {@code COL=value/} by the values of
 * a column, or {@code year=YYYY/month=MM/} by the UTC year and month of a DATE or TIMESTAMP column
 * ({@code year-month(COL)}). See {@link PartitionedWriter} for which columns the files keep.
 *
 * @param column the partition column's name as given
 * @param yearMonth true for {@code year-month(COL)}, false for the column's values
 */
public record PartitionSpec(String column, boolean yearMonth) {
    /** The directory value of a null (or empty text) partition value, as Hive and DuckDB read it. */
    public static final String NULL_VALUE = "__HIVE_DEFAULT_PARTITION__";
    private static final Pattern YEAR_MONTH = Pattern.compile("(?i)year-month\\(\\s*([A-Za-z_][A-Za-z0-9_]*)\\s*\\)");
    private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
    private static final String ESCAPED = "\"#%'*/:=?\\{}[]^";

    /** Checks the parts. */
    public PartitionSpec {
        requireNonNull(column, "column");
    }

    /**
     * Parses {@code COL} or {@code year-month(COL)}.
     *
     * @throws MaterializeException {@code BAD_OPTION} for anything else
     */
    public static PartitionSpec parse(String text) {
        String s = text.strip();
        Matcher m = YEAR_MONTH.matcher(s);
        if (m.matches()) {
            return new PartitionSpec(m.group(1), true);
        }
        if (NAME.matcher(s).matches()) {
            return new PartitionSpec(s, false);
        }
        throw new MaterializeException(Code.BAD_OPTION, "--partition-by '" + text + "' must be a column name or"
                + " year-month(COLUMN)");
    }

    /**
     * Checks that a column of {@code kind} can partition this way: by value only kinds with an exact
     * text form (strings, integers, booleans, dates); by year and month only DATE and TIMESTAMP.
     *
     * @throws MaterializeException {@code BAD_OPTION} naming the column and what to use instead
     */
    public void check(ParquetKind kind) {
        boolean ok = yearMonth ? kind == ParquetKind.DATE || kind == ParquetKind.TIMESTAMP
                : kind == ParquetKind.STRING || kind == ParquetKind.INT32 || kind == ParquetKind.INT64
                        || kind == ParquetKind.BOOLEAN || kind == ParquetKind.DATE;
        if (!ok) {
            throw new MaterializeException(Code.BAD_OPTION, "--partition-by " + this + ": column " + column + " is "
                    + kind + (yearMonth ? "; year-month() needs a DATE or TIMESTAMP column"
                            : "; partition by a text, integer, boolean or DATE column, or use year-month(" + column
                                    + ") for a TIMESTAMP"));
        }
    }

    /** Returns the directory names, outermost first, of a row whose partition value (as ParquetSink takes it) is {@code value}. */
    public List<String> directories(Object value, ParquetKind kind) {
        if (yearMonth) {
            if (value == null) {
                return List.of("year=" + NULL_VALUE, "month=" + NULL_VALUE);
            }
            LocalDate date = date(value, kind);
            return List.of(String.format(Locale.ROOT, "year=%04d", date.getYear()),
                    String.format(Locale.ROOT, "month=%02d", date.getMonthValue()));
        }
        String text = value == null ? null : kind == ParquetKind.DATE ? date(value, kind).toString() : value.toString();
        return List.of(column + "=" + (text == null || text.isEmpty() ? NULL_VALUE : escape(text)));
    }

    /** Returns the UTC date of a DATE (LocalDate or epoch days) or TIMESTAMP (epoch ms) value. */
    public static LocalDate date(Object value, ParquetKind kind) {
        if (value instanceof LocalDate d) {
            return d;
        }
        long n = ((Number) value).longValue();
        return kind == ParquetKind.TIMESTAMP ? Instant.ofEpochMilli(n).atOffset(ZoneOffset.UTC).toLocalDate()
                : LocalDate.ofEpochDay(n);
    }

    /** Percent-encodes the characters Hive escapes in directory values (and control characters). */
    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x20 || c == 0x7F || ESCAPED.indexOf(c) >= 0) {
                out.append('%').append(String.format(Locale.ROOT, "%02X", (int) c));
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    /** Renders the option value: {@code COL} or {@code year-month(COL)}. */
    @Override
    public String toString() {
        return yearMonth ? "year-month(" + column + ")" : column;
    }
}
