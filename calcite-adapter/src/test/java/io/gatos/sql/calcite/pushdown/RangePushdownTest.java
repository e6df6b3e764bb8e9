package io.gatos.sql.calcite.pushdown;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.common.collect.ImmutableRangeSet;
import com.google.common.collect.Range;
import io.gatos.sql.ledger.KeyRange;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.jdbc.JavaTypeFactoryImpl;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexUnknownAs;
import org.apache.calcite.sql.SqlCollation;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.apache.calcite.sql.type.SqlTypeName;
import org.apache.calcite.util.NlsString;
import org.apache.calcite.util.Sarg;
import org.apache.calcite.util.TimestampString;
import org.junit.jupiter.api.Test;

class RangePushdownTest {
    private static final int ID = 0;
    private static final int TS = 1;
    private static final long JAN1 = 1_767_225_600_000L;
    private static final long JAN2 = JAN1 + 86_400_000L;

    private final JavaTypeFactoryImpl types = new JavaTypeFactoryImpl();
    private final RexBuilder rex = new RexBuilder(types);
    private final RelDataType varchar = types.createSqlType(SqlTypeName.VARCHAR);
    private final RelDataType timestamp = types.createSqlType(SqlTypeName.TIMESTAMP, 3);
    private final RelDataType bigint = types.createSqlType(SqlTypeName.BIGINT);
    private final RexNode id = rex.makeInputRef(varchar, ID);
    private final RexNode ts = rex.makeInputRef(timestamp, TS);
    private final RexNode other = rex.makeInputRef(bigint, 2);

    private RexNode call(SqlOperator op, RexNode... operands) {
        return rex.makeCall(op, operands);
    }

    private RexNode time(String text) {
        return rex.makeTimestampLiteral(new TimestampString(text), 3);
    }

    private RexNode text(String value) {
        return rex.makeLiteral(value);
    }

    private static KeyRange extract(RexNode... filters) {
        List<RexNode> list = new ArrayList<>(List.of(filters));
        KeyRange range = RangePushdown.extract(list, TS, ID);
        assertThat(list).as("range filters stay for Calcite").containsExactly(filters);
        return range;
    }

    private static KeyRange ts(Long from, Long to) {
        return new KeyRange(from, to, null, null);
    }

    private static KeyRange ids(String from, String to) {
        return new KeyRange(null, null, from, to);
    }

    @Test
    void comparisonsWithALiteralBoundEitherSideInclusively() {
        RexNode jan1 = time("2026-01-01 00:00:00");
        assertThat(extract(call(SqlStdOperatorTable.GREATER_THAN_OR_EQUAL, ts, jan1))).isEqualTo(ts(JAN1, null));
        assertThat(extract(call(SqlStdOperatorTable.GREATER_THAN, ts, jan1))).isEqualTo(ts(JAN1 + 1, null));
        assertThat(extract(call(SqlStdOperatorTable.LESS_THAN_OR_EQUAL, ts, jan1))).isEqualTo(ts(null, JAN1));
        assertThat(extract(call(SqlStdOperatorTable.LESS_THAN, ts, jan1))).isEqualTo(ts(null, JAN1 - 1));
        assertThat(extract(call(SqlStdOperatorTable.EQUALS, ts, jan1))).isEqualTo(ts(JAN1, JAN1));
        assertThat(extract(call(SqlStdOperatorTable.LESS_THAN, jan1, ts))).isEqualTo(ts(JAN1 + 1, null));
        assertThat(extract(call(SqlStdOperatorTable.GREATER_THAN_OR_EQUAL, text("01B"), id))).isEqualTo(ids(null, "01B"));
        assertThat(extract(call(SqlStdOperatorTable.EQUALS, text("01A"), id))).isEqualTo(ids("01A", "01A"));
        assertThat(extract(call(SqlStdOperatorTable.GREATER_THAN, id, text("01A")))).isEqualTo(ids("01A", null));
        assertThat(extract(call(SqlStdOperatorTable.LESS_THAN_OR_EQUAL, ts, time("2026-01-01 00:00:00.250"))))
                .isEqualTo(ts(null, JAN1 + 250));
    }

