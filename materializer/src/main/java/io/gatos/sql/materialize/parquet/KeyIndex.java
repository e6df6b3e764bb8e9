package io.gatos.sql.materialize.parquet;

import io.gatos.sql.codec.Blake3;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * Remembers the keys an append-only table already holds, so a later run neither writes a row twice
 * nor lets a second event take a known ULID: per row a 64-bit hash of its key and one of its commit,
 * sorted by key hash. Costs 16 bytes a row in memory and on disk; lookups are binary searches.
 * Not thread-safe.
 */
final class KeyIndex {
    private static final KeyIndex EMPTY = new KeyIndex(new long[0], new long[0]);
    private final long[] keys;
    private final long[] commits;

    private KeyIndex(long[] keys, long[] commits) {
        this.keys = keys;
        this.commits = commits;
    }

    /** Returns an index that holds nothing. */
    static KeyIndex empty() {
        return EMPTY;
    }

    /**
     * Reads the index at {@code file}, which must hold exactly {@code rows} entries; returns null when
     * it is missing or torn (the caller rebuilds the table).
     */
    static KeyIndex read(Path file, long rows) {
        try {
            if (!Files.exists(file) || Files.size(file) != rows * 16) {
                return null;
            }
            long[] keys = new long[(int) rows];
            long[] commits = new long[(int) rows];
            try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file)))) {
                for (int i = 0; i < rows; i++) {
                    keys[i] = in.readLong();
                    commits[i] = in.readLong();
                    if (i > 0 && keys[i] < keys[i - 1]) {
                        return null;
                    }
                }
            }
            return new KeyIndex(keys, commits);
        } catch (IOException torn) {
            return null;
        }
    }

    /** Returns the hash of a key or commit id, as stored. */
    static long hash(String text) {
        return ByteBuffer.wrap(Blake3.hash(text.getBytes(StandardCharsets.UTF_8))).getLong();
    }

    /**
     * Returns the commit hash stored for {@code key}, or null when the index does not hold it.
     */
    Long commitOf(String key) {
        int at = Arrays.binarySearch(keys, hash(key));
        return at < 0 ? null : commits[at];
    }

    /** Returns the number of keys held. */
    int size() {
        return keys.length;
    }

    /**
     * Writes this index plus the entries {@code addedKeys}/{@code addedCommits} (hashes, any order)
     * to {@code file}, merged in key order.
     */
    void writeWith(long[] addedKeys, long[] addedCommits, int added, Path file) throws IOException {
        long[] k = Arrays.copyOf(addedKeys, added);
        long[] c = Arrays.copyOf(addedCommits, added);
        sort(k, c, 0, added - 1);
        Files.createDirectories(file.getParent());
        try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(file)))) {
            int i = 0;
            int j = 0;
            while (i < keys.length || j < added) {
                boolean old = j >= added || i < keys.length && keys[i] <= k[j];
                out.writeLong(old ? keys[i] : k[j]);
                out.writeLong(old ? commits[i++] : c[j++]);
            }
        }
    }

    /** Sorts {@code keys[lo..hi]} ascending, moving {@code commits} along (quicksort, no boxing). */
    static void sort(long[] keys, long[] commits, int lo, int hi) {
        while (lo < hi) {
            long pivot = keys[lo + (hi - lo) / 2];
            int i = lo;
            int j = hi;
            while (i <= j) {
                while (keys[i] < pivot) {
                    i++;
                }
                while (keys[j] > pivot) {
                    j--;
                }
                if (i <= j) {
                    swap(keys, i, j);
                    swap(commits, i++, j--);
                }
            }
            if (j - lo < hi - i) {
                sort(keys, commits, lo, j);
                lo = i;
            } else {
                sort(keys, commits, i, hi);
                hi = j;
            }
        }
    }

    private static void swap(long[] a, int i, int j) {
        long t = a[i];
        a[i] = a[j];
        a[j] = t;
    }
}
