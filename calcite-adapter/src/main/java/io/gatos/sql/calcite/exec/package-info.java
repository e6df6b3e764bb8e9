/**
 * Runs a table scan: {@link io.gatos.sql.calcite.exec.RowEnumerable} turns ledger records into rows
 * lazily, and {@link io.gatos.sql.calcite.exec.StatementGuard} stops it on cancel or timeout.
 */
package io.gatos.sql.calcite.exec;
