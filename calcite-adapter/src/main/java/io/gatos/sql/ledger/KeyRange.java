package io.gatos.sql.ledger;

/**
 * Bounds a scan by event time ({@code ts}, epoch milliseconds) and id (ULID text), each bound
 * inclusive and nullable (unbounded). A range only lets a scan skip work: a scan may still return
 * rows outside it, so callers keep their own exact filter.
 */
public record KeyRange(Long tsFrom, Long tsTo, String idFrom, String idTo) {
    /** The range that admits everything. */
    public static final KeyRange ALL = new KeyRange(null, null, null, null);
    /** The range no event lies in (from the largest instant on): a scan skips every cached segment with it. */
    public static final KeyRange NONE = new KeyRange(Long.MAX_VALUE, null, null, null);

    /** Returns whether this range admits everything. */
    public boolean isAll() {
        return tsFrom == null && tsTo == null && idFrom == null && idTo == null;
    }

    /** Returns the range admitting what both this and {@code other} admit (it may be empty). */
    public KeyRange intersect(KeyRange other) {
        return new KeyRange(max(tsFrom, other.tsFrom), min(tsTo, other.tsTo), max(idFrom, other.idFrom),
                min(idTo, other.idTo));
    }

    /** Returns whether a row with time {@code ts} and id {@code id} is inside the range. */
    public boolean admits(long ts, String id) {
        return (tsFrom == null || ts >= tsFrom) && (tsTo == null || ts <= tsTo)
                && (idFrom == null || id.compareTo(idFrom) >= 0) && (idTo == null || id.compareTo(idTo) <= 0);
    }

    /** Returns whether rows with times in [{@code minTs}, {@code maxTs}] and ids in [{@code minId}, {@code maxId}] may be inside. */
    public boolean overlaps(long minTs, long maxTs, String minId, String maxId) {
        return (tsFrom == null || maxTs >= tsFrom) && (tsTo == null || minTs <= tsTo)
                && (idFrom == null || maxId.compareTo(idFrom) >= 0) && (idTo == null || minId.compareTo(idTo) <= 0);
    }

    private static <T extends Comparable<T>> T max(T a, T b) {
        return a == null ? b : b == null ? a : a.compareTo(b) >= 0 ? a : b;
    }

    private static <T extends Comparable<T>> T min(T a, T b) {
        return a == null ? b : b == null ? a : a.compareTo(b) <= 0 ? a : b;
    }
}
