package io.gatos.sql.materialize.ndjson;

import static io.gatos.sql.materialize.ndjson.NdjsonRows.ACTOR;
import static io.gatos.sql.materialize.ndjson.NdjsonRows.CAPS;
import static io.gatos.sql.materialize.ndjson.NdjsonRows.COMMIT;
import static io.gatos.sql.materialize.ndjson.NdjsonRows.DATA;
import static io.gatos.sql.materialize.ndjson.NdjsonRows.EVENT_CID;
import static io.gatos.sql.materialize.ndjson.NdjsonRows.POLICY_ROOT;
import static io.gatos.sql.materialize.ndjson.NdjsonRows.POS;
import static io.gatos.sql.materialize.ndjson.NdjsonRows.REF;
import static io.gatos.sql.materialize.ndjson.NdjsonRows.SIG_ALG;
import static io.gatos.sql.materialize.ndjson.NdjsonRows.STREAM;
import static io.gatos.sql.materialize.ndjson.NdjsonRows.TS;
import static io.gatos.sql.materialize.ndjson.NdjsonRows.TYPE;

import io.gatos.sql.layout.TreePaths;
import io.gatos.sql.ledger.git.GitObjects;
import io.gatos.sql.materialize.MaterializeException;
import io.gatos.sql.materialize.MaterializeException.Code;
import java.io.IOException;
import java.time.Instant;
import org.eclipse.jgit.errors.MissingObjectException;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.util.RawParseUtils;

/** Builds an {@link EventLine} from a sorted row, reading its envelope and raw commit through the Git gateway. */
final class NdjsonGitReader {
    private NdjsonGitReader() {
    }

    static EventLine line(GitObjects objects, String id, Object[] v) throws IOException {
        String commitId = (String) v[COMMIT];
        byte[] raw;
        try {
            raw = objects.rawCommit(ObjectId.fromString(commitId));
        } catch (MissingObjectException e) {
            throw new MaterializeException(Code.LEDGER, "commit " + commitId + " of " + v[STREAM] + " is missing", e);
        }
        RevCommit commit = RevCommit.parse(raw);
        byte[] envelope;
        ObjectId blob = objects.blobAt(commit.getTree().name(), TreePaths.ENVELOPE);
        if (blob == null) {
            throw new MaterializeException(Code.LEDGER, "commit " + commitId + " of " + v[STREAM] + " (ULID "
                    + id + ") has no " + TreePaths.ENVELOPE + "; nothing to export for it");
        }
        envelope = objects.blob(blob);
        EventLine.Meta meta = new EventLine.Meta((String) v[REF], (String) v[ACTOR], (String) v[CAPS],
                (String) v[POLICY_ROOT], (String) v[SIG_ALG], (String) v[EVENT_CID], envelope,
                identLine(raw, RawParseUtils.author(raw, 0)), identLine(raw, RawParseUtils.committer(raw, 0)),
                commit.getFullMessage());
        return new EventLine(id, (String) v[STREAM], (String) v[TYPE], ((Number) v[POS]).longValue(), commitId,
                (String) v[DATA], meta, Instant.ofEpochMilli(((Number) v[TS]).longValue()).toString());
    }

    /** Returns the ident line starting at {@code start} exactly as the raw commit holds it, up to its line end. */
    private static String identLine(byte[] raw, int start) {
        if (start < 0) {
            return "";
        }
        int end = RawParseUtils.nextLF(raw, start) - 1;
        return RawParseUtils.decode(raw, start, end);
    }
}
