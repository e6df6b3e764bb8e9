package io.gatos.sql.ledger.scan;

import static org.assertj.core.api.Assertions.assertThat;

import io.gatos.sql.codec.Blake3;
import io.gatos.sql.ledger.Approval;
import io.gatos.sql.ledger.Finding;
import io.gatos.sql.ledger.FindingCode;
import io.gatos.sql.ledger.LedgerSnapshot;
import io.gatos.sql.ledger.Proposal;
import io.gatos.sql.ledger.Revocation;
import io.gatos.sql.testing.LedgerTestRepository;
import io.gatos.sql.writer.CommitMessage;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.revwalk.RevCommit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GovernanceScanTest {
    private static final Instant FUTURE = Instant.parse("2099-12-31T00:00:00Z");
    private static final Instant PAST = Instant.parse("2020-01-01T00:00:00Z");

    @TempDir
    Path dir;

    private final List<Finding> findings = new ArrayList<>();
    private <T> List<T> all(Stream<T> stream) {
        try (stream) {
            return stream.toList();
        }
    }

    private Map<String, Proposal> proposals(LedgerSnapshot s, Set<String> ids) {
        return all(GovernanceScan.proposals(s, ids, findings::add)).stream()
                .collect(Collectors.toMap(Proposal::id, Function.identity()));
    }

    /** Writes an approval of {@code proposalHex} by {@code signer} under its own ref, expiring at {@code expiresAt}. */
    private static String approval(LedgerTestRepository repo, String proposalHex, String signer, String expiresAt) {
        String body = "{\"signer\":\"" + signer + "\",\"n\":" + repo.tick().getEpochSecond() + "}";
        String hex = Blake3.hex(body.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        repo.writer().approval(proposalHex, hex, CommitMessage.trailers("Proposal-Id", "blake3:" + proposalHex,
                "Approval-Id", "blake3:" + hex, "Signer", signer, "Expires-At", expiresAt), body, repo.tick());
        return hex;
    }

    @Test
    void everyProposalStateAndApprovalCount() {
        try (LedgerTestRepository repo = LedgerTestRepository.create(dir.resolve("r"))) {
            String open = repo.proposal("2-of-3", FUTURE);
            String partial = repo.proposal("2-of-3", FUTURE);
            approval(repo, partial, "ed25519:alice", null);
            approval(repo, partial, "ed25519:alice", FUTURE.toString());
            approval(repo, partial, "ed25519:bob", PAST.toString());
            String atQuorum = repo.proposal("2-of-3", FUTURE);
            repo.approve(atQuorum, "ed25519:alice");
            repo.approve(atQuorum, "ed25519:bob");
            String granted = repo.proposal("2-of-3", FUTURE);
            repo.approve(granted, "ed25519:alice");
            repo.approve(granted, "ed25519:bob");
            repo.grant(granted);
            String expired = repo.proposal("2-of-3", PAST);
            repo.approve(expired, "ed25519:alice");
            String grantedLate = repo.proposal("1-of-1", PAST);
            repo.approve(grantedLate, "ed25519:alice");
            repo.grant(grantedLate);
            String revoked = repo.proposal("1-of-1", FUTURE);
            repo.approve(revoked, "ed25519:alice");
            repo.revoke(repo.grant(revoked), "key compromised");
            LedgerSnapshot s = repo.snapshot();
            Map<String, Proposal> rows = proposals(s, null);

            assertThat(rows).hasSize(7);
            assertState(rows, open, "proposal", 0);
            assertState(rows, partial, "partial", 1);
            assertState(rows, atQuorum, "partial", 2);
            assertState(rows, granted, "granted", 2);
            assertState(rows, expired, "expired", 1);
            assertState(rows, grantedLate, "granted", 1);
            assertState(rows, revoked, "revoked", 1);
            RevCommit head = repo.commitAt("refs/gatos/proposals/" + open);
            assertThat(rows.get("blake3:" + open)).isEqualTo(new Proposal("blake3:" + open, "role.grant", "user:carol",
                    "2-of-3", FUTURE.toString(), "governance.roles", "user:admin", "proposal", 0,
                    rows.get("blake3:" + open).payload(), head.name(), head.getCommitTime() * 1000L));
            assertThat(rows.get("blake3:" + open).payload()).startsWith("{\"action\":\"role.grant\",")
                    .contains("\"quorum\":\"2-of-3\"");
            assertThat(findings).isEmpty();
        }
    }

    private static void assertState(Map<String, Proposal> rows, String hex, String state, long approvals) {
        assertThat(rows.get("blake3:" + hex)).as(state).extracting(Proposal::state, Proposal::approvals)
                .containsExactly(state, approvals);
    }

    @Test
    void approvalsGrantsAndRevocationsCarryTheirTrailersAndBodies() {
        try (LedgerTestRepository repo = LedgerTestRepository.create(dir.resolve("r"))) {
            String p = repo.proposal("1-of-1", FUTURE);
            String a = approval(repo, p, "ed25519:alice", FUTURE.toString());
            String g = repo.grant(p);
            String r = repo.revoke(g, "key compromised");
            LedgerSnapshot s = repo.snapshot();
            RevCommit ac = repo.commitAt("refs/gatos/approvals/" + p + "/" + a);
            assertThat(all(GovernanceScan.approvals(s, null, findings::add))).singleElement().satisfies(x -> {
                assertThat(x.id()).isEqualTo("blake3:" + a);
                assertThat(x.proposalId()).isEqualTo("blake3:" + p);
                assertThat(x.signer()).isEqualTo("ed25519:alice");
                assertThat(x.expiresAt()).isEqualTo(FUTURE.toString());
                assertThat(x.payload()).startsWith("{\"n\":").endsWith(",\"signer\":\"ed25519:alice\"}");
                assertThat(x.commitId()).isEqualTo(ac.name());
                assertThat(x.tsMillis()).isEqualTo(ac.getCommitTime() * 1000L);
            });
            RevCommit gc = repo.commitAt("refs/gatos/grants/" + p);
            assertThat(all(GovernanceScan.grants(s, null, findings::add))).singleElement().satisfies(x -> {
                assertThat(x.id()).isEqualTo("blake3:" + g);
                assertThat(x.proposalId()).isEqualTo("blake3:" + p);
                assertThat(x.proofOfConsensus()).isEqualTo(gc.getFooterLines("Proof-Of-Consensus").get(0));
                assertThat(x.payload()).isEqualTo("{\"approvals\":[],\"proposal_id\":\"blake3:" + p + "\"}");
                assertThat(x.commitId()).isEqualTo(gc.name());
            });
            RevCommit rc = repo.commitAt("refs/gatos/revocations/" + g);
            assertThat(all(GovernanceScan.revocations(s, null, findings::add))).containsExactly(new Revocation(
                    "blake3:" + r, "blake3:" + g, "key compromised", "user:admin",
                    "{\"grant_id\":\"blake3:" + g + "\",\"reason\":\"key compromised\"}", rc.name(),
                    rc.getCommitTime() * 1000L));
            assertThat(findings).isEmpty();
        }
    }

    @Test
    void idRestrictionMatchesTrailerIds() {
        try (LedgerTestRepository repo = LedgerTestRepository.create(dir.resolve("r"))) {
            String p1 = repo.proposal("1-of-1", FUTURE);
            String p2 = repo.proposal("1-of-1", FUTURE);
            repo.approve(p2, "ed25519:alice");
            String g = repo.grant(p2);
            LedgerSnapshot s = repo.snapshot();
            assertThat(proposals(s, Set.of("blake3:" + p2)).values()).singleElement()
                    .extracting(Proposal::state).isEqualTo("granted");
            assertThat(proposals(s, Set.of(p1, "blake3:nope"))).isEmpty();
            assertThat(all(GovernanceScan.grants(s, Set.of("blake3:" + g), findings::add))).hasSize(1);
            assertThat(all(GovernanceScan.grants(s, Set.of("blake3:" + p2), findings::add))).isEmpty();
            assertThat(findings).isEmpty();
        }
    }

    @Test
    void missingIdBadTimeAndBadBodyAreFindings() {
        try (LedgerTestRepository repo = LedgerTestRepository.create(dir.resolve("r"))) {
            ObjectId noId = repo.writer().proposal("aa".repeat(32), CommitMessage.trailers("Action", "x",
                    "Expire-At", "next tuesday"), "{\"broken\":", PAST);
            ObjectId noProposal = repo.writer().approval("aa".repeat(32), "bb".repeat(32), CommitMessage.trailers(
                    "Approval-Id", "blake3:" + "bb".repeat(32), "Signer", "ed25519:alice"), null, PAST);
            LedgerSnapshot s = repo.snapshot();
            assertThat(proposals(s, null).values()).singleElement().satisfies(p -> {
                assertThat(p.id()).isEqualTo(noId.name());
                assertThat(p.state()).isEqualTo("proposal");
                assertThat(p.expireAt()).isEqualTo("next tuesday");
                assertThat(p.payload()).isNull();
            });
            String ref = "refs/gatos/proposals/" + "aa".repeat(32);
            assertThat(findings).containsExactly(
                    new Finding(ref, noId.name(), null, FindingCode.BAD_TRAILER,
                            "the commit has no Proposal-Id trailer; its commit id stands in as the id"),
                    new Finding(ref, noId.name(), null, FindingCode.BAD_TRAILER,
                            "Expire-At 'next tuesday' is not an RFC 3339 time; the proposal is taken never to expire"),
                    new Finding(ref, noId.name(), "proposal.json", FindingCode.BAD_JSON,
                            findings.get(2).message()));
            assertThat(findings.get(2).message()).startsWith("proposal.json is not valid JSON: ");
            findings.clear();
            assertThat(all(GovernanceScan.approvals(s, null, findings::add))).singleElement()
                    .extracting(Approval::proposalId, Approval::payload).containsExactly(null, null);
            String aref = "refs/gatos/approvals/" + "aa".repeat(32) + "/" + "bb".repeat(32);
            assertThat(findings).containsExactly(
                    new Finding(aref, noProposal.name(), null, FindingCode.BAD_TRAILER,
                            "the commit has no Proposal-Id trailer (required by LAYOUT §7)"),
                    new Finding(aref, noProposal.name(), "approval.json", FindingCode.BAD_JSON,
                            "the commit has no approval.json"));
        }
    }
}
