package io.gatos.sql.ledger.scan;

import static org.assertj.core.api.Assertions.assertThat;

import io.gatos.sql.codec.Ulid;
import io.gatos.sql.ledger.EventQuery;
import io.gatos.sql.ledger.Finding;
import io.gatos.sql.ledger.LedgerEvent;
import io.gatos.sql.ledger.LedgerSnapshot;
import io.gatos.sql.testing.LedgerTestRepository;
import io.gatos.sql.writer.EventSpec;
import io.gatos.sql.writer.MessageSpec;
import io.gatos.sql.writer.StateTrailers;
import io.gatos.sql.writer.TopicSpelling;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.eclipse.jgit.lib.ObjectId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Builds a ledger with each problem of LAYOUT §9 and checks each becomes one finding while the rest reads. */
class FindingScanTest {
    @TempDir
    Path dir;

    private static List<String> findings(LedgerSnapshot snapshot) {
        try (Stream<Finding> all = FindingScan.stream(snapshot)) {
            return all.map(f -> f.code() + " " + f.ref() + " " + f.commitId()).toList();
        }
    }

    @Test
    void aHealthyLedgerHasNone() {
        try (LedgerTestRepository repo = LedgerTestRepository.create(dir.resolve("ok"))) {
            repo.event("orders", "alice", "order.created", "{\"a\":1}");
            repo.message("billing", "{}");
            repo.job("build", "succeeded");
            assertThat(findings(repo.snapshot())).isEmpty();
        }
    }

    @Test
    void everyProblemBecomesAFindingAndTheRestStillReads() {
        try (LedgerTestRepository repo = LedgerTestRepository.create(dir.resolve("bad"))) {
            var w = repo.writer();
            ObjectId good = repo.event("orders", "alice", "order.created", "{\"a\":1}");
            String dupUlid = Ulid.create(1_767_225_600_000L, new java.util.Random(9));
            ObjectId first = repo.event("dups", "one", EventSpec.of("x", dupUlid, "user:one", "{}", repo.tick()));
            ObjectId second = repo.event("dups", "two", EventSpec.of("x", dupUlid, "user:two", "{}", repo.tick()));
            ObjectId nonUtf8 = w.appendRawEvent("raw", "bytes", "raw.event", new byte[] {'{', '"', (byte) 0xff, '"',
                    ':', '1', '}'}, repo.tick());
            ObjectId merge = w.appendMerge("orders", "alice", first, repo.eventSpec("alice", "order.merged", "{}"));
            ObjectId missingParent = ObjectId.fromString("dead".repeat(10));
            String envelope = "{\"actor\":\"user:x\",\"payload\":{},\"type\":\"x\",\"ulid\":\""
                    + repo.ulid(repo.tick()) + "\"}";
            ObjectId cut = w.commit("refs/gatos/journal/shallow/clone", Map.of("message/envelope.json",
                    envelope.getBytes(StandardCharsets.UTF_8)), "x\n\nEvent-CID: blake3:00", List.of(missingParent),
                    repo.tick());
            ObjectId blob = w.blob("not a commit".getBytes(StandardCharsets.UTF_8));
            w.setRef("refs/gatos/journal/blob/ref", blob);
            repo.message("twice", "{}");
            w.appendMessage("twice", repo.messageSpec("twice", "note", "{}").withSpelling(TopicSpelling.MESSAGES));
            ObjectId badState = w.stateCheckpoint("orders", Map.of("state/a.json", "{}".getBytes(StandardCharsets.UTF_8)),
                    new StateTrailers("sha1:nope", good.name(), "0".repeat(40), StateTrailers.DEFAULT_POLICY_CODE_ROOT,
                            StateTrailers.DEFAULT_FOLD_ENGINE, StateTrailers.DEFAULT_FOLD_ROOT, null, null, null),
                    repo.tick());
            String big = "{\"blob\":\"" + "x".repeat(1 << 20) + "\"}";
            repo.event("odd_ns-1", "Actor_With-Dashes", "big.event", big);

            LedgerSnapshot snapshot = repo.snapshot();
            assertThat(findings(snapshot)).containsExactlyInAnyOrder(
                    "TOPIC_ALIASED refs/gatos/messages/twice/head null",
                    "DUPLICATE_ULID refs/gatos/journal/dups/two " + second.name(),
                    "MERGE_IN_JOURNAL refs/gatos/journal/orders/alice " + merge.name(),
                    "BAD_JSON refs/gatos/journal/raw/bytes " + nonUtf8.name(),
                    "MISSING_OBJECT refs/gatos/journal/shallow/clone " + missingParent.name(),
                    "UNEXPECTED_OBJECT refs/gatos/journal/blob/ref " + blob.name(),
                    "BAD_TRAILER refs/gatos/state/orders " + badState.name())
                    .hasSize(7);
            try (Stream<LedgerEvent> events = EventScan.stream(snapshot, EventQuery.all(), f -> { })) {
                List<LedgerEvent> all = events.toList();
                assertThat(all).extracting(LedgerEvent::commitId).contains(good.name(), cut.name(), merge.name());
                LedgerEvent huge = all.stream().filter(e -> e.kind().equals("big.event")).findFirst().orElseThrow();
                assertThat(huge.payload()).hasSize(big.length());
                assertThat(huge.stream()).isEqualTo("odd_ns-1/Actor_With-Dashes");
                assertThat(all.stream().filter(e -> e.commitId().equals(cut.name())).findFirst().orElseThrow().pos())
                        .isZero();
            }
        }
    }

