/**
 * Declares the SQLite schema of an export: one table per selected catalog table (typed, checked,
 * keyed, with audit columns), foreign keys between completely exported tables, indexes, views and
 * the {@code export_info} run log. The export engine executes this DDL and fills the tables.
 */
package io.gatos.sql.materialize.sqlite;
