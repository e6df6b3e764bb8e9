/**
 * Turns the bytes of one ledger object into a record: journal and shiplog envelopes, source
 * trailers, state-node shapes and pointers (LAYOUT §1-§5). Pure apart from {@link
 * io.gatos.sql.ledger.decode.EventReader}, which fetches an event's envelope through the gateway.
 */
package io.gatos.sql.ledger.decode;
