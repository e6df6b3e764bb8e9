package io.gatos.sql.ledger.scan;

import io.gatos.sql.codec.Trailers;
import io.gatos.sql.ledger.LedgerSnapshot;
import io.gatos.sql.ledger.decode.Envelopes;
import io.gatos.sql.ledger.git.GitCommit;
import io.gatos.sql.ledger.git.GitObjects;
import io.gatos.sql.ledger.git.HeadDocuments;
import java.io.IOException;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;
import org.eclipse.jgit.lib.ObjectId;

/**
 * Indexes the grants, revocations and approvals of one snapshot by the ids in their trailers, to
 * derive each proposal's state and approval count (LAYOUT §7). Building it reads the head commit
 * (headers and message, no tree) of every grant, revocation and approval ref once; unreadable heads
 * are skipped silently (their own scans report them). Immutable once built; not for sharing
 * across snapshots.
 */
final class GovernanceIndex {
    private final Map<String, Set<String>> grantsByProposal = new HashMap<>();
    private final Set<String> revokedGrants = new HashSet<>();
    private final Map<String, Set<String>> signersByProposal = new HashMap<>();

    private GovernanceIndex() {
    }

    /** Reads the index of {@code snapshot}; approvals expiring before its time are not counted. */
    static GovernanceIndex build(LedgerSnapshot snapshot, GitObjects objects) throws IOException {
        GovernanceIndex index = new GovernanceIndex();
        long now = snapshot.takenAtMillis();
        heads(snapshot, objects, GovernanceScan.GRANTS, (commit, t) -> {
            String proposal = value(t, "Proposal-Id");
            if (proposal != null) {
                String grant = value(t, "Grant-Id");
                index.grantsByProposal.computeIfAbsent(proposal, k -> new HashSet<>())
                        .add(grant != null ? grant : commit.id());
            }
        });
        heads(snapshot, objects, GovernanceScan.REVOCATIONS, (commit, t) -> {
            String grant = value(t, "Grant-Id");
            if (grant != null) {
                index.revokedGrants.add(grant);
            }
        });
        heads(snapshot, objects, GovernanceScan.APPROVALS, (commit, t) -> {
            String proposal = value(t, "Proposal-Id");
            String signer = value(t, "Signer");
            if (proposal != null && signer != null && counts(value(t, "Expires-At"), now)) {
                index.signersByProposal.computeIfAbsent(proposal, k -> new HashSet<>()).add(signer);
            }
        });
        return index;
    }

    /**
     * Returns whether an approval with optional expiry {@code expiresAt} still counts at {@code now}:
     * no expiry, or one not before {@code now}; an expiry that is not RFC 3339 does not count.
     */
    static boolean counts(String expiresAt, long now) {
        if (expiresAt == null) {
            return true;
        }
        Long millis = Envelopes.rfc3339Millis(expiresAt);
        return millis != null && millis >= now;
    }

    /** Returns the number of distinct signers of counted approvals of {@code proposalId}. */
    long approvals(String proposalId) {
        Set<String> signers = signersByProposal.get(proposalId);
        return signers == null ? 0 : signers.size();
    }

    /**
     * Returns the state of {@code proposalId}: revoked, granted, expired ({@code expireAtMillis}
     * before {@code now}), partial (at least one counted approval, even at quorum) or proposal.
     */
    String state(String proposalId, Long expireAtMillis, long now) {
        Set<String> grants = grantsByProposal.getOrDefault(proposalId, Set.of());
        if (grants.stream().anyMatch(revokedGrants::contains)) {
            return "revoked";
        }
        if (!grants.isEmpty()) {
            return "granted";
        }
        if (expireAtMillis != null && expireAtMillis < now) {
            return "expired";
        }
        return approvals(proposalId) > 0 ? "partial" : "proposal";
    }

    /** Returns the trailer {@code key}, or null when it is absent or blank. */
    static String value(Trailers t, String key) {
        String v = t.first(key);
        return v == null || v.isBlank() ? null : v;
    }

    private static void heads(LedgerSnapshot snapshot, GitObjects objects, String prefix,
            BiConsumer<GitCommit, Trailers> visitor) throws IOException {
        for (Map.Entry<String, ObjectId> e : snapshot.refsUnder(prefix).entrySet()) {
            GitCommit commit = HeadDocuments.head(objects, e.getKey(), e.getValue(), f -> { });
            if (commit != null) {
                visitor.accept(commit, commit.trailers());
            }
        }
    }
}
