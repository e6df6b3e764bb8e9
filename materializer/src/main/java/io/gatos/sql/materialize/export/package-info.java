/**
 * Runs {@code gatos export} to SQLite or Parquet and {@code gatos verify}: plans the tables, decides
 * between a full, an incremental and no run, writes all or nothing, finishes interrupted runs, and
 * checks an export against its manifest and the ledger.
 */
package io.gatos.sql.materialize.export;
