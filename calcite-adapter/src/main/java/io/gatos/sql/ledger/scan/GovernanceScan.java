package io.gatos.sql.ledger.scan;

import io.gatos.sql.codec.Trailers;
import io.gatos.sql.layout.Plane;
import io.gatos.sql.ledger.Approval;
import io.gatos.sql.ledger.Finding;
import io.gatos.sql.ledger.FindingCode;
import io.gatos.sql.ledger.Grant;
import io.gatos.sql.ledger.LedgerSnapshot;
import io.gatos.sql.ledger.Proposal;
import io.gatos.sql.ledger.Revocation;
import io.gatos.sql.ledger.decode.Envelopes;
import io.gatos.sql.ledger.git.GitCommit;
import io.gatos.sql.ledger.git.GitObjects;
import io.gatos.sql.ledger.git.HeadDocuments;
import io.gatos.sql.ledger.git.LazyStream;
import java.io.IOException;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.eclipse.jgit.lib.ObjectId;

/**
 * Reads governance artifacts (LAYOUT §7) lazily in ref-name order: each ref's head commit is the
 * artifact, its identities come from its trailers (never from the ref name) and its body file
 * ({@code proposal.json} and so on) is the {@code payload}. An {@code ids} restriction (null: all)
 * matches the id trailer, so it still reads every head commit of the table's refs (headers and
 * message only) but reads bodies of the matches only. Streams must be closed; each releases one
 * object reader.
 *
 * <p>A proposal's {@code approvals} is the number of distinct {@code Signer} values among the
 * approvals naming its {@code Proposal-Id} whose optional {@code Expires-At} is not before the
 * snapshot time; its {@code state} is, first match wins: {@code revoked} (a grant for it has a
 * revocation naming that grant's id), {@code granted} (a grant names it), {@code expired}
 * ({@code Expire-At} is before the snapshot time), {@code partial} (at least one counted approval)
 * or {@code proposal}. Decision: reaching the quorum without a grant stays {@code partial}, since only
 * a grant makes a proposal effective; {@code Required-Quorum} is reported as text and not evaluated.
 * The first proposal row builds a {@link GovernanceIndex} (one read of every grant, revocation and
 * approval head).
 *
 * <p>Findings: a missing or non-commit head; a missing id trailer ({@code BAD_TRAILER}; the commit
 * id stands in as the id); a missing link trailer ({@code Proposal-Id} of approvals and grants,
 * {@code Signer} of approvals, {@code Grant-Id} of revocations); an {@code Expire-At} or
 * {@code Expires-At} that is not RFC 3339 (the proposal then never expires; the approval is not
 * counted); a missing or unparsable body ({@code BAD_JSON}; payload NULL).
 */
public final class GovernanceScan {
    /** Prefix of proposal refs. */
    public static final String PROPOSALS = Plane.PROPOSAL.prefix();
    /** Prefix of approval refs. */
    public static final String APPROVALS = Plane.APPROVAL.prefix();
    /** Prefix of grant refs. */
    public static final String GRANTS = Plane.GRANT.prefix();
    /** Prefix of revocation refs. */
    public static final String REVOCATIONS = Plane.REVOCATION.prefix();

    /** One artifact table: where its refs live, its id trailer, body file and required trailers. */
    private enum Kind {
        PROPOSAL(PROPOSALS, "Proposal-Id", "proposal.json", List.of(), "Expire-At"),
        APPROVAL(APPROVALS, "Approval-Id", "approval.json", List.of("Proposal-Id", "Signer"), "Expires-At"),
        GRANT(GRANTS, "Grant-Id", "grant.json", List.of("Proposal-Id"), null),
        REVOCATION(REVOCATIONS, "Revocation-Id", "revocation.json", List.of("Grant-Id"), null);

        private final String prefix;
        private final String idKey;
        private final String body;
        private final List<String> required;
        private final String timeKey;

        Kind(String prefix, String idKey, String body, List<String> required, String timeKey) {
            this.prefix = prefix;
            this.idKey = idKey;
            this.body = body;
            this.required = required;
            this.timeKey = timeKey;
        }
    }

    /** An artifact: its ref, head commit, trailers, id and body (compact JSON, nullable). */
    private record Artifact(String ref, GitCommit commit, Trailers trailers, String id, String payload) {
    }

    /** Maps an artifact to a row. */
    private interface RowMaker<T> {
        T make(GitObjects objects, Artifact a) throws IOException;
    }

    private GovernanceScan() {
    }

