package io.gatos.sql.ledger.cache;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Properties;
import org.junit.jupiter.api.Test;

class CacheConfigTest {
    private static Properties props(String... kv) {
        Properties p = new Properties();
        for (int i = 0; i < kv.length; i += 2) {
            p.setProperty(kv[i], kv[i + 1]);
        }
        return p;
    }

    @Test
    void defaultsAreOnWithTwoGibibytes() {
        assertThat(CacheConfig.from(props())).isEqualTo(CacheConfig.DEFAULT);
        assertThat(CacheConfig.DEFAULT.maxBytes()).isEqualTo(2L << 30);
    }

    @Test
    void booleansAndSizesParse() {
        assertThat(CacheConfig.from(props("cache", "false")).enabled()).isFalse();
        assertThat(CacheConfig.from(props("cache", "ON")).enabled()).isTrue();
        assertThat(CacheConfig.from(props("cache.max-bytes", "1048576")).maxBytes()).isEqualTo(1L << 20);
        assertThat(CacheConfig.from(props("cache.max-bytes", "512m")).maxBytes()).isEqualTo(512L << 20);
        assertThat(CacheConfig.from(props("cache.max-bytes", " 3G ")).maxBytes()).isEqualTo(3L << 30);
        assertThat(CacheConfig.from(props("cache.max-bytes", "0")).maxBytes()).isZero();
    }

    @Test
    void malformedValuesNameThePropertyAndTheFix() {
        assertThatThrownBy(() -> CacheConfig.from(props("cache", "maybe")))
                .hasMessageContaining("cache='maybe'").hasMessageContaining("cache=false");
        for (String bad : new String[] {"lots", "-1", "12t", "99999999999g"}) {
            assertThatThrownBy(() -> CacheConfig.from(props("cache.max-bytes", bad))).as(bad)
                    .hasMessageContaining("cache.max-bytes='" + bad + "'").hasMessageContaining("512m");
        }
    }
}
