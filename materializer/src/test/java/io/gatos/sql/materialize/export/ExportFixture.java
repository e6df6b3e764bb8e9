package io.gatos.sql.materialize.export;

import static java.nio.charset.StandardCharsets.UTF_8;

import io.gatos.sql.testing.LedgerTestRepository;
import io.gatos.sql.writer.CommitMessage;
import io.gatos.sql.writer.LedgerWriter;
import io.gatos.sql.writer.StateTrailers;
import io.gatos.sql.writer.TopicSpelling;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.revwalk.RevWalk;

/** Builds a ledger with rows in every table, for export tests. */
final class ExportFixture {
    static final String HASH = "ab".repeat(32);

    private ExportFixture() {
    }

    /** Creates the ledger under {@code dir}. */
    static LedgerTestRepository build(Path dir) {
        LedgerTestRepository repo = LedgerTestRepository.create(dir);
        repo.policy("bundle-1");
        repo.event("orders", "alice", "order.created", "{\"amount\":10,\"big\":1152921504606846977}");
        repo.event("orders", "alice", "order.paid", "{\"amount\":20,\"note\":\"☃ snow 😀\"}");
        repo.event("orders", "bob", "order.created", "{\"amount\":5}");
        repo.event("billing", "carol", "invoice.sent", "{\"amount\":7,\"doc\":{\"kind\":\"blobptr\",\"algo\":"
                + "\"blake3\",\"hash\":\"" + HASH + "\",\"size\":42}}");
        ObjectId m1 = repo.message("billing", "{\"n\":1}");
        repo.message("billing", "{\"n\":2}");
        repo.writer().appendMessage("alerts", repo.messageSpec("ops", "alert", "{\"level\":\"high\"}")
                .withSpelling(TopicSpelling.MESSAGES));
        repo.checkpoint("g1", "billing", m1.name(), null);
        repo.state("orders", Map.of("state/orders.json", "{\"total\":60}"));
        repo.state("orders", Map.of("state/orders.json", "{\"total\":80,\"doc\":{\"kind\":\"opaque_pointer\","
                + "\"algo\":\"blake3\",\"ciphertext_hash\":\"blake3:" + HASH + "\",\"location\":\"s3://x/y\"}}"));
        repo.job("build", "pending");
        repo.job("test", "succeeded");
        Instant future = Instant.parse("2099-01-01T00:00:00Z");
        String p = repo.proposal("2-of-3", future);
        repo.approve(p, "user:ann");
        repo.approve(p, "user:ben");
        repo.revoke(repo.grant(p), "rotated");
        repo.proposal("2-of-3", future);
        repo.audit("export", "audit note");
        return repo;
    }

    /**
     * Creates the ledger of {@link #build} plus what readers stumble on: an envelope that is not JSON
     * (NULL payload, an error text) and an event whose type and payload are outside ASCII.
     */
    static LedgerTestRepository hostile(Path dir) {
        LedgerTestRepository repo = build(dir);
        repo.writer().appendRawEvent("broken", "eve", "broken.event", "not json".getBytes(UTF_8),
                Instant.parse("2026-01-02T00:00:00Z"));
        repo.event("orders", "alice", "注文.作成", "{\"amount\":0,\"name\":\"Zoë 東京 🚀\"}");
        withoutOptionalParts(repo.writer(), Instant.parse("2026-01-03T00:00:00Z"));
        return repo;
    }

    /** Writes one record per plane that leaves out everything optional, so every nullable column has a NULL. */
    private static void withoutOptionalParts(LedgerWriter w, Instant t) {
        String ulid = "01KE0000000000000000000000";
        w.commit("refs/gatos/journal/orders/dave", Map.of("message/envelope.json", utf8("{\"actor\":\"user:dave\","
                + "\"payload\":{\"doc\":{\"ciphertext_hash\":\"blake3:" + HASH + "\",\"kind\":\"opaque\"}},"
                + "\"ts\":\"2026-01-03T00:00:00Z\",\"type\":\"order.noted\",\"ulid\":\"" + ulid + "\"}")),
                "order.noted", List.of(), t);
        w.commit("refs/gatos/shiplog/quiet/head", Map.of("message/envelope.json", utf8("{\"ns\":\"quiet\","
                + "\"payload\":{},\"type\":\"note\",\"ulid\":\"" + ulid + "\"}")),
                CommitMessage.of("note", CommitMessage.trailers("Event-Id", "ulid:" + ulid)), List.of(), t);
        w.checkpointBlob("idle", "nothing", null, null);
        ObjectId job = w.job("cd".repeat(32), "job.json", utf8("not json"), t);
        try (RevWalk walk = new RevWalk(w.repository())) {
            w.setRef("refs/gatos/consumers/odd/nothing", walk.parseCommit(job).getTree());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        w.stateCheckpoint("bare", Map.of("state/empty.json", utf8("{}")),
                new StateTrailers(null, null, null, null, null, null, null, null, null), t);
        String hex = "ef".repeat(32);
        w.proposal(hex, CommitMessage.trailers("Proposal-Id", "blake3:" + hex), "not json", t);
        w.approval(hex, hex, CommitMessage.trailers("Approval-Id", "blake3:" + hex), "not json", t);
        w.grant(hex, CommitMessage.trailers("Grant-Id", "blake3:" + hex), "not json", t);
        w.revocation(hex, CommitMessage.trailers("Revocation-Id", "blake3:" + hex), "not json", t);
    }

    private static byte[] utf8(String text) {
        return text.getBytes(UTF_8);
    }
}
