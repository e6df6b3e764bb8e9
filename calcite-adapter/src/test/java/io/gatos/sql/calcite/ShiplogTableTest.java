package io.gatos.sql.calcite;

import static org.assertj.core.api.Assertions.assertThat;

import io.gatos.sql.codec.Ulid;
import io.gatos.sql.ledger.LedgerRepository;
import io.gatos.sql.ledger.ReadStats;
import io.gatos.sql.testing.LedgerTestRepository;
import io.gatos.sql.writer.MessageSpec;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ShiplogTableTest {
    private static final String COLUMNS = "SELECT topic, pos, ulid, commit_id FROM shiplog";
    private static final String TASKS = "refs/gatos/shiplog/tasks/head";

    @TempDir
    Path dir;

    /** Columns of {@link #COLUMNS}: 0 topic, 1 pos, 2 ulid, 3 commit id. */
    private static long millis(List<String> row) {
        return Ulid.timeMillis(row.get(2));
    }

    @Test
    void rangeFiltersOnTsAndUlidSkipEnvelopesOutsideThemWithOutOfOrderUlids() throws SQLException {
        try (LedgerTestRepository repo = LedgerTestRepository.create(dir.resolve("r"))) {
            List<MessageSpec> tasks = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                MessageSpec m = repo.messageSpec("tasks", "note", "{\"i\":" + i + "}");
                repo.writer().appendMessage("tasks", m);
                tasks.add(m);
            }
            repo.message("alerts", "{}");
            repo.message("alerts", "{}");
            Instant lateTime = LedgerTestRepository.BASE_TIME.plusMillis(1500);
            String late = Ulid.create(lateTime.toEpochMilli(), new Random(7));
            repo.writer().appendMessage("tasks", MessageSpec.of(late, "tasks", "note", "{\"late\":true}", repo.tick()));
            untrailedMessage(repo);
            try (LedgerRepository reader = LedgerRepository.open(repo.path());
                    Connection c = SqlRows.connect(new GatosSchema(reader))) {
                List<List<String>> all = SqlRows.rows(c, COLUMNS);
                assertThat(all).hasSize(9);
                assertThat(all).filteredOn(r -> r.get(2).equals(late)).singleElement()
                        .satisfies(r -> assertThat(r.get(1)).isEqualTo("5"));
                long jan1At2 = LedgerTestRepository.BASE_TIME.plusSeconds(2).toEpochMilli();

                check(c, reader.stats(), all, "ts >= TIMESTAMP '2026-01-01 00:00:02'",
                        r -> millis(r) >= jan1At2, 6, 6);
                check(c, reader.stats(), all, "ts < TIMESTAMP '2026-01-01 00:00:02'",
                        r -> millis(r) < jan1At2, 3, 4);
                String from = tasks.get(1).ulid();
                String to = tasks.get(3).ulid();
                check(c, reader.stats(), all, "ulid BETWEEN '" + from + "' AND '" + to + "'",
                        r -> r.get(2).compareTo(from) >= 0 && r.get(2).compareTo(to) <= 0, 4, 5);
                // a strict bound on text stays inclusive: the message at it is read, then dropped by Calcite
                check(c, reader.stats(), all, "ulid > '" + to + "'", r -> r.get(2).compareTo(to) > 0, 4, 5);
                check(c, reader.stats(), all, "topic = 'tasks' AND ulid < '" + from + "'",
                        r -> r.get(0).equals("tasks") && r.get(2).compareTo(from) < 0, 1, 3);
                check(c, reader.stats(), all, "ts > CURRENT_TIMESTAMP - INTERVAL '1' DAY", r -> false, 0, 9);
            }
        }
    }

    /**
     * Asserts that {@code where} returns exactly the rows of {@code all} that {@code expected}
     * admits (the {@code expectedRows} of them), reading {@code expectedReads} envelopes: one per row
     * in the pushed range plus the message without a trailer, which is always read.
     */
    private static void check(Connection c, ReadStats stats, List<List<String>> all, String where,
            Predicate<List<String>> expected, int expectedRows, int expectedReads) throws SQLException {
        List<List<String>> want = all.stream().filter(expected).toList();
        long before = stats.blobs();
        List<List<String>> got = SqlRows.rows(c, COLUMNS + " WHERE " + where);
        long reads = stats.blobs() - before;
        assertThat(got).as(where).containsExactlyInAnyOrderElementsOf(want).hasSize(expectedRows);
        assertThat(reads).as("envelopes read for " + where).isEqualTo(expectedReads);
    }

    /** Appends to {@code tasks} a message whose commit has no Event-Id trailer. */
    private static void untrailedMessage(LedgerTestRepository repo) {
        Instant time = repo.tick();
        String ulid = Ulid.create(time.toEpochMilli(), new Random(11));
        byte[] envelope = ("{\"ns\":\"tasks\",\"payload\":{},\"type\":\"note\",\"ulid\":\"" + ulid + "\"}")
                .getBytes(StandardCharsets.UTF_8);
        var w = repo.writer();
        w.commit(TASKS, Map.of("message/envelope.json", envelope), "untrailed\n", List.of(w.head(TASKS)), time);
    }
}