    /** Returns a lazy stream of proposals whose id is in {@code ids} (null: all), with state and approvals. */
    public static Stream<Proposal> proposals(LedgerSnapshot snapshot, Set<String> ids, Consumer<Finding> findings) {
        GovernanceIndex[] index = new GovernanceIndex[1];
        long now = snapshot.takenAtMillis();
        return scan(snapshot, Kind.PROPOSAL, ids, findings, (objects, a) -> {
            if (index[0] == null) {
                index[0] = GovernanceIndex.build(snapshot, objects);
            }
            Trailers t = a.trailers();
            String expireAt = t.first("Expire-At");
            String state = index[0].state(a.id(), Envelopes.rfc3339Millis(expireAt), now);
            return new Proposal(a.id(), t.first("Action"), t.first("Target"), t.first("Required-Quorum"), expireAt,
                    t.first("Policy-Rule"), t.first("Created-By"), state, index[0].approvals(a.id()), a.payload(),
                    a.commit().id(), a.commit().committerMillis());
        });
    }

    /** Returns a lazy stream of approvals whose id is in {@code ids} (null: all). */
    public static Stream<Approval> approvals(LedgerSnapshot snapshot, Set<String> ids, Consumer<Finding> findings) {
        return scan(snapshot, Kind.APPROVAL, ids, findings, (objects, a) -> new Approval(a.id(),
                a.trailers().first("Proposal-Id"), a.trailers().first("Signer"), a.trailers().first("Expires-At"),
                a.payload(), a.commit().id(), a.commit().committerMillis()));
    }

    /** Returns a lazy stream of grants whose id is in {@code ids} (null: all). */
    public static Stream<Grant> grants(LedgerSnapshot snapshot, Set<String> ids, Consumer<Finding> findings) {
        return scan(snapshot, Kind.GRANT, ids, findings, (objects, a) -> new Grant(a.id(),
                a.trailers().first("Proposal-Id"), a.trailers().first("Proof-Of-Consensus"), a.payload(),
                a.commit().id(), a.commit().committerMillis()));
    }

    /** Returns a lazy stream of revocations whose id is in {@code ids} (null: all). */
    public static Stream<Revocation> revocations(LedgerSnapshot snapshot, Set<String> ids,
            Consumer<Finding> findings) {
        return scan(snapshot, Kind.REVOCATION, ids, findings, (objects, a) -> new Revocation(a.id(),
                a.trailers().first("Grant-Id"), a.trailers().first("Reason"), a.trailers().first("Revoked-By"),
                a.payload(), a.commit().id(), a.commit().committerMillis()));
    }

    private static <T> Stream<T> scan(LedgerSnapshot snapshot, Kind kind, Set<String> ids,
            Consumer<Finding> findings, RowMaker<T> maker) {
        GitObjects objects = snapshot.openObjects();
        Iterator<Map.Entry<String, ObjectId>> refs = snapshot.refsUnder(kind.prefix).entrySet().iterator();
        return LazyStream.of(() -> {
            while (refs.hasNext()) {
                Map.Entry<String, ObjectId> ref = refs.next();
                Artifact a = artifact(objects, kind, ref.getKey(), ref.getValue(), ids, findings);
                if (a != null) {
                    return maker.make(objects, a);
                }
            }
            return null;
        }, objects);
    }

    private static Artifact artifact(GitObjects objects, Kind kind, String ref, ObjectId target, Set<String> ids,
            Consumer<Finding> findings) throws IOException {
        GitCommit commit = HeadDocuments.head(objects, ref, target, findings);
        if (commit == null) {
            return null;
        }
        Trailers t = commit.trailers();
        String id = GovernanceIndex.value(t, kind.idKey);
        if (ids != null && !ids.contains(id != null ? id : commit.id())) {
            return null;
        }
        if (id == null) {
            badTrailer(ref, commit, "the commit has no " + kind.idKey + " trailer; its commit id stands in as the id",
                    findings);
        }
        for (String key : kind.required) {
            if (GovernanceIndex.value(t, key) == null) {
                badTrailer(ref, commit, "the commit has no " + key + " trailer (required by LAYOUT §7)", findings);
            }
        }
        checkTime(ref, commit, kind, t, findings);
        String payload = HeadDocuments.json(objects, ref, commit, kind.body, findings);
        return new Artifact(ref, commit, t, id != null ? id : commit.id(), payload);
    }

    private static void checkTime(String ref, GitCommit commit, Kind kind, Trailers t, Consumer<Finding> findings) {
        String value = kind.timeKey == null ? null : GovernanceIndex.value(t, kind.timeKey);
        if (value != null && Envelopes.rfc3339Millis(value) == null) {
            badTrailer(ref, commit, kind.timeKey + " '" + value + "' is not an RFC 3339 time; "
                    + (kind == Kind.PROPOSAL ? "the proposal is taken never to expire" : "the approval is not counted"),
                    findings);
        }
    }

    private static void badTrailer(String ref, GitCommit commit, String message, Consumer<Finding> findings) {
        findings.accept(new Finding(ref, commit.id(), null, FindingCode.BAD_TRAILER, message));
    }
}
