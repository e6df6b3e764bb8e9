package io.gatos.sql.materialize.export;

import static java.util.Objects.requireNonNull;

import io.gatos.sql.codec.Blake3;
import io.gatos.sql.ledger.LedgerRepository;
import io.gatos.sql.ledger.LedgerSnapshot;
import io.gatos.sql.ledger.git.GitCommit;
import io.gatos.sql.ledger.git.GitObjects;
import io.gatos.sql.materialize.MaterializeException;
import io.gatos.sql.materialize.manifest.ExportManifest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;
import org.eclipse.jgit.errors.IncorrectObjectTypeException;
import org.eclipse.jgit.errors.MissingObjectException;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.revwalk.RevWalk;

/**
 * Pins what one export reads: the ref heads (restricted by {@code --until}), the ledger clock (the
 * newest committer time among the heads, which stands for "now" so that exporting the same state
 * twice gives the same file), the frontier digest ({@code ledger_head} of the Explorer-Root), the
 * active policy and the newest head ({@code state_ref}).
 *
 * @param snapshot the pinned snapshot whose clock is the ledger time
 * @param ledgerHead BLAKE3 hex of the sorted {@code ref head} lines of the frontier
 * @param policyRoot head of {@code refs/gatos/policies/active}, or "" when there is none
 * @param stateRef the head with the newest committer time (null for an empty frontier)
 */
public record LedgerState(LedgerSnapshot snapshot, String ledgerHead, String policyRoot, String stateRef) {
    /** The ref naming the active policy bundle. */
    public static final String ACTIVE_POLICY = "refs/gatos/policies/active";

    /** Checks the parts. */
    public LedgerState {
        requireNonNull(snapshot, "snapshot");
        requireNonNull(ledgerHead, "ledgerHead");
        requireNonNull(policyRoot, "policyRoot");
    }

    /** Returns the ledger clock in epoch milliseconds. */
    public long ledgerTime() {
        return snapshot.takenAtMillis();
    }

    /**
     * Reads the refs of {@code repository}; with {@code until}, keeps only the refs whose history
     * holds that commit, each as of it. Reads one commit header per ref.
     */
    public static LedgerState read(LedgerRepository repository, String until) {
        return read(repository, until, null);
    }

    /**
     * Reads the refs like {@link #read(LedgerRepository, String)}, reading only the heads that differ
     * from {@code previous} (nullable): its ledger time and newest head stand for the others.
     */
    public static LedgerState read(LedgerRepository repository, String until, ExportManifest previous) {
        LedgerSnapshot live = repository.snapshot();
        TreeMap<String, ObjectId> heads = new TreeMap<>(live.refs());
        try (GitObjects objects = live.openObjects()) {
            if (until != null) {
                heads = restrict(objects, heads, resolve(repository, until, "--until"));
            }
            long newest = previous == null ? Long.MIN_VALUE : previous.ledgerTime();
            String stateRef = previous == null ? null : previous.stateRef();
            Map<String, String> known = previous == null ? Map.of() : previous.heads();
            for (Map.Entry<String, ObjectId> entry : heads.entrySet()) {
                ObjectId head = entry.getValue();
                if (head.name().equals(known.get(entry.getKey()))) {
                    continue;
                }
                long time = commitTime(objects, head);
                if (time > newest || time == newest && stateRef != null && head.name().compareTo(stateRef) < 0) {
                    newest = time;
                    stateRef = head.name();
                }
            }
            LedgerSnapshot pinned = new LedgerSnapshot(repository.git(), heads,
                    newest == Long.MIN_VALUE ? 0 : newest, repository.stats());
            ObjectId policy = heads.get(ACTIVE_POLICY);
            return new LedgerState(pinned, frontierDigest(heads), policy == null ? "" : policy.name(), stateRef);
        } catch (IOException e) {
            throw new MaterializeException(MaterializeException.Code.LEDGER, "cannot read " + repository.path() + ": "
                    + e.getMessage(), e);
        }
    }

    /** Returns the commit id {@code rev} names in {@code repository}; {@code option} names it in errors. */
    public static ObjectId resolve(LedgerRepository repository, String rev, String option) {
        try (RevWalk walk = new RevWalk(repository.git())) { // rev parsing, peeling tags: JGit's, not a read
            ObjectId id = repository.git().resolve(rev);
            if (id == null) {
                throw new MaterializeException(MaterializeException.Code.BAD_OPTION, option + " " + rev
                        + " names no object in " + repository.path() + "; give a commit id");
            }
            return walk.parseCommit(id).copy();
        } catch (IncorrectObjectTypeException e) {
            throw new MaterializeException(MaterializeException.Code.BAD_OPTION, option + " " + rev
                    + " is not a commit; give a commit id", e);
        } catch (IOException e) {
            throw new MaterializeException(MaterializeException.Code.BAD_OPTION, option + " " + rev
                    + " cannot be resolved: " + e.getMessage(), e);
        }
    }

    private static TreeMap<String, ObjectId> restrict(GitObjects objects, Map<String, ObjectId> heads,
            ObjectId until) throws IOException {
        TreeMap<String, ObjectId> out = new TreeMap<>();
        for (Map.Entry<String, ObjectId> e : heads.entrySet()) {
            try {
                if (objects.isAncestor(until, e.getValue())) {
                    out.put(e.getKey(), until);
                }
            } catch (IncorrectObjectTypeException notACommit) {
                // a ref at a blob (consumer checkpoint) holds no history to cut
            }
        }
        return out;
    }

    private static long commitTime(GitObjects objects, ObjectId head) throws IOException {
        try {
            GitCommit commit = objects.commit(head);
            return commit.committerMillis();
        } catch (MissingObjectException | IncorrectObjectTypeException e) {
            return Long.MIN_VALUE;
        }
    }

    /** Digests a frontier: BLAKE3 over the lines {@code <ref> <head>\n} in ref order, as 64 hex. */
    public static String frontierDigest(Map<String, ObjectId> heads) {
        StringBuilder text = new StringBuilder();
        new TreeMap<>(heads).forEach((ref, head) -> text.append(ref).append(' ').append(head.name()).append('\n'));
        return HexFormat.of().formatHex(Blake3.hash(text.toString().getBytes(StandardCharsets.UTF_8)));
    }
}
