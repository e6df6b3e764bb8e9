package io.gatos.sql.ledger.scan;

import io.gatos.sql.layout.TreePaths;
import io.gatos.sql.ledger.EventQuery;
import io.gatos.sql.ledger.Finding;
import io.gatos.sql.ledger.FindingCode;
import io.gatos.sql.ledger.LedgerEvent;
import io.gatos.sql.ledger.LedgerSnapshot;
import io.gatos.sql.ledger.decode.Envelopes;
import io.gatos.sql.ledger.git.LazyStream;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * Reads every plane once and yields what the readers could not take at face value (LAYOUT §9),
 * lazily, plane by plane. Several readers may meet one problem (a missing commit is seen by its
 * journal and by the commit walk): each (ref, commit, path, code) is reported once, first wording
 * wins. Costs one full read of the ledger (event pointers are checked in the events pass); holds the ULIDs seen (to report {@code DUPLICATE_ULID}) and
 * the places already reported.
 *
 * <p>Over a based snapshot the history planes (events, messages, state checkpoints and their
 * pointers, commits) read and report only what is above the bases, so their findings are those of
 * the new commits ({@code DUPLICATE_ULID} compares new events among themselves only), while the
 * consumer, job and governance planes are read whole. Ref names are checked first, all of them
 * ({@code BAD_REF}, see {@link RefShapes}).
 */
public final class FindingScan {
    private FindingScan() {
    }

    /** Returns a lazy stream of every finding in {@code snapshot}; close it to release readers. */
    public static Stream<Finding> stream(LedgerSnapshot snapshot) {
        Set<List<Object>> reported = new HashSet<>();
        ArrayDeque<Finding> queue = new ArrayDeque<>();
        Consumer<Finding> sink = f -> {
            if (reported.add(Arrays.asList(f.ref(), f.commitId(), f.path(), f.code()))) {
                queue.add(f);
            }
        };
        Map<String, String> ulids = new HashMap<>();
        List<Function<Consumer<Finding>, Stream<?>>> planes = List.of(
                s -> {
                    RefShapes.report(snapshot, s);
                    return Stream.empty();
                },
                s -> EventScan.stream(snapshot, EventQuery.all().withPositions(false), s)
                        .peek(e -> {
                            duplicate(ulids, e, s);
                            PointerScan.inEvent(e, s);
                        }),
                s -> ShiplogScan.stream(snapshot, null, null, false, s),
                s -> ConsumerScan.stream(snapshot, null, null, s),
                s -> StateScan.checkpoints(snapshot, null, null, s),
                s -> PointerScan.inState(snapshot, s),
                s -> JobScan.stream(snapshot, null, s),
                s -> GovernanceScan.proposals(snapshot, null, s),
                s -> GovernanceScan.approvals(snapshot, null, s),
                s -> GovernanceScan.grants(snapshot, null, s),
                s -> GovernanceScan.revocations(snapshot, null, s),
                s -> CommitScan.stream(snapshot, null, s));
        return planes.stream().flatMap(plane -> drain(plane.apply(sink), queue));
    }

    private static void duplicate(Map<String, String> ulids, LedgerEvent e, Consumer<Finding> sink) {
        if (!e.readable()) {
            return;
        }
        String first = ulids.putIfAbsent(e.id(), e.commitId());
        if (first != null) {
            sink.accept(new Finding(e.ref(), e.commitId(), TreePaths.ENVELOPE, FindingCode.DUPLICATE_ULID,
                    "ULID " + e.id() + " appears in commits " + first + " and " + e.commitId()));
        }
    }

    /** Pulls {@code items} only as far as needed to yield the findings they report. */
    private static Stream<Finding> drain(Stream<?> items, ArrayDeque<Finding> queue) {
        Iterator<?> it = items.iterator();
        return LazyStream.of(() -> {
            while (queue.isEmpty() && it.hasNext()) {
                it.next();
            }
            return queue.poll();
        }, items);
    }
}
