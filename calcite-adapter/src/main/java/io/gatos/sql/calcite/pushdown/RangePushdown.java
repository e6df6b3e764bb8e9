package io.gatos.sql.calcite.pushdown;

import com.google.common.collect.BoundType;
import com.google.common.collect.Range;
import io.gatos.sql.ledger.KeyRange;
import java.util.List;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.rex.RexInputRef;
import org.apache.calcite.rex.RexLiteral;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexUnknownAs;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.type.SqlTypeFamily;
import org.apache.calcite.sql.type.SqlTypeName;
import org.apache.calcite.util.NlsString;
import org.apache.calcite.util.Sarg;
import org.apache.calcite.util.TimestampString;

/**
 * Derives a {@link KeyRange} from the filters Calcite offers a scan: comparisons of the time or id
 * column with a literal, {@code SEARCH} ranges (which is how {@code BETWEEN} and {@code IN} arrive),
 * {@code AND} (intersection) and {@code OR} (hull). The range is a superset hint: strict bounds stay
 * inclusive, anything not understood gives no bound, and the filters stay in the list for Calcite
 * to apply exactly. Pure.
 */
public final class RangePushdown {
    private final int timeColumn;
    private final int idColumn;

    private RangePushdown(int timeColumn, int idColumn) {
        this.timeColumn = timeColumn;
        this.idColumn = idColumn;
    }

    /**
     * Returns the range every row admitted by all of {@code filters} lies in, on the TIMESTAMP
     * column {@code timeColumn} and the VARCHAR column {@code idColumn} (-1: none); never changes
     * the list.
     */
    public static KeyRange extract(List<RexNode> filters, int timeColumn, int idColumn) {
        RangePushdown pushdown = new RangePushdown(timeColumn, idColumn);
        KeyRange range = KeyRange.ALL;
        for (RexNode filter : filters) {
            range = range.intersect(pushdown.range(filter));
        }
        return range;
    }

    private KeyRange range(RexNode node) {
        if (!(node instanceof RexCall call)) {
            return KeyRange.ALL;
        }
        switch (call.getKind()) {
            case AND:
                return call.getOperands().stream().map(this::range).reduce(KeyRange.ALL, KeyRange::intersect);
            case OR:
                return call.getOperands().stream().map(this::range).reduce(RangePushdown::hull).orElse(KeyRange.ALL);
            case SEARCH:
                return search(call);
            case EQUALS:
            case GREATER_THAN:
            case GREATER_THAN_OR_EQUAL:
            case LESS_THAN:
            case LESS_THAN_OR_EQUAL:
                return comparison(call);
            default:
                return KeyRange.ALL;
        }
    }

    private KeyRange comparison(RexCall call) {
        RexNode left = call.getOperands().get(0);
        RexNode right = call.getOperands().get(1);
        SqlKind kind = call.getKind();
        int column = column(left);
        if (column < 0) {
            column = column(right);
            right = left;
            kind = kind.reverse();
        }
        Comparable<?> value = column < 0 ? null : value(right, column == timeColumn);
        if (value == null) {
            return KeyRange.ALL;
        }
        boolean lower = kind == SqlKind.EQUALS || kind == SqlKind.GREATER_THAN || kind == SqlKind.GREATER_THAN_OR_EQUAL;
        boolean upper = kind == SqlKind.EQUALS || kind == SqlKind.LESS_THAN || kind == SqlKind.LESS_THAN_OR_EQUAL;
        return bounds(column, lower ? strict(value, kind == SqlKind.GREATER_THAN, 1) : null,
                upper ? strict(value, kind == SqlKind.LESS_THAN, -1) : null);
    }

    /**
     * Returns an inclusive bound for {@code value}; a strict bound on time moves one millisecond by
     * {@code step} (times are whole milliseconds), a strict bound on text stays inclusive.
     */
    private static Comparable<?> strict(Comparable<?> value, boolean open, int step) {
        return open && value instanceof Long millis ? millis + step : value;
    }

    private KeyRange search(RexCall call) {
        int column = column(call.getOperands().get(0));
        if (column < 0 || !(call.getOperands().get(1) instanceof RexLiteral literal)) {
            return KeyRange.ALL;
        }
        Sarg<?> sarg = literal.getValueAs(Sarg.class);
        if (sarg == null || sarg.nullAs == RexUnknownAs.TRUE || sarg.rangeSet.isEmpty()) {
            return KeyRange.ALL;
        }
        Range<?> span = sarg.rangeSet.span();
        boolean time = column == timeColumn;
        Comparable<?> from = span.hasLowerBound() ? endpoint(span.lowerEndpoint(), time) : null;
        Comparable<?> to = span.hasUpperBound() ? endpoint(span.upperEndpoint(), time) : null;
        return bounds(column, from == null ? null : strict(from, span.lowerBoundType() == BoundType.OPEN, 1),
                to == null ? null : strict(to, span.upperBoundType() == BoundType.OPEN, -1));
    }

