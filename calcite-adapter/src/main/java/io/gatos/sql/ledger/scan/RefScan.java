package io.gatos.sql.ledger.scan;

import io.gatos.sql.layout.Plane;
import io.gatos.sql.ledger.LedgerSnapshot;
import io.gatos.sql.ledger.RefRecord;
import io.gatos.sql.ledger.git.GitObjects;
import io.gatos.sql.ledger.git.LazyStream;
import java.io.IOException;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.eclipse.jgit.lib.ObjectId;

/** Lists the refs of a snapshot with the type of what they point at; one object header read per ref. */
public final class RefScan {
    private RefScan() {
    }

    /** Returns a lazy stream of refs, restricted to {@code names} when not null. */
    public static Stream<RefRecord> stream(LedgerSnapshot snapshot, Set<String> names) {
        GitObjects objects = snapshot.openObjects();
        Iterator<Map.Entry<String, ObjectId>> refs = snapshot.refs().entrySet().iterator();
        return LazyStream.of(() -> {
            while (refs.hasNext()) {
                var ref = refs.next();
                if (names == null || names.contains(ref.getKey())) {
                    return new RefRecord(ref.getKey(), ref.getValue().name(), objects.typeName(ref.getValue()),
                            Plane.of(ref.getKey()).sqlName());
                }
            }
            return null;
        }, objects);
    }
}
