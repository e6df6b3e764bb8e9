/**
 * Declares the SQLite schema of an export: one table per selected catalog table (typed, checked,
 * keyed, with audit columns), foreign keys between completely exported tables, indexes, views and
 * the {@code export_info} run log. The export engine executes this DDL and fills the tables.
 * {@link io.gatos.sql.materialize.sqlite.SqliteFile} opens and seals the files, and
 * {@link io.gatos.sql.materialize.sqlite.SqliteValues} converts values to what SQLite stores, for
 * exports and query materializations alike.
 */
package io.gatos.sql.materialize.sqlite;
