package io.gatos.sql.calcite.pushdown;

import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.rex.RexInputRef;
import org.apache.calcite.rex.RexLiteral;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.util.NlsString;
import org.apache.calcite.util.Sarg;

/**
 * Turns the conjunctions Calcite offers a scan into {@link Constraints}: {@code col = 'x'},
 * {@code col IN (...)} (as SEARCH or OR of equalities) on the columns a table can push down.
 * Filters it takes are removed from the list (the scan applies them exactly); others stay for
 * Calcite to apply. Pure.
 */
public final class Pushdown {
    private Pushdown() {
    }

    /**
     * Extracts constraints on {@code pushable} (column index to name) and removes the filters used
     * whole. Inside an {@code AND} the pushable conjuncts narrow the scan too, but the {@code AND}
     * stays for Calcite to apply, since a scan may only remove filters it was given.
     */
    public static Constraints extract(List<RexNode> filters, Map<Integer, String> pushable) {
        Constraints.Builder builder = new Constraints.Builder();
        for (Iterator<RexNode> it = filters.iterator(); it.hasNext();) {
            RexNode filter = it.next();
            if (restrict(builder, match(filter), pushable)) {
                it.remove();
            } else if (filter.isA(SqlKind.AND)) {
                ((RexCall) filter).getOperands().forEach(conjunct -> restrict(builder, match(conjunct), pushable));
            }
        }
        return builder.build();
    }

    private static boolean restrict(Constraints.Builder builder, Match match, Map<Integer, String> pushable) {
        if (match == null || !pushable.containsKey(match.column())) {
            return false;
        }
        builder.restrict(pushable.get(match.column()), match.values());
        return true;
    }

    /** A column index and the values it may take. */
    record Match(int column, Set<String> values) {
    }

    static Match match(RexNode node) {
        if (!(node instanceof RexCall call)) {
            return null;
        }
        return switch (call.getKind()) {
            case EQUALS -> equality(call);
            case SEARCH -> search(call);
            case OR -> disjunction(call);
            default -> null;
        };
    }

    private static Match equality(RexCall call) {
        RexNode left = call.getOperands().get(0);
        RexNode right = call.getOperands().get(1);
        Integer column = column(left);
        String value = literal(right);
        if (column == null || value == null) {
            column = column(right);
            value = literal(left);
        }
        return column == null || value == null ? null : new Match(column, Set.of(value));
    }

    private static Match search(RexCall call) {
        Integer column = column(call.getOperands().get(0));
        if (column == null || !(call.getOperands().get(1) instanceof RexLiteral lit)) {
            return null;
        }
        Sarg<?> sarg = lit.getValueAs(Sarg.class);
        if (sarg == null || !sarg.isPoints() || sarg.nullAs != org.apache.calcite.rex.RexUnknownAs.UNKNOWN
                && sarg.nullAs != org.apache.calcite.rex.RexUnknownAs.FALSE) {
            return null;
        }
        Set<String> values = new HashSet<>();
        for (var range : sarg.rangeSet.asRanges()) {
            Object point = range.lowerEndpoint();
            String text = point instanceof NlsString nls ? nls.getValue() : null;
            if (text == null) {
                return null;
            }
            values.add(text);
        }
        return new Match(column, values);
    }

    private static Match disjunction(RexCall call) {
        Integer column = null;
        Set<String> values = new HashSet<>();
        for (RexNode operand : call.getOperands()) {
            Match m = match(operand);
            if (m == null || (column != null && column != m.column())) {
                return null;
            }
            column = m.column();
            values.addAll(m.values());
        }
        return column == null ? null : new Match(column, values);
    }

    private static Integer column(RexNode node) {
        RexNode bare = node.isA(SqlKind.CAST) ? ((RexCall) node).getOperands().get(0) : node;
        return bare instanceof RexInputRef ref ? ref.getIndex() : null;
    }

    private static String literal(RexNode node) {
        RexNode bare = node.isA(SqlKind.CAST) ? ((RexCall) node).getOperands().get(0) : node;
        if (bare instanceof RexLiteral lit && !lit.isNull()) {
            Object v = lit.getValue2();
            return v instanceof String s ? s : null;
        }
        return null;
    }
}
