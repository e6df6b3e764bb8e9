package io.gatos.sql.writer.sample;

import static io.gatos.sql.writer.CommitMessage.trailers;
import static java.util.Objects.requireNonNull;

import io.gatos.sql.codec.Blake3;
import io.gatos.sql.codec.CanonicalJson;
import io.gatos.sql.codec.Ulid;
import io.gatos.sql.writer.Documents;
import io.gatos.sql.writer.LedgerWriter;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.eclipse.jgit.lib.ObjectId;

/**
 * Writes the sample jobs (one or two in every status, with both the {@code Job-Status} trailer and
 * the {@code poe.json} forms) and governance proposals (every lifecycle state, with approvals,
 * grants, a revocation and an amended proposal) of {@link SampleLedger}, posting governance
 * transitions to the governance topic. Mutable clock; not thread-safe.
 */
final class SampleWorkflows {
    private static final String[] JOB_STATUS = {"pending", "pending", "claimed", "claimed", "running", "running",
        "succeeded", "succeeded", "failed", "failed", "aborted", "aborted"};
    private static final Instant NEVER = Instant.parse("2099-12-31T00:00:00Z");

    /** One sample proposal: its label (the state it ends in) and how far it gets. */
    private record Plan(String label, String quorum, boolean expires, int approvals, boolean grant, boolean revoke,
            boolean amended) {
    }

    private static final List<Plan> PLANS = List.of(
            new Plan("proposal", "2-of-3", false, 0, false, false, false),
            new Plan("partial", "2-of-3", false, 1, false, false, false),
            new Plan("granted", "2-of-3", false, 2, true, false, false),
            new Plan("expired", "2-of-3", true, 1, false, false, false),
            new Plan("revoked", "2-of-3", false, 2, true, true, false),
            new Plan("granted", "3-of-5", false, 3, true, false, true));

    private final LedgerWriter writer;
    private final SampleTopics topics;
    private final String policyRoot;
    private final Random rng;
    private Instant clock;

    SampleWorkflows(LedgerWriter writer, SampleTopics topics, ObjectId policyRoot, Random rng, Instant start) {
        this.writer = requireNonNull(writer, "writer");
        this.topics = requireNonNull(topics, "topics");
        this.policyRoot = policyRoot.name();
        this.rng = requireNonNull(rng, "rng");
        this.clock = requireNonNull(start, "start");
    }

    /** Advances the clock by a minute and returns it. */
    Instant tick() {
        clock = clock.plusSeconds(60);
        return clock;
    }

    /** Writes one job per entry of the status table; returns how many. */
    int jobs() {
        for (int i = 0; i < JOB_STATUS.length; i++) {
            job(i, JOB_STATUS[i]);
        }
        return JOB_STATUS.length;
    }

    private void job(int i, String status) {
        String ns = SampleCatalog.NAMESPACES.get(i % SampleCatalog.NAMESPACES.size()).name();
        String ulid = Ulid.create(clock.toEpochMilli(), rng);
        String json = "{\"command\":\"gatos-fold\",\"args\":[\"--ns\",\"" + ns + "\",\"--run\",\"" + i
                + "\"],\"timeout\":" + (300 + i) + ",\"policy_root\":\"" + policyRoot
                + "\",\"inputs\":[\"refs/gatos/journal/" + ns + "\"],\"ulid\":\"" + ulid + "\"}";
        byte[] canonical = CanonicalJson.canonicalize(json);
        String hex = Blake3.hex(canonical);
        boolean yaml = i % 2 == 1;
        byte[] manifest = yaml ? yaml(ns, i, ulid) : canonical;
        writer.job(hex, yaml ? "job.yaml" : "job.json", manifest, tick());
        if (status.equals("pending")) {
            return;
        }
        String worker = "ed25519:" + SampleCatalog.hex("worker/" + (i % 3));
        writer.claim(hex, worker, !status.equals("claimed"), tick());
        if (status.equals("claimed") || status.equals("running")) {
            return;
        }
        boolean poeForm = i == 7 || i == 9;
        String poeStatus = status.equals("succeeded") ? "ok" : status.equals("failed") ? "fail" : "aborted";
        byte[] poe = Documents.object(Map.of("job_id", "blake3:" + hex, "status", poeStatus, "worker_id", worker,
                "stdout", "blake3:" + SampleCatalog.hex("stdout/" + i)));
        List<String> t = new ArrayList<>(List.of("Job-Id", "blake3:" + hex, "Proof-Of-Execution",
                Blake3.prefixed(poe), "Worker-Id", worker));
        if (i == 6) {
            t.addAll(List.of("Attest-Program", "blake3:" + SampleCatalog.hex("program"),
                    "Attest-Sig", "ed25519:" + SampleCatalog.hex("attest/" + i)));
        }
        if (!poeForm) {
            t.addAll(List.of("Job-Status", status));
        }
        writer.result(hex, trailers(t.toArray(String[]::new)), poeForm || i == 6 ? poe : null, tick());
    }

