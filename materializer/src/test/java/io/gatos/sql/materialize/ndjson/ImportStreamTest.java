package io.gatos.sql.materialize.ndjson;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.eclipse.jgit.lib.ObjectId;
import org.junit.jupiter.api.Test;

class ImportStreamTest {
    private static final String REF = "refs/gatos/journal/ns/actor";
    private static final String A = "01ARZ3NDEKTSV4RRFFQ69G5FAA";
    private static final String B = "01ARZ3NDEKTSV4RRFFQ69G5FAB";
    private static final ObjectId C1 = ObjectId.fromString("11".repeat(20));
    private static final ObjectId C2 = ObjectId.fromString("22".repeat(20));

    @Test
    void rejectsDuplicateAndOutOfOrderUlidsNamingTheEarlierLine() throws ImportException {
        ImportStream s = new ImportStream(REF, null, new UlidSet().seal());
        s.checkNext(B, 3);
        s.advance(C1, true, B, 3, 0);

        assertThatThrownBy(() -> s.checkNext(B, 4)).isInstanceOf(ImportException.class)
                .hasMessage("line 4: duplicate ULID " + B + " in " + REF + " (also on line 3)");
        assertThatThrownBy(() -> s.checkNext(A, 5)).isInstanceOf(ImportException.class)
                .hasMessage("line 5: ULID " + A + " is out of order in " + REF + ": not after " + B + " (line 3)");
    }

    @Test
    void rejectsUlidsAlreadyInTheTarget() {
        UlidSet existing = new UlidSet();
        existing.add(A);
        ImportStream s = new ImportStream(REF, C1, existing.seal());

        assertThatThrownBy(() -> s.checkNext(A, 1)).isInstanceOf(ImportException.class)
                .hasMessage("line 1: duplicate ULID " + A + ": already in the target's " + REF);
    }

    @Test
    void copiesExactlyOnlyFromAnAbsentRefContiguouslyFromPositionZero() {
        ImportStream absent = new ImportStream(REF, null, new UlidSet().seal());
        assertThat(absent.mayCopy(1)).isFalse();
        assertThat(absent.mayCopy(0)).isTrue();
        absent.advance(C1, true, A, 1, 0);
        assertThat(absent.tip()).isEqualTo(C1);
        assertThat(absent.mayCopy(1)).isTrue();
        absent.advance(C2, false, B, 2, 1);
        assertThat(absent.mayCopy(2)).isFalse();
        assertThat(absent.imported()).isEqualTo(2);

        assertThat(new ImportStream(REF, C1, new UlidSet().seal()).mayCopy(0)).isFalse();
    }
}
