package io.gatos.sql.materialize.ndjson;

import java.util.Arrays;

/**
 * Holds a set of ULIDs compactly, 16 bytes each (their 128-bit values in two parallel arrays),
 * sorted once by {@link #seal()} and then searched in O(log n). Add everything first, then seal,
 * then query; not thread-safe.
 */
final class UlidSet {
    private static final String ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
    private long[] hi = new long[16];
    private long[] lo = new long[16];
    private int size;
    private boolean sealed;

    /** Adds a well-formed ULID; anything else is ignored (it cannot collide with a valid one). */
    void add(String ulid) {
        if (sealed) {
            throw new IllegalStateException("sealed");
        }
        long[] v = decode(ulid);
        if (v == null) {
            return;
        }
        if (size == hi.length) {
            hi = Arrays.copyOf(hi, size * 2);
            lo = Arrays.copyOf(lo, size * 2);
        }
        hi[size] = v[0];
        lo[size] = v[1];
        size++;
    }

    /** Sorts the values; call once after the last {@link #add}. */
    UlidSet seal() {
        for (int i = size / 2 - 1; i >= 0; i--) {
            siftDown(i, size);
        }
        for (int end = size - 1; end > 0; end--) {
            swap(0, end);
            siftDown(0, end);
        }
        sealed = true;
        return this;
    }

    /** Tells whether {@code ulid} was added; requires {@link #seal()}. */
    boolean contains(String ulid) {
        if (!sealed) {
            throw new IllegalStateException("not sealed");
        }
        long[] v = decode(ulid);
        if (v == null) {
            return false;
        }
        int low = 0;
        int high = size - 1;
        while (low <= high) {
            int mid = (low + high) >>> 1;
            int c = compare(hi[mid], lo[mid], v[0], v[1]);
            if (c == 0) {
                return true;
            }
            if (c < 0) {
                low = mid + 1;
            } else {
                high = mid - 1;
            }
        }
        return false;
    }

    /** Returns the number of ULIDs added. */
    int size() {
        return size;
    }

    private void siftDown(int i, int n) {
        while (true) {
            int child = 2 * i + 1;
            if (child >= n) {
                return;
            }
            if (child + 1 < n && compare(hi[child + 1], lo[child + 1], hi[child], lo[child]) > 0) {
                child++;
            }
            if (compare(hi[i], lo[i], hi[child], lo[child]) >= 0) {
                return;
            }
            swap(i, child);
            i = child;
        }
    }

    private void swap(int a, int b) {
        long h = hi[a];
        hi[a] = hi[b];
        hi[b] = h;
        long l = lo[a];
        lo[a] = lo[b];
        lo[b] = l;
    }

    private static int compare(long h1, long l1, long h2, long l2) {
        int c = Long.compareUnsigned(h1, h2);
        return c != 0 ? c : Long.compareUnsigned(l1, l2);
    }

    /** Returns the 128-bit value as {high, low}, or null when {@code ulid} is not 26 base32 digits. */
    private static long[] decode(String ulid) {
        if (ulid == null || ulid.length() != 26 || ulid.charAt(0) > '7') {
            return null;
        }
        long h = 0;
        long l = 0;
        for (int i = 0; i < 26; i++) {
            int d = ALPHABET.indexOf(ulid.charAt(i));
            if (d < 0) {
                return null;
            }
            h = (h << 5) | (l >>> 59);
            l = (l << 5) | d;
        }
        return new long[] {h, l};
    }
}
