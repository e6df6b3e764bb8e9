package io.gatos.sql.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class HttpLimitsTest {
    @Test
    void theDefaultsAreTheDocumentedOnes() {
        HttpLimits limits = ServerConfig.defaults(Path.of("ledger.git")).http();
        assertThat(limits).isEqualTo(new HttpLimits(8192, 1 << 20, Duration.ofSeconds(30), 64, 512));
    }

    @Test
    void refusesLimitsThatWouldLetNothingThroughNamingTheOption() {
        HttpLimits limits = HttpLimits.DEFAULTS;
        assertThatThrownBy(() -> limits.withBodyAndTimeout(10, Duration.ofSeconds(1)))
                .hasMessageContaining("--max-request-bytes");
        assertThatThrownBy(() -> limits.withBodyAndTimeout(4096, Duration.ZERO)).hasMessageContaining("--read-timeout");
        assertThatThrownBy(() -> new HttpLimits(8192, 4096, Duration.ofSeconds(1), 64, 64))
                .hasMessageContaining("connection limit");
    }
}
