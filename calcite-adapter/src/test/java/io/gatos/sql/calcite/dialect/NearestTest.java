package io.gatos.sql.calcite.dialect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class NearestTest {
    private static final List<String> KEYWORDS = List.of("SELECT", "FROM", "WHERE", "GROUP", "ORDER", "WITH");

    @Test
    void suggestsTheKeywordOneTypoAway() {
        assertThat(Nearest.nearest("SELEC", KEYWORDS)).contains("SELECT");
        assertThat(Nearest.nearest("wher", KEYWORDS)).contains("WHERE");
        assertThat(Nearest.nearest("GROPU", KEYWORDS)).contains("GROUP");
    }

    @Test
    void countsASwapOfTwoAdjacentLettersAsOneEdit() {
        assertThat(Nearest.distance("form", "from")).isEqualTo(1);
        assertThat(Nearest.nearest("FORM", KEYWORDS)).contains("FROM");
    }

    @Test
    void ignoresLetterCaseAndKeepsTheCandidatesSpelling() {
        assertThat(Nearest.nearest("EVENTS", List.of("events", "shiplog"))).contains("events");
        assertThat(Nearest.nearest("Evnets", List.of("events", "shiplog"))).contains("events");
    }

    @Test
    void prefersTheClosestCandidateThenTheEarliest() {
        assertThat(Nearest.nearest("stat", List.of("status", "state"))).contains("state");
        assertThat(Nearest.nearest("ab", List.of("ax", "xb"))).contains("ax");
        assertThat(Nearest.nearest("ts", List.of("id", "ns"))).contains("ns");
    }

    @Test
    void allowsMoreEditsForLongerWords() {
        assertThat(Nearest.bound(2)).isEqualTo(1);
        assertThat(Nearest.bound(4)).isEqualTo(1);
        assertThat(Nearest.bound(5)).isEqualTo(2);
        assertThat(Nearest.bound(8)).isEqualTo(3);
        assertThat(Nearest.nearest("commitid", List.of("commit_id"))).contains("commit_id");
        assertThat(Nearest.nearest("gvernance_aprovls", List.of("governance_approvals"))).contains("governance_approvals");
    }

    @Test
    void suggestsNothingWhenEveryCandidateIsFar() {
        assertThat(Nearest.nearest("xyz", KEYWORDS)).isEmpty();
        assertThat(Nearest.nearest("SELECTED_ROWS", KEYWORDS)).isEmpty();
        assertThat(Nearest.nearest("  ", KEYWORDS)).isEmpty();
        assertThat(Nearest.nearest("SELEC", List.of())).isEmpty();
    }

    @Test
    void rejectsNullArguments() {
        assertThatThrownBy(() -> Nearest.nearest(null, KEYWORDS)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> Nearest.nearest("a", null)).isInstanceOf(NullPointerException.class);
    }
}
