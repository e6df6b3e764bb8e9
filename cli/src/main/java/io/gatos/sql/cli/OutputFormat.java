package io.gatos.sql.cli;

import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

import java.util.Arrays;
import java.util.Iterator;
import java.util.Locale;
import java.util.function.Supplier;

/** Names the output formats of {@code gatos sql --format} and creates their writers. */
public enum OutputFormat {
    /** An aligned text table with a header and a row-count footer. */
    TABLE(TableWriter::new),
    /** RFC 4180 CSV with a header row. */
    CSV(CsvWriter::new),
    /** One JSON array of row objects. */
    JSON(() -> new JsonWriter(false)),
    /** One JSON object per line. */
    NDJSON(() -> new JsonWriter(true));

    private final Supplier<ResultWriter> writers;

    OutputFormat(Supplier<ResultWriter> writers) {
        this.writers = writers;
    }

    /** Returns a new writer for this format. */
    ResultWriter writer() {
        return writers.get();
    }

    /** Returns the name used on the command line, in lower case. */
    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Converts a command-line value, in any case, to a format. */
    static final class Converter implements ITypeConverter<OutputFormat> {
        @Override
        public OutputFormat convert(String value) {
            for (OutputFormat format : values()) {
                if (format.toString().equalsIgnoreCase(value.strip())) {
                    return format;
                }
            }
            throw new TypeConversionException(
                    "expected one of " + Arrays.toString(values()) + " but was '" + value + "'");
        }
    }

    /** Lists the command-line names, for picocli's {@code ${COMPLETION-CANDIDATES}}. */
    static final class Names implements Iterable<String> {
        @Override
        public Iterator<String> iterator() {
            return Arrays.stream(values()).map(OutputFormat::toString).iterator();
        }
    }
}
