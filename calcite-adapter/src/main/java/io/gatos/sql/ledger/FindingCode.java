package io.gatos.sql.ledger;

/** Names the kinds of things a reader could not take at face value (TABLES.md, findings). */
public enum FindingCode {
    BAD_JSON,
    MISSING_OBJECT,
    CONTENT_ID_MISMATCH,
    MERGE_IN_JOURNAL,
    DUPLICATE_ULID,
    TOPIC_ALIASED,
    BAD_TRAILER,
    UNEXPECTED_OBJECT
}