    private byte[] yaml(String ns, int i, String ulid) {
        return ("command: gatos-fold\nargs:\n  - \"--ns\"\n  - \"" + ns + "\"\n  - \"--run\"\n  - \"" + i
                + "\"\ntimeout: " + (300 + i) + "\npolicy_root: \"" + policyRoot + "\"\ninputs:\n"
                + "  - \"refs/gatos/journal/" + ns + "\"\nulid: \"" + ulid + "\"\n").getBytes(StandardCharsets.UTF_8);
    }

    /** Writes every planned proposal with its approvals, grant and revocation; returns how many. */
    int proposals() {
        for (int i = 0; i < PLANS.size(); i++) {
            proposal(i, PLANS.get(i));
        }
        return PLANS.size();
    }

    private void proposal(int i, Plan plan) {
        Instant created = tick();
        Instant expireAt = plan.expires() ? created.plusSeconds(7 * 86_400L) : NEVER;
        String target = "identity/user:member" + i;
        String body = "{\"action\":\"role.grant\",\"target\":\"" + target + "\",\"quorum\":\"" + plan.quorum()
                + "\",\"expire_at\":\"" + expireAt + "\",\"created_by\":\"user:admin\",\"rule\":\"governance.roles\""
                + ",\"title\":\"Grant auditor role (" + plan.label() + ")\",\"revision\":1}";
        String hex = Blake3.hex(CanonicalJson.canonicalize(body));
        String id = "blake3:" + hex;
        Map<String, String> t = trailers("Action", "role.grant", "Target", target, "Proposal-Id", id,
                "Required-Quorum", plan.quorum(), "Expire-At", expireAt.toString(), "Policy-Rule",
                "governance.roles", "Created-By", "user:admin");
        writer.proposal(hex, t, CanonicalJson.canonicalText(body), created);
        announce("governance.proposal.created", id, "proposal", created);
        if (plan.amended()) {
            Instant amended = tick();
            writer.proposal(hex, t, CanonicalJson.canonicalText(body.replace("\"revision\":1", "\"revision\":2")),
                    amended);
            announce("governance.proposal.amended", id, "proposal", amended);
        }
        List<String> approvals = new ArrayList<>();
        for (int k = 0; k < plan.approvals(); k++) {
            approvals.add(approve(hex, id, k, plan));
        }
        if (plan.grant()) {
            String grantHex = grant(hex, id, approvals);
            if (plan.revoke()) {
                revoke(grantHex);
            }
        }
    }

    private String approve(String hex, String id, int k, Plan plan) {
        Instant time = tick();
        String signer = "ed25519:" + SampleCatalog.hex("signer/" + k);
        String body = CanonicalJson.canonicalText("{\"proposal_id\":\"" + id + "\",\"signer\":\"" + signer
                + "\",\"vote\":\"approve\",\"at\":\"" + time + "\"}");
        String approvalHex = Blake3.hex(body.getBytes(StandardCharsets.UTF_8));
        Map<String, String> t = trailers("Proposal-Id", id, "Approval-Id", "blake3:" + approvalHex, "Signer", signer,
                "Expires-At", k == 0 && plan.grant() ? NEVER.toString() : null);
        writer.approval(hex, approvalHex, t, body, time);
        announce("governance.approval.added", id, "partial", time);
        return "blake3:" + approvalHex;
    }

    private String grant(String hex, String id, List<String> approvals) {
        Instant time = tick();
        List<String> sorted = approvals.stream().sorted().toList();
        String proof = Blake3.prefixed(String.join("\n", sorted).getBytes(StandardCharsets.UTF_8));
        String body = CanonicalJson.canonicalText("{\"proposal_id\":\"" + id + "\",\"approvals\":[\""
                + String.join("\",\"", sorted) + "\"],\"granted_at\":\"" + time + "\"}");
        String grantHex = Blake3.hex(body.getBytes(StandardCharsets.UTF_8));
        writer.grant(hex, trailers("Proposal-Id", id, "Grant-Id", "blake3:" + grantHex, "Proof-Of-Consensus", proof),
                body, time);
        announce("governance.grant.issued", id, "granted", time);
        return grantHex;
    }

    private void revoke(String grantHex) {
        Instant time = tick();
        String body = CanonicalJson.canonicalText("{\"grant_id\":\"blake3:" + grantHex
                + "\",\"reason\":\"key compromised\",\"revoked_by\":\"user:admin\"}");
        String revocationHex = Blake3.hex(body.getBytes(StandardCharsets.UTF_8));
        writer.revocation(grantHex, trailers("Grant-Id", "blake3:" + grantHex, "Revocation-Id",
                "blake3:" + revocationHex, "Reason", "key compromised", "Revoked-By", "user:admin"), body, time);
        announce("governance.grant.revoked", "blake3:" + grantHex, "revoked", time);
    }

    private void announce(String type, String id, String state, Instant time) {
        String payload = "{\"id\":\"" + id + "\",\"state\":\"" + state + "\"}";
        topics.post(SampleTopics.GOVERNANCE, "governance", type, payload, Map.of("proposal_id", id), time);
    }
}
