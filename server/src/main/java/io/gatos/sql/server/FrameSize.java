package io.gatos.sql.server;

import org.apache.calcite.avatica.AvaticaStatement;

/**
 * Chooses how many rows a frame of a result carries for the fetch size a client set: that many when
 * positive, Avatica's default frame of {@value #DEFAULT} rows when 0 or negative. Avatica's
 * {@code JdbcMeta} reads a frame size of 0 as "no rows, and the result is done" (CALCITE-1806), so a
 * client that leaves the fetch size to the driver with {@code setFetchSize(0)}, as Spark's JDBC
 * source does, read every prepared query as empty, without an error, and a plain statement's result
 * as its first frame only; a negative fetch size read the rest of a result into one frame, however
 * large. Stateless.
 */
final class FrameSize {
    /** The rows of a frame when the client leaves the size to the server: Avatica's default fetch size. */
    static final int DEFAULT = AvaticaStatement.DEFAULT_FETCH_SIZE;

    private FrameSize() {
    }

    /** Returns the rows a frame carries for a client's fetch size {@code requested}: always at least 1. */
    static int rows(int requested) {
        return requested > 0 ? requested : DEFAULT;
    }
}
