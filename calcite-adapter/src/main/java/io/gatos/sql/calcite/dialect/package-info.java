/**
 * Holds gatos-sql's SQL dialect: at the parser level {@link io.gatos.sql.calcite.dialect.GatosParser},
 * a subclass of the parser generated at build time from Calcite's grammar template with our
 * {@code src/main/codegen/config.fmpp} ({@code GatosSqlParserImpl}), and the small pure helpers it
 * uses for PostgreSQL-style intervals and for error messages that suggest the nearest word; at the
 * preparation level {@link io.gatos.sql.calcite.dialect.GatosPrepare}, which refuses statements that
 * write ({@link io.gatos.sql.calcite.dialect.ReadOnlyException}), validates with the PostgreSQL
 * functions Calcite lacks ({@code GatosValidator}, {@link io.gatos.sql.calcite.dialect.GatosOperatorTable},
 * {@link io.gatos.sql.calcite.dialect.Percentiles}), types text and averages as PostgreSQL users
 * expect ({@link io.gatos.sql.calcite.dialect.GatosTypeSystem}), plans ledger scans with the planner
 * parts of {@code io.gatos.sql.calcite}, and adds the nearest table, column or function, or what to
 * write instead, to validation errors.
 */
package io.gatos.sql.calcite.dialect;
