package io.gatos.sql.calcite.pushdown;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.calcite.jdbc.JavaTypeFactoryImpl;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.apache.calcite.sql.type.SqlTypeName;
import org.junit.jupiter.api.Test;

class PushdownTest {
    private final JavaTypeFactoryImpl types = new JavaTypeFactoryImpl();
    private final RexBuilder rex = new RexBuilder(types);
    private final RelDataType varchar = types.createSqlType(SqlTypeName.VARCHAR);

    private RexNode col(int i) {
        return rex.makeInputRef(varchar, i);
    }

    private RexNode eq(RexNode a, RexNode b) {
        return rex.makeCall(SqlStdOperatorTable.EQUALS, a, b);
    }

    @Test
    void takesEqualitiesAndInListsOnPushableColumnsOnly() {
        List<RexNode> filters = new ArrayList<>(List.of(
                eq(col(1), rex.makeLiteral("orders")),
                eq(rex.makeLiteral("x"), col(3)),
                rex.makeIn(col(0), List.of(rex.makeLiteral("a"), rex.makeLiteral("b"))),
                eq(col(5), rex.makeLiteral("not pushable"))));
        Constraints c = Pushdown.extract(filters, Map.of(0, "id", 1, "ns", 3, "stream"));
        assertThat(c.values("ns")).containsExactly("orders");
        assertThat(c.values("stream")).containsExactly("x");
        assertThat(c.values("id")).containsExactlyInAnyOrder("a", "b");
        assertThat(filters).hasSize(1);
    }

    @Test
    void intersectsRepeatedRestrictionsAndLeavesOtherShapes() {
        List<RexNode> filters = new ArrayList<>(List.of(
                rex.makeIn(col(1), List.of(rex.makeLiteral("a"), rex.makeLiteral("b"))),
                eq(col(1), rex.makeLiteral("b")),
                rex.makeCall(SqlStdOperatorTable.OR, eq(col(1), rex.makeLiteral("a")), eq(col(2), rex.makeLiteral("z"))),
                rex.makeCall(SqlStdOperatorTable.GREATER_THAN, col(1), rex.makeLiteral("a")),
                eq(col(1), col(2))));
        Constraints c = Pushdown.extract(filters, Map.of(1, "ns", 2, "stream"));
        assertThat(c.values("ns")).containsExactly("b");
        assertThat(c.values("stream")).isNull();
        assertThat(filters).hasSize(3);
    }

    @Test
    void narrowsByTheConjunctsOfAnAndButLeavesItForCalcite() {
        RexNode and = rex.makeCall(SqlStdOperatorTable.AND, eq(col(1), rex.makeLiteral("b")),
                rex.makeCall(SqlStdOperatorTable.NOT_EQUALS, col(5), rex.makeLiteral("")));
        List<RexNode> filters = new ArrayList<>(List.of(and));
        Constraints c = Pushdown.extract(filters, Map.of(1, "ns"));
        assertThat(c.values("ns")).containsExactly("b");
        assertThat(filters).containsExactly(and);
    }

    @Test
    void noFiltersMeansNoConstraints() {
        assertThat(Pushdown.extract(new ArrayList<>(), Map.of(0, "id")).isEmpty()).isTrue();
    }
}
