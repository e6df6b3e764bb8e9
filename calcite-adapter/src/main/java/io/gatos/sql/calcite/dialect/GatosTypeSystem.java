package io.gatos.sql.calcite.dialect;

import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.rel.type.RelDataTypeSystemImpl;
import org.apache.calcite.sql.type.SqlTypeName;
import org.apache.calcite.sql.type.SqlTypeUtil;

/**
 * Derives types as PostgreSQL users expect where Calcite's defaults surprise them: text values of
 * different lengths meet as {@code VARCHAR}, not as blank-padded {@code CHAR} (so
 * {@code CASE ... THEN 'o' ELSE 'other' END} gives {@code 'o'}, not {@code 'o    '}), and the average
 * (and variance, standard deviation) of integers is a {@code DOUBLE}, not an integer rounded down.
 * Stateless; connections name it with the property {@code typeSystem}.
 */
public final class GatosTypeSystem extends RelDataTypeSystemImpl {
    /** The instance connections use. */
    public static final GatosTypeSystem INSTANCE = new GatosTypeSystem();

    private GatosTypeSystem() {
    }

    @Override
    public boolean shouldConvertRaggedUnionTypesToVarying() {
        return true;
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
