package io.gatos.sql.server;

/**
 * Enforces the server's row cap on results: asks the engine for one row more than the cap, so that
 * it stops early, and refuses the frame that would hand the client row cap + 1. Avatica fetches
 * results in frames; offsets count rows from the start of the result.
 *
 * @param maxRows the most rows a result may have, or 0 for no cap
 */
record ResultCap(long maxRows) {
    ResultCap {
        if (maxRows < 0) {
            throw new IllegalArgumentException("maxRows must be 0 (no cap) or positive, not " + maxRows);
        }
    }

    private boolean capped() {
        return maxRows > 0;
    }

    /**
     * Returns the row limit to give the engine for a client's {@code requested} limit (Avatica's
     * convention: negative for none, 0 for "leave as is").
     */
    long engineLimit(long requested) {
        if (!capped() || requested == 0) {
            return requested;
        }
        return requested > 0 ? Math.min(requested, maxRows + 1) : maxRows + 1;
    }

    /** Returns how many rows to read into a frame starting at {@code offset} (negative: as many as there are). */
    int frameSize(long offset, int requested) {
        if (!capped() || requested == 0) {
            return requested;
        }
        long remaining = Math.max(1, maxRows + 1 - offset);
        return (int) (requested < 0 ? Math.min(remaining, Integer.MAX_VALUE) : Math.min(requested, remaining));
    }

    /**
     * Checks a frame of {@code rows} rows starting at {@code offset}.
     *
     * @throws RefusedException if the result now has more than the cap
     */
    void check(long offset, int rows) {
        if (capped() && offset + rows > maxRows) {
            throw RefusedException.tooManyRows(maxRows);
        }
    }
}
