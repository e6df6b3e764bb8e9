package io.gatos.sql.server.conformance;

import io.gatos.sql.testing.LedgerTestRepository;
import io.gatos.sql.writer.EventSpec;
import io.gatos.sql.writer.sample.SampleLedger;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

/**
 * Writes the two ledgers of the conformance suite: {@code times}, five events at instants chosen
 * to fall on different calendar days in UTC, New York and Tokyo (and on a daylight-saving switch),
 * and {@code big}, a 1,500-event sample ledger on which a three-way self join runs long enough to
 * time out or be cancelled.
 */
final class ConformanceLedgers {
    /** The instants of the events of {@code times}, in commit order. */
    static final List<Instant> INSTANTS = List.of(
            Instant.parse("2026-01-01T02:00:00Z"), // 2025-12-31 in New York
            Instant.parse("2026-01-01T20:00:00Z"), // 2026-01-02 in Tokyo
            Instant.parse("2026-01-02T12:00:00Z"),
            Instant.parse("2026-03-08T07:30:00Z"), // New York switches to daylight saving time that morning
            Instant.parse("2026-07-01T00:00:00.123Z"));
    /** Events in {@code big}. */
    static final int BIG_EVENTS = 1500;

    private ConformanceLedgers() {
    }

    /** Writes {@code times} at {@code dir}. */
    static void times(Path dir) {
        try (LedgerTestRepository repo = LedgerTestRepository.create(dir)) {
            for (int i = 0; i < INSTANTS.size(); i++) {
                Instant at = INSTANTS.get(i);
                String ns = i < 3 ? "orders" : "billing";
                repo.event(ns, "alice", EventSpec.of("order.created", repo.ulid(at), "user:alice",
                        "{\"n\":" + (i + 1) + ",\"amount\":" + (i + 1) * 1.25 + "}", at));
            }
        }
    }

    /** Writes {@code big} at {@code dir}. */
    static void big(Path dir) {
        SampleLedger.generate(dir, BIG_EVENTS, 19, null);
    }
}
