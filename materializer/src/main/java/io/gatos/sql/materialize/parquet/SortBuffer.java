package io.gatos.sql.materialize.parquet;

import static java.util.Objects.requireNonNull;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.PriorityQueue;

/**
 * Sorts rows by (partition, key) in bounded memory: rows are buffered until about
 * {@code maxBytes} (estimated), then sorted and spilled to a run file in {@code spillDir}; reading
 * merges the runs. Costs one extra write and read of the rows when they do not fit. Not
 * thread-safe; must be closed, which deletes the run files.
 */
public final class SortBuffer implements AutoCloseable {
    /** Orders rows by partition, then key. */
    public static final Comparator<Entry> ORDER = Comparator.comparing(Entry::partition).thenComparing(Entry::key);
    private final Path spillDir;
    private final long maxBytes;
    private final List<Entry> buffer = new ArrayList<>();
    private final List<Path> runs = new ArrayList<>();
    private final List<DataInputStream> open = new ArrayList<>();
    private long bytes;
    private long rows;

    /**
     * Holds one row with its partition ("" when the table has none) and its sort key; values are
     * null, numbers or strings (anything else is written as its string).
     *
     * @param partition the partition, compared first
     * @param key the sort key within the partition
     * @param values the row
     */
    public record Entry(String partition, String key, Object[] values) {
        /** Checks the partition and the key. */
        public Entry {
            requireNonNull(partition, "partition");
            requireNonNull(key, "key");
        }
    }

    /** Creates a buffer spilling to {@code spillDir} (created when needed) beyond about {@code maxBytes}. */
    public SortBuffer(Path spillDir, long maxBytes) {
        this.spillDir = requireNonNull(spillDir, "spillDir");
        this.maxBytes = maxBytes;
    }

    /** Adds one row. */
    public void add(Entry row) throws IOException {
        buffer.add(row);
        rows++;
        bytes += estimate(row);
        if (bytes >= maxBytes) {
            spill();
        }
    }

    /** Returns the rows added. */
    public long rows() {
        return rows;
    }

    /** Returns the number of run files spilled so far. */
    public int spills() {
        return runs.size();
    }

    /** Returns every row added, in (partition, key) order; call once, after the last add. */
    public Iterator<Entry> sorted() throws IOException {
        buffer.sort(ORDER);
        if (runs.isEmpty()) {
            return buffer.iterator();
        }
        spill();
        PriorityQueue<Head> heads = new PriorityQueue<>(Comparator.comparing(Head::row, ORDER));
        for (Path run : runs) {
            DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(run), 1 << 16));
            open.add(in);
            Entry first = RowCodec.read(in);
            if (first != null) {
                heads.add(new Head(first, in));
            }
        }
        return new Iterator<>() {
            @Override
            public boolean hasNext() {
                return !heads.isEmpty();
            }

            @Override
            public Entry next() {
                Head head = heads.poll();
                if (head == null) {
                    throw new NoSuchElementException();
                }
                try {
                    Entry following = RowCodec.read(head.in());
                    if (following != null) {
                        heads.add(new Head(following, head.in()));
                    }
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                return head.row();
            }
        };
    }

    private record Head(Entry row, DataInputStream in) {
    }

    private void spill() throws IOException {
        if (buffer.isEmpty()) {
            return;
        }
        buffer.sort(ORDER);
        Files.createDirectories(spillDir);
        Path run = Files.createTempFile(spillDir, "run-", ".spill");
        try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(run),
                1 << 16))) {
            for (Entry row : buffer) {
                RowCodec.write(out, row);
            }
        }
        runs.add(run);
        buffer.clear();
        bytes = 0;
    }

    /** Estimates the heap bytes one buffered row takes. */
    static long estimate(Entry row) {
        long size = 64 + 2L * (row.partition().length() + row.key().length()) + 16L * row.values().length;
        for (Object value : row.values()) {
            if (value instanceof String s) {
                size += 40 + s.length();
            } else if (value != null) {
                size += 16;
            }
        }
        return size;
    }

    @Override
    public void close() throws IOException {
        for (DataInputStream in : open) {
            in.close();
        }
        for (Path run : runs) {
            Files.deleteIfExists(run);
        }
        buffer.clear();
    }
}
