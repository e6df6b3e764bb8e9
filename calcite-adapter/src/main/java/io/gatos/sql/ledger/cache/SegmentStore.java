package io.gatos.sql.ledger.cache;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.HashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * Keeps segment files in {@code <git dir>/gatos-sql/cache-v2/}, named {@code <tip>.f.seg} (full
 * rows) or {@code <tip>.h.seg} (commit-level rows only). Files are immutable and appear by atomic
 * rename, so concurrent readers and writers are safe; a damaged file is deleted and reported as
 * absent, so its rows are read from Git again. Writing keeps the directory under
 * {@link CacheConfig#maxBytes()} by deleting the least recently written files. Thread-safe.
 */
public final class SegmentStore {
    /** The directory under the git dir holding everything gatos-sql keeps there. */
    public static final String DIR = "gatos-sql";
    /** The subdirectory of this format version. */
    public static final String VERSION_DIR = "cache-v2";
    private static final String FULL = ".f.seg";
    private static final String HEAD = ".h.seg";
    private static final String TEMP = ".tmp-";
    private static final long STALE_TEMP_MILLIS = 3_600_000L;

    private final Path dir;
    private final int rowsPerSegment;
    private final int minRegionRows;
    private static final int MAX_SUMMARIES = 8192;
    /** Summaries read in this JVM, by file: shared by every store, since a summary stays true. */
    private static final Map<Path, SegmentSummary> SUMMARIES = new ConcurrentHashMap<>();
    private final AtomicLong corrupt = new AtomicLong();
    private final AtomicLong reads = new AtomicLong();
    private final AtomicLong written = new AtomicLong();
    private final AtomicLong evicted = new AtomicLong();
    private final AtomicLong listings = new AtomicLong();
    private final SpaceBudget budget;
    /** Directories this process has warned about: one warning per process and cache, not per journal or query. */
    private static final Set<Path> WARNED = ConcurrentHashMap.newKeySet();
    private final Consumer<String> warnings;
    /** False after a write failed, until the next listing (the next query tries once more). */
    private volatile boolean writable = true;
    /** Whether the directory was seen to exist (checked by each listing), so writers need not create it. */
    private volatile boolean dirReady;

    /**
     * Uses the cache directory of the repository whose git dir is {@code gitDir}, writing no region
     * shorter than {@link SegmentBuilder#MIN_REGION_ROWS} commits; creates nothing yet.
     */
    public SegmentStore(Path gitDir, long maxBytes) {
        this(gitDir, maxBytes, SegmentBuilder.MAX_ROWS, SegmentBuilder.MIN_REGION_ROWS, System.err::println);
    }

    /**
     * Uses the cache directory of {@code gitDir}, writing segments of at most {@code rowsPerSegment}
     * rows, and every region however short (tests of the segment layout use small ledgers).
     */
    public SegmentStore(Path gitDir, long maxBytes, int rowsPerSegment) {
        this(gitDir, maxBytes, rowsPerSegment, 1, System.err::println);
    }

    /** Uses the cache directory of {@code gitDir} as the three-argument constructor does, warning {@code warnings}. */
    public SegmentStore(Path gitDir, long maxBytes, int rowsPerSegment, Consumer<String> warnings) {
        this(gitDir, maxBytes, rowsPerSegment, 1, warnings);
    }

    /**
     * Uses the cache directory of {@code gitDir}, writing segments of at most {@code rowsPerSegment}
     * rows and no region of fewer than {@code minRegionRows} commits (capped at {@code rowsPerSegment}:
     * decoding them from Git costs less than a file), and tells {@code warnings} (once per process and
     * directory) when the cache cannot be written, so that queries go on without it.
     */
    public SegmentStore(Path gitDir, long maxBytes, int rowsPerSegment, int minRegionRows,
            Consumer<String> warnings) {
        this.warnings = Objects.requireNonNull(warnings, "warnings");
        this.minRegionRows = Math.max(1, Math.min(minRegionRows, rowsPerSegment));
        this.dir = gitDir.toAbsolutePath().normalize().resolve(DIR).resolve(VERSION_DIR);
        this.budget = new SpaceBudget(dir, maxBytes, this);
        if (rowsPerSegment < 1) {
            throw new IllegalArgumentException("rowsPerSegment must be positive");
        }
        this.rowsPerSegment = rowsPerSegment;
    }

    /** Returns the most rows a segment written by this store holds. */
    public int rowsPerSegment() {
        return rowsPerSegment;
    }

    /** Returns the fewest commits a region must have to be written (shorter ones are read from Git each time). */
    public int minRegionRows() {
        return minRegionRows;
    }

    /** Returns the directory the segment files live in (it may not exist yet). */
    public Path dir() {
        return dir;
    }

    /** Lists the segments present now and deletes temporary files a crashed writer left over an hour ago. */
    public SegmentListing list() {
        Set<String> full = new HashSet<>();
        Set<String> headers = new HashSet<>();
        long now = System.currentTimeMillis();
        writable = true;
        dirReady = Files.isDirectory(dir);
        if (!dirReady) {
            return new SegmentListing(full, headers, now);
        }
        listed();
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir)) {
            for (Path f : files) {
                String name = f.getFileName().toString();
                if (name.endsWith(FULL)) {
                    full.add(name.substring(0, name.length() - FULL.length()));
                } else if (name.endsWith(HEAD)) {
                    headers.add(name.substring(0, name.length() - HEAD.length()));
                } else if (name.startsWith(TEMP) && now - SpaceBudget.lastModified(f) > STALE_TEMP_MILLIS) {
                    deleteQuietly(f);
                }
            }
        } catch (IOException e) {
            return new SegmentListing(new HashSet<>(), new HashSet<>(), now); // an unreadable cache is an empty one
        }
        return new SegmentListing(full, headers, now);
    }

    /**
     * Returns the summary of segment {@code tip} of the given kind, or null when absent or damaged
     * (then deleted). Summaries are remembered: one read once stays true (it describes commits,
     * which never change), even if its file is later evicted or rewritten with other bounds.
     */
    public SegmentSummary summary(String tip, boolean full) {
        Path file = file(tip, full);
        SegmentSummary known = SUMMARIES.get(file);
        if (known != null) {
            return known;
        }
        try {
            SegmentSummary read = SegmentFile.readSummary(file);
            if (SUMMARIES.size() >= MAX_SUMMARIES) {
                SUMMARIES.clear();
            }
            SUMMARIES.put(file, read);
            return read;
        } catch (NoSuchFileException e) {
            return null;
        } catch (IOException e) {
            damaged(file);
            return null;
        }
    }

    /**
     * Returns the checked rows of segment {@code tip} with the summary they were written with, or
     * null when absent or damaged (then deleted).
     */
    public SegmentFile.Loaded body(String tip, boolean full) {
        Path file = file(tip, full);
        try {
            SegmentFile.Loaded loaded = SegmentFile.read(file);
            reads.incrementAndGet();
            return loaded;
        } catch (NoSuchFileException e) {
            return null;
        } catch (IOException e) {
            damaged(file);
            return null;
        }
    }

    /**
     * Starts writing segments of full rows ({@code full}) or commit-level rows for a scan that began
     * at {@code scanStartMillis}: files written since then are not evicted to make room for these.
     * The caller closes it.
     */
    public SegmentBuilder builder(boolean full, long scanStartMillis) {
        return new SegmentBuilder(this, full, scanStartMillis, false);
    }

    /**
     * Starts writing as {@link #builder(boolean, long)} does, but also writes a region shorter than
     * {@link #minRegionRows} when it lies on a cached segment ({@code finish} with a segment below),
     * so that a journal the cache holds stays whole (sorted scans merge whole journals only).
     */
    public SegmentBuilder extendingBuilder(boolean full, long scanStartMillis) {
        return new SegmentBuilder(this, full, scanStartMillis, true);
    }

    /** Returns whether writing is on: false after a write failed, until the next {@link #list}. */
    public boolean writable() {
        return writable;
    }

    /**
     * Turns writing off until the next listing after a write failed (a read-only or full disk),
     * warning once per process and directory: the query goes on reading from Git.
     */
    void writeFailed(IOException e) {
        writable = false;
        if (WARNED.add(dir)) {
            warnings.accept("gatos-sql: warning: the row cache " + dir + " cannot be written (" + describe(e)
                    + "); queries read from Git without it. Free disk space or make the directory writable,"
                    + " or turn the cache off (connection property cache=false, gatos sql --no-cache).");
        }
    }

    private static String describe(IOException e) {
        String type = e.getClass().getSimpleName();
        return e.getMessage() == null ? type : type + ": " + e.getMessage();
    }

    /** Returns how many damaged files were found (and deleted) since this store was made. */
    public long corruptions() {
        return corrupt.get();
    }

    /** Returns how many segment bodies were read from disk since this store was made. */
    public long segmentReads() {
        return reads.get();
    }

    /** Returns how many segment files this store wrote. */
    public long segmentsWritten() {
        return written.get();
    }

    /** Returns how many times this store listed its directory (a cost that must not grow with the journals). */
    public long directoryListings() {
        return listings.get();
    }

    /** Returns how many files this store deleted to stay under its bound. */
    public long evictions() {
        return evicted.get();
    }

    /** Counts a listing of the directory made by this store or its budget. */
    void listed() {
        listings.incrementAndGet();
    }

    /** Deletes a file to stay under the bound. */
    void evict(Path f) {
        deleteQuietly(f);
        evicted.incrementAndGet();
    }

    Path newTemp() throws IOException {
        if (!dirReady) {
            Files.createDirectories(dir);
            dirReady = true;
        }
        return dir.resolve(TEMP + UUID.randomUUID());
    }

    /**
     * Moves a finished temp file into place unless the bound forbids it; returns whether it did.
     * Files written since {@code keepAfterMillis} (by the same fill) are not evicted for it, so a
     * ledger larger than the bound fills the cache once instead of churning through it.
     */
    synchronized boolean install(Path temp, SegmentSummary summary, long keepAfterMillis) throws IOException {
        long size = Files.size(temp);
        if (!budget.makeRoom(size, keepAfterMillis)) {
            deleteQuietly(temp);
            return false;
        }
        Path target = file(summary.tip(), summary.full());
        try {
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
        }
        written.incrementAndGet();
        if (summary.full()) {
            deleteQuietly(file(summary.tip(), false)); // superseded by the full rows
        }
        return true;
    }

    private void damaged(Path file) {
        corrupt.incrementAndGet();
        deleteQuietly(file);
    }

    private Path file(String tip, boolean full) {
        return dir.resolve(tip + (full ? FULL : HEAD));
    }

    void deleteQuietly(Path f) {
        try {
            Files.deleteIfExists(f);
        } catch (IOException ignored) {
            // a read-only cache keeps its files; they are checked again on every read
        }
    }
}
