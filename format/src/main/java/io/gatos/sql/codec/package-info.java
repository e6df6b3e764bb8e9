/**
 * Encodes and decodes the small formats a GATOS ledger is made of: JSON kept exactly as written
 * ({@link io.gatos.sql.codec.Json}), ULIDs, BLAKE3 digests and commit-message trailers. Pure
 * functions over bytes and strings; no Git, no SQL.
 */
package io.gatos.sql.codec;
