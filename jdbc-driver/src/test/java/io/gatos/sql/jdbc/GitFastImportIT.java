package io.gatos.sql.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import io.gatos.sql.catalog.Catalog;
import io.gatos.sql.catalog.TableDef;
import io.gatos.sql.writer.sample.SampleLedger;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Copies a sample ledger with plain {@code git fast-export | git fast-import} (objects in a pack
 * written by git, refs packed by {@code git pack-refs}) and checks every table reads identically.
 */
class GitFastImportIT {

    @Test
    void aRepositoryWrittenByGitFastImportReadsLikeTheOriginal(@TempDir Path dir) throws Exception {
        Path source = dir.resolve("source.git");
        SampleLedger.generate(source, 400, 11, null);
        Path copy = dir.resolve("copy.git");
        git(dir, "init", "--bare", "-q", copy.toString());
        byte[] stream = git(dir, "--git-dir=" + source, "fast-export", "--all", "--signed-tags=strip");
        gitWithInput(dir, stream, "--git-dir=" + copy, "fast-import", "--quiet");
        copyRefsToBlobs(dir, source, copy);
        git(dir, "--git-dir=" + copy, "pack-refs", "--all");
        assertThat(copy.resolve("packed-refs")).exists();
        assertThat(Files.exists(copy.resolve("refs/gatos/journal"))).isFalse();

        try (Connection a = DriverManager.getConnection("jdbc:gatos:repo=" + source);
                Connection b = DriverManager.getConnection("jdbc:gatos:repo=" + copy)) {
            for (TableDef table : Catalog.get().tables()) {
                String sql = "SELECT * FROM " + table.name() + " ORDER BY "
                        + String.join(", ", table.columnNames().stream().map(c -> "\"" + c + "\"").toList());
                List<String> expected = JdbcTestSupport.rows(a, sql);
                assertThat(JdbcTestSupport.rows(b, sql)).as(table.name()).containsExactlyElementsOf(expected);
                if (!table.name().equals("findings")) {
                    assertThat(expected).as(table.name() + " has rows").isNotEmpty();
                }
            }
        }
    }

    /** fast-export carries commits only; refs that point straight at blobs are copied by hand. */
    private static void copyRefsToBlobs(Path dir, Path source, Path copy) throws Exception {
        String refs = new String(git(dir, "--git-dir=" + source, "for-each-ref", "--format=%(objecttype) %(refname)",
                "refs/gatos/"), StandardCharsets.UTF_8);
        List<String> blobRefs = new ArrayList<>();
        refs.lines().filter(l -> l.startsWith("blob ")).forEach(l -> blobRefs.add(l.substring(5)));
        assertThat(blobRefs).as("the sample has blob-form checkpoints").isNotEmpty();
        for (String ref : blobRefs) {
            byte[] content = git(dir, "--git-dir=" + source, "cat-file", "blob", ref);
            String id = new String(gitWithInput(dir, content, "--git-dir=" + copy, "hash-object", "-w", "--stdin"),
                    StandardCharsets.UTF_8).trim();
            git(dir, "--git-dir=" + copy, "update-ref", ref, id);
        }
    }

    private static byte[] git(Path dir, String... args) throws Exception {
        return gitWithInput(dir, null, args);
    }

    private static byte[] gitWithInput(Path dir, byte[] input, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("git"));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectError(ProcessBuilder.Redirect.INHERIT)
                .start();
        if (input != null) {
            try (var in = p.getOutputStream()) {
                in.write(input);
            }
        } else {
            p.getOutputStream().close();
        }
        byte[] out = p.getInputStream().readAllBytes();
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(String.join(" ", command)).isZero();
        return out;
    }
}
