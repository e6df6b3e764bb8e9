package io.gatos.sql.materialize.export;

import java.util.Locale;

/** Names the output formats of an export, as the manifest's {@code format} spells them. */
public enum Format {
    /** One SQLite file. */
    SQLITE,
    /** A directory of Parquet files, one subdirectory per table. */
    PARQUET;

    /** Returns the manifest's name of the format, in lower case. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }
}
