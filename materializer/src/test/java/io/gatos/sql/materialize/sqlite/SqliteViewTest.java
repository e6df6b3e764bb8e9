package io.gatos.sql.materialize.sqlite;

import static org.assertj.core.api.Assertions.assertThat;

import io.gatos.sql.catalog.Catalog;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SqliteViewTest {
    private static final String COMMIT = "c".repeat(40);
    private static final long DAY1 = 1_704_067_200_000L;

    @TempDir
    Path dir;

    private SqliteTestFile everything() throws SQLException {
        SqliteTestFile db = SqliteTestFile.create(dir.resolve("views.sqlite"),
                SqliteDdl.of(Catalog.get().tables().stream().map(TableSelection::all).toList()));
        db.insert("commits", Map.of("id", COMMIT));
        return db;
    }

    @Test
    void jobDurationsMeasureQueueAndRunTimes() throws SQLException {
        try (SqliteTestFile db = everything()) {
            db.insert("jobs", Map.of("id", "j1", "status", "succeeded", "worker_id", "w", "created_at", 1000L,
                    "started_at", 1500L, "finished_at", 4000L, "commit_id", COMMIT));
            db.insert("jobs", Map.of("id", "j2", "status", "pending", "created_at", 2000L, "commit_id", COMMIT));
            assertThat(db.rows("SELECT * FROM job_durations ORDER BY id")).containsExactly(
                    "j1|succeeded|w|1000|1500|4000|500|2500", "j2|pending|null|2000|null|null|null|null");
        }
    }

    @Test
    void proposalLifecycleCountsApprovalsAndFollowsGrantsAndRevocations() throws SQLException {
        try (SqliteTestFile db = everything()) {
            for (String p : List.of("p1", "p2", "p3")) {
                db.insert("governance_proposals", Map.of("id", p, "action", "deploy", "state", "proposal",
                        "commit_id", COMMIT));
            }
            db.insert("governance_approvals", Map.of("id", "a1", "proposal_id", "p1", "ts", 20L, "commit_id", COMMIT));
            db.insert("governance_approvals", Map.of("id", "a2", "proposal_id", "p1", "ts", 10L, "commit_id", COMMIT));
            db.insert("governance_grants", Map.of("id", "g1", "proposal_id", "p1", "commit_id", COMMIT));
            db.insert("governance_grants", Map.of("id", "g3", "proposal_id", "p3", "commit_id", COMMIT));
            db.insert("governance_revocations", Map.of("id", "r1", "grant_id", "g1", "commit_id", COMMIT));
            assertThat(db.rows("SELECT * FROM proposal_lifecycle ORDER BY id")).containsExactly(
                    "p1|deploy|proposal|0|2|10|20|1|1",
                    "p2|deploy|proposal|0|0|null|null|0|0",
                    "p3|deploy|proposal|0|0|null|null|1|0");
        }
    }

    @Test
    void consumerLagListsTheLaggiestFirst() throws SQLException {
        try (SqliteTestFile db = everything()) {
            db.insert("consumers", Map.of("group_name", "g", "topic", "a", "lag", 5L));
            db.insert("consumers", Map.of("group_name", "g", "topic", "b", "lag", 0L, "ulid", "U1", "head_ulid", "U1"));
            db.insert("consumers", Map.of("group_name", "h", "topic", "a", "lag", 9L));
            assertThat(db.rows("SELECT * FROM consumer_lag")).containsExactly(
                    "h|a|9|null|null", "g|a|5|null|null", "g|b|0|U1|U1");
        }
    }

    @Test
    void eventsPerDayCountsByNamespaceAndUtcDay() throws SQLException {
        try (SqliteTestFile db = everything()) {
            long[] times = {DAY1, DAY1 + 86_399_999L, DAY1 + 86_400_000L};
            for (int i = 0; i < times.length; i++) {
                db.insert("events", Map.of("id", "o" + i, "ns", "orders", "ts", times[i], "commit_id", COMMIT));
            }
            db.insert("events", Map.of("id", "b0", "ns", "billing", "ts", DAY1, "commit_id", COMMIT));
            assertThat(db.rows("SELECT * FROM events_per_day")).containsExactly(
                    "billing|2024-01-01|1", "orders|2024-01-01|2", "orders|2024-01-02|1");
        }
    }

    @Test
    void aViewComesOnlyWhenEverythingItReadsIsSelected() {
        var events = new TableSelection(Catalog.get().require("events"), List.of("id", "ns"), true);
        var consumers = TableSelection.all(Catalog.get().require("consumers"));
        assertThat(SqliteDdl.of(List.of(events, consumers)).createViews()).singleElement().asString()
                .startsWith("CREATE VIEW IF NOT EXISTS \"consumer_lag\" AS");
        List<TableSelection> governance = List.of("governance_proposals", "governance_approvals", "governance_grants")
                .stream().map(t -> TableSelection.all(Catalog.get().require(t))).toList();
        assertThat(SqliteDdl.of(governance).createViews()).isEmpty();
    }

    @Test
    void everyNameAViewQuotesIsACatalogColumnItDeclaresOrAnAlias() {
        Pattern quoted = Pattern.compile("\"([^\"]+)\"");
        for (SqliteView view : SqliteView.DECLARED) {
            Set<String> allowed = new HashSet<>(view.uses().keySet());
            view.uses().forEach((table, columns) -> {
                assertThat(Catalog.get().require(table).columnNames()).as(view.name()).containsAll(columns);
                allowed.addAll(columns);
            });
            Matcher alias = Pattern.compile("AS \"([^\"]+)\"").matcher(view.select());
            while (alias.find()) {
                allowed.add(alias.group(1));
            }
            Matcher name = quoted.matcher(view.select());
            while (name.find()) {
                assertThat(allowed).as(view.name()).contains(name.group(1));
            }
        }
    }
}