    private KeyRange bounds(int column, Comparable<?> from, Comparable<?> to) {
        return column == timeColumn ? new KeyRange((Long) from, (Long) to, null, null)
                : new KeyRange(null, null, (String) from, (String) to);
    }

    /** Returns the smallest range holding both: a side either leaves open stays open. */
    private static KeyRange hull(KeyRange a, KeyRange b) {
        return new KeyRange(a.tsFrom() == null || b.tsFrom() == null ? null : Math.min(a.tsFrom(), b.tsFrom()),
                a.tsTo() == null || b.tsTo() == null ? null : Math.max(a.tsTo(), b.tsTo()),
                a.idFrom() == null || b.idFrom() == null ? null : min(a.idFrom(), b.idFrom()),
                a.idTo() == null || b.idTo() == null ? null : max(a.idTo(), b.idTo()));
    }

    private static String min(String a, String b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    private static String max(String a, String b) {
        return a.compareTo(b) >= 0 ? a : b;
    }

    /** Returns the time or id column {@code node} reads, through value-preserving casts only, else -1. */
    private int column(RexNode node) {
        RexNode bare = node;
        if (node.isA(SqlKind.CAST)) {
            bare = ((RexCall) node).getOperands().get(0);
            if (!widens(bare.getType(), node.getType())) {
                return -1;
            }
        }
        if (!(bare instanceof RexInputRef ref)) {
            return -1;
        }
        int index = ref.getIndex();
        boolean time = index == timeColumn && bare.getType().getSqlTypeName() == SqlTypeName.TIMESTAMP;
        boolean id = index == idColumn && bare.getType().getSqlTypeName() == SqlTypeName.VARCHAR;
        return time || id ? index : -1;
    }

    /** Returns whether a cast from {@code from} to {@code to} keeps every value as it is. */
    private static boolean widens(RelDataType from, RelDataType to) {
        if (from.getSqlTypeName() != to.getSqlTypeName()) {
            return false;
        }
        int target = to.getPrecision();
        return target == RelDataType.PRECISION_NOT_SPECIFIED
                || from.getPrecision() != RelDataType.PRECISION_NOT_SPECIFIED && target >= from.getPrecision();
    }

    /**
     * Returns the epoch millis of a TIMESTAMP literal or the text of a character literal, through a
     * cast that keeps the value as it is; null for anything else (an expression, NULL, a time zone).
     */
    private static Comparable<?> value(RexNode node, boolean time) {
        RexNode bare = node;
        if (node.isA(SqlKind.CAST)) {
            bare = ((RexCall) node).getOperands().get(0);
            if (!(bare instanceof RexLiteral) || !keeps((RexLiteral) bare, node.getType())) {
                return null;
            }
        }
        if (!(bare instanceof RexLiteral literal) || literal.isNull()) {
            return null;
        }
        SqlTypeName type = literal.getType().getSqlTypeName();
        if (time) {
            return type == SqlTypeName.TIMESTAMP ? literal.getValueAs(Long.class) : null;
        }
        return SqlTypeFamily.CHARACTER.contains(literal.getType()) ? literal.getValueAs(String.class) : null;
    }

    /** Returns whether casting {@code literal} to {@code to} changes neither its kind nor its value. */
    private static boolean keeps(RexLiteral literal, RelDataType to) {
        RelDataType from = literal.getType();
        if (from.getSqlTypeName() == SqlTypeName.TIMESTAMP) {
            return widens(from, to);
        }
        if (!SqlTypeFamily.CHARACTER.contains(from) || literal.isNull()) {
            return false;
        }
        int length = literal.getValueAs(String.class).length();
        int target = to.getPrecision();
        return to.getSqlTypeName() == SqlTypeName.VARCHAR
                ? target == RelDataType.PRECISION_NOT_SPECIFIED || target >= length
                : to.getSqlTypeName() == SqlTypeName.CHAR && target == length;
    }

    /** Returns a Sarg endpoint as epoch millis or text, or null when it is of another kind. */
    private static Comparable<?> endpoint(Object value, boolean time) {
        if (time) {
            return value instanceof TimestampString ts ? ts.getMillisSinceEpoch() : null;
        }
        return value instanceof NlsString nls ? nls.getValue() : value instanceof String s ? s : null;
    }
}
