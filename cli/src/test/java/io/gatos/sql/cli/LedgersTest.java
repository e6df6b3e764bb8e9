package io.gatos.sql.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

class LedgersTest {
    @TempDir Path temp;

    @Test
    void resolvesAnExistingDirectoryToAnAbsoluteUrl() throws Exception {
        Path dir = Ledgers.existingDirectory(temp.resolve("a/..").resolve("."));

        assertThat(dir).isEqualTo(temp.toAbsolutePath().normalize());
        assertThat(Ledgers.url(dir)).isEqualTo("jdbc:gatos:repo='" + dir + "'");
    }

    @Test
    void rejectsMissingPaths() {
        assertThatThrownBy(() -> Ledgers.existingDirectory(temp.resolve("none")))
                .isInstanceOf(UserException.class)
                .hasMessageContaining("no such repository");
    }

    @Test
    void connectsToPathsWithSemicolonsAndQuotes() throws Exception {
        Path odd = temp.resolve("a;b 'c'.git");
        try (var repo = io.gatos.sql.testing.LedgerTestRepository.create(odd)) {
            repo.event("orders", "alice", "order.created", "{}");
            repo.writer().flush();
            try (var c = Ledgers.connect(odd);
                    var rs = c.createStatement().executeQuery("SELECT COUNT(*) FROM events")) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getInt(1)).isEqualTo(1);
            }
        }
    }

    @Test
    void recognizesGeneratedLedgersByLooseOrPackedGatosRefs() throws Exception {
        Path loose = DemoCommandTest.fakeBareRepository(temp.resolve("loose.git"));
        Files.createDirectories(loose.resolve("refs/gatos/jobs"));
        Files.writeString(loose.resolve("refs/gatos/jobs/j1"), "1".repeat(40) + "\n");
        Path packed = DemoCommandTest.fakeBareRepository(temp.resolve("packed.git"));
        Files.writeString(
                packed.resolve("packed-refs"),
                "# pack-refs\n" + "2".repeat(40) + " refs/gatos/state/ns\n");
        Path plain = DemoCommandTest.fakeBareRepository(temp.resolve("plain.git"));
        Files.createDirectories(plain.resolve("refs/gatos"));

        assertThat(Ledgers.looksLikeGeneratedLedger(loose)).isTrue();
        assertThat(Ledgers.looksLikeGeneratedLedger(packed)).isTrue();
        assertThat(Ledgers.looksLikeGeneratedLedger(plain)).isFalse();
        assertThat(Ledgers.looksLikeGeneratedLedger(temp)).isFalse();
    }
}
