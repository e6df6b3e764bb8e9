/**
 * Implements the {@code gatos} command: {@code sql} (one query, printed as a table, CSV, JSON or
 * NDJSON), {@code shell} (an interactive sqlline session), {@code generate} (a sample ledger),
 * {@code demo} (a sample ledger, a tour of the catalog and an export), {@code export}, {@code
 * verify} and {@code materialize} (SQLite snapshots), {@code serve} (the tables over Avatica for
 * remote clients) and {@code passwd} (users of {@code serve}). Queries reach ledgers only through
 * the JDBC driver {@code jdbc:gatos:repo=PATH}; exit codes are listed in {@link ExitCodes}. The
 * subpackages hold what commands share: result writers ({@code output}), options and converters
 * ({@code options}) and progress reports ({@code progress}).
 */
package io.gatos.sql.cli;
