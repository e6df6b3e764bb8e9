package io.gatos.sql.materialize;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Holds the lock {@code <out>.lock} for the duration of one run, so two runs on the same output
 * never overlap (across processes: an OS file lock). Must be closed; closing releases and removes
 * the lock file.
 */
public final class OutputLock implements AutoCloseable {
    private final Path path;
    private final FileChannel channel;
    private final FileLock lock;

    private OutputLock(Path path, FileChannel channel, FileLock lock) {
        this.path = path;
        this.channel = channel;
        this.lock = lock;
    }

    /**
     * Takes the lock of output {@code out} without waiting.
     *
     * @throws MaterializeException {@code LOCKED} when another run holds it
     */
    public static OutputLock acquire(Path out) {
        Path path = AtomicFiles.sibling(out, ".lock");
        FileChannel channel = null;
        try {
            Files.createDirectories(path.toAbsolutePath().getParent());
            channel = FileChannel.open(path, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            FileLock lock = channel.tryLock();
            if (lock == null) {
                throw locked(out, path, null);
            }
            channel.truncate(0);
            channel.write(StandardCharsets.UTF_8.encode("pid " + ProcessHandle.current().pid() + "\n"));
            return new OutputLock(path, channel, lock);
        } catch (OverlappingFileLockException e) {
            close(channel);
            throw locked(out, path, e);
        } catch (IOException e) {
            close(channel);
            throw new MaterializeException(MaterializeException.Code.IO, "cannot create the lock file " + path
                    + ": " + e.getMessage(), e);
        } catch (MaterializeException e) {
            close(channel);
            throw e;
        }
    }

    private static MaterializeException locked(Path out, Path lock, Throwable cause) {
        String holder = "";
        try {
            holder = " (" + Files.readString(lock).strip() + ")";
        } catch (IOException | RuntimeException ignored) {
            // the holder's pid is a courtesy
        }
        return new MaterializeException(MaterializeException.Code.LOCKED, "another run is writing " + out + holder
                + "; wait for it to finish (the lock is " + lock + ")", cause);
    }

    private static void close(FileChannel channel) {
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException ignored) {
                // nothing more to release
            }
        }
    }

    @Override
    public void close() {
        try {
            Files.deleteIfExists(path);
            lock.release();
        } catch (IOException ignored) {
            // the OS drops the lock with the channel anyway
        } finally {
            close(channel);
        }
    }
}
