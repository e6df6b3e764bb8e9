package io.gatos.sql.ledger.scan;

import io.gatos.sql.layout.Plane;
import io.gatos.sql.ledger.Finding;
import io.gatos.sql.ledger.FindingCode;
import io.gatos.sql.ledger.Journal;
import io.gatos.sql.ledger.LedgerSnapshot;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Predicate;
import org.eclipse.jgit.lib.ObjectId;

/**
 * Reports refs under a plane's prefix that do not have the plane's shape (LAYOUT §1-§6), which the
 * plane's reader therefore skips: a {@code BAD_REF} finding each, naming the shape expected. Uses
 * the readers' own ref parsers, so a ref is reported exactly when its reader leaves it out. Reads
 * ref names only (no object), so it costs one pass over the snapshot's refs. Governance, policy,
 * audit and cache refs are read whatever their shape and are never reported.
 */
final class RefShapes {
    /** A plane prefix, the shape its refs must have (for the message) and the reader's test of it. */
    private record Shape(String prefix, String pattern, String skipped, Predicate<String> accepts) {
    }

    private static final java.util.List<Shape> SHAPES = java.util.List.of(
            new Shape(Plane.JOURNAL.prefix(), "refs/gatos/journal/<ns>/<actor>", "its commits are not read as events",
                    ref -> Journal.ofRef(ref) != null),
            new Shape(ShiplogScan.SHIPLOG, "refs/gatos/shiplog/<topic>/head", "it is not read as a topic",
                    ref -> ShiplogScan.topicOf(ref) != null),
            new Shape(ShiplogScan.MESSAGES, "refs/gatos/messages/<topic>/head", "it is not read as a topic",
                    ref -> ShiplogScan.topicOf(ref) != null),
            new Shape(ConsumerScan.PREFIX, "refs/gatos/consumers/<group>/<topic>", "it is not read as a checkpoint",
                    ref -> ConsumerScan.partsOf(ref) != null),
            new Shape(StateChain.PREFIX, "refs/gatos/state/<ns>", "it is not read as a state chain",
                    ref -> StateChain.namespaceOf(ref) != null),
            new Shape(JobScan.PREFIX, "refs/gatos/jobs/<job-id>/job, .../claims/<worker-id> or .../result",
                    "it is not read as part of a job", JobScan::isJobRef));

    private RefShapes() {
    }

    /** Reports every misshapen ref of {@code snapshot} to {@code findings}. */
    static void report(LedgerSnapshot snapshot, Consumer<Finding> findings) {
        for (Shape shape : SHAPES) {
            for (Map.Entry<String, ObjectId> ref : snapshot.refsUnder(shape.prefix()).entrySet()) {
                if (!shape.accepts().test(ref.getKey())) {
                    findings.accept(new Finding(ref.getKey(), ref.getValue().name(), null, FindingCode.BAD_REF,
                            message(shape, ref.getKey())));
                }
            }
        }
    }

    private static String message(Shape shape, String ref) {
        String rest = ref.substring(shape.prefix().length());
        int segments = rest.isEmpty() ? 0 : rest.split("/", -1).length;
        return ref + " does not have the shape " + shape.pattern() + " (" + segments
                + (segments == 1 ? " segment" : " segments") + " after " + shape.prefix() + "); " + shape.skipped()
                + ". Rename the ref to that shape, or move it out of " + shape.prefix();
    }
}
