/**
 * Holds one scan per plane (events, shiplog, consumers, state, jobs, governance, pointers, commits,
 * refs, findings): each turns a {@link io.gatos.sql.ledger.LedgerSnapshot} into a lazy stream of
 * records, reading only the refs its restrictions admit; plus {@link io.gatos.sql.ledger.scan.Frontier}
 * for incremental exports.
 */
package io.gatos.sql.ledger.scan;
