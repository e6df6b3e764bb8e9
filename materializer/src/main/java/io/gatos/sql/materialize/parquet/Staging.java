package io.gatos.sql.materialize.parquet;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.List;
import io.gatos.sql.materialize.CommitFaults;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Makes a run's files appear all together, or not at all: files are written under
 * {@code <dataset>/_gatos/staging/} (invisible to {@code <table>/**} globs and ignored by Spark and
 * Hive as an underscore directory), then a commit record listing every move and delete is written
 * atomically, then applied. A run that dies before the record leaves the dataset untouched (the
 * next run discards its staging); one that dies after it is finished by the next run or by
 * {@link #recover}. Not thread-safe; callers hold the output lock.
 */
public final class Staging {
    /** The directory of gatos-sql's own files inside a dataset. */
    public static final String OWN_DIR = "_gatos";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String COMMIT = "COMMIT.json";
    private final Path dataset;
    private final Path dir;
    private final AtomicInteger next = new AtomicInteger();

    private Staging(Path dataset) {
        this.dataset = dataset;
        this.dir = dataset.resolve(OWN_DIR).resolve("staging");
    }

    /** Moves one file into the dataset: {@code from} (absolute) to {@code to} (absolute). */
    public record Move(Path from, Path to) {
    }

    /** Finishes or discards what an earlier run left in {@code dataset}, then opens a fresh staging area. */
    public static Staging open(Path dataset) throws IOException {
        recover(dataset);
        Staging staging = new Staging(dataset);
        Files.createDirectories(staging.dir);
        return staging;
    }

    /** Returns whether a committed run in {@code dataset} was interrupted before it finished. */
    public static boolean pending(Path dataset) {
        return Files.exists(dataset.resolve(OWN_DIR).resolve("staging").resolve(COMMIT));
    }

    /**
     * Finishes an interrupted commit in {@code dataset} (applies its remaining moves and deletes) or
     * discards an uncommitted staging area; returns whether a commit was finished.
     */
    public static boolean recover(Path dataset) throws IOException {
        Path dir = dataset.resolve(OWN_DIR).resolve("staging");
        if (!Files.exists(dir)) {
            return false;
        }
        Path record = dir.resolve(COMMIT);
        boolean finished = false;
        if (Files.exists(record)) {
            ObjectNode commit = (ObjectNode) JSON.readTree(record.toFile());
            for (var move : commit.withArray("moves")) {
                Path from = Path.of(move.get("from").asText());
                if (Files.exists(from)) {
                    CommitFaults.step("move " + from.getFileName());
                    moveInto(from, Path.of(move.get("to").asText()));
                }
            }
            for (var gone : commit.withArray("deletes")) {
                CommitFaults.step("delete " + gone.asText());
                Files.deleteIfExists(Path.of(gone.asText()));
            }
            finished = true;
            CommitFaults.step("delete the staging area");
        }
        deleteTree(dir);
        return finished;
    }

    /** Returns a fresh path in the staging area for a file of {@code table}. */
    public Path newFile(String table) {
        return dir.resolve(table + "-" + next.incrementAndGet() + ".tmp");
    }

    /** Returns the staging directory, for spill files. */
    public Path dir() {
        return dir;
    }

    /**
     * Commits: writes the record of {@code moves} (applied in order; the manifest's move last) and
     * {@code deletes}, then applies them and removes the staging area.
     */
    public void commit(List<Move> moves, List<Path> deletes) throws IOException {
        ObjectNode commit = JSON.createObjectNode();
        ArrayNode m = commit.putArray("moves");
        for (Move move : moves) {
            m.addObject().put("from", move.from().toAbsolutePath().toString())
                    .put("to", move.to().toAbsolutePath().toString());
        }
        ArrayNode d = commit.putArray("deletes");
        deletes.forEach(p -> d.add(p.toAbsolutePath().toString()));
        Path tmp = dir.resolve(COMMIT + ".tmp");
        CommitFaults.step("commit record");
        Files.writeString(tmp, commit.toString());
        try (var channel = java.nio.channels.FileChannel.open(tmp, java.nio.file.StandardOpenOption.WRITE)) {
            channel.force(true);
        }
        CommitFaults.step("rename commit record");
        Files.move(tmp, dir.resolve(COMMIT), StandardCopyOption.ATOMIC_MOVE);
        recover(dataset);
    }

    /** Removes the staging area of a run that failed before committing. */
    public void abandon() {
        try {
            deleteTree(dir);
        } catch (IOException ignored) {
            // the next run discards it
        }
    }

    private static void moveInto(Path from, Path to) throws IOException {
        Files.createDirectories(to.getParent());
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        Files.walkFileTree(root, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                Files.delete(file);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path d, IOException e) throws IOException {
                Files.delete(d);
                return FileVisitResult.CONTINUE;
            }
        });
    }
}
