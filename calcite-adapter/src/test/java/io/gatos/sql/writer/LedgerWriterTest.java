package io.gatos.sql.writer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gatos.sql.codec.Blake3;
import io.gatos.sql.testing.LedgerTestRepository;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LedgerWriterTest {
    private static final Instant T0 = Instant.parse("2026-02-03T04:05:06.789Z");
    private static final String ULID = "01KGGAH3S5ABCDEFGHJKMNPQRS";

    @TempDir
    Path tmp;

    private LedgerTestRepository loose(String name) {
        return LedgerTestRepository.create(tmp.resolve(name), true, WriterOptions.loose());
    }

    private static String text(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }

    @Test
    void appendEventWritesSortedEnvelopeVerbatimPayloadAndEventCid() {
        try (LedgerTestRepository repo = loose("a")) {
            String payload = "{\"amount\":1152921504606846977, \"name\":\"Zoë 東京\"}";
            EventSpec spec = EventSpec.of("order.created", ULID, "user:alice", payload, T0)
                    .withCaps(List.of("orders:write"));
            ObjectId first = repo.writer().appendEvent("orders", "alice", spec);
            ObjectId second = repo.writer().appendEvent("orders", "alice", spec.withTs(null));

            RevCommit c = repo.commitAt("refs/gatos/journal/orders/alice");
            assertThat(c.getId()).isEqualTo(second);
            assertThat(c.getParents()).extracting(RevCommit::getId).containsExactly(first);
            assertThat(repo.paths(first)).containsExactly("message/envelope.json");
            byte[] envelope = repo.file(first, "message/envelope.json");
            assertThat(text(envelope)).isEqualTo("{\"actor\":\"user:alice\",\"caps\":[\"orders:write\"],\"payload\":"
                    + payload + ",\"policy_root\":\"" + "0".repeat(40) + "\",\"ts\":\"2026-02-03T04:05:06.789Z\","
                    + "\"type\":\"order.created\",\"ulid\":\"" + ULID + "\"}");
            assertThat(repo.commitAt(first.name()).getFullMessage())
                    .isEqualTo("order.created\n\nEvent-CID: " + Blake3.prefixed(envelope) + "\n");
            assertThat(text(repo.file(second, "message/envelope.json"))).doesNotContain("\"ts\"");
            PersonIdent author = c.getAuthorIdent();
            assertThat(author.getName()).isEqualTo("gatos-ledger");
            assertThat(author.getEmailAddress()).isEqualTo("ledger@gatos.local");
            assertThat(author.getWhenAsInstant()).isEqualTo(Instant.parse("2026-02-03T04:05:06Z"));
            assertThat(author.getZoneOffset().getTotalSeconds()).isZero();
            assertThat(c.getCommitterIdent()).isEqualTo(author);
        }
    }

    @Test
    void eventTypeSpellingSignatureAndExplicitCid() {
        try (LedgerTestRepository repo = loose("a")) {
            EventSpec spec = EventSpec.of("key.rotated", ULID, "service:idp", "{}", T0).withEventTypeField(true)
                    .withSigAlg("ed25519").withEventCid("blake3:" + "0".repeat(64)).withPolicyRoot(null);
            ObjectId id = repo.writer().appendEvent("identity", "idp", spec);
            String envelope = text(repo.file(id, "message/envelope.json"));
            assertThat(envelope).startsWith("{\"actor\":\"service:idp\",\"event_type\":\"key.rotated\",\"payload\":{}")
                    .contains("\"sig_alg\":\"ed25519\"").doesNotContain("\"type\"").doesNotContain("policy_root");
            assertThat(repo.commitAt(id.name()).getFullMessage()).matches(
                    "key\\.rotated\n\nEvent-CID: blake3:0{64}\nSig-Alg: ed25519\nSig: ed25519:[0-9a-f]{128}\n");
        }
    }

    @Test
    void rawEventsAndMergesAreWrittenForRobustnessTests() {
        try (LedgerTestRepository repo = loose("a")) {
            byte[] bad = {'{', '"', 'x', (byte) 0xff};
            ObjectId raw = repo.writer().appendRawEvent("orders", "bob", "garbage", bad, T0);
            ObjectId side = repo.writer().appendEvent("orders", "side", EventSpec.of("t", ULID, "user:s", "1", T0));
            ObjectId merge = repo.writer().appendMerge("orders", "bob", side,
                    EventSpec.of("order.merged", ULID, "user:bob", "{}", T0.plusSeconds(1)));
            assertThat(repo.file(raw, "message/envelope.json")).isEqualTo(bad);
            assertThat(repo.commitAt(raw.name()).getFullMessage())
                    .isEqualTo("garbage\n\nEvent-CID: " + Blake3.prefixed(bad) + "\n");
            assertThat(repo.commitAt("refs/gatos/journal/orders/bob").getParents())
                    .extracting(RevCommit::getId).containsExactly(raw, side);
            assertThat(repo.commitAt("refs/gatos/journal/orders/bob").getId()).isEqualTo(merge);
        }
    }

    @Test
    void messageEnvelopeIsCanonicalAndContentIdIsItsDigest() {
        try (LedgerTestRepository repo = loose("a")) {
            MessageSpec spec = MessageSpec.of(ULID, "billing", "invoice.issued",
                    "{ \"b\": [1, 2.50, 1152921504606846977], \"a\": {\"z\": 1, \"y\": \"東京\"} }", T0)
                    .withRefs(Map.of("state", "blake3:" + "1".repeat(64)))
                    .withAttachments(Map.of("scan.pdf", new byte[] {1, 2}));
            ObjectId id = repo.writer().appendMessage("billing", spec);
            byte[] envelope = repo.file(id, "message/envelope.json");
            assertThat(text(envelope)).isEqualTo("{\"ns\":\"billing\",\"payload\":{\"a\":{\"y\":\"東京\",\"z\":1},"
                    + "\"b\":[1,2.50,1152921504606846977]},\"refs\":{\"state\":\"blake3:" + "1".repeat(64) + "\"},"
                    + "\"type\":\"invoice.issued\",\"ulid\":\"" + ULID + "\"}");
            assertThat(repo.commitAt("refs/gatos/shiplog/billing/head").getFullMessage()).isEqualTo(
                    "invoice.issued\n\nEvent-Id: ulid:" + ULID + "\nContent-Id: " + Blake3.prefixed(envelope) + "\n");
            assertThat(repo.paths(id)).containsExactly("message/attachments/scan.pdf", "message/envelope.json");

            MessageSpec renamed = MessageSpec.of(ULID, "gov", "t", "{}", T0).withSpelling(TopicSpelling.MESSAGES)
                    .withContentIdOverride("blake3:" + "f".repeat(64));
            ObjectId other = repo.writer().appendMessage("governance", renamed);
            assertThat(repo.commitAt("refs/gatos/messages/governance/head").getId()).isEqualTo(other);
            assertThat(repo.commitAt(other.name()).getFullMessage()).contains("Content-Id: blake3:" + "f".repeat(64));
        }
    }

    @Test
    void consumerCheckpointsInCommitAndBlobForms() throws IOException {
        try (LedgerTestRepository repo = loose("a")) {
            ObjectId commit = repo.writer().checkpointCommit("g1", "billing", "a".repeat(40), ULID, T0);
            ObjectId blob = repo.writer().checkpointBlob("g2", "billing", null, ULID);
            assertThat(text(repo.file(commit, "checkpoint.json")))
                    .isEqualTo("{\"commit_oid\":\"" + "a".repeat(40) + "\",\"ulid\":\"" + ULID + "\"}");
            Repository r = repo.repository();
            assertThat(r.exactRef("refs/gatos/consumers/g2/billing").getObjectId()).isEqualTo(blob);
            assertThat(r.open(blob).getType()).isEqualTo(Constants.OBJ_BLOB);
            assertThat(text(r.open(blob).getBytes())).isEqualTo("{\"ulid\":\"" + ULID + "\"}");
        }
    }

    @Test
    void stateCheckpointHoldsNestedFilesAndTrailersInLayoutOrder() {
        try (LedgerTestRepository repo = loose("a")) {
            Map<String, byte[]> files = Map.of("state/orders.json", "{}".getBytes(StandardCharsets.UTF_8),
                    "state/deep/a.b", new byte[] {0}, "state/deep-x", new byte[] {1}, "z.bin", new byte[] {2});
            StateTrailers t = StateTrailers.of("blake3:" + "2".repeat(64), "b".repeat(40), "c".repeat(40));
            ObjectId first = repo.writer().stateCheckpoint("orders", files, t, T0);
            ObjectId second = repo.writer().stateCheckpoint("orders", files,
                    t.withMathAndRng("fixed-q32.32", "pcg32@1.0.0"), T0.plusSeconds(5));
            assertThat(repo.paths(first))
                    .containsExactly("state/deep-x", "state/deep/a.b", "state/orders.json", "z.bin");
            assertThat(repo.commitAt("refs/gatos/state/orders").getParents()).extracting(RevCommit::getId)
                    .containsExactly(first);
            assertThat(repo.commitAt(second.name()).getFullMessage()).isEqualTo("checkpoint orders\n\n"
                    + "State-Root: blake3:" + "2".repeat(64) + "\nLedger-Head: " + "b".repeat(40) + "\nPolicy-Root: "
                    + "c".repeat(40) + "\nPolicy-Code-Root: " + StateTrailers.DEFAULT_POLICY_CODE_ROOT
                    + "\nFold-Engine: echo@0.3.0+elc@0.2.1\nFold-Root: " + StateTrailers.DEFAULT_FOLD_ROOT
                    + "\nFold-Version: 1\nFold-Math: fixed-q32.32\nFold-RNG: pcg32@1.0.0\n");
        }
    }

    @Test
    void sameCallsGiveSameIdsInPackedAndLooseModes() throws IOException {
        Map<String, ObjectId> packed = script(LedgerWriter.create(tmp.resolve("p"), true, WriterOptions.packed()));
        Map<String, ObjectId> loose = script(LedgerWriter.create(tmp.resolve("l"), false, WriterOptions.loose()));
        assertThat(packed).isEqualTo(loose).hasSize(4);
        assertThat(Files.isDirectory(tmp.resolve("l/.git"))).isTrue();
        assertThat(looseObjects(tmp.resolve("p"))).isEmpty();
        assertThat(packFiles(tmp.resolve("p"))).hasSize(1);
        assertThat(looseObjects(tmp.resolve("l/.git"))).hasSize(20);
        assertThat(packFiles(tmp.resolve("l/.git"))).isEmpty();
    }

    private static Map<String, ObjectId> script(LedgerWriter writer) throws IOException {
        try (writer) {
            for (int i = 0; i < 3; i++) {
                writer.appendEvent("orders", "alice", EventSpec.of("t", ULID, "user:alice", "{\"i\":" + i + "}",
                        T0.plusSeconds(i)));
            }
            writer.appendMessage("billing", MessageSpec.of(ULID, "billing", "m", "{\"x\":1}", T0));
            writer.checkpointBlob("g", "billing", null, ULID);
            writer.stateCheckpoint("orders", Map.of("s.json", new byte[] {'1'}), StateTrailers.of(null, null, null),
                    T0);
        }
        try (Repository r = new FileRepositoryBuilder().setGitDir(writer.repository().getDirectory()).build()) {
            return r.getRefDatabase().getRefsByPrefix("refs/gatos/").stream()
                    .collect(Collectors.toMap(ref -> ref.getName(), ref -> ref.getObjectId()));
        }
    }

    @Test
    void packedModeMovesRefsOnlyWhenObjectsAreFlushed() throws IOException {
        Path dir = tmp.resolve("p");
        try (LedgerWriter writer = LedgerWriter.create(dir, true, WriterOptions.packed().withFlushEvery(8))) {
            ObjectId first = writer.appendEvent("o", "a", EventSpec.of("t", ULID, "user:a", "1", T0));
            try (Repository other = new FileRepositoryBuilder().setGitDir(dir.toFile()).build()) {
                assertThat(other.exactRef("refs/gatos/journal/o/a")).isNull();
                assertThat(writer.head("refs/gatos/journal/o/a")).isEqualTo(first);
                writer.appendEvent("o", "a", EventSpec.of("t", ULID, "user:a", "2", T0)); // 8 objects: auto flush
                assertThat(other.exactRef("refs/gatos/journal/o/a")).isNotNull();
                writer.appendEvent("o", "a", EventSpec.of("t", ULID, "user:a", "3", T0));
                writer.flush();
                assertThat(other.exactRef("refs/gatos/journal/o/a").getObjectId())
                        .isEqualTo(writer.head("refs/gatos/journal/o/a"));
            }
        }
        assertThat(packFiles(dir)).hasSize(2);
    }

    @Test
    void openContinuesAJournalAndPackRefsPacksEveryRef() throws IOException {
        Path dir = tmp.resolve("r");
        ObjectId first;
        try (LedgerWriter writer = LedgerWriter.create(dir, true)) {
            first = writer.appendEvent("o", "a", EventSpec.of("t", ULID, "user:a", "1", T0));
        }
        try (LedgerWriter writer = LedgerWriter.open(dir)) {
            writer.appendEvent("o", "a", EventSpec.of("t", ULID, "user:a", "2", T0));
            writer.packRefs();
            try (RevWalk walk = new RevWalk(writer.repository())) {
                RevCommit head = walk.parseCommit(writer.repository().resolve("refs/gatos/journal/o/a"));
                assertThat(head.getParent(0).getId()).isEqualTo(first);
            }
        }
        assertThat(Files.readString(dir.resolve("packed-refs"))).contains(" refs/gatos/journal/o/a\n");
        assertThat(Files.exists(dir.resolve("refs/gatos/journal/o/a"))).isFalse();
        assertThatThrownBy(() -> LedgerWriter.open(tmp.resolve("nothing")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("nothing");
    }

    @Test
    void lowLevelCommitsRefsAndIllegalNames() {
        try (LedgerTestRepository repo = loose("a")) {
            LedgerWriter w = repo.writer();
            ObjectId loose = w.commit(null, Map.of("a/b.txt", new byte[] {'x'}), "m\n", List.of(), T0);
            assertThat(w.head("refs/gatos/cache/x")).isNull();
            ObjectId cached = w.commit("refs/gatos/cache/x", Map.of(), "c\n", List.of(loose), T0);
            assertThat(repo.commitAt("refs/gatos/cache/x").getParent(0).getId()).isEqualTo(loose);
            w.setRef("refs/gatos/audit/copy", cached);
            w.deleteRef("refs/gatos/cache/x");
            assertThat(w.head("refs/gatos/cache/x")).isNull();
            assertThat(repo.commitAt("refs/gatos/audit/copy").getId()).isEqualTo(cached);
            assertThatThrownBy(() -> w.appendEvent("bad ns", "a", EventSpec.of("t", ULID, "user:a", "1", T0)))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("bad ns");
            assertThatThrownBy(() -> w.commit(null, Map.of("a//b", new byte[0]), "m", List.of(), T0))
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void gitCliReadsWhatWasWrittenAndFsckIsClean() throws Exception {
        Path dir = tmp.resolve("cli");
        try (LedgerTestRepository repo = LedgerTestRepository.create(dir, true, WriterOptions.packed())) {
            repo.event("orders", "alice", "order.created", "{\"sku\":\"SKU-1\"}");
            repo.writer().commit("refs/gatos/cache/t", Map.of("a-c", new byte[0], "a.b", new byte[0],
                    "a/x", new byte[0]), "tree order\n", List.of(), T0);
            repo.message("billing", "{\"x\":1}");
        }
        assertThat(git(dir, "fsck", "--strict", "--no-dangling")).doesNotContainIgnoringCase("error")
                .doesNotContainIgnoringCase("warning");
        assertThat(git(dir, "cat-file", "-p", "refs/gatos/journal/orders/alice:message/envelope.json"))
                .contains("\"payload\":{\"sku\":\"SKU-1\"}");
        assertThat(git(dir, "log", "-1", "--format=%an <%ae> %ai", "refs/gatos/shiplog/billing/head"))
                .isEqualTo("gatos-ledger <ledger@gatos.local> 2026-01-01 00:00:01 +0000\n");
    }

    private static String git(Path dir, String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of("git", "--git-dir=" + dir));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor()).as(out).isZero();
        return out;
    }

    private static List<Path> looseObjects(Path gitDir) throws IOException {
        try (Stream<Path> s = Files.walk(gitDir.resolve("objects"))) {
            return s.filter(Files::isRegularFile).filter(f -> f.getParent().getFileName().toString().length() == 2)
                    .toList();
        }
    }

    private static List<Path> packFiles(Path gitDir) throws IOException {
        try (Stream<Path> s = Files.list(gitDir.resolve("objects/pack"))) {
            return s.filter(f -> f.toString().endsWith(".pack")).toList();
        }
    }
}
