/**
 * Holds gatos-sql's SQL dialect at the parser level: {@link io.gatos.sql.calcite.dialect.GatosParser},
 * a subclass of the parser generated at build time from Calcite's grammar template with our
 * {@code src/main/codegen/config.fmpp} ({@code GatosSqlParserImpl}), and the small pure helpers it
 * uses for PostgreSQL-style intervals and for error messages that suggest the nearest word.
 */
package io.gatos.sql.calcite.dialect;
