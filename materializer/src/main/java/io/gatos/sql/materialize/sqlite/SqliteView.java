package io.gatos.sql.materialize.sqlite;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Map;

/** Declares a view by its name, the columns it reads of each table, and its {@code SELECT}. */
record SqliteView(String name, Map<String, List<String>> uses, String select) {
    /** Every view an export may create, declared once; an export keeps those whose columns it holds. */
    static final List<SqliteView> DECLARED = List.of(
            new SqliteView("job_durations",
                    Map.of("jobs", List.of("id", "status", "worker_id", "created_at", "started_at", "finished_at")),
                    """
                    SELECT "id", "status", "worker_id", "created_at", "started_at", "finished_at",
                      "started_at" - "created_at" AS "queue_ms",
                      "finished_at" - "started_at" AS "run_ms"
                    FROM "jobs"
                    """),
            new SqliteView("proposal_lifecycle",
                    Map.of("governance_proposals", List.of("id", "action", "state", "approvals"),
                            "governance_approvals", List.of("id", "proposal_id", "ts"),
                            "governance_grants", List.of("id", "proposal_id"),
                            "governance_revocations", List.of("grant_id")),
                    """
                    SELECT p."id" AS "id", p."action" AS "action", p."state" AS "state", p."approvals" AS "approvals",
                      count(a."id") AS "approval_rows",
                      min(a."ts") AS "first_approval_ts",
                      max(a."ts") AS "last_approval_ts",
                      EXISTS (SELECT 1 FROM "governance_grants" g WHERE g."proposal_id" = p."id") AS "granted",
                      EXISTS (SELECT 1 FROM "governance_grants" g
                        JOIN "governance_revocations" r ON r."grant_id" = g."id"
                        WHERE g."proposal_id" = p."id") AS "revoked"
                    FROM "governance_proposals" p
                    LEFT JOIN "governance_approvals" a ON a."proposal_id" = p."id"
                    GROUP BY p."id"
                    """),
            new SqliteView("consumer_lag",
                    Map.of("consumers", List.of("group_name", "topic", "lag", "ulid", "head_ulid")),
                    """
                    SELECT "group_name", "topic", "lag", "ulid", "head_ulid"
                    FROM "consumers"
                    ORDER BY "lag" DESC, "group_name", "topic"
                    """),
            new SqliteView("events_per_day",
                    Map.of("events", List.of("ns", "ts")),
                    """
                    SELECT "ns", date("ts" / 1000, 'unixepoch') AS "day", count(*) AS "count"
                    FROM "events"
                    GROUP BY "ns", date("ts" / 1000, 'unixepoch')
                    ORDER BY "ns", "day"
                    """));

    /** Checks the parts are present and copies the uses. */
    SqliteView {
        requireNonNull(name, "name");
        uses = Map.copyOf(uses);
        select = select.strip();
    }

    /** Returns the {@code CREATE VIEW IF NOT EXISTS} statement. */
    String create() {
        return "CREATE VIEW IF NOT EXISTS " + SqliteTypes.quote(name) + " AS\n" + select;
    }
}
