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
    UNEXPECTED_OBJECT,
    /** A ref under a plane's prefix without the plane's shape; its reader skips it (issue 15). */
    BAD_REF,
    /** An envelope {@code ulid} that is not a ULID; the row keeps it as written (issue 15). */
    BAD_ULID,
    /** A commit time or envelope {@code ts} that is not a time the catalog can hold (issue 15). */
    BAD_TIME,
    /** A JSON string holding an unpaired UTF-16 surrogate, which is no Unicode character (issue 15). */
    BAD_TEXT
}
