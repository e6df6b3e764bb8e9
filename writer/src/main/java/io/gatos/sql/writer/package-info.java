/**
 * Maps GATOS ledger planes (journals, shiplog topics, consumer checkpoints, state checkpoints,
 * jobs, governance, policies, audit) to Git objects and refs under {@code refs/gatos/**}, written
 * with JGit exactly as LAYOUT.md describes. {@link io.gatos.sql.writer.LedgerWriter} is the
 * one code path behind every test fixture and behind {@code gatos generate}
 * ({@link io.gatos.sql.writer.sample.SampleLedger}); everything it writes is deterministic for the
 * same calls and times. Nothing here reads ledger data back except ref heads.
 */
package io.gatos.sql.writer;
