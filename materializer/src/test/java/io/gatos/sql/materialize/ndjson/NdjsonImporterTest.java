package io.gatos.sql.materialize.ndjson;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gatos.sql.testing.LedgerTestRepository;
import io.gatos.sql.writer.EventSpec;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.GZIPOutputStream;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Ref;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NdjsonImporterTest {
    private static final String ALICE = "refs/gatos/journal/orders/alice";
    private static final String BOB = "refs/gatos/journal/billing/bob";
    private static final String TOPIC = "refs/gatos/shiplog/alerts/head";

    @TempDir Path dir;
    private LedgerTestRepository source;
    private LedgerTestRepository target;

    @BeforeEach
    void setUp() {
        source = LedgerTestRepository.create(dir.resolve("source"));
        target = LedgerTestRepository.create(dir.resolve("target"));
        for (int i = 0; i < 4; i++) {
            source.event("orders", "alice", "order.created", "{\"n\":" + i + ",\"amount\":12.50}");
            source.event("billing", "bob", "invoice.sent", "{\"n\":" + i + "}");
        }
        source.message("alerts", "{\"level\":\"high\"}");
        source.message("alerts", "{\"level\":\"low\"}");
    }

    @AfterEach
    void tearDown() {
        source.close();
        target.close();
    }

    @Test
    void fullJournalAndTopicImportReproduceTheSourceCommitIds() throws Exception {
        NdjsonImporter.Result result = importLines(join(lines(ALICE), lines(TOPIC)));

        assertThat(result.events()).isEqualTo(6);
        assertThat(result.streams()).isEqualTo(2);
        assertThat(result.exact()).isEqualTo(6);
        assertThat(tip(target, ALICE)).isEqualTo(tip(source, ALICE));
        assertThat(tip(target, TOPIC)).isEqualTo(tip(source, TOPIC));
        assertThat(target.commitAt(ALICE).getFullMessage()).doesNotContain("Source-");
        assertThat(tip(target, BOB)).isNull();
    }

    @Test
    void sparseWindowGetsSourceTrailersAndNewIdsButTheSameEnvelopes() throws Exception {
        List<String> alice = lines(ALICE);
        List<String> window = join(alice.subList(1, 3), lines(BOB).subList(2, 4));

        NdjsonImporter.Result result = importLines(window);

        assertThat(result.events()).isEqualTo(4);
        assertThat(result.exact()).isZero();
        RevCommit tip = target.commitAt(ALICE);
        EventLine last = EventLine.parse(alice.get(2));
        assertThat(tip.name()).isNotEqualTo(last.commit());
        assertThat(tip.getFullMessage()).isEqualTo(last.meta().message()
                + "Source-Pos: 2\nSource-Commit: " + last.commit() + "\n");
        assertThat(tip.getFullMessage()).startsWith("order.created\n\nEvent-CID: ");
        RevCommit original = source.commitAt(last.commit());
        assertThat(tip.getAuthorIdent()).isEqualTo(original.getAuthorIdent());
        assertThat(tip.getCommitterIdent()).isEqualTo(original.getCommitterIdent());
        assertThat(tip.getTree()).isEqualTo(original.getTree());
        assertThat(tip.getParentCount()).isEqualTo(1);
        assertThat(target.commitAt(tip.getParent(0).name()).getFullMessage()).contains("Source-Pos: 1\n");

        assertThat(rows(target.jdbcUrl())).isEqualTo(rows(source.jdbcUrl(), window));
    }

    @Test
    void aGapAfterAContiguousStartKeepsTheExactPrefixAndMarksTheRest() throws Exception {
        List<String> alice = lines(ALICE);

        NdjsonImporter.Result result = importLines(List.of(alice.get(0), alice.get(1), alice.get(3)));

        assertThat(result.exact()).isEqualTo(2);
        RevCommit tip = target.commitAt(ALICE);
        assertThat(tip.getParent(0).name()).isEqualTo(EventLine.parse(alice.get(1)).commit());
        assertThat(tip.getFullMessage()).contains("Source-Pos: 3\n");
    }

    @Test
    void importIntoANonEmptyTargetStreamAppendsWithTrailers() throws Exception {
        localEvent("0000000000000000000000000A");
        ObjectId before = tip(target, ALICE);

        NdjsonImporter.Result result = importLines(lines(ALICE));

        assertThat(result.exact()).isZero();
        RevCommit tip = target.commitAt(ALICE);
        assertThat(tip.getFullMessage()).contains("Source-Pos: 3\n");
        RevCommit first = tip;
        for (int i = 0; i < 4; i++) {
            first = target.commitAt(first.getParent(0).name());
        }
        assertThat(first.getId()).isEqualTo(before);
    }

    @Test
    void duplicateUlidInTheInputAbortsNamingTheLineAndMovesNoRef() {
        List<String> alice = lines(ALICE);

        assertThatThrownBy(() -> importLines(List.of(lines(BOB).get(0), alice.get(0), alice.get(0))))
                .isInstanceOf(ImportException.class)
                .hasMessageStartingWith("line 3: duplicate ULID " + EventLine.parse(alice.get(0)).id())
                .hasMessageContaining("line 2");
        assertThat(gatosRefs(target)).isEmpty();
    }

    @Test
    void duplicateUlidAlreadyInTheTargetAbortsAndMovesNoRef() throws Exception {
        List<String> alice = lines(ALICE);
        importLines(alice.subList(0, 2));
        Map<String, ObjectId> before = gatosRefs(target);

        assertThatThrownBy(() -> importLines(List.of(lines(BOB).get(0), alice.get(1), alice.get(2))))
                .isInstanceOf(ImportException.class)
                .hasMessage("line 2: duplicate ULID " + EventLine.parse(alice.get(1)).id()
                        + ": already in the target's " + ALICE);
        assertThat(gatosRefs(target)).isEqualTo(before);
    }

    @Test
    void malformedLineAbortsNamingTheLine() {
        List<String> input = List.of(lines(ALICE).get(0), "{\"id\": oops", lines(ALICE).get(1));

        assertThatThrownBy(() -> importLines(input))
                .isInstanceOf(ImportException.class)
                .hasMessageStartingWith("line 2: malformed line: not JSON");
        assertThatThrownBy(() -> importLines(List.of("{\"id\":\"x\"}")))
                .hasMessage("line 1: malformed line: 'meta' is missing or not an object");
        assertThat(gatosRefs(target)).isEmpty();
    }

    @Test
    void outOfOrderUlidWithinAStreamAborts() {
        List<String> alice = lines(ALICE);

        assertThatThrownBy(() -> importLines(List.of(alice.get(2), alice.get(1))))
                .isInstanceOf(ImportException.class)
                .hasMessageStartingWith("line 2: ULID " + EventLine.parse(alice.get(1)).id() + " is out of order in "
                        + ALICE);
        assertThat(gatosRefs(target)).isEmpty();
    }

    @Test
    void refOutsideJournalsAndTopicsAborts() {
        String line = lines(ALICE).get(0).replace(ALICE, "refs/heads/main");

        assertThatThrownBy(() -> importLines(List.of(line)))
                .hasMessageStartingWith("line 1: meta.ref 'refs/heads/main' is not a journal ref");
    }

    @Test
    void gzipInputIsDetectedAndATruncatedOneIsAnError() throws Exception {
        byte[] gz = gzip(String.join("\n", lines(ALICE)) + "\n");

        byte[] cut = Arrays.copyOf(gz, gz.length - 12);
        assertThatThrownBy(() -> NdjsonImporter.run(target.repository(), new ByteArrayInputStream(cut), 0, null))
                .isInstanceOf(ImportException.class)
                .hasMessageStartingWith("truncated gzip input: it ends after ");
        assertThatThrownBy(() -> NdjsonImporter.run(target.repository(),
                new ByteArrayInputStream(Arrays.copyOf(gz, 5)), 0, null))
                .hasMessage("truncated gzip input: it ends after 0 lines");
        assertThat(gatosRefs(target)).isEmpty();

        NdjsonImporter.Result result = NdjsonImporter.run(target.repository(), new ByteArrayInputStream(gz), 0, null);
        assertThat(result.exact()).isEqualTo(4);
        assertThat(tip(target, ALICE)).isEqualTo(tip(source, ALICE));
    }

    @Test
    void invalidUtf8IsAnError() throws Exception {
        byte[] good = (lines(ALICE).get(0) + "\n").getBytes(StandardCharsets.UTF_8);
        byte[] bad = Arrays.copyOf(good, good.length + 2);
        bad[good.length] = (byte) 0xC3;
        bad[good.length + 1] = '\n';

        assertThatThrownBy(() -> NdjsonImporter.run(target.repository(), new ByteArrayInputStream(bad), 0, null))
                .hasMessage("line 2: the line is not UTF-8");
        assertThat(gatosRefs(target)).isEmpty();
    }

    @Test
    void emptyInputImportsNothing() throws Exception {
        NdjsonImporter.Result result = importLines(List.of());

        assertThat(result.events()).isZero();
        assertThat(result.streams()).isZero();
        assertThat(gatosRefs(target)).isEmpty();
    }

    @Test
    void unicodeAndAOneMegabytePayloadSurviveExactly() throws Exception {
        String big = "x".repeat(1 << 20);
        source.event("intl", "zoë", "note", "{\"text\":\"héllo wörld ✓ 日本語 🎉\",\"big\":\"" + big + "\"}");
        String ref = "refs/gatos/journal/intl/zoë";
        // actor segments are [A-Za-z0-9_-]: a non-ASCII one is rejected, so use an ASCII stream for the payload
        source.event("intl", "zoe", "note", "{\"text\":\"héllo wörld ✓ 日本語 🎉\",\"big\":\"" + big + "\"}");
        String ascii = "refs/gatos/journal/intl/zoe";

        assertThatThrownBy(() -> importLines(lines(ref))).hasMessageContaining("is not a journal ref");
        NdjsonImporter.Result result = importLines(lines(ascii));

        assertThat(result.exact()).isEqualTo(1);
        assertThat(tip(target, ascii)).isEqualTo(tip(source, ascii));
        assertThat(rows(target.jdbcUrl())).isEqualTo(rows(source.jdbcUrl(), lines(ascii)));
    }

    @Test
    void aRefMovedDuringTheImportFailsTheCompareAndSwapAndNothingIsPublished() {
        localEvent("0000000000000000000000000A");
        ObjectId start = tip(target, ALICE);
        List<String> input = join(lines(BOB), lines(ALICE));
        InputStream in = new ByteArrayInputStream((String.join("\n", input) + "\n").getBytes(StandardCharsets.UTF_8));

        assertThatThrownBy(() -> NdjsonImporter.run(target.repository(), in, 1, line -> {
            if (line == 6) {
                localEvent("0000000000000000000000000B");
            }
        })).isInstanceOf(ImportException.class).hasMessageContaining(ALICE).hasMessageContaining("compare-and-swap");
        assertThat(tip(target, ALICE)).isNotEqualTo(start);
        assertThat(tip(target, BOB)).isNull();
    }

    @Test
    void aTopicUnderBothSpellingsIsRefused() {
        String renamed = lines(TOPIC).get(0).replace(TOPIC, "refs/gatos/messages/alerts/head");

        assertThatThrownBy(() -> importLines(List.of(lines(TOPIC).get(0), renamed)))
                .hasMessage("line 2: topic refs/gatos/messages/alerts/head would exist under both spellings: "
                        + TOPIC + " is already in this import");
        assertThat(gatosRefs(target)).isEmpty();
    }

    @Test
    void manyLinesStreamThroughSeveralPacksAndAMismatchedSourceIdFallsBackToTrailers() throws Exception {
        int n = 2_050; // four objects per event: eight packs of 1,000 objects and a last one
        StringBuilder text = new StringBuilder();
        String ident = "gatos-ledger <ledger@gatos.local> 1767225600 +0530";
        for (int i = 0; i < n; i++) {
            String ulid = String.format("01KDVDNA00%016d", i);
            byte[] envelope = ("{\"actor\":\"user:zed\",\"payload\":{\"i\":" + i + "},\"policy_root\":\"x\","
                    + "\"type\":\"t\",\"ulid\":\"" + ulid + "\"}").getBytes(StandardCharsets.UTF_8);
            EventLine.Meta meta = new EventLine.Meta("refs/gatos/journal/bulk/zed", "user:zed", null, "x", null,
                    null, envelope, ident, ident, "t\n\nEvent-CID: blake3:" + "0".repeat(64) + "\n");
            text.append(new EventLine(ulid, "bulk/zed", "t", i, "ab".repeat(20), "{\"i\":" + i + "}", meta,
                    null).toJson()).append('\n');
        }

        NdjsonImporter.Result result = NdjsonImporter.run(target.repository(),
                new ByteArrayInputStream(text.toString().getBytes(StandardCharsets.UTF_8)), 0, null, 1_000,
                NdjsonImporter.DEFAULT_MAX_LINE_BYTES);

        assertThat(result.events()).isEqualTo(n);
        try (java.util.stream.Stream<Path> packs = java.nio.file.Files.list(target.path().resolve("objects/pack"))) {
            assertThat(packs.filter(p -> p.toString().endsWith(".pack")).count()).isEqualTo(9);
        }
        assertThat(result.exact()).isZero();
        RevCommit tip = target.commitAt("refs/gatos/journal/bulk/zed");
        assertThat(tip.getFullMessage()).endsWith("Source-Pos: " + (n - 1) + "\nSource-Commit: " + "ab".repeat(20)
                + "\n");
        assertThat(tip.getAuthorIdent().getZoneOffset()).hasToString("+05:30");
        try (Connection c = DriverManager.getConnection(target.jdbcUrl()); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT COUNT(*), MAX(pos) FROM events WHERE ns = 'bulk'")) {
            rs.next();
            assertThat(rs.getLong(1)).isEqualTo(n);
            assertThat(rs.getLong(2)).isEqualTo(n - 1);
        }
    }

    @Test
    void progressIsReportedEveryNLines() throws Exception {
        List<Long> seen = new ArrayList<>();
        byte[] bytes = (String.join("\n", lines(BOB)) + "\n").getBytes(StandardCharsets.UTF_8);

        NdjsonImporter.run(target.repository(), new ByteArrayInputStream(bytes), 2, seen::add);

        assertThat(seen).containsExactly(2L, 4L);
    }

    private void localEvent(String ulid) {
        target.event("orders", "alice", EventSpec.of("order.created", ulid, "user:alice", "{\"local\":true}",
                target.tick()));
    }

    private List<String> lines(String ref) {
        return SourceLines.of(source.repository(), ref);
    }

    @SafeVarargs
    private static List<String> join(List<String>... parts) {
        List<String> all = new ArrayList<>();
        for (List<String> p : parts) {
            all.addAll(p);
        }
        return all;
    }

    private NdjsonImporter.Result importLines(List<String> lines) throws IOException, ImportException {
        String text = lines.isEmpty() ? "" : String.join("\n", lines) + "\n";
        return NdjsonImporter.run(target.path(), new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), 0,
                null);
    }

    private static ObjectId tip(LedgerTestRepository repo, String ref) {
        try {
            Ref found = repo.repository().exactRef(ref);
            return found == null ? null : found.getObjectId();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static Map<String, ObjectId> gatosRefs(LedgerTestRepository repo) {
        try {
            Repository r = repo.repository();
            r.getRefDatabase().refresh();
            Map<String, ObjectId> refs = new TreeMap<>();
            for (Ref ref : r.getRefDatabase().getRefsByPrefix("refs/gatos/")) {
                refs.put(ref.getName(), ref.getObjectId());
            }
            return refs;
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** Returns {@code id|payload|event_cid} of every event and message row, sorted. */
    private static List<String> rows(String url) throws SQLException {
        return rows(url, null);
    }

    /** Same, keeping only the ULIDs of {@code lines} when non-null. */
    private static List<String> rows(String url, List<String> lines) throws SQLException {
        List<String> ids = lines == null ? null : lines.stream().map(l -> EventLine.parse(l).id()).toList();
        List<String> out = new ArrayList<>();
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT id, payload, event_cid FROM events ORDER BY id")) {
            while (rs.next()) {
                if (ids == null || ids.contains(rs.getString(1))) {
                    out.add(rs.getString(1) + "|" + rs.getString(2) + "|" + rs.getString(3));
                }
            }
        }
        return out;
    }

    private static byte[] gzip(String text) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(bytes)) {
            gz.write(text.getBytes(StandardCharsets.UTF_8));
        }
        return bytes.toByteArray();
    }
}
