package io.gatos.sql.calcite.pushdown;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gatos.sql.ledger.KeyRange;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ConstraintsTest {
    @Test
    void noneRestrictsNothing() {
        Constraints none = Constraints.none();
        assertThat(none.isEmpty()).isTrue();
        assertThat(none.values("ns")).isNull();
        assertThat(none).hasToString("{}");
        assertThat(new Constraints.Builder().build()).isSameAs(none);
    }

    @Test
    void aColumnRestrictedTwiceKeepsTheIntersection() {
        Constraints.Builder b = new Constraints.Builder();
        b.restrict("ns", Set.of("a", "b", "c"));
        b.restrict("ns", Set.of("b", "c", "d"));
        b.restrict("stream", Set.of("a/x"));
        Constraints c = b.build();
        assertThat(c.isEmpty()).isFalse();
        assertThat(c.values("ns")).containsExactlyInAnyOrder("b", "c");
        assertThat(c.values("stream")).containsExactly("a/x");
        assertThat(c.values("id")).isNull();
    }

    @Test
    void disjointRestrictionsAdmitNothingRatherThanEverything() {
        Constraints.Builder b = new Constraints.Builder();
        b.restrict("ns", Set.of("a"));
        b.restrict("ns", Set.of("b"));
        Constraints c = b.build();
        assertThat(c.values("ns")).isNotNull().isEmpty();
        assertThat(c.isEmpty()).as("a column is restricted, to nothing").isFalse();
    }

    @Test
    void builtConstraintsDoNotChangeWithTheirInputsOrTheBuilder() {
        Set<String> input = new HashSet<>(List.of("a", "b"));
        Constraints.Builder b = new Constraints.Builder();
        b.restrict("ns", input);
        input.add("c");
        Constraints first = b.build();
        b.restrict("ns", Set.of("a"));
        assertThat(first.values("ns")).containsExactlyInAnyOrder("a", "b");
        assertThat(b.build().values("ns")).containsExactly("a");
        assertThatThrownBy(() -> first.values("ns").add("z")).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void aRangeHintRidesAlongWithoutRestrictingAColumn() {
        KeyRange range = new KeyRange(1L, 2L, "A", null);
        Constraints c = Constraints.none().withRange(range);
        assertThat(Constraints.none().range()).isEqualTo(KeyRange.ALL);
        assertThat(c.range()).isEqualTo(range);
        assertThat(c.isEmpty()).as("a hint is not a restriction").isTrue();
        assertThat(c.withRange(null).range()).isEqualTo(KeyRange.ALL);
        assertThat(Constraints.none().withRange(KeyRange.ALL)).isSameAs(Constraints.none());
        Constraints.Builder b = new Constraints.Builder();
        b.restrict("ns", Set.of("a"));
        Constraints both = b.build().withRange(range);
        assertThat(both.values("ns")).containsExactly("a");
        assertThat(both).hasToString("{ns=[a]} " + range);
    }
}
