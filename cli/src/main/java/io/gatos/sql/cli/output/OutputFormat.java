package io.gatos.sql.cli.output;

import io.gatos.sql.cli.options.LowerCaseEnum;
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
    public ResultWriter writer() {
        return writers.get();
    }

    /** Returns the name used on the command line, in lower case. */
    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Converts a command-line value, in any case, to a format; lists the names for completion. */
    public static final class Converter extends LowerCaseEnum<OutputFormat> {
        Converter() {
            super(OutputFormat.class);
        }
    }
}
