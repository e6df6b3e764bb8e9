package io.gatos.sql.ledger.scan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import io.gatos.sql.codec.Blake3;
import io.gatos.sql.codec.Ulid;
import io.gatos.sql.ledger.BasedLedger;
import io.gatos.sql.ledger.Finding;
import io.gatos.sql.ledger.FindingCode;
import io.gatos.sql.ledger.KeyRange;
import io.gatos.sql.ledger.LedgerException;
import io.gatos.sql.ledger.LedgerRepository;
import io.gatos.sql.ledger.LedgerSnapshot;
import io.gatos.sql.ledger.ShiplogMessage;
import io.gatos.sql.testing.LedgerTestRepository;
import io.gatos.sql.writer.MessageSpec;
import io.gatos.sql.writer.TopicSpelling;
import io.gatos.sql.writer.WriterOptions;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.eclipse.jgit.lib.ObjectId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ShiplogScanTest {
    @TempDir
    Path dir;

    private final List<Finding> findings = new ArrayList<>();

    private List<ShiplogMessage> scan(LedgerSnapshot s, Set<String> topics, Set<String> commits, boolean positions) {
        try (Stream<ShiplogMessage> rows = ShiplogScan.stream(s, topics, commits, positions, findings::add)) {
            return rows.toList();
        }
    }

    private static LedgerException badArgument(Runnable call) {
        try {
            call.run();
        } catch (LedgerException e) {
            assertThat(e.code()).isEqualTo(LedgerException.Code.BAD_ARGUMENT);
            return e;
        }
        throw new AssertionError("expected a LedgerException");
    }

    /** Posts {@code n} messages to {@code topic}; returns their specs, oldest first. */
    private static List<MessageSpec> post(LedgerTestRepository repo, String topic, int n) {
        List<MessageSpec> specs = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            MessageSpec m = repo.messageSpec(topic, "note", "{\"i\":" + i + "}");
            repo.writer().appendMessage(topic, m);
            specs.add(m);
        }
        return specs;
    }

    @Test
    void topicsUnderBothSpellingsAndAnAliasReadFromMessages() {
        try (LedgerTestRepository repo = LedgerTestRepository.create(dir.resolve("r"))) {
            var w = repo.writer();
            repo.message("old", "{}");
            w.appendMessage("new", repo.messageSpec("new", "note", "{}").withSpelling(TopicSpelling.MESSAGES));
            ObjectId shadowed = repo.message("both", "{\"from\":\"shiplog\"}");
            MessageSpec current = repo.messageSpec("both", "note", "{\"from\":\"messages\"}")
                    .withSpelling(TopicSpelling.MESSAGES);
            ObjectId read = w.appendMessage("both", current);
            repo.message("a/b", "{}");
            w.commit("refs/gatos/shiplog/nohead", Map.of(), "x\n", List.of(), repo.tick());
            w.commit("refs/gatos/messages/x/tail", Map.of(), "x\n", List.of(), repo.tick());
            LedgerSnapshot s = repo.snapshot();

            TreeMap<String, String> topics = ShiplogScan.topics(s, findings::add);
            assertThat(topics).containsExactly(
                    Map.entry("a/b", "refs/gatos/shiplog/a/b/head"),
                    Map.entry("both", "refs/gatos/messages/both/head"),
                    Map.entry("new", "refs/gatos/messages/new/head"),
                    Map.entry("old", "refs/gatos/shiplog/old/head"));
            assertThat(findings).containsExactly(new Finding("refs/gatos/messages/both/head", null, null,
                    FindingCode.TOPIC_ALIASED, "topic 'both' exists as both refs/gatos/shiplog/both/head and "
                            + "refs/gatos/messages/both/head; reading refs/gatos/messages/both/head only"));

            findings.clear();
            List<ShiplogMessage> both = scan(s, Set.of("both"), null, true);
            assertThat(both).extracting(ShiplogMessage::commitId, ShiplogMessage::payload, ShiplogMessage::ref)
                    .containsExactly(tuple(read.name(), "{\"from\":\"messages\"}",
                            "refs/gatos/messages/both/head"));
            assertThat(both).extracting(ShiplogMessage::commitId).doesNotContain(shadowed.name());
            assertThat(findings).extracting(Finding::code).containsExactly(FindingCode.TOPIC_ALIASED);
            assertThat(ShiplogScan.read(s, "both", null, null)).extracting(ShiplogMessage::ulid)
                    .containsExactly(current.ulid());
        }
    }

    @Test
    void streamsTopicsInNameOrderNewestFirstWithPositions() {
        try (LedgerTestRepository repo = LedgerTestRepository.create(dir.resolve("r"))) {
            List<MessageSpec> t = post(repo, "tasks", 3);
            List<MessageSpec> a = post(repo, "alerts", 1);
            MessageSpec withRefs = repo.messageSpec("alerts", "alert.raised", "{\"level\": 2 , \"b\":true}")
                    .withRefs(Map.of("event", "blake3:" + "cd".repeat(32)));
            ObjectId last = repo.writer().appendMessage("alerts", withRefs);
            LedgerSnapshot s = repo.snapshot();

            List<ShiplogMessage> all = scan(s, null, null, true);
            assertThat(all).extracting(ShiplogMessage::topic, ShiplogMessage::pos, ShiplogMessage::ulid).containsExactly(
                    tuple("alerts", 1L, withRefs.ulid()),
                    tuple("alerts", 0L, a.get(0).ulid()),
                    tuple("tasks", 2L, t.get(2).ulid()),
                    tuple("tasks", 1L, t.get(1).ulid()),
                    tuple("tasks", 0L, t.get(0).ulid()));
            byte[] envelope = repo.file(last, "message/envelope.json");
            assertThat(all.get(0)).isEqualTo(new ShiplogMessage("alerts", 1, withRefs.ulid(), "alerts", "alert.raised",
                    "{\"b\":true,\"level\":2}", "{\"event\":\"blake3:" + "cd".repeat(32) + "\"}",
                    Blake3.prefixed(envelope), true, Ulid.timeMillis(withRefs.ulid()), last.name(), null,
                    "refs/gatos/shiplog/alerts/head"));
            assertThat(all.get(1).refs()).isEqualTo("{}");

            assertThat(scan(s, null, null, false)).extracting(ShiplogMessage::pos).containsOnly(-1L).hasSize(5);
            assertThat(scan(s, Set.of("tasks", "nope"), null, true)).hasSize(3);
            assertThat(findings).isEmpty();
        }
    }

    @Test
    void aCommitIdRestrictionKeepsTruePositions() {
        try (LedgerTestRepository repo = LedgerTestRepository.create(dir.resolve("r"))) {
            post(repo, "tasks", 2);
            ObjectId middle = repo.message("tasks", "{}");
            post(repo, "tasks", 2);
            ObjectId other = repo.message("other", "{}");
            LedgerSnapshot s = repo.snapshot();
            assertThat(scan(s, null, Set.of(middle.name(), other.name()), true))
                    .extracting(ShiplogMessage::commitId, ShiplogMessage::pos).containsExactly(
                            tuple(other.name(), 0L),
                            tuple(middle.name(), 2L));
            assertThat(scan(s, Set.of("tasks"), Set.of(other.name()), true)).isEmpty();
        }
    }

    @Test
    void aContentIdMismatchIsAFindingAndContentOkIsFalse() {
        try (LedgerTestRepository repo = LedgerTestRepository.create(dir.resolve("r"))) {
            String wrong = "blake3:" + "00".repeat(32);
            ObjectId c = repo.writer().appendMessage("tasks", repo.messageSpec("tasks", "note", "{}")
                    .withContentIdOverride(wrong));
            List<ShiplogMessage> rows = scan(repo.snapshot(), null, null, true);
            assertThat(rows).extracting(ShiplogMessage::contentId, ShiplogMessage::contentOk, ShiplogMessage::error)
                    .containsExactly(tuple(wrong, false, null));
            assertThat(findings).containsExactly(new Finding("refs/gatos/shiplog/tasks/head", c.name(),
                    "message/envelope.json", FindingCode.CONTENT_ID_MISMATCH, "Content-Id " + wrong
                            + " is not BLAKE3 of the envelope bytes ("
                            + Blake3.prefixed(repo.file(c, "message/envelope.json")) + ")"));
        }
    }

    @Test
    void readReturnsTheMessagesAfterAUlidOldestFirst() {
        try (LedgerTestRepository repo = LedgerTestRepository.create(dir.resolve("r"))) {
            List<MessageSpec> m = post(repo, "tasks", 5);
            post(repo, "other", 2);
            LedgerSnapshot s = repo.snapshot();

            List<ShiplogMessage> after1 = ShiplogScan.read(s, "tasks", m.get(1).ulid(), null);
            assertThat(after1).extracting(ShiplogMessage::ulid).containsExactly(m.get(2).ulid(), m.get(3).ulid(),
                    m.get(4).ulid());
            assertThat(after1).extracting(ShiplogMessage::pos).containsExactly(2L, 3L, 4L);
            assertThat(after1).extracting(ShiplogMessage::topic).containsOnly("tasks");
            assertThat(ShiplogScan.read(s, "tasks", m.get(1).ulid(), 2)).extracting(ShiplogMessage::pos)
                    .containsExactly(2L, 3L);
            assertThat(ShiplogScan.read(s, "tasks", m.get(4).ulid(), null)).isEmpty();

            String unknown = Ulid.create(1_000, new Random(3));
            assertThat(ShiplogScan.read(s, "tasks", unknown, null)).extracting(ShiplogMessage::pos)
                    .containsExactly(0L, 1L, 2L, 3L, 4L);
            assertThat(ShiplogScan.read(s, "tasks", null, null)).extracting(ShiplogMessage::pos)
                    .containsExactly(0L, 1L, 2L, 3L, 4L);
            assertThat(ShiplogScan.read(s, "tasks", null, 2)).extracting(ShiplogMessage::ulid)
                    .containsExactly(m.get(0).ulid(), m.get(1).ulid());
            assertThat(ShiplogScan.read(s, "tasks", null, 0)).extracting(ShiplogMessage::pos).containsExactly(0L);
            assertThat(ShiplogScan.read(s, "tasks", null, -7)).extracting(ShiplogMessage::pos).containsExactly(0L);
            assertThat(ShiplogScan.read(s, "other", m.get(1).ulid(), null)).hasSize(2);
        }
    }

    @Test
    void clampKeepsPagesBetweenOneAnd512() {
        assertThat(ShiplogScan.clamp(null)).isEqualTo(512);
        assertThat(ShiplogScan.clamp(600)).isEqualTo(512);
        assertThat(ShiplogScan.clamp(512)).isEqualTo(512);
        assertThat(ShiplogScan.clamp(7)).isEqualTo(7);
        assertThat(ShiplogScan.clamp(1)).isEqualTo(1);
        assertThat(ShiplogScan.clamp(0)).isEqualTo(1);
        assertThat(ShiplogScan.clamp(Integer.MIN_VALUE)).isEqualTo(1);
    }

    @Test
    void aLongTopicReadsAtMost512OldestMessages() {
        try (LedgerTestRepository repo = LedgerTestRepository.create(dir.resolve("r"), true, WriterOptions.packed())) {
            List<MessageSpec> m = post(repo, "firehose", 600);
            LedgerSnapshot s = repo.snapshot();
            List<ShiplogMessage> page = ShiplogScan.read(s, "firehose", null, null);
            assertThat(page).extracting(ShiplogMessage::pos).containsExactly(LongStream.range(0, 512).boxed()
                    .toArray(Long[]::new));
            assertThat(page.get(0).ulid()).isEqualTo(m.get(0).ulid());
            assertThat(page.get(511).ulid()).isEqualTo(m.get(511).ulid());
            assertThat(ShiplogScan.read(s, "firehose", null, 600)).hasSize(512);
            assertThat(ShiplogScan.read(s, "firehose", m.get(99).ulid(), 1000)).extracting(ShiplogMessage::pos)
                    .containsExactly(LongStream.range(100, 600).boxed().toArray(Long[]::new));
        }
    }

    @Test
    void readRejectsMalformedUlidsAndUnknownTopicsNamingTheArgument() {
        try (LedgerTestRepository repo = LedgerTestRepository.create(dir.resolve("r"))) {
            post(repo, "tasks", 1);
            LedgerSnapshot s = repo.snapshot();
            assertThat(badArgument(() -> ShiplogScan.read(s, "tasks", "not-a-ulid", 5)).getMessage())
                    .contains("since_ulid").contains("'not-a-ulid'");
            assertThat(badArgument(() -> ShiplogScan.read(s, "tasks", "01jd0000000000000000000000", 5)).getMessage())
                    .contains("since_ulid");
            assertThat(badArgument(() -> ShiplogScan.read(s, "nope", null, 5)).getMessage())
                    .contains("topic 'nope'").contains("refs/gatos/shiplog/nope/head")
                    .contains("refs/gatos/messages/nope/head");
            assertThat(badArgument(() -> ShiplogScan.read(s, null, null, 5)).getMessage()).contains("topic");
            assertThatThrownBy(() -> ShiplogScan.read(s, "nope", "bad", 5)).hasMessageContaining("since_ulid");
        }
    }

    @Test
    void aTopicNameMayHoldASlash() {
        try (LedgerTestRepository repo = LedgerTestRepository.create(dir.resolve("r"))) {
            List<MessageSpec> m = post(repo, "a/b", 3);
            post(repo, "a", 1);
            LedgerSnapshot s = repo.snapshot();
            assertThat(ShiplogScan.topics(s, findings::add)).containsOnlyKeys("a", "a/b");
            assertThat(scan(s, Set.of("a/b"), null, true)).extracting(ShiplogMessage::topic, ShiplogMessage::pos)
                    .containsExactly(tuple("a/b", 2L),
                            tuple("a/b", 1L),
                            tuple("a/b", 0L));
            assertThat(ShiplogScan.read(s, "a/b", m.get(0).ulid(), null)).extracting(ShiplogMessage::ulid)
                    .containsExactly(m.get(1).ulid(), m.get(2).ulid());
            assertThat(findings).isEmpty();
        }
    }

    @Test
    void aBasedScanYieldsTheNewMessagesOfBothSpellingsWithAbsolutePositions() {
        try (BasedLedger l = BasedLedger.create(dir.resolve("r"), 1)) {
            Function<LedgerSnapshot, Stream<ShiplogMessage>> all = s -> ShiplogScan.stream(s, null, null, true,
                    findings::add);
            List<ShiplogMessage> added = l.added(all, ShiplogMessage::commitId);
            assertThat(added).extracting(ShiplogMessage::ref, ShiplogMessage::pos, ShiplogMessage::payload)
                    .containsExactly(tuple(BasedLedger.CHAT, 2L, "{\"n\":3}"), tuple(BasedLedger.NEWS, 1L, "{\"n\":2}"));
            assertThat(BasedLedger.rows(l.based(), all)).containsExactlyElementsOf(added);
            assertThat(findings).isEmpty();
        }
    }

    @Test
    void readIgnoresTheBase() {
        try (BasedLedger l = BasedLedger.create(dir.resolve("r"), 1)) {
            assertThat(ShiplogScan.read(l.based(), "chat", null, null))
                    .isEqualTo(ShiplogScan.read(l.after(), "chat", null, null)).hasSize(3);
        }
    }

    @Test
    void aRangeSkipsEnvelopesByTrailerUlidButVisitsEveryCommitAndKeepsPositions() {
        try (LedgerTestRepository repo = LedgerTestRepository.create(dir.resolve("r"))) {
            List<MessageSpec> m = post(repo, "tasks", 4);
            String late = Ulid.create(Ulid.timeMillis(m.get(0).ulid()) + 1, new Random(9));
            repo.writer().appendMessage("tasks", MessageSpec.of(late, "tasks", "note", "{}", repo.tick()));
            try (LedgerRepository reader = LedgerRepository.open(repo.path())) {
                LedgerSnapshot s = reader.snapshot();
                KeyRange range = new KeyRange(null, null, null, m.get(1).ulid());
                long before = reader.stats().blobs();
                List<ShiplogMessage> rows;
                try (Stream<ShiplogMessage> stream = ShiplogScan.stream(s, null, null, range, true, findings::add)) {
                    rows = stream.toList();
                }
                assertThat(rows).extracting(ShiplogMessage::ulid, ShiplogMessage::pos).containsExactly(
                        tuple(late, 4L), tuple(m.get(1).ulid(), 1L), tuple(m.get(0).ulid(), 0L));
                assertThat(reader.stats().blobs() - before).as("only the envelopes in range").isEqualTo(3);
                KeyRange byTime = new KeyRange(Ulid.timeMillis(m.get(2).ulid()), null, null, null);
                assertThat(scanRange(s, byTime)).extracting(ShiplogMessage::ulid)
                        .containsExactly(m.get(3).ulid(), m.get(2).ulid());
                assertThat(scanRange(s, KeyRange.ALL)).isEqualTo(scan(s, null, null, true));
                assertThat(findings).isEmpty();
            }
        }
    }

    private List<ShiplogMessage> scanRange(LedgerSnapshot s, KeyRange range) {
        try (Stream<ShiplogMessage> rows = ShiplogScan.stream(s, null, null, range, true, findings::add)) {
            return rows.toList();
        }
    }
}
