package io.gatos.sql.materialize.ndjson;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.gatos.sql.codec.Ulid;
import java.io.IOException;
import java.util.regex.Pattern;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.util.RawParseUtils;

/** Validates the fields of one event line before anything of it is written. */
final class EventChecks {
    private static final Pattern JOURNAL =
            Pattern.compile("refs/gatos/journal/[A-Za-z0-9_-]{1,64}/[A-Za-z0-9_-]{1,128}");
    private static final Pattern TOPIC = Pattern.compile("refs/gatos/(?:shiplog|messages)/[^/]+(?:/[^/]+)*/head");
    private static final ObjectMapper JSON = new ObjectMapper();

    private EventChecks() {
    }

    /**
     * Rejects a line whose ref is no journal or topic ref, whose id is no ULID while its envelope has
     * one, or whose commit is no id; returns whether the line has a ULID (false: an envelope without
     * a readable ULID, which is ledger data too and is carried as it is).
     */
    static boolean checkRefAndIds(EventLine line, long lineNo) throws ImportException {
        String ref = line.meta().ref();
        if (!JOURNAL.matcher(ref).matches()
                && !(TOPIC.matcher(ref).matches() && Repository.isValidRefName(ref))) {
            throw new ImportException(lineNo, "meta.ref '" + ref + "' is not a journal ref (refs/gatos/journal/<ns>/"
                    + "<actor>) or a topic ref (refs/gatos/shiplog/<topic>/head, refs/gatos/messages/<topic>/head)");
        }
        if (!ObjectId.isId(line.commit())) {
            throw new ImportException(lineNo, "malformed line: 'commit' is not a 40-hex commit id");
        }
        if (Ulid.isValid(line.id())) {
            return true;
        }
        if (envelopeUlid(line) != null) {
            throw new ImportException(lineNo, "malformed line: 'id' is not a ULID: " + line.id());
        }
        return false;
    }

    /** Returns the envelope's {@code ulid} when it is JSON with a textual one, else null. */
    private static String envelopeUlid(EventLine line) {
        try {
            JsonNode ulid = JSON.readTree(line.meta().envelope()).get("ulid");
            return ulid != null && ulid.isTextual() ? ulid.asText() : null;
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /** Parses the Git identity {@code text} of {@code meta.<field>}, rejecting one that is not. */
    static PersonIdent ident(String text, String field, long lineNo) throws ImportException {
        PersonIdent ident = RawParseUtils.parsePersonIdent(text);
        if (ident == null || ident.getEmailAddress() == null) {
            throw new ImportException(lineNo, "malformed line: 'meta." + field + "' is not a Git identity"
                    + " (Name <email> <seconds> <+hhmm>)");
        }
        return new PersonIdent(ident.getName(), ident.getEmailAddress(), ident.getWhenAsInstant(),
                ident.getZoneOffset());
    }

    /** Rejects an envelope that is JSON with a ulid other than the line's id; leaves unreadable ones alone. */
    static void checkEnvelope(EventLine line, long lineNo) throws ImportException {
        JsonNode envelope;
        try {
            envelope = JSON.readTree(line.meta().envelope());
        } catch (IOException e) {
            return; // malformed envelopes are ledger data too: copied as they are
        }
        JsonNode ulid = envelope == null ? null : envelope.get("ulid");
        if (ulid != null && ulid.isTextual() && !ulid.asText().equals(line.id())) {
            throw new ImportException(lineNo, "malformed line: 'id' " + line.id() + " differs from the envelope's ulid "
                    + ulid.asText());
        }
    }
}
