package io.gatos.sql.cli.options;

import java.util.Locale;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Names the file formats of {@code gatos export} and {@code gatos materialize --format}. */
public enum ExportFormat {
    /** One SQLite database file with typed tables, keys, indexes and views. */
    SQLITE,
    /** A directory of Parquet files, one subdirectory per table, Hive-partitioned where it helps. */
    PARQUET,
    /** One JSON event per line, in ULID order: a sparse export of events and messages ({@code gatos export} only). */
    NDJSON;

    /** Returns the name used on the command line, in lower case. */
    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Converts a command-line value, in any case, to sqlite or parquet (the table formats). */
    public static class Converter implements ITypeConverter<ExportFormat> {
        @Override
        public ExportFormat convert(String value) {
            String name = value.strip().toLowerCase(Locale.ROOT);
            for (ExportFormat format : values()) {
                if (format.toString().equals(name) && (format != NDJSON || ndjson())) {
                    return format;
                }
            }
            throw new TypeConversionException(
                    "'" + value + "' is not a supported format; use sqlite" + (ndjson() ? ", parquet or ndjson" : " or parquet"));
        }

        /** Tells whether ndjson is accepted. */
        boolean ndjson() {
            return false;
        }
    }

    /** Converts a command-line value of {@code gatos export --format}, in any case; also accepts ndjson. */
    public static final class ExportConverter extends Converter {
        @Override
        boolean ndjson() {
            return true;
        }
    }
}
