package io.gatos.sql.cli;

import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

import java.util.Locale;

/** Names the file formats of {@code gatos export} and {@code gatos materialize --format}. */
public enum ExportFormat {
    /** One SQLite database file with typed tables, keys, indexes and views. */
    SQLITE,
    /** A directory of Parquet files, one subdirectory per table, Hive-partitioned where it helps. */
    PARQUET;

    /** Returns the name used on the command line, in lower case. */
    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Converts a command-line value, in any case. */
    static final class Converter implements ITypeConverter<ExportFormat> {
        @Override
        public ExportFormat convert(String value) {
            String name = value.strip().toLowerCase(Locale.ROOT);
            for (ExportFormat format : values()) {
                if (format.toString().equals(name)) {
                    return format;
                }
            }
            throw new TypeConversionException(
                    "'" + value + "' is not a supported format; use sqlite or parquet");
        }
    }
}
