package io.gatos.sql.ledger.cache;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.CRC32C;

/**
 * Writes the rows of one chain region, newest first, into temporary segment files of at most
 * {@link SegmentStore#rowsPerSegment()} rows (default {@link #MAX_ROWS}) or about {@link #MAX_BODY_BYTES} bytes each, while the scan that decodes
 * them goes on. Positions and chain bounds are known only when the region's bottom is, so
 * {@link #finish} completes the files then and moves them into place; {@link #discard} drops
 * them (a scan that stopped early). Holds one open file and each segment's keys; not thread-safe.
 */
public final class SegmentBuilder implements AutoCloseable {
    /** Most rows in one segment by default. */
    public static final int MAX_ROWS = 4096;
    /** Body size after which a segment is closed. */
    public static final int MAX_BODY_BYTES = 8 << 20;

    private final SegmentStore store;
    private final boolean full;
    private final List<Pending> done = new ArrayList<>();
    private final long startedMillis;
    private Pending current;
    private boolean failed;

    SegmentBuilder(SegmentStore store, boolean full, long startedMillis) {
        this.store = store;
        this.full = full;
        this.startedMillis = startedMillis;
    }

    /** A segment being written: its temp file and what its summary needs. */
    private static final class Pending {
        final Path temp;
        final OutputStream out;
        final CRC32C crc = new CRC32C();
        final List<String> keys = new ArrayList<>();
        String tip;
        String base;
        long bytes;
        int count;
        long minTs = Long.MAX_VALUE;
        long maxTs = Long.MIN_VALUE;
        String minId;
        String maxId;

        Pending(Path temp) throws IOException {
            this.temp = temp;
            this.out = new BufferedOutputStream(Files.newOutputStream(temp), 1 << 16);
        }
    }

    /**
     * Adds the encoded row of commit {@code commitId} (the next older one), whose row id is
     * {@code rowId}, time {@code ts}, and first parent {@code parent} (null at the root). A write
     * that fails (a read-only or full disk) drops this builder's files and makes it ignore the
     * rest: the cache never makes a scan fail.
     */
    public void add(byte[] row, String commitId, String rowId, long ts, String parent) {
        if (failed || !store.writable()) {
            discard();
            failed = true;
            return;
        }
        try {
            append(row, commitId, rowId, ts, parent);
        } catch (IOException e) {
            fail(e);
        }
    }

    /** Drops what was written and tells the store, which warns and stops writing: the scan goes on uncached. */
    private void fail(IOException e) {
        failed = true;
        discard();
        store.writeFailed(e);
    }

    private void append(byte[] row, String commitId, String rowId, long ts, String parent) throws IOException {
        if (current == null) {
            current = new Pending(store.newTemp());
            current.tip = commitId;
        }
        Pending p = current;
        p.out.write(row);
        p.crc.update(row, 0, row.length);
        p.bytes += row.length;
        p.count++;
        p.base = parent;
        p.keys.add(commitId);
        if (!rowId.equals(commitId)) {
            p.keys.add(rowId);
        }
        p.minTs = Math.min(p.minTs, ts);
        p.maxTs = Math.max(p.maxTs, ts);
        p.minId = p.minId == null || rowId.compareTo(p.minId) < 0 ? rowId : p.minId;
        p.maxId = p.maxId == null || rowId.compareTo(p.maxId) > 0 ? rowId : p.maxId;
        if (p.count >= store.rowsPerSegment() || p.bytes >= MAX_BODY_BYTES) {
            p.out.flush();
            p.out.close();
            done.add(p);
            current = null;
        }
    }

    /** Returns the number of rows added so far. */
    public long rows() {
        long n = current == null ? 0 : current.count;
        for (Pending p : done) {
            n += p.count;
        }
        return n;
    }

    /**
     * Completes the segments on top of what lies below the region: {@code below} (null at the
     * root) gives the depth and chain bounds. Returns the summaries written, oldest first; a
     * segment the store has no room for is dropped, and a write that fails drops them all.
     */
    public List<SegmentSummary> finish(SegmentSummary below) {
        List<SegmentSummary> written = new ArrayList<>();
        if (failed) {
            return written;
        }
        try {
            complete(below, written);
        } catch (IOException e) {
            fail(e);
        }
        return written;
    }

    private void complete(SegmentSummary below, List<SegmentSummary> written) throws IOException {
        if (current != null) {
            current.out.close();
            done.add(current);
            current = null;
        }
        long depth = below == null ? 0 : below.length();
        long chainMaxTs = below == null ? Long.MIN_VALUE : below.chainMaxTs();
        String chainMaxId = below == null ? "" : below.chainMaxId();
        for (int i = done.size() - 1; i >= 0; i--) {
            Pending p = done.get(i);
            chainMaxTs = Math.max(chainMaxTs, p.maxTs);
            chainMaxId = p.maxId.compareTo(chainMaxId) > 0 ? p.maxId : chainMaxId;
            Bloom bloom = Bloom.forKeys(p.keys.size());
            p.keys.forEach(bloom::add);
            SegmentSummary s = new SegmentSummary(p.tip, p.base, depth, p.count, full, p.minTs, p.maxTs, p.minId,
                    p.maxId, chainMaxTs, chainMaxId, bloom);
            try (OutputStream out = Files.newOutputStream(p.temp, java.nio.file.StandardOpenOption.APPEND)) {
                SegmentFile.writeFooter(out, s, p.bytes, (int) p.crc.getValue());
            }
            if (store.install(p.temp, s, startedMillis)) {
                written.add(s);
            }
            depth += p.count;
        }
        done.clear();
    }

    /** Deletes every temporary file; safe to call more than once. */
    public void discard() {
        if (current != null) {
            done.add(current);
            current = null;
        }
        for (Pending p : done) {
            try {
                p.out.close();
            } catch (IOException ignored) {
                // the file is deleted next
            }
            store.deleteQuietly(p.temp);
        }
        done.clear();
    }

    /** Discards whatever {@link #finish} did not complete. */
    @Override
    public void close() {
        discard();
    }
}
