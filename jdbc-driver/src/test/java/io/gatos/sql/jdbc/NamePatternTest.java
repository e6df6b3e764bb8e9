package io.gatos.sql.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class NamePatternTest {

    @Test
    void patternsUseTheJdbcWildcardsAndEscape() {
        NamePattern events = NamePattern.like("ev%", false);
        assertThat(events.matches("events")).isTrue();
        assertThat(events.matches("shiplog")).isFalse();
        assertThat(NamePattern.like("state_nodes", true).matches("stateXnodes")).as("_ is any one character").isTrue();
        assertThat(NamePattern.like("state\\_nodes", true).matches("stateXnodes")).isFalse();
        assertThat(NamePattern.like("state\\_nodes", true).matches("state_nodes")).isTrue();
        assertThat(NamePattern.like("100\\%", true).matches("100%")).isTrue();
        assertThat(NamePattern.like("100\\%", true).matches("1000")).isFalse();
        assertThat(NamePattern.like("a.b*", true).matches("a.b*")).as("regex characters are plain").isTrue();
        assertThat(NamePattern.like("a.b*", true).matches("axbb")).isFalse();
        assertThat(NamePattern.like("%", true).matches("")).isTrue();
    }

    @Test
    void letterCaseCountsOnlyWhenTheConnectionIsCaseSensitive() {
        assertThat(NamePattern.like("EVENTS", false).matches("events")).isTrue();
        assertThat(NamePattern.like("Ev%", false).matches("eVENTS")).isTrue();
        assertThat(NamePattern.like("ÉTÉ", false).matches("été")).as("beyond ASCII too").isTrue();
        assertThat(NamePattern.like("EVENTS", true).matches("events")).isFalse();
        assertThat(NamePattern.exact("EVENTS", false).matches("events")).isTrue();
        assertThat(NamePattern.exact("events", true).matches("Events")).isFalse();
    }

    @Test
    void exactNamesHaveNoWildcards() {
        assertThat(NamePattern.exact("ev%", false).matches("events")).isFalse();
        assertThat(NamePattern.exact("ev%", false).matches("ev%")).isTrue();
        assertThat(NamePattern.exact("state_nodes", false).matches("stateXnodes")).isFalse();
        assertThat(NamePattern.exact("a\\b", false).matches("a\\b")).isTrue();
    }

    @Test
    void nullDoesNotNarrowAndEmptyMatchesOnlyTheUnnamed() {
        assertThat(NamePattern.like(null, true).matches("anything")).isTrue();
        assertThat(NamePattern.like(null, true).matches(null)).isTrue();
        assertThat(NamePattern.like("", true).matches(null)).isTrue();
        assertThat(NamePattern.like("", true).matches("gatos")).isFalse();
        assertThat(NamePattern.like("%", true).matches(null)).as("a pattern never matches a missing name").isFalse();
        assertThat(NamePattern.exact("gatos", false).matches(null)).isFalse();
    }
}
