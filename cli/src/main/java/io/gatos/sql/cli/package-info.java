/**
 * Implements the {@code gatos} command: {@code sql} (one query, printed as a table, CSV, JSON or
 * NDJSON), {@code shell} (an interactive sqlline session), {@code generate} (a sample ledger) and
 * {@code demo} (a sample ledger plus a tour of the catalog). Every command talks to ledgers only
 * through the JDBC driver {@code jdbc:gatos:repo=PATH}; exit codes are 0 (success), 1 (internal
 * error) and 2 (usage, input or SQL error).
 */
package io.gatos.sql.cli;
