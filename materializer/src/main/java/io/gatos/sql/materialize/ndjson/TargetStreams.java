package io.gatos.sql.materialize.ndjson;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.gatos.sql.layout.Plane;
import io.gatos.sql.layout.TreePaths;
import io.gatos.sql.ledger.ReadStats;
import io.gatos.sql.ledger.git.GitObjects;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.jgit.lib.BatchRefUpdate;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.NullProgressMonitor;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Ref;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.transport.ReceiveCommand;
import org.eclipse.jgit.util.RawParseUtils;

/** Keeps the import's streams, reading each target ref on first use and moving them all at the end. */
final class TargetStreams {
    private static final byte[] PARENT = Constants.encodeASCII("parent ");
    private static final String SHIPLOG = Plane.SHIPLOG.prefixes().get(0);
    private static final String MESSAGES = Plane.SHIPLOG.prefixes().get(1);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Repository repo;
    private final Map<String, ImportStream> streams = new LinkedHashMap<>();

    /** Creates an empty set of streams into {@code repo}. */
    TargetStreams(Repository repo) {
        this.repo = repo;
    }

    /** Returns the stream of {@code ref}, starting it from the target when this import has not yet seen it. */
    ImportStream get(String ref, long lineNo) throws IOException, ImportException {
        ImportStream s = streams.get(ref);
        if (s == null) {
            String other = otherSpelling(ref);
            if (other != null && (streams.containsKey(other) || repo.exactRef(other) != null)) {
                throw new ImportException(lineNo, "topic " + ref + " would exist under both spellings: "
                        + other + " is already " + (streams.containsKey(other) ? "in this import" : "in the target"));
            }
            Ref found = repo.exactRef(ref);
            ObjectId tip = found == null ? null : found.getObjectId();
            s = new ImportStream(ref, tip == null ? null : tip.copy(),
                    tip == null ? new UlidSet().seal() : ulidsOf(tip));
            streams.put(ref, s);
        }
        return s;
    }

    /** Counts the refs that received at least one event. */
    int touched() {
        return (int) streams.values().stream().filter(s -> s.imported() > 0).count();
    }

    /** Returns the shiplog ref's name under its other spelling (LAYOUT §2), or null for a journal ref. */
    static String otherSpelling(String ref) {
        if (ref.startsWith(SHIPLOG)) {
            return MESSAGES + ref.substring(SHIPLOG.length());
        }
        if (ref.startsWith(MESSAGES)) {
            return SHIPLOG + ref.substring(MESSAGES.length());
        }
        return null;
    }

    /**
     * Reads the ULIDs of the envelopes along the first-parent chain from {@code tip}, parsing raw
     * commits rather than through a RevWalk, which would keep every commit it parsed.
     */
    private UlidSet ulidsOf(ObjectId tip) throws IOException {
        UlidSet ulids = new UlidSet();
        try (GitObjects objects = new GitObjects(repo, new ReadStats())) {
            ObjectId c = tip;
            while (c != null) {
                byte[] raw = objects.rawCommit(c);
                ObjectId tree = ObjectId.fromString(raw, 5); // "tree <hex>\n"
                int next = 5 + Constants.OBJECT_ID_STRING_LENGTH + 1;
                c = RawParseUtils.match(raw, next, PARENT) < 0 ? null : ObjectId.fromString(raw, next + PARENT.length);
                ObjectId envelope = objects.blobAt(tree.name(), TreePaths.ENVELOPE);
                if (envelope != null) {
                    ulids.add(ulidOf(objects.blob(envelope)));
                }
            }
        }
        return ulids.seal();
    }

    private static String ulidOf(byte[] envelope) {
        try {
            JsonNode ulid = JSON.readTree(envelope).get("ulid");
            return ulid != null && ulid.isTextual() ? ulid.asText() : null;
        } catch (IOException e) {
            return null; // an unreadable envelope has no ULID to collide with
        }
    }

    /** Moves every touched ref from its value at the start to its new tip, all or nothing where supported. */
    void publish() throws IOException, ImportException {
        List<ReceiveCommand> commands = commands();
        if (commands.isEmpty()) {
            return;
        }
        BatchRefUpdate batch = repo.getRefDatabase().newBatchUpdate();
        batch.setAtomic(repo.getRefDatabase().performsAtomicTransactions());
        batch.setRefLogMessage("gatos import", false);
        batch.addCommand(commands);
        try (RevWalk walk = new RevWalk(repo)) {
            batch.execute(walk, NullProgressMonitor.INSTANCE);
        }
        List<String> failed = new ArrayList<>();
        for (ReceiveCommand c : commands) {
            if (c.getResult() != ReceiveCommand.Result.OK) {
                failed.add(c.getRefName() + " (" + c.getResult() + ")");
            }
        }
        if (!failed.isEmpty()) {
            throw new ImportException(0, moved(String.join(", ", failed)));
        }
    }

    /** Builds one update per touched ref, rejecting the run when a ref already moved since the start. */
    private List<ReceiveCommand> commands() throws IOException, ImportException {
        List<ReceiveCommand> commands = new ArrayList<>();
        for (ImportStream s : streams.values()) {
            if (s.imported() == 0) {
                continue;
            }
            Ref now = repo.exactRef(s.ref);
            ObjectId current = now == null ? null : now.getObjectId();
            if (current == null ? s.startTip != null : !current.equals(s.startTip)) {
                throw new ImportException(0, moved(s.ref));
            }
            commands.add(new ReceiveCommand(s.startTip == null ? ObjectId.zeroId() : s.startTip, s.tip(), s.ref));
        }
        return commands;
    }

    private static String moved(String refs) {
        return "the target's " + refs + " changed during the import (compare-and-swap failed); run it again";
    }
}
