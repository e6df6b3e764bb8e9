package io.gatos.sql.jdbc;

import java.util.Map;
import java.util.Properties;

/**
 * Fills in the Calcite connection settings gatos-sql relies on, unless the URL sets them:
 * case-insensitive identifiers, double-quoted names, timestamps in UTC, and the PostgreSQL-flavoured
 * dialect (docs/DECISIONS.md, "SQL dialect"): gatos-sql's own parser, which lets catalog column names
 * such as {@code stream}, {@code lag} and {@code ref} go unquoted; Calcite's PostgreSQL function
 * library; the lenient conformance (GROUP BY an alias or an ordinal, {@code !=}, {@code %}); and a
 * type system that does not pad text. Public so that connections without a ledger (queries over
 * files only) read SQL the same way.
 */
public final class ConnectionDefaults {
    /** Settings applied when absent; the README documents them. */
    public static final Map<String, String> DEFAULTS = Map.of(
            "caseSensitive", "false",
            "unquotedCasing", "UNCHANGED",
            "quotedCasing", "UNCHANGED",
            "quoting", "DOUBLE_QUOTE",
            "timeZone", "UTC",
            "parserFactory", "io.gatos.sql.calcite.dialect.GatosParser#FACTORY",
            "fun", "postgresql",
            "conformance", "LENIENT",
            "typeSystem", "io.gatos.sql.calcite.dialect.GatosTypeSystem#INSTANCE");

    private ConnectionDefaults() {
    }

    /** Sets each default whose key the caller did not set in any letter case (defaults included). */
    public static void apply(Properties props) {
        java.util.Set<String> given = new java.util.HashSet<>();
        props.stringPropertyNames().forEach(k -> given.add(k.toLowerCase(java.util.Locale.ROOT)));
        DEFAULTS.forEach((key, value) -> {
            if (!given.contains(key.toLowerCase(java.util.Locale.ROOT))) {
                props.setProperty(key, value);
            }
        });
    }
}
