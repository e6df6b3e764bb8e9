package io.gatos.sql.materialize.parquet;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StagingTest {
    @TempDir
    Path dataset;

    private Path stagingDir() {
        return dataset.resolve("_gatos").resolve("staging");
    }

    @Test
    void openCreatesTheStagingDirectory() throws Exception {
        Staging staging = Staging.open(dataset);
        assertThat(staging.dir()).isEqualTo(stagingDir()).isDirectory();
        Path a = staging.newFile("events");
        Path b = staging.newFile("events");
        assertThat(a).isNotEqualTo(b);
        assertThat(a.getParent()).isEqualTo(stagingDir());
        assertThat(a.getFileName().toString()).startsWith("events-").endsWith(".tmp");
        assertThat(Staging.pending(dataset)).isFalse();
    }

    @Test
    void commitMovesFilesAppliesDeletesAndRemovesStaging() throws Exception {
        Path old = Files.writeString(Files.createDirectories(dataset.resolve("events/date=2025-01-01"))
                .resolve("part-old.parquet"), "old");
        Path replaced = Files.writeString(Files.createDirectories(dataset.resolve("refs")).resolve("data.parquet"),
                "previous");
        Staging staging = Staging.open(dataset);
        Path f1 = Files.writeString(staging.newFile("events"), "one");
        Path f2 = Files.writeString(staging.newFile("refs"), "two");
        Path manifest = Files.writeString(staging.newFile("manifest"), "{}");
        Path target1 = dataset.resolve("events/date=2025-01-02/part-new.parquet");

        staging.commit(List.of(new Staging.Move(f1, target1), new Staging.Move(f2, replaced),
                new Staging.Move(manifest, dataset.resolve("manifest.json"))), List.of(old));

        assertThat(target1).hasContent("one");
        assertThat(replaced).hasContent("two");
        assertThat(dataset.resolve("manifest.json")).hasContent("{}");
        assertThat(old).doesNotExist();
        assertThat(stagingDir()).doesNotExist();
        assertThat(Staging.pending(dataset)).isFalse();
        assertThat(Staging.recover(dataset)).isFalse();
    }

    @Test
    void uncommittedStagingOfADeadRunIsDiscardedAndDatasetUntouched() throws Exception {
        Path kept = Files.writeString(Files.createDirectories(dataset.resolve("refs")).resolve("data.parquet"), "v1");
        Staging dead = Staging.open(dataset);
        Path left = Files.writeString(dead.newFile("refs"), "half written");
        Files.createDirectories(dead.dir().resolve("spill-refs"));
        Files.writeString(dead.dir().resolve("spill-refs/run-1.spill"), "rows");
        Files.writeString(dead.dir().resolve("COMMIT.json.tmp"), "{\"moves\":[");

        assertThat(Staging.pending(dataset)).isFalse();
        Staging next = Staging.open(dataset);

        assertThat(left).doesNotExist();
        assertThat(next.dir().resolve("spill-refs")).doesNotExist();
        assertThat(next.dir().resolve("COMMIT.json.tmp")).doesNotExist();
        assertThat(next.dir()).isDirectory().isEmptyDirectory();
        assertThat(kept).hasContent("v1");
        try (var files = Files.walk(dataset)) {
            assertThat(files.filter(Files::isRegularFile).toList()).containsExactly(kept);
        }
    }

    @Test
    void recoverDiscardsUncommittedStaging() throws Exception {
        Staging dead = Staging.open(dataset);
        Files.writeString(dead.newFile("refs"), "x");
        assertThat(Staging.recover(dataset)).isFalse();
        assertThat(stagingDir()).doesNotExist();
        assertThat(Staging.recover(dataset)).isFalse();
    }

    @Test
    void recoverFinishesAPartlyAppliedCommit() throws Exception {
        Path dir = Files.createDirectories(stagingDir());
        Path movedAlready = dataset.resolve("events/date=2025-01-01/part-a.parquet");
        Files.createDirectories(movedAlready.getParent());
        Files.writeString(movedAlready, "a");
        Path stillStaged = Files.writeString(dir.resolve("events-2.tmp"), "b");
        Path stagedManifest = Files.writeString(dir.resolve("manifest-3.tmp"), "{\"v\":2}");
        Path manifest = Files.writeString(dataset.resolve("manifest.json"), "{\"v\":1}");
        Path gone = Files.writeString(Files.createDirectories(dataset.resolve("refs")).resolve("old.parquet"), "o");
        Path goneAlready = dataset.resolve("refs/older.parquet");
        Path targetB = dataset.resolve("events/date=2025-01-02/part-b.parquet");

        ObjectMapper json = new ObjectMapper();
        ObjectNode commit = json.createObjectNode();
        var moves = commit.putArray("moves");
        moves.addObject().put("from", dir.resolve("events-1.tmp").toAbsolutePath().toString())
                .put("to", movedAlready.toAbsolutePath().toString());
        moves.addObject().put("from", stillStaged.toAbsolutePath().toString())
                .put("to", targetB.toAbsolutePath().toString());
        moves.addObject().put("from", stagedManifest.toAbsolutePath().toString())
                .put("to", manifest.toAbsolutePath().toString());
        var deletes = commit.putArray("deletes");
        deletes.add(gone.toAbsolutePath().toString());
        deletes.add(goneAlready.toAbsolutePath().toString());
        Files.writeString(dir.resolve("COMMIT.json"), commit.toString());

        assertThat(Staging.pending(dataset)).isTrue();
        assertThat(Staging.recover(dataset)).isTrue();

        assertThat(movedAlready).hasContent("a");
        assertThat(targetB).hasContent("b");
        assertThat(manifest).hasContent("{\"v\":2}");
        assertThat(gone).doesNotExist();
        assertThat(stagingDir()).doesNotExist();
        assertThat(Staging.pending(dataset)).isFalse();
    }

    @Test
    void openFinishesAPendingCommitBeforeStagingAfresh() throws Exception {
        Path dir = Files.createDirectories(stagingDir());
        Path staged = Files.writeString(dir.resolve("refs-1.tmp"), "new");
        Path target = dataset.resolve("refs/data.parquet");
        ObjectNode commit = new ObjectMapper().createObjectNode();
        commit.putArray("moves").addObject().put("from", staged.toAbsolutePath().toString())
                .put("to", target.toAbsolutePath().toString());
        commit.putArray("deletes");
        Files.writeString(dir.resolve("COMMIT.json"), commit.toString());

        Staging staging = Staging.open(dataset);

        assertThat(target).hasContent("new");
        assertThat(Staging.pending(dataset)).isFalse();
        assertThat(staging.dir()).isDirectory().isEmptyDirectory();
    }

    @Test
    void abandonRemovesTheStagingArea() throws Exception {
        Staging staging = Staging.open(dataset);
        Files.writeString(staging.newFile("refs"), "x");
        staging.abandon();
        assertThat(stagingDir()).doesNotExist();
        assertThat(dataset.resolve("_gatos")).isDirectory();
    }
}
