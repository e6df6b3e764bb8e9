package io.gatos.sql.materialize.parquet;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Exports one table of one run into staged Parquet files: rows are added as they are read, sorted
 * by partition and key in bounded memory ({@value #SORT_BYTES} bytes before spilling), then written;
 * a rewritten table also gets its audit index (created and updated times) staged. Not thread-safe.
 */
public final class ParquetTable {
    /** Estimated bytes of rows held in memory before they are spilled to disk. */
    public static final long SORT_BYTES = 48L * 1024 * 1024;
    private final TableLayout layout;
    private final Staging staging;
    private final long now;
    private final Path previous;
    private final SortBuffer buffer;
    private final KeyIndex known;
    private final int commitAt;
    private long[] addedKeys = new long[1024];
    private long[] addedCommits = new long[1024];
    private int added;
    private long skipped;

    /** Holds what one table's export staged: rows read, files, and other staged files by destination. */
    public record Written(long read, List<StagedFile> files, Map<Path, String> extra) {
        /** Copies the parts. */
        public Written {
            files = List.copyOf(files);
            extra = Map.copyOf(extra);
        }
    }

    /** Says that two rows of a table carry one key. */
    public static final class DuplicateKey extends IOException {
        private static final long serialVersionUID = 1L;
        private final String key;
        private final transient Object[] first;
        private final transient Object[] second;

        DuplicateKey(String key, Object[] first, Object[] second) {
            super("two rows carry the key " + key.replace('\u0000', ','));
            this.key = key.replace('\u0000', ',');
            this.first = first.clone();
            this.second = second.clone();
        }

        /** Returns the key, its columns joined by commas. */
        public String key() {
            return key;
        }

        /** Returns the first row (values in the layout's read order). */
        public Object[] first() {
            return first.clone();
        }

        /** Returns the second row (values in the layout's read order). */
        public Object[] second() {
            return second.clone();
        }
    }

    /** Says that a row's key is already in the dataset under another commit (a repeated ULID). */
    public static final class KnownKey extends IOException {
        private static final long serialVersionUID = 1L;
        private final String key;
        private final transient Object[] row;

        KnownKey(String key, Object[] row) {
            super("the key " + key.replace('\u0000', ',') + " is already exported from another commit");
            this.key = key.replace('\u0000', ',');
            this.row = row.clone();
        }

        /** Returns the key, its columns joined by commas. */
        public String key() {
            return key;
        }

        /** Returns the new row (values in the layout's read order). */
        public Object[] row() {
            return row.clone();
        }
    }

    /**
     * Prepares the export of {@code layout} at ledger time {@code now}; {@code previousDataset} is the
     * dataset this run continues (its audit and key indexes are read), or null for a fresh export.
     * Throws IOException when the key index of an append-only table there is missing or torn.
     */
    public ParquetTable(TableLayout layout, Staging staging, long now, Path previousDataset, long previousRows)
            throws IOException {
        this.layout = requireNonNull(layout, "layout");
        this.staging = requireNonNull(staging, "staging");
        this.now = now;
        this.previous = previousDataset;
        this.buffer = new SortBuffer(staging.dir().resolve("spill-" + layout.def().name()), SORT_BYTES);
        this.commitAt = layout.read().indexOf("commit_id");
        if (!layout.appendOnly() || previousDataset == null) {
            this.known = KeyIndex.empty();
        } else {
            this.known = KeyIndex.read(previousDataset.resolve(keyIndexPath(layout.def().name())), previousRows);
            if (known == null) {
                throw new IOException("the key index " + keyIndexPath(layout.def().name()) + " is missing or"
                        + " damaged; run with --full to rebuild the export");
            }
        }
    }

    /** Returns where the key index of an append-only {@code table} lives, relative to the dataset. */
    public static String keyIndexPath(String table) {
        return Staging.OWN_DIR + "/keys/" + table + ".bin";
    }

    /**
     * Adds one row, values in the layout's read order. A row whose key an earlier run exported is
     * skipped when it comes from the same commit, and refused ({@link KnownKey}) otherwise.
     */
    public void add(Object[] row) throws IOException {
        String key = layout.key(row);
        if (layout.appendOnly()) {
            long commit = commitAt < 0 || row[commitAt] == null ? 0 : KeyIndex.hash(row[commitAt].toString());
            Long before = known.commitOf(key);
            if (before != null) {
                if (before != commit) {
                    throw new KnownKey(key, row);
                }
                skipped++;
                return;
            }
            remember(KeyIndex.hash(key), commit);
        }
        buffer.add(new SortBuffer.Entry(layout.partition(row), key, row));
    }

    /** Returns the rows skipped because an earlier run exported them. */
    public long skipped() {
        return skipped;
    }

    private void remember(long key, long commit) {
        if (added == addedKeys.length) {
            addedKeys = java.util.Arrays.copyOf(addedKeys, added * 2);
            addedCommits = java.util.Arrays.copyOf(addedCommits, added * 2);
        }
        addedKeys[added] = key;
        addedCommits[added++] = commit;
    }

    /** Sorts and writes the rows; throws {@link DuplicateKey} when two rows carry one key. */
    public Written finish() throws IOException {
        try (buffer) {
            if (layout.appendOnly()) {
                List<StagedFile> files = new PartitionWriter(layout, staging, now, null, null)
                        .write(buffer.sorted(), previous == null);
                Path keys = staging.newFile(layout.def().name() + "-keys");
                known.writeWith(addedKeys, addedCommits, added, keys);
                return new Written(buffer.rows(), files, Map.of(keys, keyIndexPath(layout.def().name())));
            }
            String indexPath = Staging.OWN_DIR + "/audit/" + layout.def().name() + ".bin";
            AuditIndex before = AuditIndex.read(previous == null ? null : previous.resolve(indexPath));
            AuditIndex after = new AuditIndex();
            List<StagedFile> files = new PartitionWriter(layout, staging, now, before, after)
                    .write(buffer.sorted(), true);
            Path staged = staging.newFile(layout.def().name() + "-audit");
            after.write(staged);
            return new Written(buffer.rows(), files, Map.of(staged, indexPath));
        }
    }
}
