package io.gatos.sql.calcite;

import static org.assertj.core.api.Assertions.assertThat;

import io.gatos.sql.codec.Ulid;
import io.gatos.sql.ledger.LedgerRepository;
import io.gatos.sql.testing.LedgerTestRepository;
import io.gatos.sql.writer.EventSpec;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EventsTableTest {
    private static final String COLUMNS = "SELECT id, \"stream\", pos, commit_id FROM events";

    @TempDir
    Path dir;

    @Test
    void rangeFiltersOnTsAndIdGiveTheRowsOfTheWholeTableFilteredWithOutOfOrderUlids() throws SQLException {
        try (LedgerTestRepository repo = LedgerTestRepository.create(dir.resolve("r"))) {
            Map<String, Long> times = new HashMap<>();
            List<String> alice = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                EventSpec e = repo.eventSpec("alice", "order.created", "{\"i\":" + i + "}");
                repo.event("orders", "alice", e);
                times.put(e.ulid(), e.ts().toEpochMilli());
                alice.add(e.ulid());
            }
            for (int i = 0; i < 2; i++) {
                EventSpec e = repo.eventSpec("bob", "order.paid", "{}");
                repo.event("orders", "bob", e);
                times.put(e.ulid(), e.ts().toEpochMilli());
            }
            Instant old = LedgerTestRepository.BASE_TIME.plusMillis(1500);
            EventSpec late = EventSpec.of("order.created", Ulid.create(old.toEpochMilli(), new Random(5)), "user:alice",
                    "{\"late\":true}", repo.tick()).withTs(old);
            repo.event("orders", "alice", late);
            times.put(late.ulid(), old.toEpochMilli());
            try (LedgerRepository reader = LedgerRepository.open(repo.path());
                    Connection c = SqlRows.connect(new GatosSchema(reader))) {
                List<List<String>> all = SqlRows.rows(c, COLUMNS);
                assertThat(all).hasSize(7);
                assertThat(all).filteredOn(r -> r.get(0).equals(late.ulid())).singleElement()
                        .satisfies(r -> assertThat(r.get(2)).isEqualTo("4"));
                long at2 = LedgerTestRepository.BASE_TIME.plusSeconds(2).toEpochMilli();
                Predicate<List<String>> from2 = r -> times.get(r.get(0)) >= at2;
                check(c, all, "ts >= TIMESTAMP '2026-01-01 00:00:02'", from2, 4);
                check(c, all, "ts < TIMESTAMP '2026-01-01 00:00:02'", from2.negate(), 3);
                check(c, all, "ts BETWEEN TIMESTAMP '2026-01-01 00:00:01' AND TIMESTAMP '2026-01-01 00:00:01.500'",
                        r -> times.get(r.get(0)) >= at2 - 1000 && times.get(r.get(0)) <= at2 - 500, 2);
                String lo = alice.get(1);
                String hi = alice.get(3);
                check(c, all, "id BETWEEN '" + lo + "' AND '" + hi + "'",
                        r -> r.get(0).compareTo(lo) >= 0 && r.get(0).compareTo(hi) <= 0, 4);
                check(c, all, "id > '" + hi + "'", r -> r.get(0).compareTo(hi) > 0, 2);
                check(c, all, "\"stream\" = 'orders/alice' AND id < '" + lo + "' AND ts >= TIMESTAMP '2026-01-01 00:00:00'",
                        r -> r.get(1).equals("orders/alice") && r.get(0).compareTo(lo) < 0, 1);
                check(c, all, "id = '" + late.ulid() + "' OR id = '" + hi + "'",
                        r -> r.get(0).equals(late.ulid()) || r.get(0).equals(hi), 2);
                check(c, all, "ts > CURRENT_TIMESTAMP - INTERVAL '1' DAY OR id >= '" + hi + "'",
                        r -> r.get(0).compareTo(hi) >= 0, 3);
            }
        }
    }

    /** Asserts that {@code where} returns exactly the rows of {@code all} that {@code expected} admits. */
    private static void check(Connection c, List<List<String>> all, String where, Predicate<List<String>> expected,
            int expectedRows) throws SQLException {
        List<List<String>> want = all.stream().filter(expected).toList();
        assertThat(SqlRows.rows(c, COLUMNS + " WHERE " + where)).as(where).containsExactlyInAnyOrderElementsOf(want)
                .hasSize(expectedRows);
    }
}
