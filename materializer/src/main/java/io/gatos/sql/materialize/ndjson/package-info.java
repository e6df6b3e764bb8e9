/**
 * Maps ledger events and shiplog messages to NDJSON lines and back: sparse exports of a few
 * namespaces over a time window, and imports that keep envelopes byte for byte.
 */
package io.gatos.sql.materialize.ndjson;
