/**
 * Maps decoded rows of immutable commit ranges to files in the repository's git dir
 * ({@code gatos-sql/cache-v2/}): a segment file holds the encoded rows of consecutive commits of one
 * chain, named by its newest commit, with a checksummed footer summarising it. The cache is never
 * authoritative: a missing, torn or evicted segment is read from Git again. Knows nothing of
 * events or Calcite; rows are opaque bytes.
 */
package io.gatos.sql.ledger.cache;
