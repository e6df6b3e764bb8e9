package io.gatos.sql.jdbc;

import java.sql.SQLException;
import java.sql.Statement;

/**
 * Stops running statements of one kind of connection: an embedded statement is cancelled in
 * place and times out by itself; a remote one is cancelled by a request to the server, and its
 * timeout is kept by the client, which then cancels it.
 */
interface StatementControl {
    /** Controls embedded statements, which Calcite cancels and times out itself. */
    StatementControl EMBEDDED = new StatementControl() {
        @Override
        public boolean embedded() {
            return true;
        }

        @Override
        public void cancel(Statement statement) throws SQLException {
            statement.cancel();
        }

        @Override
        public Runnable schedule(Statement statement, int seconds, Runnable onTimeout) {
            return () -> { };
        }
    };

    /** Returns whether statements run in this JVM. */
    boolean embedded();

    /** Cancels what {@code statement} is running, from any thread; returns at once. */
    void cancel(Statement statement) throws SQLException;

    /**
     * Arranges for {@code statement} to be cancelled after {@code seconds} unless the returned
     * task, run when the statement ends, disarms it first; {@code onTimeout} runs before the cancel.
     */
    Runnable schedule(Statement statement, int seconds, Runnable onTimeout);
}
