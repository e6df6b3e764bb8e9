/**
 * Reads Git for the ledger readers, the one gateway to JGit's objects: {@link
 * io.gatos.sql.ledger.git.GitObjects} (commits, trees, blobs through one reader), commit parsing,
 * first-parent walks ({@link io.gatos.sql.ledger.git.ChainWalk}, {@link
 * io.gatos.sql.ledger.git.NumberedWalk}), lazy streams and the sizing of JGit's pack cache.
 */
package io.gatos.sql.ledger.git;
