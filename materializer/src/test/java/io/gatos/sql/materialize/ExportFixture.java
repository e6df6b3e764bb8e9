package io.gatos.sql.materialize;

import io.gatos.sql.ledger.write.TopicSpelling;
import io.gatos.sql.testing.LedgerTestRepository;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import org.eclipse.jgit.lib.ObjectId;

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
}
