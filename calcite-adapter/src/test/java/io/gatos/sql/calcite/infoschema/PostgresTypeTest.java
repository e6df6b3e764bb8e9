package io.gatos.sql.calcite.infoschema;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.calcite.avatica.util.TimeUnit;
import org.apache.calcite.jdbc.JavaTypeFactoryImpl;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.sql.SqlIntervalQualifier;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.apache.calcite.sql.type.SqlTypeName;
import org.junit.jupiter.api.Test;

class PostgresTypeTest {
    private final JavaTypeFactoryImpl types = new JavaTypeFactoryImpl();

    private static PostgresType pg(RelDataType type) {
        return PostgresType.of(type);
    }

    @Test
    void spellsTheCatalogTypesAsPostgresqlDoes() {
        assertThat(pg(types.createSqlType(SqlTypeName.VARCHAR)))
                .isEqualTo(new PostgresType("character varying", "varchar", null, null, null, null, null));
        assertThat(pg(types.createSqlType(SqlTypeName.INTEGER)))
                .isEqualTo(new PostgresType("integer", "int4", null, 32, 2, 0, null));
        assertThat(pg(types.createSqlType(SqlTypeName.BIGINT)))
                .isEqualTo(new PostgresType("bigint", "int8", null, 64, 2, 0, null));
        assertThat(pg(types.createSqlType(SqlTypeName.BOOLEAN)))
                .isEqualTo(new PostgresType("boolean", "bool", null, null, null, null, null));
        assertThat(pg(types.createSqlType(SqlTypeName.TIMESTAMP, 3)))
                .isEqualTo(new PostgresType("timestamp without time zone", "timestamp", null, null, null, null, 3));
    }

    @Test
    void reportsLengthsPrecisionsAndScales() {
        assertThat(pg(types.createSqlType(SqlTypeName.VARCHAR, 20)).characterMaximumLength()).isEqualTo(20);
        assertThat(pg(types.createSqlType(SqlTypeName.CHAR, 3)))
                .isEqualTo(new PostgresType("character", "bpchar", 3, null, null, null, null));
        assertThat(pg(types.createSqlType(SqlTypeName.DECIMAL, 10, 2)))
                .isEqualTo(new PostgresType("numeric", "numeric", null, 10, 10, 2, null));
        assertThat(pg(types.createSqlType(SqlTypeName.SMALLINT)).numericPrecision()).isEqualTo(16);
        assertThat(pg(types.createSqlType(SqlTypeName.DOUBLE)))
                .isEqualTo(new PostgresType("double precision", "float8", null, 53, 2, null, null));
        assertThat(pg(types.createSqlType(SqlTypeName.REAL)))
                .isEqualTo(new PostgresType("real", "float4", null, 24, 2, null, null));
        assertThat(pg(types.createSqlType(SqlTypeName.DATE)).datetimePrecision()).isZero();
        assertThat(pg(types.createSqlType(SqlTypeName.TIME, 3)).dataType()).isEqualTo("time without time zone");
        assertThat(pg(types.createSqlType(SqlTypeName.TIMESTAMP_WITH_LOCAL_TIME_ZONE, 3)))
                .isEqualTo(new PostgresType("timestamp with time zone", "timestamptz", null, null, null, null, 3));
    }

    @Test
    void spellsIntervalsArraysBinariesAndTypesPostgresqlLacks() {
        RelDataType interval = types.createSqlIntervalType(
                new SqlIntervalQualifier(TimeUnit.DAY, TimeUnit.SECOND, SqlParserPos.ZERO));
        assertThat(pg(interval)).isEqualTo(new PostgresType("interval", "interval", null, null, null, null, 6));
        RelDataType array = types.createArrayType(types.createSqlType(SqlTypeName.INTEGER), -1);
        assertThat(pg(array)).isEqualTo(new PostgresType("ARRAY", "_int4", null, null, null, null, null));
        assertThat(pg(types.createSqlType(SqlTypeName.VARBINARY)).dataType()).isEqualTo("bytea");
        assertThat(pg(types.createSqlType(SqlTypeName.TINYINT)))
                .isEqualTo(new PostgresType("tinyint", "tinyint", null, 8, 2, 0, null));
        RelDataType map = types.createMapType(types.createSqlType(SqlTypeName.VARCHAR),
                types.createSqlType(SqlTypeName.INTEGER));
        assertThat(pg(map).dataType()).isEqualTo("map");
    }

    @Test
    void readsJavaTypedColumnsAsTheirSqlTypes() {
        assertThat(pg(types.createType(String.class)).dataType()).isEqualTo("character varying");
        assertThat(pg(types.createType(int.class)).dataType()).isEqualTo("integer");
        assertThat(pg(types.createType(java.sql.Timestamp.class)))
                .isEqualTo(new PostgresType("timestamp without time zone", "timestamp", null, null, null, null, null));
    }
}
