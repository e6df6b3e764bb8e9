package io.gatos.sql.ledger.decode;

import static org.assertj.core.api.Assertions.assertThat;

import io.gatos.sql.codec.Blake3;
import io.gatos.sql.codec.Ulid;
import io.gatos.sql.ledger.ShiplogMessage;
import io.gatos.sql.ledger.git.GitCommit;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class MessageDecoderTest {
    private static final String REF = "refs/gatos/shiplog/tasks/head";
    private static final String ID = "1234567890abcdef1234567890abcdef12345678";
    private static final String TREE = "4b825dc642cb6eb9a060e54bf8d69288fbee4904";
    private static final String IDENT = "gatos-ledger <ledger@gatos.local>";
    private static final long COMMIT_MILLIS = 1_767_225_600_000L;
    /** A ULID whose time is 2025-01-01T00:00:00Z, far from the commit time. */
    private static final String ULID = Ulid.create(Instant.parse("2025-01-01T00:00:00Z").toEpochMilli(),
            new java.util.Random(1));
    private static final String TRAILER_ULID = Ulid.create(Instant.parse("2024-05-05T05:05:05.005Z").toEpochMilli(),
            new java.util.Random(2));

    private static GitCommit commit(String message) {
        return new GitCommit(ID, TREE, List.of(), IDENT, IDENT, COMMIT_MILLIS, message, true, null);
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static String message(String subject, String eventId, String contentId) {
        StringBuilder out = new StringBuilder(subject).append("\n\n");
        if (eventId != null) {
            out.append("Event-Id: ").append(eventId).append('\n');
        }
        if (contentId != null) {
            out.append("Content-Id: ").append(contentId).append('\n');
        }
        return out.toString();
    }

    private static final byte[] ENVELOPE = utf8("{\"ns\":\"tasks\",\"payload\":{\"z\":1,\"a\":[2.0]},\"refs\":{\"e\":"
            + "\"blake3:00\"},\"type\":\"task.created\",\"ulid\":\"" + ULID + "\"}");

    @Test
    void aMatchingContentIdIsOkAndTsIsTheUlidTime() {
        String cid = Blake3.prefixed(ENVELOPE);
        ShiplogMessage m = MessageDecoder.decode("tasks", REF, 4, commit(message("task.created", "ulid:" + ULID, cid)),
                ENVELOPE);
        assertThat(m).isEqualTo(new ShiplogMessage("tasks", 4, ULID, "tasks", "task.created", "{\"a\":[2.0],\"z\":1}",
                "{\"e\":\"blake3:00\"}", cid, true, Instant.parse("2025-01-01T00:00:00Z").toEpochMilli(), ID, null,
                REF));
    }

    @Test
    void aDifferentOrAbsentContentIdIsNotOk() {
        String wrong = "blake3:" + "00".repeat(32);
        ShiplogMessage mismatched = MessageDecoder.decode("tasks", REF, 0,
                commit(message("task.created", "ulid:" + ULID, wrong)), ENVELOPE);
        assertThat(mismatched.contentOk()).isFalse();
        assertThat(mismatched.contentId()).isEqualTo(wrong);
        assertThat(mismatched.error()).isNull();

        ShiplogMessage absent = MessageDecoder.decode("tasks", REF, 0, commit(message("task.created", null, null)),
                ENVELOPE);
        assertThat(absent.contentOk()).isFalse();
        assertThat(absent.contentId()).isNull();
        assertThat(absent.ulid()).isEqualTo(ULID);
    }

    @Test
    void anUnreadableEnvelopeFallsBackToTheEventIdTrailer() {
        byte[] garbage = utf8("{oops");
        String cid = Blake3.prefixed(garbage);
        ShiplogMessage m = MessageDecoder.decode("tasks", REF, 2,
                commit(message("  task.broken ", "ulid:" + TRAILER_ULID, cid)), garbage);
        assertThat(m.error()).startsWith("envelope is not valid JSON: ");
        assertThat(m).isEqualTo(new ShiplogMessage("tasks", 2, TRAILER_ULID, "", "task.broken", "{}", "{}", cid,
                false, Instant.parse("2024-05-05T05:05:05.005Z").toEpochMilli(), ID, m.error(), REF));
    }

    @Test
    void withoutAUsableTrailerTheCommitIdAndCommitTimeStand() {
        ShiplogMessage none = MessageDecoder.decode("tasks", REF, 0, commit(message("s", null, null)), utf8("[]"));
        assertThat(none.error()).isEqualTo("envelope is not an object with a string 'ulid'");
        assertThat(none.ulid()).isEqualTo(ID);
        assertThat(none.tsMillis()).isEqualTo(COMMIT_MILLIS);

        ShiplogMessage badTrailer = MessageDecoder.decode("tasks", REF, 0, commit(message("s", "ulid:nope", null)),
                utf8("{\"ulid\":5}"));
        assertThat(badTrailer.ulid()).isEqualTo(ID);
        assertThat(badTrailer.error()).isEqualTo("envelope is not an object with a string 'ulid'");

        ShiplogMessage noBytes = MessageDecoder.decode("tasks", REF, 0, commit(message("s", "ulid:" + TRAILER_ULID,
                null)), null);
        assertThat(noBytes.error()).isEqualTo("the commit has no message/envelope.json");
        assertThat(noBytes.ulid()).isEqualTo(TRAILER_ULID);
        assertThat(noBytes.contentOk()).isFalse();
    }

    @Test
    void trailerUlidAcceptsTheBareFormAndRejectsNonUlids() {
        assertThat(MessageDecoder.trailerUlid(commit(message("s", "ulid:" + ULID, null)))).isEqualTo(ULID);
        assertThat(MessageDecoder.trailerUlid(commit(message("s", ULID, null)))).isEqualTo(ULID);
        assertThat(MessageDecoder.trailerUlid(commit(message("s", "ulid:" + ULID.toLowerCase(), null)))).isNull();
        assertThat(MessageDecoder.trailerUlid(commit(message("s", null, "blake3:00")))).isNull();
    }

    @Test
    void aReadableEnvelopeWithANonUlidIdKeepsItAndUsesTheCommitTime() {
        byte[] bytes = utf8("{\"ulid\":\"abc\"}");
        ShiplogMessage m = MessageDecoder.decode("tasks", REF, -1, commit(message("s", "ulid:" + TRAILER_ULID,
                Blake3.prefixed(bytes))), bytes);
        assertThat(m).isEqualTo(new ShiplogMessage("tasks", -1, "abc", "", "", "{}", "{}", Blake3.prefixed(bytes),
                true, COMMIT_MILLIS, ID, null, REF));
    }
}
