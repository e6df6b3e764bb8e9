package io.gatos.sql.calcite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gatos.sql.ledger.LedgerRepository;
import io.gatos.sql.ledger.LedgerSnapshot;
import io.gatos.sql.ledger.scan.Frontier;
import io.gatos.sql.testing.LedgerTestRepository;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GatosSchemaTest {
    @TempDir
    Path dir;

    private static Connection connect(GatosSchema schema) throws SQLException {
        return SqlRows.connect(schema);
    }

    private static long single(Connection c, String sql) throws SQLException {
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            assertThat(rs.next()).isTrue();
            return rs.getLong(1);
        }
    }

    @Test
    void aSchemaOverSuppliedBasedSnapshotsCountsWhatIsNew() throws SQLException {
        try (LedgerTestRepository repo = LedgerTestRepository.create(dir.resolve("r"))) {
            for (int i = 0; i < 5; i++) {
                repo.event("orders", "alice", "old", "{}");
            }
            try (LedgerRepository reader = LedgerRepository.open(repo.path())) {
                var previous = Frontier.measure(reader.snapshot(), Map.of()).asBase();
                repo.event("orders", "alice", "new", "{}");
                repo.event("orders", "bob", "new", "{}");
                repo.path();
                AtomicInteger calls = new AtomicInteger();
                Supplier<LedgerSnapshot> based = () -> {
                    calls.incrementAndGet();
                    return reader.snapshot().withBase(previous);
                };
                try (Connection whole = connect(new GatosSchema(reader));
                        Connection incremental = connect(new GatosSchema(reader, based))) {
                    assertThat(single(whole, "SELECT count(*) FROM events")).isEqualTo(7);
                    assertThat(single(incremental, "SELECT count(*) FROM events")).isEqualTo(2);
                    assertThat(single(incremental, "SELECT min(pos) FROM events WHERE \"stream\" = 'orders/alice'"))
                            .isEqualTo(5);
                    assertThat(calls).as("once per execution").hasValue(2);
                    assertThat(single(incremental, "SELECT (SELECT count(*) FROM events)"
                            + " + (SELECT count(*) FROM commits)")).isEqualTo(4);
                    assertThat(calls).hasValue(3);
                }
            }
        }
    }

    @Test
    void theSupplierIsRequired() {
        try (LedgerTestRepository repo = LedgerTestRepository.create(dir.resolve("r"))) {
            repo.event("orders", "alice", "a", "{}");
            try (LedgerRepository reader = LedgerRepository.open(repo.path())) {
                assertThatThrownBy(() -> new GatosSchema(reader, (java.util.function.Supplier<io.gatos.sql.ledger.LedgerSnapshot>) null)).isInstanceOf(NullPointerException.class);
                assertThat(new GatosSchema(reader, reader::snapshot).repository()).isSameAs(reader);
            }
        }
    }
}
