package io.gatos.sql.materialize.export;

import static org.assertj.core.api.Assertions.assertThat;

import io.gatos.sql.materialize.manifest.ExportManifestFile;
import io.gatos.sql.testing.LedgerTestRepository;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InterruptedRunsTest {
    @TempDir
    Path dir;

    @Test
    void aPlainRunAndAFullRunRemoveTheTemporaryFilesOfKilledRuns() throws Exception {
        try (LedgerTestRepository repo = ExportFixture.build(dir.resolve("ledger.git"))) {
            Path out = dir.resolve("out/ledger.sqlite");
            Exporter.run(ExportOptions.of(repo.path(), out));
            List<String> stale = List.of(".ledger.sqlite.4417.tmp", ".ledger.sqlite.4417.tmp-journal",
                    ".ledger.sqlite.manifest.json.991.tmp", "ledger.sqlite.commit.json.tmp");
            for (String name : stale) {
                Files.writeString(out.resolveSibling(name), "left by a killed run");
            }
            Path other = out.resolveSibling(".ledger.sqlite.x.17.tmp");
            Files.writeString(other, "another output's temporary file");
            assertThat(Exporter.run(ExportOptions.of(repo.path(), out)).mode()).isEqualTo(ExportMode.UP_TO_DATE);
            assertThat(names(out.getParent())).containsExactlyInAnyOrder("ledger.sqlite",
                    "ledger.sqlite.manifest.json", other.getFileName().toString());

            Files.writeString(out.resolveSibling(stale.get(0)), "left by a killed run");
            ExportOptions full = new ExportOptions(repo.path(), out, null, null, null, null, null,
                    ExportOptions.DEFAULT_BATCH, true, null);
            Exporter.run(full);
            assertThat(names(out.getParent())).doesNotContain(stale.get(0));
        }
    }

    @Test
    void aFileRenamedByAnOlderVersionBeforeItWasKilledGetsTheManifestItLeftBeside() throws Exception {
        try (LedgerTestRepository repo = ExportFixture.build(dir.resolve("ledger.git"))) {
            Path out = dir.resolve("ledger.sqlite");
            Path manifest = ExportManifestFile.pathOf(out);
            Exporter.run(ExportOptions.of(repo.path(), out));
            Path old = dir.resolve("old.manifest.json");
            Files.copy(manifest, old);
            repo.event("orders", "alice", "order.shipped", "{\"amount\":30}");
            Exporter.run(ExportOptions.of(repo.path(), out));
            // what 0.1.1 left when killed between its renames: the new file, the old manifest, the new one's temp
            Files.move(manifest, out.resolveSibling(".ledger.sqlite.manifest.json.8120.tmp"));
            Files.move(old, manifest, StandardCopyOption.REPLACE_EXISTING);

            ExportResult next = Exporter.run(ExportOptions.of(repo.path(), out));

            assertThat(next.mode()).isEqualTo(ExportMode.UP_TO_DATE);
            assertThat(Verifier.verify(repo.path(), out).failures()).isEmpty();
            assertThat(names(dir)).doesNotContain(".ledger.sqlite.manifest.json.8120.tmp");
        }
    }

    private static List<String> names(Path dir) throws Exception {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).filter(n -> !n.endsWith(".git")).toList();
        }
    }
}
