package io.gatos.sql.ledger.decode;

import io.gatos.sql.codec.Trailers;

/**
 * Reads where an imported commit came from: the {@code Source-Pos} and {@code Source-Commit}
 * trailers that {@code gatos import} writes on a sparse import. Pure.
 */
public final class SourceTrailers {
    /** The trailer naming the event's position in its source stream. */
    public static final String POS = "Source-Pos";
    /** The trailer naming the event's commit in the source repository. */
    public static final String COMMIT = "Source-Commit";

    private SourceTrailers() {
    }

    /** Returns the {@code Source-Pos} of {@code trailers} as a non-negative number, or null when absent or not one. */
    public static Long pos(Trailers trailers) {
        String text = trailers.first(POS);
        if (text == null || !text.strip().matches("\\d{1,18}")) {
            return null;
        }
        return Long.parseLong(text.strip());
    }

    /** Returns the {@code Source-Commit} of {@code trailers} when it is 40 lowercase hex, else null. */
    public static String commit(Trailers trailers) {
        String text = trailers.first(COMMIT);
        return text != null && text.strip().matches("[0-9a-f]{40}") ? text.strip() : null;
    }
}