    @Test
    void aBrokenPointerInAnEventIsReportedOnceAndStatePointersStillCount() {
        try (LedgerTestRepository repo = LedgerTestRepository.create(dir.resolve("ptr"))) {
            ObjectId event = repo.event("orders", "alice", "doc.attached", "{\"doc\":{\"kind\":\"blobptr\",\"algo\":\"blake3\"}}");
            repo.state("orders", Map.of("state/a.json", "{\"p\":{\"kind\":\"opaque\",\"algo\":\"aes\"}}"));
            LedgerSnapshot snapshot = repo.snapshot();
            try (Stream<Finding> all = FindingScan.stream(snapshot)) {
                assertThat(all.map(f -> f.code() + " " + f.commitId() + " " + f.path()).toList())
                        .contains("BAD_JSON " + event.name() + " message/envelope.json#/payload/doc")
                        .filteredOn(f -> f.contains("#/")).hasSize(2);
            }
        }
    }

    @Test
    void aBasedSnapshotReportsTheFindingsOfNewCommits() {
        try (LedgerTestRepository repo = LedgerTestRepository.create(dir.resolve("based"))) {
            byte[] notJson = "{oops".getBytes(StandardCharsets.UTF_8);
            ObjectId oldBad = repo.writer().appendRawEvent("raw", "bytes", "raw.event", notJson, repo.tick());
            LedgerSnapshot before = repo.snapshot();
            repo.event("raw", "bytes", "fine", "{}");
            ObjectId newBad = repo.writer().appendRawEvent("raw", "bytes", "raw.event", notJson, repo.tick());
            LedgerSnapshot after = repo.snapshot();
            String ref = "refs/gatos/journal/raw/bytes";
            assertThat(findings(after)).containsExactly("BAD_JSON " + ref + " " + newBad.name(),
                    "BAD_JSON " + ref + " " + oldBad.name());
            assertThat(findings(after.withBase(Frontier.measure(before, Map.of()).asBase())))
                    .containsExactly("BAD_JSON " + ref + " " + newBad.name());
        }
    }

    @Test
    void misshapenRefsAndOddMessagesAreFindingsAndGovernanceRefsAreReadWhateverTheirShape() {
        try (LedgerTestRepository repo = LedgerTestRepository.create(dir.resolve("shapes"))) {
            var w = repo.writer();
            ObjectId note = repo.message("billing", "{}");
            ObjectId odd = w.appendMessage("billing", MessageSpec.of("nope", "billing", "t", "{\"s\":\"\\ud800\"}",
                    repo.tick()));
            w.setRef("refs/gatos/messages/billing", note);
            w.setRef("refs/gatos/jobs/solo", note);
            w.setRef("refs/gatos/proposals/any/shape/at/all", note);
            w.setRef("refs/gatos/audit/x/y/z", note);
            assertThat(findings(repo.snapshot())).containsExactlyInAnyOrder(
                    "BAD_REF refs/gatos/jobs/solo " + note.name(),
                    "BAD_REF refs/gatos/messages/billing " + note.name(),
                    "BAD_TRAILER refs/gatos/proposals/any/shape/at/all " + note.name(),
                    "BAD_JSON refs/gatos/proposals/any/shape/at/all " + note.name(),
                    "BAD_ULID refs/gatos/shiplog/billing/head " + odd.name(),
                    "BAD_TEXT refs/gatos/shiplog/billing/head " + odd.name());
        }
    }
}
