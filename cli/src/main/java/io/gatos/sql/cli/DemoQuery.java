package io.gatos.sql.cli;

import java.util.List;
import java.util.Objects;

/**
 * Names one query of the {@code gatos demo} tour; {@link #ALL} is the tour, in order.
 *
 * @param title what the query shows, printed above it
 * @param sql the query, possibly over several lines, without a trailing semicolon
 */
public record DemoQuery(String title, String sql) {
    /** Lists the demo's queries in the order it runs them. */
    public static final List<DemoQuery> ALL =
            List.of(
                    new DemoQuery(
                            "Events per namespace",
                            "SELECT ns, COUNT(*) AS events FROM events GROUP BY ns ORDER BY ns"),
                    new DemoQuery(
                            "Captured payments per currency: JSON_VALUE reads the JSON payload",
                            """
                            SELECT JSON_VALUE(payload, '$.currency') AS currency,
                                   COUNT(*) AS payments,
                                   SUM(CAST(JSON_VALUE(payload, '$.amount') AS DECIMAL(18, 2)))
                                       AS amount
                            FROM events
                            WHERE kind = 'payment.captured'
                            GROUP BY JSON_VALUE(payload, '$.currency')
                            ORDER BY currency"""),
                    new DemoQuery(
                            "The five latest events",
                            """
                            SELECT ts, ns, actor, kind, pos
                            FROM events
                            ORDER BY ts DESC, id DESC
                            LIMIT 5"""),
                    new DemoQuery(
                            "Consumer lag: messages each group has not checkpointed yet",
                            """
                            SELECT group_name, topic, lag
                            FROM consumers
                            ORDER BY group_name, topic"""),
                    new DemoQuery(
                            "Jobs by status",
                            """
                            SELECT status, COUNT(*) AS jobs
                            FROM jobs
                            GROUP BY status
                            ORDER BY status"""),
                    new DemoQuery(
                            "Governance proposals by state, with their distinct approvers",
                            """
                            SELECT state, COUNT(*) AS proposals, SUM(approvals) AS approvals
                            FROM governance_proposals
                            GROUP BY state
                            ORDER BY state"""),
                    new DemoQuery(
                            "Content pointers in state and events (listed, never dereferenced)",
                            """
                            SELECT kind, source, COUNT(*) AS pointers,
                                   COUNT(DISTINCT location) AS locations, SUM(size) AS bytes
                            FROM pointers
                            GROUP BY kind, source
                            ORDER BY kind, source"""),
                    new DemoQuery(
                            "Findings: what a reader could not take at face value",
                            "SELECT COUNT(*) AS findings FROM findings"));

    /** Checks that both parts are present. */
    public DemoQuery {
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(sql, "sql");
    }
}
