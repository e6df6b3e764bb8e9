package io.gatos.sql.cli;

import java.sql.Connection;
import java.sql.PreparedStatement;

/**
 * Prepares (plans and compiles, never runs) the demo's queries on the run of {@code gatos sql} that
 * writes the launcher's class-data sharing archive, so that the archive holds the planner and code
 * generation classes of common queries whatever the first query was (docs/DECISIONS.md,
 * "Start-up"). The launcher asks for it with the system property {@link #PROPERTY}.
 */
final class CdsTraining {
    /** System property that turns the training on; the {@code gatos} launcher sets it. */
    static final String PROPERTY = "gatos.cds.training";

    private CdsTraining() {}

    /** Tells whether this JVM was started to write the archive. */
    static boolean requested() {
        return Boolean.getBoolean(PROPERTY);
    }

    /**
     * Prepares each demo query on {@code connection}, ignoring failures: the training only decides
     * which classes get archived, and must not change the command's output or exit code.
     */
    static void prepare(Connection connection) {
        for (DemoQuery query : DemoQuery.ALL) {
            try (PreparedStatement statement = connection.prepareStatement(query.sql())) {
                statement.getMetaData();
            } catch (Exception | LinkageError e) {
                // ignored: see above
            }
        }
    }
}
