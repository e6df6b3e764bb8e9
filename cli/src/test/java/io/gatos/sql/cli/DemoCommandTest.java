package io.gatos.sql.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

class DemoCommandTest {
    @TempDir Path temp;

    @Test
    void refusesToReplaceADirectoryThatIsNoDemoLedger() throws Exception {
        Path mine = Files.createDirectory(temp.resolve("mine"));
        Files.writeString(mine.resolve("thesis.tex"), "precious");

        Cli cli = Cli.run("demo", "--out", mine.toString(), "--events", "10");

        assertThat(cli.exitCode()).isEqualTo(2);
        assertThat(cli.err()).contains("refusing to replace " + mine, "not a previous demo ledger");
        assertThat(mine.resolve("thesis.tex")).hasContent("precious");
    }

    @Test
    void refusesABareRepositoryWithoutGatosRefs() throws Exception {
        Path bare = fakeBareRepository(temp.resolve("plain.git"));

        Cli cli = Cli.run("demo", "--out", bare.toString(), "--events", "10");

        assertThat(cli.exitCode()).isEqualTo(2);
        assertThat(bare.resolve("HEAD")).exists();
    }

    @Test
    void removesAPreviousDemoLedger() throws Exception {
        Path demo = fakeBareRepository(temp.resolve("demo.git"));
        Files.createDirectories(demo.resolve("refs/gatos/journal/ns"));
        Files.writeString(demo.resolve("refs/gatos/journal/ns/alice"), "0".repeat(40) + "\n");

        assertThat(DemoCommand.removePreviousDemo(demo)).isTrue();

        assertThat(demo).doesNotExist();
    }

    @Test
    void leavesAMissingPathOrAnEmptyDirectoryAlone() throws Exception {
        Path empty = Files.createDirectory(temp.resolve("empty"));

        assertThat(DemoCommand.removePreviousDemo(temp.resolve("missing"))).isFalse();
        assertThat(DemoCommand.removePreviousDemo(empty)).isFalse();

        assertThat(empty).isEmptyDirectory();
    }

    @Test
    void quotesPathsForTheShellOnlyWhenNeeded() {
        assertThat(DemoCommand.shellWord("demo-ledger.git")).isEqualTo("demo-ledger.git");
        assertThat(DemoCommand.shellWord("/tmp/my ledger")).isEqualTo("'/tmp/my ledger'");
        assertThat(DemoCommand.shellWord("it's")).isEqualTo("'it'\\''s'");
    }

    static Path fakeBareRepository(Path dir) throws Exception {
        Files.createDirectories(dir.resolve("objects"));
        Files.createDirectories(dir.resolve("refs/heads"));
        Files.writeString(dir.resolve("HEAD"), "ref: refs/heads/main\n");
        return dir;
    }
}