    @Test
    void castsThatKeepValuesAreLookedThrough() {
        RelDataType ts0 = types.createSqlType(SqlTypeName.TIMESTAMP, 0);
        RexNode jan1At0 = rex.makeTimestampLiteral(new TimestampString("2026-01-01 00:00:00"), 0);
        assertThat(extract(call(SqlStdOperatorTable.GREATER_THAN_OR_EQUAL, ts,
                rex.makeAbstractCast(timestamp, jan1At0, false)))).isEqualTo(ts(JAN1, null));
        assertThat(extract(call(SqlStdOperatorTable.GREATER_THAN_OR_EQUAL,
                rex.makeAbstractCast(types.createSqlType(SqlTypeName.TIMESTAMP, 6), ts, false), jan1At0)))
                .isEqualTo(ts(JAN1, null));
        assertThat(extract(call(SqlStdOperatorTable.LESS_THAN, rex.makeAbstractCast(varchar, id, false),
                rex.makeAbstractCast(varchar, text("01Z"), false)))).isEqualTo(ids(null, "01Z"));

        assertThat(extract(call(SqlStdOperatorTable.LESS_THAN_OR_EQUAL, rex.makeAbstractCast(ts0, ts, false),
                jan1At0))).as("a cast dropping precision").isEqualTo(KeyRange.ALL);
        assertThat(extract(call(SqlStdOperatorTable.EQUALS,
                rex.makeAbstractCast(types.createSqlType(SqlTypeName.DATE), ts, false),
                rex.makeDateLiteral(new org.apache.calcite.util.DateString("2026-01-01")))))
                .as("a cast to DATE").isEqualTo(KeyRange.ALL);
        assertThat(extract(call(SqlStdOperatorTable.EQUALS,
                rex.makeAbstractCast(types.createSqlType(SqlTypeName.VARCHAR, 2), id, false), text("01"))))
                .as("a truncating cast of the column").isEqualTo(KeyRange.ALL);
        assertThat(extract(call(SqlStdOperatorTable.GREATER_THAN_OR_EQUAL, id,
                rex.makeAbstractCast(types.createSqlType(SqlTypeName.VARCHAR, 2), text("01Z"), false))))
                .as("a truncating cast of the literal").isEqualTo(KeyRange.ALL);
        assertThat(extract(call(SqlStdOperatorTable.LESS_THAN_OR_EQUAL, id,
                rex.makeAbstractCast(types.createSqlType(SqlTypeName.CHAR, 5), text("01Z"), false))))
                .as("a padding cast of the literal").isEqualTo(KeyRange.ALL);
        assertThat(extract(call(SqlStdOperatorTable.GREATER_THAN_OR_EQUAL, ts,
                rex.makeAbstractCast(timestamp, text("2026-01-01 00:00:00"), false))))
                .as("a string cast to a timestamp").isEqualTo(KeyRange.ALL);
    }

    @Test
    void betweenArrivesAsASearchAndSearchesGiveTheirHull() {
        assertThat(extract(rex.makeBetween(ts, time("2026-01-01 00:00:00"), time("2026-01-02 00:00:00"))))
                .isEqualTo(ts(JAN1, JAN2));
        Sarg<TimestampString> halfOpen = Sarg.of(RexUnknownAs.UNKNOWN, ImmutableRangeSet.of(Range.open(
                new TimestampString("2026-01-01 00:00:00"), new TimestampString("2026-01-02 00:00:00"))));
        assertThat(extract(call(SqlStdOperatorTable.SEARCH, ts, rex.makeSearchArgumentLiteral(halfOpen, timestamp))))
                .as("open ends of time move a millisecond").isEqualTo(ts(JAN1 + 1, JAN2 - 1));
        assertThat(extract(rex.makeBetween(id, text("01A"), text("01C")))).isEqualTo(ids("01A", "01C"));
        assertThat(extract(rex.makeIn(id, List.of(text("01C"), text("01A"), text("01B")))))
                .isEqualTo(ids("01A", "01C"));
        Sarg<NlsString> twoRanges = Sarg.of(RexUnknownAs.UNKNOWN, ImmutableRangeSet.<NlsString>builder()
                .add(Range.closed(nls("a"), nls("c"))).add(Range.closedOpen(nls("x"), nls("z"))).build());
        assertThat(extract(search(id, twoRanges))).isEqualTo(ids("a", "z"));
    }

    @Test
    void searchesWithAnOpenSideOrNullsAdmittedBoundOnlyWhatTheyMay() {
        Sarg<NlsString> atLeast = Sarg.of(RexUnknownAs.FALSE, ImmutableRangeSet.of(Range.atLeast(nls("m"))));
        assertThat(extract(search(id, atLeast))).isEqualTo(ids("m", null));
        Sarg<NlsString> notBetween = Sarg.of(RexUnknownAs.UNKNOWN, ImmutableRangeSet.<NlsString>builder()
                .add(Range.lessThan(nls("a"))).add(Range.greaterThan(nls("b"))).build());
        assertThat(extract(search(id, notBetween))).isEqualTo(KeyRange.ALL);
        Sarg<NlsString> orNull = Sarg.of(RexUnknownAs.TRUE, ImmutableRangeSet.of(Range.closed(nls("a"), nls("b"))));
        assertThat(extract(search(id, orNull))).isEqualTo(KeyRange.ALL);
        assertThat(extract(rex.makeIn(other, List.of(rex.makeBigintLiteral(java.math.BigDecimal.ONE),
                rex.makeBigintLiteral(java.math.BigDecimal.TEN))))).isEqualTo(KeyRange.ALL);
    }

