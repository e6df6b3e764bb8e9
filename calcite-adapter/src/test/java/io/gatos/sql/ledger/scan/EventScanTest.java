package io.gatos.sql.ledger.scan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.gatos.sql.codec.Blake3;
import io.gatos.sql.codec.Ulid;
import io.gatos.sql.ledger.BasedLedger;
import io.gatos.sql.ledger.EventQuery;
import io.gatos.sql.ledger.Finding;
import io.gatos.sql.ledger.FindingCode;
import io.gatos.sql.ledger.Journal;
import io.gatos.sql.ledger.LedgerEvent;
import io.gatos.sql.ledger.LedgerRepository;
import io.gatos.sql.ledger.LedgerSnapshot;
import io.gatos.sql.ledger.ReadStats;
import io.gatos.sql.testing.LedgerTestRepository;
import io.gatos.sql.writer.EventSpec;
import io.gatos.sql.writer.WriterOptions;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Stream;
import org.eclipse.jgit.lib.CommitBuilder;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectInserter;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.lib.TreeFormatter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EventScanTest {
    private static final Instant T0 = LedgerTestRepository.BASE_TIME;
    private static final String ZEROS = "0".repeat(40);
    private static final String ALICE = "refs/gatos/journal/orders/alice";
    private static final String BOB = "refs/gatos/journal/orders/bob";
    private static final String BILLING = "refs/gatos/journal/billing/carol";

    @TempDir
    Path dir;

    private final List<Finding> findings = new ArrayList<>();

    private List<LedgerEvent> scan(LedgerSnapshot s, EventQuery query) {
        try (Stream<LedgerEvent> rows = EventScan.stream(s, query, findings::add)) {
            return rows.toList();
        }
    }

    private static EventQuery query(Set<String> ns, Set<String> streams, Set<String> ids, Set<String> commits) {
        return EventQuery.all().withNamespaces(ns).withStreams(streams).withIds(ids).withCommitIds(commits);
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static long millis(Instant t) {
        return t.toEpochMilli();
    }

    /** Three journals: orders/alice (two events), orders/bob (one), billing/carol (one). */
    private static final class Ledger {
        final EventSpec a1;
        final EventSpec a2;
        final EventSpec b1;
        final EventSpec c1;
        final ObjectId ca1;
        final ObjectId ca2;
        final ObjectId cb1;
        final ObjectId cc1;

        Ledger(LedgerTestRepository repo) {
            a1 = repo.eventSpec("alice", "order.created", "{\"n\":1, \"b\":[true,null]}");
            ca1 = repo.event("orders", "alice", a1);
            a2 = repo.eventSpec("alice", "order.paid", "{\"n\":2}").withCaps(List.of("orders:write", "x"))
                    .withSigAlg("ed25519");
            ca2 = repo.event("orders", "alice", a2);
            b1 = repo.eventSpec("bob", "order.created", "{}");
            cb1 = repo.event("orders", "bob", b1);
            c1 = repo.eventSpec("carol", "invoice.sent", "[1,2]");
            cc1 = repo.event("billing", "carol", c1);
        }
    }

    @Test
    void readsJournalsInRefOrderNewestFirstWithPositions() {
        try (LedgerTestRepository repo = LedgerTestRepository.create(dir.resolve("r"))) {
            Ledger l = new Ledger(repo);
            List<LedgerEvent> all = scan(repo.snapshot(), EventQuery.all());

            assertThat(all).extracting(LedgerEvent::commitId).containsExactly(l.cc1.name(), l.ca2.name(),
                    l.ca1.name(), l.cb1.name());
            assertThat(all).extracting(LedgerEvent::pos).containsExactly(0L, 1L, 0L, 0L);
            assertThat(all).extracting(LedgerEvent::ref).containsExactly(BILLING, ALICE, ALICE, BOB);
            String cid2 = Blake3.prefixed(repo.file(l.ca2, "message/envelope.json"));
            assertThat(all.get(1)).isEqualTo(new LedgerEvent(l.a2.ulid(), "orders", "user:alice", "orders/alice", 1,
                    "order.paid", millis(l.a2.time()), "{\"n\":2}", "[\"orders:write\",\"x\"]", ZEROS, "ed25519",
                    cid2, l.ca2.name(), null, ALICE));
            assertThat(all.get(2).payload()).isEqualTo("{\"b\":[true,null],\"n\":1}");
            assertThat(all.get(2).caps()).isEqualTo("[]");
            assertThat(all.get(2).sigAlg()).isNull();
            assertThat(all.get(0).payload()).isEqualTo("[1,2]");
            assertThat(all).allMatch(LedgerEvent::readable);
            assertThat(findings).isEmpty();
        }
    }

    @Test
    void withoutPositionsEveryPosIsMinusOneAndTheRestIsUnchanged() {
        try (LedgerTestRepository repo = LedgerTestRepository.create(dir.resolve("r"))) {
            new Ledger(repo);
            LedgerSnapshot s = repo.snapshot();
            List<LedgerEvent> with = scan(s, EventQuery.all());
            List<LedgerEvent> without = scan(s, EventQuery.all().withPositions(false));

            assertThat(without).extracting(LedgerEvent::pos).containsOnly(-1L).hasSize(4);
            assertThat(without).isEqualTo(with.stream().map(e -> new LedgerEvent(e.id(), e.ns(), e.actor(),
                    e.stream(), -1, e.kind(), e.tsMillis(), e.payload(), e.caps(), e.policyRoot(), e.sigAlg(),
                    e.eventCid(), e.commitId(), e.error(), e.ref())).toList());
        }
    }

    @Test
    void withoutEnvelopesRowsHoldPlaceholdersButTrueCommitColumnsAndReadNoBlob() {
        try (LedgerTestRepository repo = LedgerTestRepository.create(dir.resolve("r"))) {
            Ledger l = new Ledger(repo);
            try (LedgerRepository reader = LedgerRepository.open(repo.path())) {
                LedgerSnapshot s = reader.snapshot();
                long blobs = reader.stats().blobs();
                List<LedgerEvent> rows = scan(s, EventQuery.headersOnly().withPositions(true));
                assertThat(reader.stats().blobs()).isEqualTo(blobs);

                String cid = Blake3.prefixed(repo.file(l.ca2, "message/envelope.json"));
                assertThat(rows).hasSize(4);
                assertThat(rows.get(1)).isEqualTo(new LedgerEvent(l.ca2.name(), "orders", "", "orders/alice", 1, "",
                        millis(l.a2.time()), null, "[]", null, null, cid, l.ca2.name(), null, ALICE));
                assertThat(rows).extracting(LedgerEvent::ns, LedgerEvent::stream, LedgerEvent::pos)
                        .containsExactly(
                                tuple("billing", "billing/carol", 0L),
                                tuple("orders", "orders/alice", 1L),
                                tuple("orders", "orders/alice", 0L),
                                tuple("orders", "orders/bob", 0L));
                assertThat(rows).allSatisfy(e -> {
                    assertThat(e.id()).isEqualTo(e.commitId());
                    assertThat(e.eventCid()).startsWith("blake3:");
                    assertThat(e.error()).isNull();
                });

                List<LedgerEvent> headersOnlyNoPos = scan(s, EventQuery.headersOnly());
                assertThat(headersOnlyNoPos).extracting(LedgerEvent::pos).containsOnly(-1L);
                assertThat(reader.stats().blobs()).isEqualTo(blobs);
            }
        }
    }

    @Test
    void namespaceStreamCommitAndIdRestrictions() {
        try (LedgerTestRepository repo = LedgerTestRepository.create(dir.resolve("r"))) {
            Ledger l = new Ledger(repo);
            LedgerSnapshot s = repo.snapshot();

            assertThat(scan(s, query(Set.of("orders"), null, null, null))).extracting(LedgerEvent::commitId)
                    .containsExactly(l.ca2.name(), l.ca1.name(), l.cb1.name());
            assertThat(scan(s, query(null, Set.of("orders/bob", "billing/carol"), null, null)))
                    .extracting(LedgerEvent::commitId).containsExactly(l.cc1.name(), l.cb1.name());
            assertThat(scan(s, query(Set.of("billing"), Set.of("orders/bob"), null, null))).isEmpty();
            assertThat(scan(s, query(null, Set.of("orders"), null, null))).isEmpty();

            List<LedgerEvent> byCommit = scan(s, query(null, null, null, Set.of(l.ca1.name(), l.cc1.name())));
            assertThat(byCommit).extracting(LedgerEvent::commitId, LedgerEvent::pos).containsExactly(
                    tuple(l.cc1.name(), 0L),
                    tuple(l.ca1.name(), 0L));
            assertThat(byCommit.get(1).id()).isEqualTo(l.a1.ulid());

            List<LedgerEvent> byId = scan(s, query(null, null, Set.of(l.a2.ulid(), l.b1.ulid()), null));
            assertThat(byId).extracting(LedgerEvent::id).containsExactly(l.a2.ulid(), l.b1.ulid());
            assertThat(byId.get(0).pos()).isEqualTo(1);
            assertThat(scan(s, query(null, null, Set.of(Ulid.create(1, new java.util.Random(5))), null))).isEmpty();
            assertThat(scan(s, query(Set.of("billing"), null, Set.of(l.a2.ulid()), null))).isEmpty();
            assertThat(scan(s, query(null, null, Set.of(l.a2.ulid()), Set.of(l.ca1.name())))).isEmpty();
            assertThat(findings).isEmpty();
        }
    }

    @Test
    void anIdRestrictionAlwaysReadsEnvelopes() {
        EventQuery q = EventQuery.headersOnly().withIds(Set.of("X"));
        assertThat(q.envelopes()).isTrue();
        assertThat(EventQuery.headersOnly().envelopes()).isFalse();
        assertThat(EventQuery.all()).isEqualTo(EventQuery.all());
    }

    @Test
    void journalsListsOnlyTwoSegmentJournalRefsInOrder() {
        try (LedgerTestRepository repo = LedgerTestRepository.create(dir.resolve("r"))) {
            new Ledger(repo);
            ObjectId deep = repo.writer().commit("refs/gatos/journal/a/b/c", Map.of(), "x\n", List.of(), repo.tick());
            repo.writer().setRef("refs/gatos/journal/flat", deep);
            List<Journal> journals = EventScan.journals(repo.snapshot());
            assertThat(journals).extracting(Journal::ref).containsExactly(BILLING, ALICE, BOB);
            assertThat(journals.get(1)).isEqualTo(new Journal(ALICE, "orders", "alice"));
        }
    }

    @Test
    void readingTheFirstEventOfALongJournalReadsOneEnvelope() {
        try (LedgerTestRepository repo = LedgerTestRepository.create(dir.resolve("r"), true, WriterOptions.packed())) {
            ObjectId last = null;
            for (int i = 0; i < 1000; i++) {
                last = repo.event("big", "writer", "tick", "{\"i\":" + i + "}");
            }
            try (LedgerRepository reader = LedgerRepository.open(repo.path())) {
                LedgerSnapshot s = reader.snapshot();
                ReadStats stats = reader.stats();
                long blobs = stats.blobs();
                long commits = stats.commits();
                Optional<LedgerEvent> first;
                EventQuery query = EventQuery.all().withPositions(false);
                try (Stream<LedgerEvent> rows = EventScan.stream(s, query, findings::add)) {
                    first = rows.findFirst();
                }
                assertThat(first).get().extracting(LedgerEvent::commitId, LedgerEvent::payload, LedgerEvent::pos)
                        .containsExactly(last.name(), "{\"i\":999}", -1L);
                assertThat(stats.blobs() - blobs).isEqualTo(1);
                assertThat(stats.commits() - commits).isEqualTo(1);

                blobs = stats.blobs();
                commits = stats.commits();
                try (Stream<LedgerEvent> rows = EventScan.stream(s, EventQuery.all(), findings::add)) {
                    first = rows.findFirst();
                }
                assertThat(first).get().extracting(LedgerEvent::pos).isEqualTo(999L);
                assertThat(stats.blobs() - blobs).isEqualTo(1);
                assertThat(stats.commits() - commits).as("one header walk for pos, then the first commit")
                        .isEqualTo(1001);
            }
        }
    }

    @Test
    void anUnreadableEnvelopeGivesARowWithItsErrorAndABadJsonFinding() {
        try (LedgerTestRepository repo = LedgerTestRepository.create(dir.resolve("r"))) {
            var w = repo.writer();
            ObjectId good = repo.event("orders", "alice", "order.created", "{}");
            Instant t1 = repo.tick();
            byte[] garbage = utf8("{not json");
            ObjectId bad = w.appendRawEvent("orders", "alice", "order.broken", garbage, t1);
            Instant t2 = repo.tick();
            byte[] noActor = utf8("{\"payload\":{},\"type\":\"x\",\"ulid\":\"" + repo.ulid(t2) + "\"}");
            ObjectId partial = w.appendRawEvent("orders", "alice", "  order.partial  ", noActor, t2);
            Instant t3 = repo.tick();
            ObjectId empty = w.commit(ALICE, Map.of("other.txt", utf8("x")), "\n", List.of(partial), t3);

            List<LedgerEvent> rows = scan(repo.snapshot(), EventQuery.all());
            assertThat(rows).extracting(LedgerEvent::commitId).containsExactly(empty.name(), partial.name(),
                    bad.name(), good.name());

            LedgerEvent broken = rows.get(2);
            assertThat(broken.error()).startsWith("envelope is not valid JSON: ");
            try (var byId = EventScan.stream(repo.snapshot(), query(null, null, Set.of(bad.name(), partial.name()),
                    null), f -> { })) {
                assertThat(byId.map(LedgerEvent::commitId).toList())
                        .as("an unreadable envelope's id is its commit id, and an id lookup finds it")
                        .containsExactly(partial.name(), bad.name());
            }
            assertThat(broken).isEqualTo(new LedgerEvent(bad.name(), "orders", "unknown:alice", "orders/alice", 1,
                    "order.broken", millis(t1), null, "[]", null, null, Blake3.prefixed(garbage), bad.name(),
                    broken.error(), ALICE));
            assertThat(broken.readable()).isFalse();

            assertThat(rows.get(1)).extracting(LedgerEvent::id, LedgerEvent::kind, LedgerEvent::actor,
                    LedgerEvent::payload, LedgerEvent::error).containsExactly(partial.name(), "order.partial",
                    "unknown:alice", null, "envelope has no string 'actor'");
            assertThat(rows.get(0)).extracting(LedgerEvent::id, LedgerEvent::kind, LedgerEvent::tsMillis,
                    LedgerEvent::eventCid, LedgerEvent::error).containsExactly(empty.name(), "unknown", millis(t3),
                    null, "the commit has no message/envelope.json");
            assertThat(rows.get(3).readable()).isTrue();

            assertThat(findings).containsExactly(
                    new Finding(ALICE, empty.name(), "message/envelope.json", FindingCode.BAD_JSON,
                            "the commit has no message/envelope.json"),
                    new Finding(ALICE, partial.name(), "message/envelope.json", FindingCode.BAD_JSON,
                            "envelope has no string 'actor'"),
                    new Finding(ALICE, bad.name(), "message/envelope.json", FindingCode.BAD_JSON, broken.error()));
        }
    }

    @Test
    void aMissingEnvelopeBlobIsAMissingObjectFinding() throws IOException {
        try (LedgerTestRepository repo = LedgerTestRepository.create(dir.resolve("r"))) {
            ObjectId hole = ObjectId.fromString("ab".repeat(20));
            Instant t = repo.tick();
            ObjectId commit = commitWithEnvelope(repo.repository(), hole, t);
            repo.writer().setRef("refs/gatos/journal/holes/x", commit);

            List<LedgerEvent> rows = scan(repo.snapshot(), EventQuery.all());
            assertThat(rows).hasSize(1);
            assertThat(rows.get(0)).extracting(LedgerEvent::id, LedgerEvent::actor, LedgerEvent::kind,
                    LedgerEvent::tsMillis, LedgerEvent::error).containsExactly(commit.name(), "unknown:x", "hole.event",
                    millis(t), "envelope blob " + hole.name() + " is missing");
            assertThat(findings).containsExactly(new Finding("refs/gatos/journal/holes/x", commit.name(),
                    "message/envelope.json", FindingCode.MISSING_OBJECT, "envelope blob " + hole.name()
                            + " is missing"));
        }
    }

    private static ObjectId commitWithEnvelope(Repository git, ObjectId envelopeBlob, Instant time) throws IOException {
        try (ObjectInserter ins = git.newObjectInserter()) {
            TreeFormatter message = new TreeFormatter();
            message.append("envelope.json", FileMode.REGULAR_FILE, envelopeBlob);
            TreeFormatter root = new TreeFormatter();
            root.append("message", FileMode.TREE, ins.insert(message));
            CommitBuilder cb = new CommitBuilder();
            cb.setTreeId(ins.insert(root));
            PersonIdent ident = new PersonIdent("gatos-ledger", "ledger@gatos.local", time, ZoneOffset.UTC);
            cb.setAuthor(ident);
            cb.setCommitter(ident);
            cb.setMessage("hole.event\n\nEvent-CID: blake3:00\n");
            ObjectId id = ins.insert(cb);
            ins.flush();
            return id;
        }
    }

    @Test
    void acceptsTheEventTypeSpelling() {
        try (LedgerTestRepository repo = LedgerTestRepository.create(dir.resolve("r"))) {
            EventSpec spec = repo.eventSpec("alice", "order.shipped", "{}").withEventTypeField(true);
            ObjectId c = repo.event("orders", "alice", spec);
            assertThat(new String(repo.file(c, "message/envelope.json"), StandardCharsets.UTF_8))
                    .contains("\"event_type\":\"order.shipped\"").doesNotContain("\"type\"");
            List<LedgerEvent> rows = scan(repo.snapshot(), EventQuery.all());
            assertThat(rows).extracting(LedgerEvent::id, LedgerEvent::kind, LedgerEvent::error)
                    .containsExactly(tuple(spec.ulid(), "order.shipped", null));
        }
    }

    @Test
    void tsFallsBackToTheCommitterTimeAndIsConvertedToUtc() {
        try (LedgerTestRepository repo = LedgerTestRepository.create(dir.resolve("r"))) {
            EventSpec noTs = repo.eventSpec("alice", "a", "{}").withTs(null);
            repo.event("orders", "alice", noTs);
            Instant explicit = Instant.parse("2025-06-01T08:30:00.250Z");
            EventSpec ownTs = repo.eventSpec("alice", "b", "{}").withTs(explicit);
            repo.event("orders", "alice", ownTs);
            Instant t3 = repo.tick();
            String ulid3 = repo.ulid(t3);
            repo.writer().appendRawEvent("orders", "alice", "c", utf8("{\"actor\":\"user:alice\",\"payload\":{},"
                    + "\"ts\":\"2026-03-01T12:00:00.123+02:00\",\"type\":\"c\",\"ulid\":\"" + ulid3 + "\"}"), t3);
            Instant t4 = repo.tick();
            repo.writer().appendRawEvent("orders", "alice", "d", utf8("{\"actor\":\"user:alice\",\"payload\":{},"
                    + "\"ts\":\"yesterday\",\"type\":\"d\",\"ulid\":\"" + repo.ulid(t4) + "\"}"), t4);

            List<LedgerEvent> rows = scan(repo.snapshot(), EventQuery.all());
            assertThat(rows).extracting(LedgerEvent::kind).containsExactly("d", "c", "b", "a");
            assertThat(rows).extracting(LedgerEvent::tsMillis).containsExactly(millis(t4),
                    millis(Instant.parse("2026-03-01T10:00:00.123Z")), millis(explicit), millis(noTs.time()));
            assertThat(rows).allMatch(LedgerEvent::readable);
        }
    }

    @Test
    void aMergeIsReportedAndItsFirstParentFollowed() {
        try (LedgerTestRepository repo = LedgerTestRepository.create(dir.resolve("r"))) {
            ObjectId a1 = repo.event("orders", "alice", "a1", "{}");
            ObjectId other = repo.event("orders", "bob", "b1", "{}");
            ObjectId merge = repo.writer().appendMerge("orders", "alice", other, repo.eventSpec("alice", "m", "{}"));
            List<LedgerEvent> rows = scan(repo.snapshot(), query(null, Set.of("orders/alice"), null, null));
            assertThat(rows).extracting(LedgerEvent::commitId, LedgerEvent::pos).containsExactly(
                    tuple(merge.name(), 1L),
                    tuple(a1.name(), 0L));
            assertThat(findings).extracting(Finding::code, Finding::ref, Finding::commitId)
                    .containsExactly(tuple(FindingCode.MERGE_IN_JOURNAL, ALICE,
                            merge.name()));
        }
    }

    @Test
    void aBasedScanYieldsTheNewEventsWithTheirAbsolutePositions() {
        try (BasedLedger l = BasedLedger.create(dir.resolve("r"), 3)) {
            Function<LedgerSnapshot, Stream<LedgerEvent>> all = s -> EventScan.stream(s, EventQuery.all(),
                    findings::add);
            List<LedgerEvent> added = l.added(all, LedgerEvent::commitId);
            assertThat(added).extracting(LedgerEvent::stream, LedgerEvent::pos, LedgerEvent::kind).containsExactly(
                    tuple("orders/alice", 4L, "a.new"), tuple("orders/alice", 3L, "a.new"),
                    tuple("orders/carol", 0L, "c.new"));
            assertThat(BasedLedger.rows(l.based(), all)).containsExactlyElementsOf(added);
            assertThat(findings).isEmpty();
        }
    }

    @Test
    void aBasedScanReadsOnlyTheNewCommits() {
        try (BasedLedger l = BasedLedger.create(dir.resolve("r"), 200)) {
            LedgerSnapshot based = l.based();
            ReadStats stats = l.reader().stats();
            long commits = stats.commits();
            long blobs = stats.blobs();
            assertThat(BasedLedger.rows(based, s -> EventScan.stream(s, EventQuery.all(), findings::add)))
                    .hasSize(3);
            assertThat(stats.commits() - commits).as("2 new on alice; carol (new) counted, then read").isEqualTo(4);
            assertThat(stats.blobs() - blobs).isEqualTo(3);
        }
    }
}
