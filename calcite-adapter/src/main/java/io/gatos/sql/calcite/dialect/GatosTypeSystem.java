package io.gatos.sql.calcite.dialect;

import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.rel.type.RelDataTypeFactoryImpl;
import org.apache.calcite.rel.type.RelDataTypeSystemImpl;
import org.apache.calcite.sql.type.SqlTypeName;
import org.apache.calcite.sql.type.SqlTypeUtil;

/**
 * Derives types as PostgreSQL users and JDBC readers such as Spark expect where Calcite's defaults
 * surprise them: text values of different lengths meet as {@code VARCHAR}, not as blank-padded
 * {@code CHAR} (so {@code CASE ... THEN 'o' ELSE 'other' END} gives {@code 'o'}, not {@code 'o    '});
 * the average (and variance, standard deviation) of integers is a {@code DOUBLE}, not an integer
 * rounded down; the sum of {@code INTEGER}s is a {@code BIGINT} (it does not wrap around at 2^31);
 * {@code DECIMAL} holds 38 digits (Calcite's 19 silently narrowed {@code DECIMAL(38,2)}, and a
 * {@code DECIMAL(30,20)} failed at run time), so a sum of decimals is {@code DECIMAL(38, s)}; and a
 * {@code VARCHAR} may declare any length up to {@link #UNBOUNDED} (Calcite cut longer lengths to
 * 65536). A {@code VARCHAR} of no declared length keeps Calcite's "not specified" (a default here
 * would not hold: Calcite shares types between type systems in one JVM); JDBC metadata reports it
 * as {@link #UNBOUNDED} ({@link ColumnSizes}). Stateless; connections name it with the property
 * {@code typeSystem}.
 */
public final class GatosTypeSystem extends RelDataTypeSystemImpl {
    /** The instance connections use. */
    public static final GatosTypeSystem INSTANCE = new GatosTypeSystem();
    /**
     * The length JDBC metadata reports for a {@code VARCHAR} or {@code VARBINARY} of no declared
     * length (as PostgreSQL's, Trino's and Flink's drivers do), and their longest declared length.
     */
    public static final int UNBOUNDED = Integer.MAX_VALUE;
    /** The most digits a {@code DECIMAL} holds, and the largest scale; as in Spark, SQL Server and DuckDB. */
    public static final int MAX_DECIMAL_DIGITS = 38;
    /** The scale a product too large for 38 digits keeps at least (unless its own is smaller). */
    private static final int MIN_REDUCED_SCALE = 6;

    private GatosTypeSystem() {
    }

    @Override
    public boolean shouldConvertRaggedUnionTypesToVarying() {
        return true;
    }

    @Override
    public int getMaxPrecision(SqlTypeName typeName) {
        return switch (typeName) {
            case VARCHAR, VARBINARY -> UNBOUNDED;
            case DECIMAL -> MAX_DECIMAL_DIGITS;
            default -> super.getMaxPrecision(typeName);
        };
    }

    @Override
    public int getMaxScale(SqlTypeName typeName) {
        return typeName == SqlTypeName.DECIMAL ? MAX_DECIMAL_DIGITS : super.getMaxScale(typeName);
    }

    /**
     * Returns {@code BIGINT} for a sum of {@code TINYINT}, {@code SMALLINT} or {@code INTEGER} (as
     * PostgreSQL does), and Calcite's type otherwise: a {@code DECIMAL(p, s)} sums to
     * {@code DECIMAL(38, s)}, a {@code BIGINT} to a {@code BIGINT}.
     */
    @Override
    public RelDataType deriveSumType(RelDataTypeFactory typeFactory, RelDataType argumentType) {
        SqlTypeName name = argumentType.getSqlTypeName();
        if (name == SqlTypeName.TINYINT || name == SqlTypeName.SMALLINT || name == SqlTypeName.INTEGER) {
            return typeFactory.createTypeWithNullability(typeFactory.createSqlType(SqlTypeName.BIGINT),
                    argumentType.isNullable());
        }
        return super.deriveSumType(typeFactory, argumentType);
    }

    /**
     * Returns Calcite's {@code DECIMAL(p1 + p2, s1 + s2)} for a product that fits in 38 digits; a
     * larger product keeps its integral digits and gives up scale, down to 6 digits (or its own
     * scale when smaller), as SQL Server and Spark do: {@code DECIMAL(38,20) * DECIMAL(38,20)} is
     * {@code DECIMAL(38,6)}, where Calcite's {@code DECIMAL(38,38)} could not hold 1.5 * 1.5.
     */
    @Override
    public RelDataType deriveDecimalMultiplyType(RelDataTypeFactory typeFactory, RelDataType type1,
            RelDataType type2) {
        if (super.deriveDecimalMultiplyType(typeFactory, type1, type2) == null) {
            return null;
        }
        RelDataType left = RelDataTypeFactoryImpl.isJavaType(type1) ? typeFactory.decimalOf(type1) : type1;
        RelDataType right = RelDataTypeFactoryImpl.isJavaType(type2) ? typeFactory.decimalOf(type2) : type2;
        int precision = left.getPrecision() + right.getPrecision();
        int scale = Math.min(left.getScale() + right.getScale(), MAX_DECIMAL_DIGITS);
        if (precision > MAX_DECIMAL_DIGITS) {
            int integral = precision - scale;
            scale = Math.max(MAX_DECIMAL_DIGITS - integral, Math.min(scale, MIN_REDUCED_SCALE));
            precision = MAX_DECIMAL_DIGITS;
        }
        return typeFactory.createSqlType(SqlTypeName.DECIMAL, precision, scale);
    }

    @Override
    public RelDataType deriveAvgAggType(RelDataTypeFactory typeFactory, RelDataType argumentType) {
        if (SqlTypeUtil.isExactNumeric(argumentType) && argumentType.getScale() <= 0
                && argumentType.getSqlTypeName() != SqlTypeName.DECIMAL) {
            return typeFactory.createTypeWithNullability(typeFactory.createSqlType(SqlTypeName.DOUBLE),
                    argumentType.isNullable());
        }
        return super.deriveAvgAggType(typeFactory, argumentType);
    }
}
