package io.gatos.sql.server.corpus;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The loading of the real jars is exercised by SqlCorpusIT, after the pom has copied them. */
class StockAvaticaClientTest {
    @TempDir
    Path dir;

    @Test
    void namesTheMissingJarAndHowToGetIt() {
        assertThatThrownBy(() -> StockAvaticaClient.load(dir))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining(dir.resolve("avatica.jar").toString())
                .hasMessageContaining("run through mvn verify");
    }
}
