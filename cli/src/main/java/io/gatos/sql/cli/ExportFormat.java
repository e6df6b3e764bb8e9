package io.gatos.sql.cli;

import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

import java.util.Locale;

/**
 * Names the file formats of {@code gatos export} and {@code gatos materialize --format}: SQLite
 * only for now; Parquet comes in a later release.
 */
public enum ExportFormat {
    /** One SQLite database file with typed tables, keys, indexes and views. */
    SQLITE;

    /** Returns the name used on the command line, in lower case. */
    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Converts a command-line value, in any case; says when a format is planned but not here yet. */
    static final class Converter implements ITypeConverter<ExportFormat> {
        @Override
        public ExportFormat convert(String value) {
            String name = value.strip().toLowerCase(Locale.ROOT);
            if (name.equals("sqlite")) {
                return SQLITE;
            }
            if (name.equals("parquet")) {
                throw new TypeConversionException(
                        "parquet is not supported yet (Parquet export comes in a later release);"
                                + " use sqlite");
            }
            throw new TypeConversionException(
                    "'" + value + "' is not a supported format; use sqlite");
        }
    }
}
