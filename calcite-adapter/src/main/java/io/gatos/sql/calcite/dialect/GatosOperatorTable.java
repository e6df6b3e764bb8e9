package io.gatos.sql.calcite.dialect;

import java.util.List;
import org.apache.calcite.config.CalciteConnectionConfig;
import org.apache.calcite.schema.impl.AggregateFunctionImpl;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.sql.SqlCallBinding;
import org.apache.calcite.sql.SqlFunction;
import org.apache.calcite.sql.SqlFunctionCategory;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlOperandCountRange;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.SqlOperatorTable;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.apache.calcite.sql.type.InferTypes;
import org.apache.calcite.sql.type.OperandTypes;
import org.apache.calcite.sql.type.ReturnTypes;
import org.apache.calcite.sql.type.SqlOperandCountRanges;
import org.apache.calcite.sql.type.SqlOperandMetadata;
import org.apache.calcite.sql.type.SqlOperandTypeChecker;
import org.apache.calcite.sql.type.SqlReturnTypeInference;
import org.apache.calcite.sql.type.SqlTypeFamily;
import org.apache.calcite.sql.type.SqlTypeName;
import org.apache.calcite.sql.type.SqlTypeTransforms;
import org.apache.calcite.sql.type.SqlTypeUtil;
import org.apache.calcite.sql.util.SqlOperatorTables;
import org.apache.calcite.sql.validate.SqlUserDefinedAggFunction;
import org.apache.calcite.util.Optionality;

/**
 * Holds the PostgreSQL functions analysts expect that Calcite's libraries lack: {@code DATE_TRUNC},
 * {@code NOW}, {@code MEDIAN} and executable {@code PERCENTILE_CONT}/{@code PERCENTILE_DISC}.
 * {@link DialectRewrites} turns calls of {@code DATE_TRUNC} and {@code NOW} into Calcite's own
 * operators before validation (they are listed here so that they can be found by name, in
 * suggestions and metadata), and {@code MEDIAN(x)} and the {@code WITHIN GROUP} form of the
 * percentiles into the three-argument aggregates below. Immutable.
 */
public final class GatosOperatorTable {
    /** {@code PERCENTILE_CONT(value, fraction, descending)}: the aggregate the WITHIN GROUP form becomes. */
    public static final SqlUserDefinedAggFunction PERCENTILE_CONT = percentile("PERCENTILE_CONT", Percentiles.Cont.class);
    /** {@code PERCENTILE_DISC(value, fraction, descending)}: the aggregate the WITHIN GROUP form becomes. */
    public static final SqlUserDefinedAggFunction PERCENTILE_DISC = percentile("PERCENTILE_DISC", Percentiles.Disc.class);
    /** {@code DATE_TRUNC(unit, timestamp)}, PostgreSQL's argument order. */
    static final SqlFunction DATE_TRUNC = named("DATE_TRUNC", ReturnTypes.ARG1_NULLABLE,
            OperandTypes.family(SqlTypeFamily.CHARACTER, SqlTypeFamily.DATETIME));
    /** {@code NOW()}: the statement's time, as {@code CURRENT_TIMESTAMP}. */
    static final SqlFunction NOW = named("NOW", ReturnTypes.explicit(SqlTypeName.TIMESTAMP, 3), OperandTypes.NILADIC);
    /** {@code MEDIAN(value, 0.5, false)}: what {@code MEDIAN(value)} becomes; {@link #PERCENTILE_CONT} by its own name. */
    public static final SqlUserDefinedAggFunction MEDIAN = percentile("MEDIAN", Percentiles.Cont.class);

    /** The table: to be chained before Calcite's operators. */
    public static final SqlOperatorTable INSTANCE = SqlOperatorTables.of(List.of(PERCENTILE_CONT, PERCENTILE_DISC,
            DATE_TRUNC, NOW, MEDIAN));

    private GatosOperatorTable() {
    }

    /**
     * Returns the functions of a connection with settings {@code config}: these, then its {@code fun}
     * libraries (Calcite's standard operators included). JDBC metadata lists them.
     */
    public static SqlOperatorTable forConnection(CalciteConnectionConfig config) {
        return SqlOperatorTables.chain(INSTANCE, config.fun(SqlOperatorTable.class, SqlStdOperatorTable.instance()));
    }

    private static SqlUserDefinedAggFunction percentile(String name, Class<?> implementation) {
        return new SqlUserDefinedAggFunction(new SqlIdentifier(name, SqlParserPos.ZERO), SqlKind.OTHER_FUNCTION,
                ReturnTypes.explicit(SqlTypeName.DOUBLE).andThen(SqlTypeTransforms.FORCE_NULLABLE),
                InferTypes.FIRST_KNOWN,
                new PercentileOperands(name),
                AggregateFunctionImpl.create(implementation), false, false, Optionality.FORBIDDEN);
    }

    /** Requires numbers for the value and the fraction (no implicit cast from text or timestamps). */
    private record PercentileOperands(String name) implements SqlOperandMetadata {
        @Override
        public List<RelDataType> paramTypes(RelDataTypeFactory typeFactory) {
            return List.of(typeFactory.createSqlType(SqlTypeName.DOUBLE), typeFactory.createSqlType(SqlTypeName.DOUBLE),
                    typeFactory.createSqlType(SqlTypeName.BOOLEAN));
        }

        @Override
        public List<String> paramNames() {
            return List.of("value", "fraction", "descending");
        }

        @Override
        public boolean checkOperandTypes(SqlCallBinding binding, boolean throwOnFailure) {
            for (int i = 0; i < 2; i++) {
                RelDataType type = binding.getOperandType(i);
                if (!SqlTypeUtil.isNumeric(type) && type.getSqlTypeName() != SqlTypeName.NULL) {
                    if (!throwOnFailure) {
                        return false;
                    }
                    throw DialectRewrites.error(binding.operand(i).getParserPosition(), name + " takes "
                            + (i == 0 ? "numbers" : "a fraction between 0 and 1") + ", not " + type);
                }
            }
            return true;
        }

        @Override
        public SqlOperandCountRange getOperandCountRange() {
            return SqlOperandCountRanges.of(3);
        }

        @Override
        public String getAllowedSignatures(SqlOperator op, String opName) {
            return name.equals("MEDIAN") ? "MEDIAN(<number>)" : name + "(<fraction>) WITHIN GROUP (ORDER BY <number>)";
        }
    }

    private static SqlFunction named(String name, SqlReturnTypeInference type, SqlOperandTypeChecker operands) {
        return new SqlFunction(name, SqlKind.OTHER_FUNCTION, type, null, operands, SqlFunctionCategory.SYSTEM);
    }
}
