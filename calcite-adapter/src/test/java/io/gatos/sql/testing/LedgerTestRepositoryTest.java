package io.gatos.sql.testing;

import static org.assertj.core.api.Assertions.assertThat;

import io.gatos.sql.codec.Blake3;
import io.gatos.sql.codec.Ulid;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.revwalk.RevCommit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LedgerTestRepositoryTest {
    @TempDir
    Path tmp;

    private static String text(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }

    @Test
    void eventsGetIncreasingTimesAndDeterministicUlids() {
        try (LedgerTestRepository repo = LedgerTestRepository.create(tmp.resolve("a"))) {
            ObjectId first = repo.event("orders", "alice", "order.created", "{\"amount\":5}");
            ObjectId second = repo.event("orders", "alice", "order.paid", "{\"amount\":5}");
            RevCommit head = repo.commitAt("refs/gatos/journal/orders/alice");
            assertThat(head.getId()).isEqualTo(second);
            assertThat(head.getParent(0).getId()).isEqualTo(first);
            assertThat(repo.commitAt(first.name()).getCommitterIdent().getWhenAsInstant())
                    .isEqualTo(LedgerTestRepository.BASE_TIME);
            assertThat(head.getCommitterIdent().getWhenAsInstant())
                    .isEqualTo(LedgerTestRepository.BASE_TIME.plusSeconds(1));
            String env1 = text(repo.file(first, "message/envelope.json"));
            String env2 = text(repo.file(second, "message/envelope.json"));
            assertThat(env1).contains("\"actor\":\"user:alice\"", "\"type\":\"order.created\"",
                    "\"payload\":{\"amount\":5}", "\"ts\":\"2026-01-01T00:00:00Z\"");
            String ulid1 = ulidOf(env1);
            String ulid2 = ulidOf(env2);
            assertThat(Ulid.isValid(ulid1)).isTrue();
            assertThat(Ulid.timeMillis(ulid1)).isEqualTo(LedgerTestRepository.BASE_TIME.toEpochMilli());
            assertThat(ulid2).isGreaterThan(ulid1);

            try (LedgerTestRepository again = LedgerTestRepository.create(tmp.resolve("b"))) {
                again.event("orders", "alice", "order.created", "{\"amount\":5}");
                assertThat(again.event("orders", "alice", "order.paid", "{\"amount\":5}")).isEqualTo(second);
            }
        }
    }

    private static String ulidOf(String envelope) {
        return envelope.replaceAll(".*\"ulid\":\"([0-9A-Z]{26})\".*", "$1");
    }

    @Test
    void pathAndJdbcUrlNameTheRepository() {
        Path dir = tmp.resolve("repo.git");
        try (LedgerTestRepository repo = LedgerTestRepository.create(dir)) {
            assertThat(repo.path()).isEqualTo(dir);
            assertThat(repo.jdbcUrl()).isEqualTo("jdbc:gatos:repo=" + dir);
            assertThat(Files.exists(dir.resolve("HEAD"))).isTrue();
        }
        try (LedgerTestRepository work = LedgerTestRepository.createNonBare(tmp.resolve("work"))) {
            work.event("o", "a", "t", "{}");
            assertThat(Files.isDirectory(tmp.resolve("work/.git/refs/gatos/journal/o"))).isTrue();
        }
    }

    @Test
    void messagesCheckpointsAndStateUseDefaults() {
        try (LedgerTestRepository repo = LedgerTestRepository.create(tmp.resolve("a"))) {
            ObjectId event = repo.event("orders", "bob", "order.created", "{}");
            ObjectId message = repo.message("billing", "{\"b\":1,\"a\":2}");
            byte[] envelope = repo.file(message, "message/envelope.json");
            assertThat(text(envelope))
                    .startsWith("{\"ns\":\"billing\",\"payload\":{\"a\":2,\"b\":1},\"type\":\"note\"");
            assertThat(repo.commitAt("refs/gatos/shiplog/billing/head").getFullMessage())
                    .contains("Content-Id: " + Blake3.prefixed(envelope));
            repo.checkpoint("g", "billing", message.name(), null);
            assertThat(text(repo.file(repo.commitAt("refs/gatos/consumers/g/billing"), "checkpoint.json")))
                    .isEqualTo("{\"commit_oid\":\"" + message.name() + "\"}");
            ObjectId state = repo.state("orders", Map.of("state/orders.json", "{\"n\":1}"));
            assertThat(repo.commitAt(state.name()).getFullMessage())
                    .startsWith("checkpoint orders\n\nState-Root: blake3:")
                    .contains("Ledger-Head: " + event.name() + "\n");
            assertThat(text(repo.file(state, "state/orders.json"))).isEqualTo("{\"n\":1}");
        }
    }

    @Test
    void jobsEndInTheRequestedStatus() {
        try (LedgerTestRepository repo = LedgerTestRepository.create(tmp.resolve("a"))) {
            String pending = repo.job("echo", "pending");
            String claimed = repo.job("echo", "claimed");
            String running = repo.job("echo", "running");
            String failed = repo.job("echo", "failed");
            String key = LedgerTestRepository.WORKER.substring("ed25519:".length());
            RevCommit job = repo.commitAt("refs/gatos/jobs/" + pending + "/job");
            assertThat(text(repo.file(job, "job.json"))).contains("\"command\":\"echo\"");
            assertThat(Blake3.hex(repo.file(job, "job.json"))).isEqualTo(pending);
            assertThat(repo.writer().head("refs/gatos/jobs/" + pending + "/claims/" + key)).isNull();
            assertThat(repo.paths(repo.commitAt("refs/gatos/jobs/" + claimed + "/claims/" + key)))
                    .containsExactly("claim.json");
            assertThat(repo.paths(repo.commitAt("refs/gatos/jobs/" + running + "/claims/" + key)))
                    .containsExactly("claim.json", "started.json");
            RevCommit result = repo.commitAt("refs/gatos/jobs/" + failed + "/result");
            assertThat(result.getFullMessage()).startsWith("result\n\nJob-Id: blake3:" + failed + "\n")
                    .contains("Proof-Of-Execution: blake3:", "Worker-Id: " + LedgerTestRepository.WORKER,
                            "Job-Status: failed");
            assertThat(text(repo.file(result, "poe.json"))).contains("\"status\":\"fail\"");
        }
    }

    @Test
    void governanceArtifactsLandUnderTheirRefs() {
        try (LedgerTestRepository repo = LedgerTestRepository.create(tmp.resolve("a"))) {
            String proposal = repo.proposal("2-of-3", Instant.parse("2099-01-01T00:00:00Z"));
            String a1 = repo.approve(proposal, "ed25519:aa");
            String a2 = repo.approve(proposal, "ed25519:bb");
            String grant = repo.grant(proposal);
            String revocation = repo.revoke(grant, "compromised");
            RevCommit p = repo.commitAt("refs/gatos/proposals/" + proposal);
            assertThat(p.getFullMessage()).startsWith("proposal\n\nAction: role.grant\nTarget: user:carol\n"
                    + "Proposal-Id: blake3:" + proposal + "\nRequired-Quorum: 2-of-3\n");
            assertThat(repo.paths(p)).containsExactly("proposal.json");
            assertThat(repo.commitAt("refs/gatos/approvals/" + proposal + "/" + a1).getFullMessage())
                    .contains("Approval-Id: blake3:" + a1, "Signer: ed25519:aa");
            assertThat(repo.writer().head("refs/gatos/approvals/" + proposal + "/" + a2)).isNotNull();
            assertThat(repo.commitAt("refs/gatos/grants/" + proposal).getFullMessage())
                    .contains("Grant-Id: blake3:" + grant, "Proof-Of-Consensus: blake3:");
            RevCommit r = repo.commitAt("refs/gatos/revocations/" + grant);
            assertThat(r.getFullMessage()).contains("Revocation-Id: blake3:" + revocation, "Reason: compromised");
            assertThat(repo.paths(r)).containsExactly("revocation.json");
        }
    }

    @Test
    void policiesAuditAndPackedRefs() throws Exception {
        Path dir = tmp.resolve("a");
        try (LedgerTestRepository repo = LedgerTestRepository.create(dir)) {
            ObjectId bundle = repo.policy("baseline");
            ObjectId audit = repo.audit("denials", "deny: x\n\nActor: user:bob\n");
            assertThat(repo.commitAt("refs/gatos/policies/active").getId()).isEqualTo(bundle);
            assertThat(repo.commitAt("refs/gatos/policies/baseline").getFullMessage())
                    .contains("Policy-Root: blake3:", "Policy-Code-Root: sha256:");
            assertThat(repo.commitAt("refs/gatos/audit/denials").getFullMessage())
                    .isEqualTo("deny: x\n\nActor: user:bob\n");
            assertThat(repo.paths(audit)).isEqualTo(List.of());
            repo.packRefs();
        }
        assertThat(Files.readString(dir.resolve("packed-refs"))).contains("refs/gatos/policies/active");
    }
}
