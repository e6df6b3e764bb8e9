/**
 * Reads journal events through the row cache of {@code io.gatos.sql.ledger.cache}: cached segments
 * where they hold the rows, Git for the rest (written to the cache as it is read), and the newest
 * first merge across journals behind {@code ORDER BY ts DESC}. Used by the event scan only.
 */
package io.gatos.sql.ledger.eventcache;
