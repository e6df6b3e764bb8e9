package io.gatos.sql.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;

class VerifyCommandTest extends OrdersLedgerTest {
    private Path out;

    @BeforeEach
    void export() {
        out = temp.resolve("ledger.sqlite");
        Cli cli =
                Cli.run("export", "--repo", repo(), "--format", "sqlite", "--out", out.toString());
        assertThat(cli.exitCode()).as(cli.err()).isZero();
    }

    @Test
    void printsOneOkLinePerCheckAndMatchWith0() {
        Cli cli = Cli.run("verify", "--repo", repo(), out.toString());

        assertThat(cli.exitCode()).as(cli.out() + cli.err()).isZero();
        assertThat(cli.err()).isEmpty();
        assertThat(cli.out().lines().toList())
                .hasSizeGreaterThan(3)
                .endsWith("verified: match")
                .anySatisfy(line -> assertThat(line).startsWith("ok   explorer_root"))
                .anySatisfy(line -> assertThat(line).startsWith("ok   repository"));
    }

    @Test
    void reportsTheRepositoryAdvancedWith4AfterANewEvent() {
        ledger.event("orders", "dave", "order.created", "{\"amount\":3}");

        Cli cli = Cli.run("verify", "--repo", repo(), out.toString());

        assertThat(cli.exitCode()).isEqualTo(4);
        assertThat(cli.out())
                .containsPattern("(?m)^FAIL repository +the repository advanced")
                .containsPattern("(?m)^verified: MISMATCH \\(.*repository.*\\)$");
    }

    @Test
    void failsWith2ForAMissingExport() {
        Path missing = temp.resolve("none.sqlite");

        Cli cli = Cli.run("verify", "--repo", repo(), missing.toString());

        assertThat(cli.exitCode()).isEqualTo(2);
        assertThat(cli.err()).startsWith("gatos verify: no export at " + missing);
        assertThat(cli.out()).isEmpty();
    }

    @Test
    void failsWith1ForAFileWithoutManifest() throws Exception {
        Path plain = Files.writeString(temp.resolve("plain.sqlite"), "x");

        Cli cli = Cli.run("verify", "--repo", repo(), plain.toString());

        assertThat(cli.exitCode()).isEqualTo(1);
        assertThat(cli.err()).startsWith("gatos verify: ").contains("has no manifest");
    }

    @Test
    void documentsTheMismatchExitCode() {
        Cli cli = Cli.run("verify", "--help");

        assertThat(cli.out()).contains("Exit codes:", "4   Mismatch");
    }
}
