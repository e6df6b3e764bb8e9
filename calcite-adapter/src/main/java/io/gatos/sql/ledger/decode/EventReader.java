package io.gatos.sql.ledger.decode;

import io.gatos.sql.layout.TreePaths;
import io.gatos.sql.ledger.Finding;
import io.gatos.sql.ledger.FindingCode;
import io.gatos.sql.ledger.Journal;
import io.gatos.sql.ledger.LedgerEvent;
import io.gatos.sql.ledger.git.GitCommit;
import io.gatos.sql.ledger.git.GitObjects;
import java.io.IOException;
import java.util.Set;
import java.util.function.Consumer;
import org.eclipse.jgit.errors.MissingObjectException;
import org.eclipse.jgit.lib.ObjectId;

/**
 * Decodes the event of one journal commit: commit-level columns only, or the envelope too (a tree
 * walk and a blob read), reporting unreadable envelopes and the problems of readable ones
 * ({@code BAD_ULID}, {@code BAD_TIME}, {@code BAD_TEXT}) as findings. Not thread-safe; borrows its
 * {@link GitObjects}.
 */
public final class EventReader {
    private final GitObjects objects;
    private final String ref;
    private final String ns;
    private final String actorSegment;
    private final boolean envelopes;
    private final Consumer<Finding> findings;
    private String envelope;

    /** Reads events of {@code journal}, with envelopes when {@code envelopes}. */
    public EventReader(GitObjects objects, Journal journal, boolean envelopes, Consumer<Finding> findings) {
        this.objects = objects;
        this.ref = journal.ref();
        this.ns = journal.ns();
        this.actorSegment = journal.actor();
        this.envelopes = envelopes;
        this.findings = findings;
    }

    /**
     * Returns the event of {@code commit} at position {@code pos}. With {@code ids} (nullable), an
     * envelope that cannot hold one of them (a byte search) is not parsed and null is returned.
     */
    public LedgerEvent read(GitCommit commit, long pos, Set<String> ids) throws IOException {
        EventDecoder decoder = new EventDecoder(ref, ns, actorSegment, commit, pos);
        envelope = null;
        if (!envelopes) {
            return decoder.headerOnly();
        }
        ObjectId blob;
        try {
            blob = objects.blobAt(commit.tree(), TreePaths.ENVELOPE);
        } catch (MissingObjectException e) {
            return report(decoder, FindingCode.MISSING_OBJECT, "object " + e.getObjectId().name()
                    + " of the event tree is missing");
        }
        if (blob == null) {
            return report(decoder, FindingCode.BAD_JSON, "the commit has no " + TreePaths.ENVELOPE);
        }
        envelope = blob.name();
        byte[] bytes;
        try {
            bytes = objects.blob(blob);
        } catch (MissingObjectException e) {
            return report(decoder, FindingCode.MISSING_OBJECT, "envelope blob " + blob.name() + " is missing");
        }
        if (ids != null && !ids.contains(commit.id()) && ids.stream().noneMatch(id -> contains(bytes, id))) {
            return null; // cannot be a wanted ULID; an unreadable envelope's id is its commit id
        }
        LedgerEvent event = decoder.decode(bytes);
        if (event.error() != null) {
            findings.accept(new Finding(ref, commit.id(), TreePaths.ENVELOPE, FindingCode.BAD_JSON, event.error()));
        }
        for (EventDecoder.Note note : decoder.notes()) {
            findings.accept(new Finding(ref, commit.id(), note.path(), note.code(), note.message()));
        }
        return event;
    }

    /** Returns the id of the envelope blob the last {@link #read} found in the commit's tree, or null. */
    public String envelope() {
        return envelope;
    }

    private LedgerEvent report(EventDecoder decoder, FindingCode code, String reason) {
        LedgerEvent event = decoder.unreadable(reason);
        findings.accept(new Finding(ref, event.commitId(), TreePaths.ENVELOPE, code, reason));
        return event;
    }

    /** Returns whether {@code haystack} contains the ASCII bytes of {@code ascii}. */
    static boolean contains(byte[] haystack, String ascii) {
        byte[] needle = ascii.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }
}
