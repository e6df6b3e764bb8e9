package io.gatos.sql.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.regex.Pattern;

/** Runs {@code gatos demo} end to end on a small ledger, twice on the same path. */
class DemoCommandIT {
    private static final Pattern FOOTER = Pattern.compile("(?m)^\\((1 row|\\d+ rows)\\)$");

    @TempDir Path temp;

    @Test
    void runsEveryQueryAndReplacesItsOwnLedger() {
        Path out = temp.resolve("demo-ledger.git");

        for (int run = 1; run <= 2; run++) {
            Cli cli = Cli.run("demo", "--out", out.toString(), "--events", "300");

            assertThat(cli.exitCode()).as("run %d: %s", run, cli.err()).isZero();
            assertThat(cli.err()).doesNotContain("failed");
            assertThat(cli.err().contains("replaced the previous demo ledger")).isEqualTo(run == 2);
            for (DemoQuery query : DemoQuery.ALL) {
                assertThat(cli.out()).contains("-- " + query.title() + "\n" + query.sql() + ";\n");
            }
            assertThat(FOOTER.matcher(cli.out()).results().count()).isEqualTo(DemoQuery.ALL.size());
            assertThat(cli.out())
                    .contains("./gatos sql --repo " + out + " \"SELECT")
                    .contains("./gatos shell --repo " + out)
                    .contains("./gatos serve --repo " + out)
                    .contains("export " + temp.resolve("demo-ledger.sqlite") + ": full, ")
                    .contains("verified: match")
                    .contains("sqlite3 " + temp.resolve("demo-ledger.sqlite"))
                    .contains("export " + temp.resolve("demo-ledger-parquet") + ": full, ")
                    .contains("duckdb -c \"SELECT date, COUNT(*) FROM read_parquet('"
                            + temp.resolve("demo-ledger-parquet") + "/events/**/*.parquet'");
            assertThat(cli.out().split("verified: match", -1)).hasSize(3);
            assertThat(temp.resolve("demo-ledger.sqlite.manifest.json")).exists();
            assertThat(temp.resolve("demo-ledger-parquet.manifest.json")).exists();
        }
    }
}
