/**
 * Maps the records of {@code io.gatos.sql.ledger} to Calcite tables (one class per table of the
 * catalog) and pushes filters down to the reader: which refs are read, and point lookups by id.
 * Every statement reads one {@link io.gatos.sql.ledger.LedgerSnapshot}, shared by all its scans.
 */
package io.gatos.sql.calcite;
