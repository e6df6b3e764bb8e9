package io.gatos.sql.ledger.eventcache;

import static org.assertj.core.api.Assertions.assertThat;

import io.gatos.sql.ledger.LedgerEvent;
import java.io.ByteArrayOutputStream;
import java.util.List;
import org.junit.jupiter.api.Test;

class EventRowCodecTest {
    private static final String REF = "refs/gatos/journal/orders/alice";
    private static final String[] PARTS = {"orders", "alice"};

    private static LedgerEvent readable(long pos) {
        return new LedgerEvent("01JABCDEFGHJKMNPQRSTVWXYZ0", "orders", "alice@x", "orders/alice", pos, "order.created",
                1_767_225_600_123L, "{\"amount\":\"12.50\",\"note\":\"é ☃\"}", "[\"w\"]", "root", "ed25519",
                "blake3:ab", "0123456789abcdef0123456789abcdef01234567", null, REF, 7L, "feedface");
    }

    private static LedgerEvent unreadable(long pos) {
        return new LedgerEvent("89abcdef0123456789abcdef0123456789abcdef", "orders", "unknown:alice", "orders/alice",
                pos, "unknown", -5L, null, "[]", null, null, null, "89abcdef0123456789abcdef0123456789abcdef",
                "envelope is not valid JSON", REF, null, null);
    }

    @Test
    void rowsRoundTripOneAfterTheOther() {
        EventRowCodec codec = new EventRowCodec();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        List<LedgerEvent> rows = List.of(readable(3), unreadable(2), readable(1));
        for (LedgerEvent e : rows) {
            body.writeBytes(codec.encode(e));
        }
        EventRowCodec.Reader reader = new EventRowCodec.Reader(body.toByteArray());
        for (LedgerEvent e : rows) {
            assertThat(reader.next(REF, "orders", "alice", e.pos(), true)).isEqualTo(e);
        }
    }

    @Test
    void payloadsCanBeSkipped() {
        byte[] bytes = new EventRowCodec().encode(readable(0));
        LedgerEvent e = new EventRowCodec.Reader(bytes).next(REF, PARTS[0], PARTS[1], 0, false);
        assertThat(e.payload()).isNull();
        assertThat(e.policyRoot()).isEqualTo("root");
        assertThat(e.sourceCommit()).isEqualTo("feedface");
    }

    @Test
    void theRefDecidesNsStreamAndTheActorOfUnreadableRows() {
        byte[] bytes = new EventRowCodec().encode(unreadable(0));
        LedgerEvent e = new EventRowCodec.Reader(bytes).next("refs/gatos/journal/billing/bob", "billing", "bob", 9,
                true);
        assertThat(e.ns()).isEqualTo("billing");
        assertThat(e.stream()).isEqualTo("billing/bob");
        assertThat(e.actor()).isEqualTo("unknown:bob");
        assertThat(e.pos()).isEqualTo(9);
        assertThat(e.ref()).isEqualTo("refs/gatos/journal/billing/bob");
    }
}