    @Test
    void conjunctionsIntersectAndDisjunctionsTakeTheHullOfOneColumn() {
        RexNode after = call(SqlStdOperatorTable.GREATER_THAN_OR_EQUAL, ts, time("2026-01-01 00:00:00"));
        RexNode before = call(SqlStdOperatorTable.LESS_THAN, ts, time("2026-01-02 00:00:00"));
        RexNode idFrom = call(SqlStdOperatorTable.GREATER_THAN_OR_EQUAL, id, text("01A"));
        RexNode unknown = call(SqlStdOperatorTable.EQUALS, other, rex.makeBigintLiteral(java.math.BigDecimal.ONE));
        assertThat(extract(call(SqlStdOperatorTable.AND, after, before, idFrom, unknown)))
                .isEqualTo(new KeyRange(JAN1, JAN2 - 1, "01A", null));
        assertThat(extract(after, before, idFrom)).isEqualTo(new KeyRange(JAN1, JAN2 - 1, "01A", null));
        assertThat(extract(call(SqlStdOperatorTable.OR, call(SqlStdOperatorTable.EQUALS, id, text("01B")),
                call(SqlStdOperatorTable.EQUALS, id, text("01D"))))).isEqualTo(ids("01B", "01D"));
        assertThat(extract(call(SqlStdOperatorTable.OR, call(SqlStdOperatorTable.AND, after, before),
                call(SqlStdOperatorTable.EQUALS, ts, time("2026-01-05 00:00:00")))))
                .isEqualTo(ts(JAN1, JAN1 + 4 * 86_400_000L));
        assertThat(extract(call(SqlStdOperatorTable.OR, call(SqlStdOperatorTable.EQUALS, ts, time("2025-12-31 00:00:00")),
                call(SqlStdOperatorTable.AND, after, before)))).isEqualTo(ts(JAN1 - 86_400_000L, JAN2 - 1));
        assertThat(extract(call(SqlStdOperatorTable.OR, after, idFrom))).as("two columns").isEqualTo(KeyRange.ALL);
        assertThat(extract(call(SqlStdOperatorTable.OR, after, unknown))).isEqualTo(KeyRange.ALL);
        assertThat(extract(call(SqlStdOperatorTable.OR, after, before))).as("open both ways").isEqualTo(KeyRange.ALL);
    }

    @Test
    void anythingElseGivesNoBound() {
        RexNode now = rex.makeCall(SqlStdOperatorTable.CURRENT_TIMESTAMP);
        assertThat(extract(call(SqlStdOperatorTable.GREATER_THAN, ts, rex.makeAbstractCast(timestamp, now, false))))
                .as("not a literal").isEqualTo(KeyRange.ALL);
        assertThat(extract(call(SqlStdOperatorTable.NOT_EQUALS, id, text("01A")))).isEqualTo(KeyRange.ALL);
        assertThat(extract(call(SqlStdOperatorTable.LIKE, id, text("01%")))).isEqualTo(KeyRange.ALL);
        assertThat(extract(call(SqlStdOperatorTable.NOT, call(SqlStdOperatorTable.LESS_THAN, id, text("01A")))))
                .isEqualTo(KeyRange.ALL);
        assertThat(extract(call(SqlStdOperatorTable.GREATER_THAN, other,
                rex.makeBigintLiteral(java.math.BigDecimal.ONE)))).as("another column").isEqualTo(KeyRange.ALL);
        assertThat(extract(call(SqlStdOperatorTable.GREATER_THAN, id, rex.makeInputRef(varchar, 3))))
                .as("two columns").isEqualTo(KeyRange.ALL);
        assertThat(extract(call(SqlStdOperatorTable.EQUALS, id, rex.makeNullLiteral(varchar)))).isEqualTo(KeyRange.ALL);
        assertThat(extract(call(SqlStdOperatorTable.IS_NOT_NULL, ts))).isEqualTo(KeyRange.ALL);
        assertThat(extract(rex.makeLiteral(true))).isEqualTo(KeyRange.ALL);
        assertThat(RangePushdown.extract(new ArrayList<>(List.of(call(SqlStdOperatorTable.EQUALS, id, text("x")))),
                -1, -1)).as("no range columns").isEqualTo(KeyRange.ALL);
        assertThat(extract()).isEqualTo(KeyRange.ALL);
    }

    private RexNode search(RexNode column, Sarg<?> sarg) {
        RelDataType type = types.createTypeWithCharsetAndCollation(varchar, StandardCharsets.ISO_8859_1,
                SqlCollation.IMPLICIT);
        return call(SqlStdOperatorTable.SEARCH, column, rex.makeSearchArgumentLiteral(sarg, type));
    }

    private static NlsString nls(String value) {
        return new NlsString(value, "ISO-8859-1", SqlCollation.IMPLICIT);
    }
}
