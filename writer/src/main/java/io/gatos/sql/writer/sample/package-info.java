/**
 * Builds the sample ledgers of {@code gatos generate} and {@code ./gatos demo}: a catalog of orders
 * and invoices, topics, state checkpoints, jobs and governance, written through
 * {@link io.gatos.sql.writer.LedgerWriter}; deterministic for a seed.
 */
package io.gatos.sql.writer.sample;
