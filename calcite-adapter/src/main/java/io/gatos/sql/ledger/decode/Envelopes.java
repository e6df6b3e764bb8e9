package io.gatos.sql.ledger.decode;

import io.gatos.sql.codec.Json;
import io.gatos.sql.codec.JsonValue;
import io.gatos.sql.ledger.git.GitCommit;
import java.time.Instant;
import java.time.format.DateTimeParseException;

/**
 * Extracts envelope fields from parsed JSON: pure helpers shared by the journal and shiplog
 * readers. Every method is side-effect free.
 */
public final class Envelopes {
    private Envelopes() {
    }

    /** Returns the string member {@code key}, or null when absent or not a string. */
    static String string(JsonValue.Obj envelope, String key) {
        return envelope.string(key);
    }

    /** Returns the compact JSON of member {@code key}, or {@code fallback} when absent. */
    static String json(JsonValue.Obj envelope, String key, String fallback) {
        JsonValue v = envelope.get(key);
        return v == null ? fallback : Json.write(v);
    }

    /**
     * Parses an RFC 3339 timestamp to epoch milliseconds, or returns null when it is not one or lies
     * outside 0001-01-01..9999-12-31 UTC (the SQL TIMESTAMP range, as for commit times).
     */
    public static Long rfc3339Millis(String text) {
        if (text == null) {
            return null;
        }
        Instant at;
        try {
            at = java.time.OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            try {
                at = Instant.parse(text);
            } catch (DateTimeParseException e2) {
                return null;
            }
        }
        long seconds = at.getEpochSecond();
        return seconds < GitCommit.MIN_SECONDS || seconds > GitCommit.MAX_SECONDS ? null : at.toEpochMilli();
    }

    /** Returns the part of {@code ref} after {@code prefix}, or null when it does not start with it. */
    static String after(String ref, String prefix) {
        return ref.startsWith(prefix) ? ref.substring(prefix.length()) : null;
    }
}
