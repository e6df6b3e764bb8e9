package io.gatos.sql.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gatos.sql.ledger.LedgerRepository;
import io.gatos.sql.testing.LedgerTestRepository;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Map;
import org.apache.calcite.avatica.Meta;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Calls the meta directly, as Avatica's service does, without HTTP. */
class GatosMetaTest {
    @TempDir
    Path dir;
    LedgerTestRepository ledger;
    LedgerRepository repository;
    GatosMeta meta;

    @BeforeEach
    void open() throws SQLException {
        ledger = ServerFixture.knownLedger(dir.resolve("ledger.git"));
        repository = LedgerRepository.open(ledger.path());
        meta = new GatosMeta(ServerConfig.defaults(ledger.path()).withLimits(Duration.ofSeconds(5), 3, 2, 2),
                repository);
    }

    @AfterEach
    void close() {
        meta.closeAll();
        repository.close();
        ledger.close();
    }

    @Test
    void refusesARejectedPropertyBeforeOpeningAnything() {
        assertThatThrownBy(() -> meta.openConnection(new Meta.ConnectionHandle("c1"), Map.of("model", "inline:{}")))
                .isInstanceOf(RefusedException.class).hasMessageContaining("'model' is not allowed");
        assertThat(meta.openConnections()).isZero();
    }

    @Test
    void capsConnectionsAndStatements() {
        meta.openConnection(new Meta.ConnectionHandle("c1"), Map.of("user", "x"));
        meta.openConnection(new Meta.ConnectionHandle("c2"), null);
        assertThatThrownBy(() -> meta.openConnection(new Meta.ConnectionHandle("c3"), null))
                .hasMessageContaining("2 open connections");
        Meta.ConnectionHandle c1 = new Meta.ConnectionHandle("c1");
        meta.createStatement(c1);
        meta.prepare(c1, "SELECT id FROM events", -1);
        assertThatThrownBy(() -> meta.createStatement(c1)).hasMessageContaining("2 open statements");
        meta.closeConnection(new Meta.ConnectionHandle("c2"));
        assertThat(meta.openConnections()).isEqualTo(1);
        assertThat(repository.isClosed()).as("connections share the repository; closing one leaves it open").isFalse();
    }

    @Test
    void aStoppingMetaRefusesNewWorkAndCancelsRunningStatements() {
        Meta.ConnectionHandle c1 = new Meta.ConnectionHandle("c1");
        meta.openConnection(c1, null);
        meta.createStatement(c1);
        meta.beginStop();
        assertThat(meta.cancelAll()).isEqualTo(1);
        assertThatThrownBy(() -> meta.createStatement(c1)).isInstanceOf(RefusedException.class)
                .hasMessageContaining("shutting down")
                .satisfies(e -> assertThat(((RefusedException) e).getSqlState()).isEqualTo("57P01"));
        assertThatThrownBy(() -> meta.openConnection(new Meta.ConnectionHandle("c2"), null))
                .hasMessageContaining("shutting down");
    }
}
