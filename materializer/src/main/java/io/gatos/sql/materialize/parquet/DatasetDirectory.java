package io.gatos.sql.materialize.parquet;

import io.gatos.sql.materialize.AtomicFiles;
import io.gatos.sql.materialize.MaterializeException;
import io.gatos.sql.materialize.MaterializeException.Code;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * Builds a partitioned dataset in a hidden directory beside its destination and swaps it into place
 * only when complete: the old directory is renamed aside, the new one renamed to the destination,
 * then the old one deleted, so a reader sees the old dataset, then (for the instant between the two
 * renames) none, then the new one; never a half-written one. A directory is replaced only when it
 * is empty or carries the marker file {@value #MARKER} that this class writes.
 */
public final class DatasetDirectory {
    /** The marker file in the root of every dataset directory gatos writes. */
    public static final String MARKER = ".gatos-dataset";

    private DatasetDirectory() {
    }

    /**
     * Checks that {@code out} may be replaced and creates the staging directory beside it.
     *
     * @throws MaterializeException {@code BAD_OPTION} when {@code out} is a file or a foreign non-empty directory
     */
    public static Path stage(Path out) throws IOException {
        if (Files.exists(out) && !replaceable(out)) {
            throw new MaterializeException(Code.BAD_OPTION, "--out " + out + " exists and is not a dataset written by"
                    + " gatos (no " + MARKER + " file); remove it or choose another --out");
        }
        Path dir = out.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        return Files.createTempDirectory(dir, "." + out.getFileName() + ".");
    }

    private static boolean replaceable(Path out) throws IOException {
        if (!Files.isDirectory(out)) {
            return false;
        }
        if (Files.isRegularFile(out.resolve(MARKER))) {
            return true;
        }
        try (Stream<Path> entries = Files.list(out)) {
            return entries.findAny().isEmpty();
        }
    }

    /** Marks {@code staged} as a gatos dataset and swaps it into place as {@code out}. */
    public static void publish(Path staged, Path out) throws IOException {
        Files.writeString(staged.resolve(MARKER), "written by gatos materialize; the directory is replaced whole"
                + " by each run\n", StandardCharsets.UTF_8);
        Path old = null;
        if (Files.exists(out)) {
            old = Files.createTempDirectory(out.toAbsolutePath().getParent(), "." + out.getFileName() + ".old.");
            Files.delete(old);
            AtomicFiles.replace(out, old);
        }
        try {
            AtomicFiles.replace(staged, out);
        } catch (IOException e) {
            if (old != null) {
                AtomicFiles.replace(old, out); // put the old dataset back
            }
            throw e;
        }
        deleteTree(old);
    }

    /** Deletes {@code dir} and everything under it, ignoring failures (cleanup); null is ignored. */
    public static void deleteTree(Path dir) {
        if (dir == null || !Files.exists(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException ignored) {
                    // best effort: a leftover hidden directory is never read as the dataset
                }
            });
        } catch (IOException ignored) {
            // best effort
        }
    }

    /** Returns the total size in bytes of the regular files under {@code dir}. */
    public static long size(Path dir) throws IOException {
        try (Stream<Path> walk = Files.walk(dir)) {
            long total = 0;
            for (Path p : (Iterable<Path>) walk::iterator) {
                total += Files.isRegularFile(p) ? Files.size(p) : 0;
            }
            return total;
        }
    }
}
