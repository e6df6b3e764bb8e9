package io.gatos.sql.ledger.cache;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SegmentStoreTest {
    @TempDir
    Path gitDir;

    /** Writes one segment of {@code rows} one-byte rows with tip {@code tip}; returns what finish wrote. */
    private static List<SegmentSummary> segment(SegmentStore store, String tip, int rows, long scanStart)
            throws Exception {
        try (SegmentBuilder b = store.builder(true, scanStart)) {
            for (int i = 0; i < rows; i++) {
                b.add(new byte[] {(byte) i}, i == 0 ? tip : tip + "-" + i, "ID" + i, i, null);
            }
            return b.finish(null);
        }
    }

    @Test
    void writtenSegmentsAreListedAndRead() throws Exception {
        SegmentStore store = new SegmentStore(gitDir, 1 << 20, 3);
        assertThat(store.list().full()).isEmpty(); // no directory yet
        List<SegmentSummary> written = segment(store, "aa", 7, System.currentTimeMillis());
        assertThat(written).extracting(SegmentSummary::count).containsExactly(1, 3, 3); // oldest first
        assertThat(written).extracting(SegmentSummary::depth).containsExactly(0L, 1L, 4L);
        assertThat(store.list().full()).containsExactlyInAnyOrder("aa", "aa-3", "aa-6");
        assertThat(store.summary("aa", true).base()).isNull();
        assertThat(store.summary("aa", true).tip()).isEqualTo("aa");
        assertThat(store.body("aa", true).body()).containsExactly(0, 1, 2);
        assertThat(store.summary("aa", false)).isNull();
        assertThat(store.segmentsWritten()).isEqualTo(3);
        try (var files = Files.list(store.dir())) {
            assertThat(files.map(f -> f.getFileName().toString())).noneMatch(n -> n.startsWith(".tmp-"));
        }
    }

    @Test
    void aDamagedFileIsDeletedAndReportedAbsent() throws Exception {
        SegmentStore store = new SegmentStore(gitDir, 1 << 20, 10);
        segment(store, "bb", 2, System.currentTimeMillis());
        Path f = store.dir().resolve("bb.f.seg");
        byte[] bytes = Files.readAllBytes(f);
        bytes[0] ^= 1;
        Files.write(f, bytes);
        assertThat(store.summary("bb", true)).isNotNull(); // the footer is intact
        assertThat(store.body("bb", true)).isNull();
        assertThat(store.corruptions()).isEqualTo(1);
        assertThat(f).doesNotExist();
    }

    @Test
    void theBoundEvictsOlderFilesButNotThoseOfTheCurrentScan() throws Exception {
        SegmentStore store = new SegmentStore(gitDir, 1 << 20, 10);
        segment(store, "old", 10, System.currentTimeMillis());
        Path old = store.dir().resolve("old.f.seg");
        Files.setLastModifiedTime(old, FileTime.fromMillis(System.currentTimeMillis() - 60_000));
        long size = Files.size(old);
        SegmentStore small = new SegmentStore(gitDir, size + size / 2, 10);
        long scanStart = System.currentTimeMillis() - 1;
        assertThat(segment(small, "new", 10, scanStart)).hasSize(1);
        assertThat(old).doesNotExist();
        assertThat(small.evictions()).isEqualTo(1);
        assertThat(segment(small, "newer", 10, scanStart)).isEmpty(); // "new" is this scan's own file
        assertThat(small.list().full()).containsExactly("new");
    }

    @Test
    void staleTemporaryFilesAreRemovedWhenListing() throws Exception {
        SegmentStore store = new SegmentStore(gitDir, 1 << 20, 10);
        Files.createDirectories(store.dir());
        Path stale = Files.writeString(store.dir().resolve(".tmp-crashed"), "x");
        Files.setLastModifiedTime(stale, FileTime.fromMillis(System.currentTimeMillis() - 2 * 3_600_000L));
        Path fresh = Files.writeString(store.dir().resolve(".tmp-running"), "x");
        store.list();
        assertThat(stale).doesNotExist();
        assertThat(fresh).exists();
    }
}
