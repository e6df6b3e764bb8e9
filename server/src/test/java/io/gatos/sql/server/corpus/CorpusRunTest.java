package io.gatos.sql.server.corpus;

import static org.assertj.core.api.Assertions.assertThat;

import io.gatos.sql.testing.LedgerTestRepository;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CorpusRunTest {
    @TempDir
    Path dir;

    @Test
    void runsEveryCaseOnEveryWayAndTimesThem() throws Exception {
        CorpusFile file = CorpusFile.parse("r.test", List.of(
                "query", "SELECT ns, COUNT(*) AS n FROM events GROUP BY ns ORDER BY ns", "",
                "error", "SELECT * FROM nope"));
        try (LedgerTestRepository ledger = LedgerTestRepository.create(dir.resolve("ledger.git"))) {
            ledger.event("orders", "alice", "order.created", "{}");
            ledger.event("orders", "alice", "order.paid", "{}");
            try (Connection cached = DriverManager.getConnection(ledger.jdbcUrl());
                    Connection uncached = DriverManager.getConnection(ledger.jdbcUrl() + ";cache=false")) {
                Map<String, Connection> ways = new LinkedHashMap<>();
                ways.put("cache=on", cached);
                ways.put("cache=false", uncached);

                CorpusRun run = CorpusRun.run(ways, file.cases());

                CorpusCase count = file.cases().get(0);
                CorpusCase nope = file.cases().get(1);
                for (String way : ways.keySet()) {
                    assertThat(run.outcomes().get(way).get(count).lines()).as(way).containsExactly("ns VARCHAR|n BIGINT", "orders|2");
                    assertThat(run.outcomes().get(way).get(nope).failed()).as(way).isTrue();
                }
                assertThat(run.perWay()).containsOnlyKeys("cache=on", "cache=false");
                assertThat(run.perCase()).containsOnlyKeys(count, nope);
                assertThat(run.slowest(1)).singleElement().asString().matches("r\\.test:[14] \\d+\\.\\d\\d s");
            }
        }
    }
}
