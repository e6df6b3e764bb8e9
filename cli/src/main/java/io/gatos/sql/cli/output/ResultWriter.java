package io.gatos.sql.cli.output;

import java.io.IOException;
import java.io.Writer;
import java.sql.ResultSet;
import java.sql.SQLException;

/** Prints a result set in one output format, streaming rows as they arrive. */
public interface ResultWriter {
    /**
     * Prints every remaining row of {@code rs} to {@code out} and returns how many rows it printed;
     * closes neither.
     */
    long write(ResultSet rs, Writer out) throws SQLException, IOException;
}
