package io.gatos.sql.ledger.decode;

import static org.assertj.core.api.Assertions.assertThat;

import io.gatos.sql.ledger.LedgerEvent;
import io.gatos.sql.ledger.git.GitCommit;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EventDecoderTest {
    private static final String REF = "refs/gatos/journal/orders/alice";
    private static final String ID = "1234567890abcdef1234567890abcdef12345678";
    private static final String TREE = "4b825dc642cb6eb9a060e54bf8d69288fbee4904";
    private static final String ULID = "01JD0000000000000000000000";
    private static final long COMMIT_MILLIS = 1_767_225_600_000L;
    private static final String IDENT = "gatos-ledger <ledger@gatos.local>";

    private static GitCommit commit(String message) {
        return new GitCommit(ID, TREE, List.of(), IDENT, IDENT, COMMIT_MILLIS, message, true, null);
    }

    private static EventDecoder decoder(String message, long pos) {
        return new EventDecoder(REF, "orders", "alice", commit(message), pos);
    }

    private static LedgerEvent decode(String json) {
        return decoder("order.created\n\nEvent-CID: blake3:abc\n", 3).decode(json.getBytes(StandardCharsets.UTF_8));
    }

    /** The envelope fields as JSON members, without {@code leftOut}. */
    private static String envelopeWithout(String leftOut) {
        Map<String, String> members = new java.util.TreeMap<>(Map.of(
                "actor", "\"user:alice\"",
                "payload", "{\"x\":1}",
                "policy_root", "\"" + "0".repeat(40) + "\"",
                "type", "\"order.created\"",
                "ulid", "\"" + ULID + "\""));
        members.remove(leftOut);
        StringBuilder out = new StringBuilder("{");
        members.forEach((k, v) -> out.append(out.length() > 1 ? "," : "").append('"').append(k).append("\":").append(v));
        return out.append('}').toString();
    }

    @Test
    void decodesACompleteEnvelope() {
        LedgerEvent e = decode("{ \"ulid\": \"" + ULID + "\", \"type\": \"order.created\", \"actor\": \"user:alice\","
                + " \"caps\": [\"orders:write\"], \"payload\": {\"z\": [1.50, null], \"a\": \"\\u00e9\"},"
                + " \"policy_root\": \"" + "1".repeat(40) + "\", \"sig_alg\": \"ed25519\","
                + " \"ts\": \"2026-02-03T04:05:06.789Z\" }");
        assertThat(e).isEqualTo(new LedgerEvent(ULID, "orders", "user:alice", "orders/alice", 3, "order.created",
                Instant.parse("2026-02-03T04:05:06.789Z").toEpochMilli(), "{\"a\":\"\u00e9\",\"z\":[1.50,null]}",
                "[\"orders:write\"]", "1".repeat(40), "ed25519", "blake3:abc", ID, null, REF));
        assertThat(e.readable()).isTrue();
    }

    @Test
    void capsDefaultToAnEmptyArrayAndOptionalFieldsToNull() {
        LedgerEvent e = decode(envelopeWithout("policy_root"));
        assertThat(e.caps()).isEqualTo("[]");
        assertThat(e.policyRoot()).isNull();
        assertThat(e.sigAlg()).isNull();
        assertThat(e.tsMillis()).as("no ts: the committer time").isEqualTo(COMMIT_MILLIS);
        assertThat(e.error()).isNull();
    }

    @Test
    void eachMissingRequiredFieldMakesTheEnvelopeUnreadableNamingIt() {
        for (String field : List.of("ulid", "type", "actor", "payload")) {
            LedgerEvent e = decode(envelopeWithout(field));
            assertThat(e.error()).as(field).isEqualTo("envelope has no string '" + field + "'");
            assertThat(e).as(field).isEqualTo(new LedgerEvent(ID, "orders", "unknown:alice", "orders/alice", 3,
                    "order.created", COMMIT_MILLIS, null, "[]", null, null, "blake3:abc", ID, e.error(), REF));
            assertThat(e.readable()).isFalse();
        }
    }

    @Test
    void theFirstMissingFieldIsNamedAndNonStringsCountAsMissing() {
        assertThat(decode("{}").error()).isEqualTo("envelope has no string 'ulid'");
        assertThat(decode("{\"ulid\":7,\"type\":\"t\",\"actor\":\"a\",\"payload\":1}").error())
                .isEqualTo("envelope has no string 'ulid'");
        assertThat(decode("{\"ulid\":\"U\",\"type\":5,\"actor\":\"a\",\"payload\":1}").error())
                .isEqualTo("envelope has no string 'type'");
        assertThat(decode("{\"ulid\":\"U\",\"type\":\"t\",\"actor\":null,\"payload\":1}").error())
                .isEqualTo("envelope has no string 'actor'");
        LedgerEvent nullPayload = decode("{\"ulid\":\"U\",\"type\":\"t\",\"actor\":\"a\",\"payload\":null}");
        assertThat(nullPayload.error()).as("a JSON null payload is present").isNull();
        assertThat(nullPayload.payload()).isEqualTo("null");
    }

    @Test
    void acceptsEventTypeAndPrefersType() {
        assertThat(decode("{\"ulid\":\"U\",\"event_type\":\"order.paid\",\"actor\":\"a\",\"payload\":{}}").kind())
                .isEqualTo("order.paid");
        assertThat(decode("{\"ulid\":\"U\",\"type\":\"t1\",\"event_type\":\"t2\",\"actor\":\"a\",\"payload\":{}}")
                .kind()).isEqualTo("t1");
    }

    @Test
    void malformedJsonAndNonObjectsAreUnreadable() {
        LedgerEvent syntax = decode("{\"ulid\":");
        assertThat(syntax.error()).startsWith("envelope is not valid JSON: ");
        assertThat(syntax.id()).isEqualTo(ID);
        assertThat(decode("[1,2]").error()).isEqualTo("envelope is not a JSON object");
        assertThat(decode("").error()).isEqualTo("envelope is not valid JSON: empty document");
        assertThat(decode("{} {}").error()).startsWith("envelope is not valid JSON: trailing content");
    }

    @Test
    void tsIsParsedAsRfc3339WithAnyOffsetElseTheCommitterTimeStands() {
        String base = "{\"ulid\":\"U\",\"type\":\"t\",\"actor\":\"a\",\"payload\":{},\"ts\":";
        assertThat(decode(base + "\"2026-03-01T12:00:00+02:00\"}").tsMillis())
                .isEqualTo(Instant.parse("2026-03-01T10:00:00Z").toEpochMilli());
        assertThat(decode(base + "\"2026-03-01T12:00:00.5-01:30\"}").tsMillis())
                .isEqualTo(Instant.parse("2026-03-01T13:30:00.500Z").toEpochMilli());
        assertThat(decode(base + "\"2026-03-01 12:00\"}").tsMillis()).isEqualTo(COMMIT_MILLIS);
        assertThat(decode(base + "12345}").tsMillis()).isEqualTo(COMMIT_MILLIS);
    }

    @Test
    void unreadableUsesTheTrimmedSubjectOrUnknownAndKeepsTheEventCid() {
        LedgerEvent named = decoder("  order.weird  \n\nEvent-CID: blake3:ff\n", -1).unreadable("why");
        assertThat(named).isEqualTo(new LedgerEvent(ID, "orders", "unknown:alice", "orders/alice", -1, "order.weird",
                COMMIT_MILLIS, null, "[]", null, null, "blake3:ff", ID, "why", REF));
        assertThat(decoder("   \n", 0).unreadable("why").kind()).isEqualTo("unknown");
        assertThat(decoder("subject only\n", 0).unreadable("why").eventCid()).isNull();
    }

    @Test
    void headerOnlyHoldsPlaceholdersForTheEnvelopeColumns() {
        LedgerEvent h = decoder("order.created\n\nEvent-CID: blake3:abc\n", 7).headerOnly();
        assertThat(h).isEqualTo(new LedgerEvent(ID, "orders", "", "orders/alice", 7, "", COMMIT_MILLIS, null, "[]",
                null, null, "blake3:abc", ID, null, REF));
        assertThat(h.readable()).isTrue();
    }

    @Test
    void sigAlgFallsBackToTheSigAlgTrailer() {
        String envelope = "{\"actor\":\"user:a\",\"payload\":{},\"type\":\"t\",\"ulid\":\"" + ULID + "\"}";
        LedgerEvent fromTrailer = decoder("t\n\nEvent-CID: blake3:00\nSig-Alg: ed25519\nSig: ab", 0)
                .decode(envelope.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        assertThat(fromTrailer.sigAlg()).isEqualTo("ed25519");
        assertThat(fromTrailer.eventCid()).isEqualTo("blake3:00");
        String withField = envelope.replaceFirst("\\{", "{\"sig_alg\":\"rsa\",");
        assertThat(decoder("t\n\nSig-Alg: ed25519", 0).decode(withField.getBytes(java.nio.charset.StandardCharsets.UTF_8))
                .sigAlg()).isEqualTo("rsa");
    }

    private static EventDecoder decoderOf() {
        return decoder("order.created\n\nEvent-CID: blake3:abc\n", 3);
    }

    private static List<String> notes(EventDecoder d) {
        return d.notes().stream().map(n -> n.code() + " " + n.path() + " " + n.message()).toList();
    }

    @Test
    void aUlidThatIsNoneIsKeptAsTheIdAndNoted() {
        EventDecoder d = decoderOf();
        LedgerEvent e = d.decode(("{\"ulid\":\"01jd0000000000000000000000\","
                + envelopeWithout("ulid").substring(1)).getBytes(StandardCharsets.UTF_8));
        assertThat(e.id()).isEqualTo("01jd0000000000000000000000");
        assertThat(e.readable()).isTrue();
        assertThat(notes(d)).containsExactly("BAD_ULID message/envelope.json envelope ulid"
                + " '01jd0000000000000000000000' is not a ULID (26 upper-case Crockford base32 characters);"
                + " the event keeps it as its id");
    }

    @Test
    void aTsThatIsNoTimeFallsBackToTheCommitTimeAndIsNoted() {
        for (String ts : List.of("\"yesterday\"", "12", "\"+999999999-12-31T23:59:59Z\"", "\"10000-01-01T00:00:00Z\"")) {
            EventDecoder d = decoderOf();
            LedgerEvent e = d.decode(("{\"ts\":" + ts + "," + envelopeWithout("none").substring(1))
                    .getBytes(StandardCharsets.UTF_8));
            assertThat(e.tsMillis()).as(ts).isEqualTo(COMMIT_MILLIS);
            assertThat(notes(d)).as(ts).singleElement().asString()
                    .startsWith("BAD_TIME message/envelope.json#/ts envelope ts ")
                    .endsWith(" is not an RFC 3339 time; ts reads as the committer time");
        }
        EventDecoder d = decoderOf();
        d.decode(("{\"ts\":null," + envelopeWithout("none").substring(1)).getBytes(StandardCharsets.UTF_8));
        assertThat(d.notes()).isEmpty();
    }

    @Test
    void unpairedSurrogatesAreNotedEscapedInJsonAndReplacedInText() {
        EventDecoder d = decoderOf();
        String json = "{\"actor\":\"user:\\udfff\",\"payload\":{\"k\":[\"\\ud83d\\ude00\",\"\\udc01x\"]},"
                + "\"type\":\"t\",\"ulid\":\"" + ULID + "\"}";
        LedgerEvent e = d.decode(json.getBytes(StandardCharsets.UTF_8));
        assertThat(e.actor()).isEqualTo("user:\ufffd");
        assertThat(e.payload()).isEqualTo("{\"k\":[\"\ud83d\ude00\",\"\\udc01x\"]}");
        assertThat(d.notes()).extracting(EventDecoder.Note::path).containsExactly("message/envelope.json#/actor",
                "message/envelope.json#/payload/k/1");
    }

    @Test
    void aHealthyEnvelopeHasNoNotes() {
        EventDecoder d = decoderOf();
        d.decode(envelopeWithout("none").getBytes(StandardCharsets.UTF_8));
        assertThat(d.notes()).isEmpty();
    }
}
