package io.gatos.sql.materialize;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/**
 * Creates temporary files beside their destination and moves them into place with one rename, so
 * partial output never replaces good output.
 */
public final class AtomicFiles {
    private AtomicFiles() {
    }

    /** Returns the file beside {@code file} whose name is the name of {@code file} plus {@code suffix}. */
    public static Path sibling(Path file, String suffix) {
        return file.resolveSibling(file.getFileName() + suffix);
    }

    /** Creates an empty temporary file in the directory of {@code target}, named after it. */
    public static Path tempBeside(Path target) throws IOException {
        Path dir = target.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path tmp = Files.createTempFile(dir, "." + target.getFileName() + ".", ".tmp");
        try {
            // temporary files are created owner-only; the output should read like any file the user writes
            Files.setPosixFilePermissions(tmp, Files.exists(target) ? Files.getPosixFilePermissions(target)
                    : java.nio.file.attribute.PosixFilePermissions.fromString("rw-r--r--"));
        } catch (UnsupportedOperationException ignored) {
            // not a POSIX file system: keep its defaults
        }
        return tmp;
    }

    /** Flushes {@code file} to disk. */
    public static void sync(Path file) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
            channel.force(true);
        }
    }

    /** Replaces {@code target} with {@code source} in one rename (a plain move where the file system cannot). */
    public static void replace(Path source, Path target) throws IOException {
        try {
            Files.move(source, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(source, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /** Deletes {@code file} and its SQLite side files if they exist, ignoring failures (cleanup after an error). */
    public static void deleteQuietly(Path file) {
        if (file == null) {
            return;
        }
        for (String suffix : new String[] {"", "-wal", "-shm", "-journal"}) {
            try {
                Files.deleteIfExists(sibling(file, suffix));
            } catch (IOException ignored) {
                // best effort: a leftover temporary file never replaces the output
            }
        }
    }
}
