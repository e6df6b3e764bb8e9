package io.gatos.sql.calcite.dialect;

import java.util.Locale;
import java.util.Map;
import org.apache.calcite.avatica.util.TimeUnit;
import org.apache.calcite.runtime.CalciteContextException;
import org.apache.calcite.sql.SqlBasicCall;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlCharStringLiteral;
import org.apache.calcite.sql.SqlIntervalQualifier;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlLiteral;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.SqlUnresolvedFunction;
import org.apache.calcite.sql.fun.SqlLibraryOperators;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.apache.calcite.sql.validate.SqlValidatorException;

/**
 * Rewrites the PostgreSQL calls Calcite lacks into Calcite's own before validation, one parse-tree
 * node at a time ({@link GatosValidator} applies it to every node): {@code DATE_TRUNC('day', ts)}
 * becomes {@code FLOOR(ts TO DAY)} (weeks start on Monday, as in PostgreSQL), {@code NOW()} becomes
 * {@code CURRENT_TIMESTAMP}, {@code MEDIAN(x)} and
 * {@code PERCENTILE_CONT(f) WITHIN GROUP (ORDER BY x [DESC])} become the executable aggregates of
 * {@link GatosOperatorTable}. Other nodes come back unchanged. Pure.
 */
final class DialectRewrites {
    /** PostgreSQL's {@code date_trunc} fields, singular, to Calcite's FLOOR unit (a time unit or a time frame name). */
    private static final Map<String, Object> TRUNC_UNITS = Map.ofEntries(
            Map.entry("microseconds", TimeUnit.MILLISECOND), Map.entry("milliseconds", TimeUnit.MILLISECOND),
            Map.entry("second", TimeUnit.SECOND), Map.entry("minute", TimeUnit.MINUTE),
            Map.entry("hour", TimeUnit.HOUR), Map.entry("day", TimeUnit.DAY), Map.entry("week", "ISOWEEK"),
            Map.entry("month", TimeUnit.MONTH), Map.entry("quarter", TimeUnit.QUARTER),
            Map.entry("year", TimeUnit.YEAR), Map.entry("decade", TimeUnit.DECADE),
            Map.entry("century", TimeUnit.CENTURY), Map.entry("millennium", TimeUnit.MILLENNIUM));

    private DialectRewrites() {
    }

    /** Returns the rewritten form of {@code node}, or {@code node} itself. */
    static SqlNode rewrite(SqlNode node) {
        if (!(node instanceof SqlCall call)) {
            return node;
        }
        if (call.getKind() == SqlKind.WITHIN_GROUP) {
            return withinGroup(call);
        }
        if (call.getOperator() == SqlLibraryOperators.DATE_TRUNC && call.operandCount() == 2) {
            return dateTrunc(call); // the grammar parses DATE_TRUNC itself, as BigQuery's function
        }
        if (!(call.getOperator() instanceof SqlUnresolvedFunction f)) {
            return node;
        }
        String name = f.getName().toUpperCase(Locale.ROOT);
        int args = call.operandCount();
        return switch (name) {
            case "NOW" -> args == 0 ? SqlStdOperatorTable.CURRENT_TIMESTAMP.createCall(call.getParserPosition())
                    : node;
            case "MEDIAN" -> args == 1 ? percentile(GatosOperatorTable.MEDIAN, call.operand(0), "0.5", false,
                    call.getParserPosition()) : node;
            default -> node;
        };
    }

    private static SqlNode dateTrunc(SqlCall call) {
        SqlParserPos pos = call.getParserPosition();
        if (call.operand(1) instanceof SqlIntervalQualifier unit) { // BigQuery's DATE_TRUNC(ts, DAY)
            return SqlStdOperatorTable.FLOOR.createCall(pos, call.operand(0), unit);
        }
        if (!(call.operand(0) instanceof SqlCharStringLiteral literal)) {
            throw error(call.operand(0).getParserPosition(), "DATE_TRUNC takes its unit as a literal, e.g."
                    + " DATE_TRUNC('day', ts); for a unit chosen per row use CASE");
        }
        String field = literal.getValueAs(String.class).trim().toLowerCase(Locale.ROOT);
        Object unit = TRUNC_UNITS.get(field.endsWith("s") && !TRUNC_UNITS.containsKey(field)
                ? field.substring(0, field.length() - 1) : field);
        if (unit == null) {
            throw error(literal.getParserPosition(), "DATE_TRUNC does not know the unit '" + field + "'; use one of "
                    + "microseconds, milliseconds, second, minute, hour, day, week, month, quarter, year, decade,"
                    + " century, millennium");
        }
        SqlIntervalQualifier qualifier = unit instanceof TimeUnit u ? new SqlIntervalQualifier(u, null, pos)
                : new SqlIntervalQualifier((String) unit, pos);
        return SqlStdOperatorTable.FLOOR.createCall(pos, call.operand(1), qualifier);
    }

    /** Rewrites {@code PERCENTILE_CONT|DISC(f) WITHIN GROUP (ORDER BY x [DESC])}; anything else stays. */
    private static SqlNode withinGroup(SqlCall call) {
        if (!(call.operand(0) instanceof SqlCall aggregate) || !(call.operand(1) instanceof SqlNodeList order)
                || order.size() != 1 || aggregate.operandCount() != 1) {
            return call;
        }
        String name = aggregate.getOperator().getName().toUpperCase(Locale.ROOT);
        if (!name.equals("PERCENTILE_CONT") && !name.equals("PERCENTILE_DISC")) {
            return call;
        }
        SqlNode key = order.get(0);
        boolean descending = key.getKind() == SqlKind.DESCENDING;
        if (descending || key.getKind() == SqlKind.NULLS_FIRST || key.getKind() == SqlKind.NULLS_LAST) {
            key = stripOrdering(key);
        }
        return percentile(name.equals("PERCENTILE_CONT") ? GatosOperatorTable.PERCENTILE_CONT
                : GatosOperatorTable.PERCENTILE_DISC, key, aggregate.operand(0), descending, call.getParserPosition());
    }

    private static SqlNode stripOrdering(SqlNode key) {
        SqlNode bare = key;
        while (bare instanceof SqlCall c && (c.getKind() == SqlKind.DESCENDING || c.getKind() == SqlKind.NULLS_FIRST
                || c.getKind() == SqlKind.NULLS_LAST)) {
            bare = c.operand(0);
        }
        return bare;
    }

    private static SqlNode percentile(SqlOperator op, SqlNode value, String fraction, boolean descending,
            SqlParserPos pos) {
        return percentile(op, value, SqlLiteral.createExactNumeric(fraction, pos), descending, pos);
    }

    private static SqlNode percentile(SqlOperator op, SqlNode value, SqlNode fraction, boolean descending,
            SqlParserPos pos) {
        return new SqlBasicCall(op, new SqlNode[] {value, fraction, SqlLiteral.createBoolean(descending, pos)}, pos);
    }

    /** Returns a validation error at {@code pos} saying {@code message}, as Calcite's validator words its own. */
    static CalciteContextException error(SqlParserPos pos, String message) {
        return new CalciteContextException("From line " + pos.getLineNum() + ", column " + pos.getColumnNum()
                + " to line " + pos.getEndLineNum() + ", column " + pos.getEndColumnNum(),
                new SqlValidatorException(message, null), pos.getLineNum(), pos.getColumnNum(), pos.getEndLineNum(),
                pos.getEndColumnNum());
    }
}
