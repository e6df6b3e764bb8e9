package io.gatos.sql.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class ServerConfigTest {
    private final ServerConfig defaults = ServerConfig.defaults(Path.of("ledger.git"));

    @Test
    void defaultsAreLoopbackProtobufSixtySecondsAndNoAuth() {
        assertThat(defaults.bind()).isEqualTo("127.0.0.1");
        assertThat(defaults.port()).isEqualTo(8765);
        assertThat(defaults.serialization()).isEqualTo(ServerConfig.Serialization.PROTOBUF);
        assertThat(defaults.statementTimeoutSeconds()).isEqualTo(60);
        assertThat(defaults.maxRows()).isZero();
        assertThat(defaults.auth().basic()).isFalse();
        assertThat(defaults.tls()).isNull();
    }

    @Test
    void roundsTheTimeoutUpToWholeSeconds() {
        assertThat(defaults.withLimits(Duration.ofMillis(1), 0, 1, 1).statementTimeoutSeconds()).isEqualTo(1);
        assertThat(defaults.withLimits(Duration.ofMillis(1_500), 0, 1, 1).statementTimeoutSeconds()).isEqualTo(2);
        assertThat(defaults.withLimits(Duration.ZERO, 0, 1, 1).statementTimeoutSeconds()).isZero();
    }

    @Test
    void rejectsBadLimitsNamingTheOption() {
        assertThatThrownBy(() -> defaults.withAddress("127.0.0.1", 70_000)).hasMessageContaining("--port");
        assertThatThrownBy(() -> defaults.withLimits(Duration.ofSeconds(-1), 0, 1, 1))
                .hasMessageContaining("--statement-timeout");
        assertThatThrownBy(() -> defaults.withLimits(Duration.ZERO, -5, 1, 1)).hasMessageContaining("--max-rows");
        assertThatThrownBy(() -> defaults.withLimits(Duration.ZERO, 0, 0, 1)).hasMessageContaining("--max-connections");
        assertThatThrownBy(() -> defaults.withRuntime(Duration.ZERO, 32, Duration.ZERO))
                .hasMessageContaining("--idle-timeout");
        assertThatThrownBy(() -> defaults.withRuntime(Duration.ofMinutes(1), 2, Duration.ZERO))
                .hasMessageContaining("--threads");
    }

    @Test
    void neverPrintsTheKeystorePassword() {
        assertThat(new ServerConfig.Tls(Path.of("k.p12"), "hunter2").toString()).doesNotContain("hunter2");
        assertThat(ServerConfig.Serialization.JSON.urlValue()).isEqualTo("json");
    }
}
