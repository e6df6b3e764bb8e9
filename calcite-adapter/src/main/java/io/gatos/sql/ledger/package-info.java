/**
 * Maps the GATOS repository layout (journals, shiplog topics, consumer checkpoints, state
 * checkpoints and nodes, pointers, jobs, governance, refs) to plain Java records, reading Git
 * objects through JGit. Nothing here imports Calcite: the SQL layer in {@code io.gatos.sql.calcite}
 * only maps these records to rows. Every scan is a lazy stream over one {@link
 * io.gatos.sql.ledger.LedgerSnapshot} of the ref heads; closing the stream releases its readers.
 */
package io.gatos.sql.ledger;
