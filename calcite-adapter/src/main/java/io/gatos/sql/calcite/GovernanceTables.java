package io.gatos.sql.calcite;

import io.gatos.sql.calcite.pushdown.Constraints;
import io.gatos.sql.ledger.Approval;
import io.gatos.sql.ledger.Grant;
import io.gatos.sql.ledger.LedgerSnapshot;
import io.gatos.sql.ledger.Proposal;
import io.gatos.sql.ledger.Revocation;
import io.gatos.sql.ledger.scan.GovernanceScan;
import java.util.BitSet;
import java.util.List;
import java.util.stream.Stream;

/** Presents the four governance tables; {@code id} equality is pushed to each scan. */
final class GovernanceTables {
    private GovernanceTables() {
    }

    /** Presents table {@code governance_proposals} with derived state and approval count. */
    static final class Proposals extends LedgerTable<Proposal> {
        Proposals(SnapshotRegistry snapshots) {
            super(snapshots, "governance_proposals", new Columns<Proposal>()
                    .col("id", Proposal::id)
                    .col("action", Proposal::action)
                    .col("target", Proposal::target)
                    .col("required_quorum", Proposal::requiredQuorum)
                    .col("expire_at", Proposal::expireAt)
                    .col("policy_rule", Proposal::policyRule)
                    .col("created_by", Proposal::createdBy)
                    .col("state", Proposal::state)
                    .col("approvals", Proposal::approvals)
                    .col("payload", Proposal::payload)
                    .col("commit_id", Proposal::commitId)
                    .col("ts", Proposal::tsMillis), List.of("id"));
        }

        @Override
        protected Stream<Proposal> rows(LedgerSnapshot snapshot, Constraints c, BitSet projected) {
            return GovernanceScan.proposals(snapshot, c.values("id"), f -> { });
        }
    }

    /** Presents table {@code governance_approvals}. */
    static final class Approvals extends LedgerTable<Approval> {
        Approvals(SnapshotRegistry snapshots) {
            super(snapshots, "governance_approvals", new Columns<Approval>()
                    .col("id", Approval::id)
                    .col("proposal_id", Approval::proposalId)
                    .col("signer", Approval::signer)
                    .col("expires_at", Approval::expiresAt)
                    .col("payload", Approval::payload)
                    .col("commit_id", Approval::commitId)
                    .col("ts", Approval::tsMillis), List.of("id"));
        }

        @Override
        protected Stream<Approval> rows(LedgerSnapshot snapshot, Constraints c, BitSet projected) {
            return GovernanceScan.approvals(snapshot, c.values("id"), f -> { });
        }
    }

    /** Presents table {@code governance_grants}. */
    static final class Grants extends LedgerTable<Grant> {
        Grants(SnapshotRegistry snapshots) {
            super(snapshots, "governance_grants", new Columns<Grant>()
                    .col("id", Grant::id)
                    .col("proposal_id", Grant::proposalId)
                    .col("proof_of_consensus", Grant::proofOfConsensus)
                    .col("payload", Grant::payload)
                    .col("commit_id", Grant::commitId)
                    .col("ts", Grant::tsMillis), List.of("id"));
        }

        @Override
        protected Stream<Grant> rows(LedgerSnapshot snapshot, Constraints c, BitSet projected) {
            return GovernanceScan.grants(snapshot, c.values("id"), f -> { });
        }
    }

    /** Presents table {@code governance_revocations}. */
    static final class Revocations extends LedgerTable<Revocation> {
        Revocations(SnapshotRegistry snapshots) {
            super(snapshots, "governance_revocations", new Columns<Revocation>()
                    .col("id", Revocation::id)
                    .col("grant_id", Revocation::grantId)
                    .col("reason", Revocation::reason)
                    .col("revoked_by", Revocation::revokedBy)
                    .col("payload", Revocation::payload)
                    .col("commit_id", Revocation::commitId)
                    .col("ts", Revocation::tsMillis), List.of("id"));
        }

        @Override
        protected Stream<Revocation> rows(LedgerSnapshot snapshot, Constraints c, BitSet projected) {
            return GovernanceScan.revocations(snapshot, c.values("id"), f -> { });
        }
    }
}
