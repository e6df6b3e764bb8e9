/**
 * Holds the ledger API: {@link io.gatos.sql.ledger.LedgerRepository} and its
 * {@link io.gatos.sql.ledger.LedgerSnapshot}s, the records every plane is read into (events,
 * messages, checkpoints, state nodes, pointers, jobs, governance, refs, commits), the
 * {@link io.gatos.sql.ledger.Finding}s of what could not be taken at face value, and the query
 * types ({@link io.gatos.sql.ledger.EventQuery}, {@link io.gatos.sql.ledger.Journal},
 * {@link io.gatos.sql.ledger.KeyRange}). Nothing under {@code io.gatos.sql.ledger} imports Calcite;
 * every scan is a lazy stream over one snapshot of the ref heads, and closing it releases its readers.
 */
package io.gatos.sql.ledger;
