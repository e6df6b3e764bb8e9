package io.gatos.sql.ledger.cache;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Keeps a segment store's files under its byte bound at a constant cost per installed segment: a
 * running total (an over-estimate: replaced and superseded files are not subtracted) is kept, and
 * the directory is counted (one listing, a size per file) only when the total says the bound would
 * be passed, and not again for a fill that already found the cache full of its own files. Files
 * other processes write meanwhile are seen at the next count. Guarded by its store's lock.
 */
final class SpaceBudget {
    private final Path dir;
    private final long maxBytes;
    private final SegmentStore store;
    /** Bytes of segment files as last counted plus those installed since; -1 before counting. */
    private long knownBytes = -1;
    /** The scan start of the fill that last found no room among its own files; -1 for none. */
    private long fullForScan = -1;

    SpaceBudget(Path dir, long maxBytes, SegmentStore store) {
        this.dir = dir;
        this.maxBytes = maxBytes;
        this.store = store;
    }

    /**
     * Makes room for {@code incoming} more bytes, deleting the oldest files not written since
     * {@code keepAfterMillis} when needed; returns false when they cannot fit.
     */
    boolean makeRoom(long incoming, long keepAfterMillis) throws IOException {
        if (incoming > maxBytes) {
            return false;
        }
        if (knownBytes >= 0 && knownBytes + incoming <= maxBytes) {
            knownBytes += incoming;
            return true;
        }
        if (fullForScan == keepAfterMillis) {
            return false; // this fill found the cache full of its own files already
        }
        boolean fits = evictFor(incoming, keepAfterMillis);
        if (fits) {
            knownBytes += incoming;
        } else {
            fullForScan = keepAfterMillis;
        }
        return fits;
    }

    /** Counts the directory and deletes the oldest files not written since {@code keepAfterMillis} until {@code incoming} fits. */
    private boolean evictFor(long incoming, long keepAfterMillis) throws IOException {
        List<Path> files = new ArrayList<>();
        long total = 0;
        store.listed();
        try (DirectoryStream<Path> all = Files.newDirectoryStream(dir, "*.seg")) {
            for (Path f : all) {
                files.add(f);
                total += sizeOf(f);
            }
        }
        if (total + incoming > maxBytes) {
            files.sort(Comparator.comparingLong(SpaceBudget::lastModified));
            for (Path f : files) {
                if (total + incoming <= maxBytes || lastModified(f) >= keepAfterMillis) {
                    break;
                }
                total -= sizeOf(f);
                store.evict(f);
            }
        }
        knownBytes = total;
        return total + incoming <= maxBytes;
    }

    private static long sizeOf(Path f) {
        try {
            return Files.size(f);
        } catch (IOException e) {
            return 0;
        }
    }

    static long lastModified(Path f) {
        try {
            return Files.readAttributes(f, BasicFileAttributes.class).lastModifiedTime().toMillis();
        } catch (IOException e) {
            return 0;
        }
    }
}
