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
    /**
     * Fewest commits of a region worth a file by default: creating a file costs about as much as
     * decoding 10 to 20 commits from Git (0.4 to 1.4 ms against about 65 us on the benchmark machine),
     * so shorter regions (one-commit journals, a few new commits) are read from Git every time.
     */
    public static final int MIN_REGION_ROWS = 32;
    /** Body size after which a segment is closed. */
    public static final int MAX_BODY_BYTES = 8 << 20;

    private final SegmentStore store;
    private final boolean full;
    private final List<Pending> done = new ArrayList<>();
    private final long startedMillis;
    private final boolean extending;
    private Pending current;
    private long rows;
    private boolean failed;

    SegmentBuilder(SegmentStore store, boolean full, long startedMillis, boolean extending) {
        this.store = store;
        this.extending = extending;
        this.full = full;
        this.startedMillis = startedMillis;
    }

    /** A segment being written: its rows in memory until the region is long enough, then its temp file. */
    private static final class Pending {
        Path temp;
        OutputStream out = new java.io.ByteArrayOutputStream();
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

        /** Moves the rows held in memory to temporary file {@code file}, where the next ones go. */
        void spill(Path file) throws IOException {
            byte[] held = ((java.io.ByteArrayOutputStream) out).toByteArray();
            out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16);
            temp = file;
            out.write(held);
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
            current = new Pending();
            current.tip = commitId;
        }
        Pending p = current;
        rows++;
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
        boolean closes = p.count >= store.rowsPerSegment() || p.bytes >= MAX_BODY_BYTES;
        if (p.temp == null && (closes || rows >= store.minRegionRows())) {
            p.spill(store.newTemp()); // no file at all for a region too short to be written
        }
        if (closes) {
            p.out.flush();
            p.out.close();
            done.add(p);
            current = null;
        }
    }

    /** Returns the number of rows added so far. */
    public long rows() {
        return rows;
    }

    /**
     * Completes the segments on top of what lies below the region: {@code below} (null at the
     * root) gives the depth and chain bounds. Returns the summaries written, oldest first; a
     * segment the store has no room for is dropped, and a write that fails drops them all.
     */
    public List<SegmentSummary> finish(SegmentSummary below) {
        List<SegmentSummary> written = new ArrayList<>();
        if (failed || rows < store.minRegionRows() && !(extending && below != null)) {
            discard(); // a short region is cheaper to decode again than to keep in a file
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
        if (current != null && current.temp == null) {
            current.spill(store.newTemp());
        }
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
            if (p.temp != null) {
                store.deleteQuietly(p.temp);
            }
        }
        done.clear();
    }

    /** Discards whatever {@link #finish} did not complete. */
    @Override
    public void close() {
        discard();
    }
}
