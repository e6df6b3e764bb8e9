package io.gatos.sql.jdbc;

import io.gatos.sql.codec.Blake3;
import io.gatos.sql.testing.LedgerTestRepository;
import io.gatos.sql.writer.CommitMessage;
import io.gatos.sql.writer.MessageSpec;
import io.gatos.sql.writer.TopicSpelling;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.eclipse.jgit.lib.ObjectId;

/**
 * Builds a ledger whose every answer is known in advance: the expectations of the JDBC tests.
 * Each plane holds a few hand-picked records, including the malformed ones that must become findings.
 */
final class KnownLedger {
    static final String HASH = "ab".repeat(32);
    static final String UNKNOWN_ULID = "01ARZ3NDEKTSV4RRFFQ69G5FAV";
    static final String ORDERS_STATE = "{\"total\":80,\"items\":[{\"blob\":{\"kind\":\"opaque_pointer\","
            + "\"algo\":\"blake3\",\"digest\":\"blake3:" + HASH + "\",\"size\":1024,"
            + "\"location\":\"s3://bucket/key\",\"capability\":\"gatos://cap/1\"}}]}";

    final LedgerTestRepository repo;
    final Map<String, ObjectId> commits = new LinkedHashMap<>();
    final Map<String, String> ulids = new LinkedHashMap<>();
    final Map<String, String> proposals = new LinkedHashMap<>();
    final Map<String, String> jobs = new LinkedHashMap<>();

    private KnownLedger(LedgerTestRepository repo) {
        this.repo = repo;
    }

    static KnownLedger build(Path dir) {
        KnownLedger k = new KnownLedger(LedgerTestRepository.create(dir));
        k.journals();
        k.shiplog();
        k.consumers();
        k.state();
        k.jobs();
        k.governance();
        k.repo.policy("bundle-1");
        k.repo.audit("export", "export audited");
        k.repo.writer().flush();
        return k;
    }

    String url() {
        return repo.jdbcUrl();
    }

    private void journals() {
        event("a1", "orders", "alice", "order.created", "{\"amount\":10,\"sku\":\"A\"}");
        event("a2", "orders", "alice", "order.paid", "{\"amount\":20}");
        event("a3", "orders", "alice", "order.created", "{\"amount\":30,\"big\":1152921504606846977}");
        event("b1", "orders", "bob", "order.created", "{\"amount\":5}");
        event("b2", "orders", "bob", "order.created", "{\"amount\":15,\"note\":\"☃ snow 😀\"}");
        event("c1", "billing", "carol", "invoice.sent", "{\"amount\":7,\"doc\":{\"kind\":\"blobptr\",\"algo\":\"blake3\","
                + "\"hash\":\"" + HASH + "\",\"size\":42}}");
        commits.put("bad", repo.writer().appendRawEvent("billing", "mallory", "broken.event",
                "{\"ulid\": oops".getBytes(StandardCharsets.UTF_8), repo.tick()));
    }

    private void event(String key, String ns, String actor, String type, String payload) {
        var spec = repo.eventSpec(actor, type, payload);
        commits.put(key, repo.event(ns, actor, spec));
        ulids.put(key, spec.ulid());
    }

    private void shiplog() {
        message("m1", "billing", repo.messageSpec("billing", "invoice.sent", "{\"n\":1}"));
        message("m2", "billing", repo.messageSpec("billing", "invoice.sent", "{\"n\":2}"));
        message("m3", "billing", repo.messageSpec("billing", "invoice.paid", "{\"n\":3}"));
        message("x1", "alerts", repo.messageSpec("ops", "alert", "{\"level\":\"high\"}")
                .withSpelling(TopicSpelling.MESSAGES));
        message("x2", "alerts", repo.messageSpec("ops", "alert", "{\"level\":\"low\"}")
                .withSpelling(TopicSpelling.MESSAGES));
        message("t1", "tampered", repo.messageSpec("ops", "note", "{}")
                .withContentIdOverride("blake3:" + "0".repeat(64)));
    }

    private void message(String key, String topic, MessageSpec spec) {
        commits.put(key, repo.writer().appendMessage(topic, spec));
        ulids.put(key, spec.ulid());
    }

    private void consumers() {
        repo.checkpoint("g1", "billing", commits.get("m1").name(), ulids.get("m1"));
        repo.writer().checkpointBlob("g2", "billing", null, ulids.get("m2"));
        repo.checkpoint("g3", "billing", null, UNKNOWN_ULID);
        repo.checkpoint("g4", "alerts", commits.get("x2").name(), ulids.get("x2"));
    }

    private void state() {
        commits.put("s1", repo.state("orders", Map.of("state/orders.json", "{\"total\":60}")));
        commits.put("s2", repo.state("orders", Map.of(
                "state/orders.json", ORDERS_STATE,
                "state/notes.txt", "plain text")));
    }

    private void jobs() {
        for (String status : new String[] {"pending", "claimed", "running", "succeeded", "failed", "aborted"}) {
            jobs.put(status, repo.job("build-" + status, status));
        }
        String manifest = "command: test\nargs: [a, b]\ntimeout: 30\n";
        String hex = Blake3.hex(manifest.getBytes(StandardCharsets.UTF_8));
        repo.writer().job(hex, "job.yaml", manifest.getBytes(StandardCharsets.UTF_8), repo.tick());
        repo.writer().claim(hex, LedgerTestRepository.WORKER, true, repo.tick());
        byte[] poe = ("{\"job_id\":\"blake3:" + hex + "\",\"status\":\"fail\"}").getBytes(StandardCharsets.UTF_8);
        repo.writer().result(hex, CommitMessage.trailers("Job-Id", "blake3:" + hex, "Proof-Of-Execution",
                Blake3.prefixed(poe), "Worker-Id", LedgerTestRepository.WORKER), poe, repo.tick());
        jobs.put("poe-fail", hex);
    }

    private void governance() {
        Instant future = Instant.parse("2099-01-01T00:00:00Z");
        proposals.put("proposal", repo.proposal("2-of-3", future));
        String partial = repo.proposal("2-of-3", future);
        repo.approve(partial, "user:ann");
        proposals.put("partial", partial);
        String granted = repo.proposal("2-of-3", future);
        repo.approve(granted, "user:ann");
        repo.approve(granted, "user:ben");
        repo.grant(granted);
        proposals.put("granted", granted);
        proposals.put("expired", repo.proposal("2-of-3", Instant.parse("2020-01-01T00:00:00Z")));
        String revoked = repo.proposal("1-of-1", future);
        repo.approve(revoked, "user:ann");
        repo.revoke(repo.grant(revoked), "compromised key");
        proposals.put("revoked", revoked);
    }
}
