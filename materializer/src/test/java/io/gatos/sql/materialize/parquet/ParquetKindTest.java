package io.gatos.sql.materialize.parquet;

import static org.assertj.core.api.Assertions.assertThat;

import io.gatos.sql.catalog.ColumnType;
import java.sql.Types;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName;
import org.junit.jupiter.api.Test;

class ParquetKindTest {
    @Test
    void catalogTypesMapToKinds() {
        assertThat(ParquetKind.of(ColumnType.VARCHAR)).isEqualTo(ParquetKind.STRING);
        assertThat(ParquetKind.of(ColumnType.JSON)).isEqualTo(ParquetKind.JSON);
        assertThat(ParquetKind.of(ColumnType.INTEGER)).isEqualTo(ParquetKind.INT32);
        assertThat(ParquetKind.of(ColumnType.BIGINT)).isEqualTo(ParquetKind.INT64);
        assertThat(ParquetKind.of(ColumnType.BOOLEAN)).isEqualTo(ParquetKind.BOOLEAN);
        assertThat(ParquetKind.of(ColumnType.TIMESTAMP)).isEqualTo(ParquetKind.TIMESTAMP);
    }

    @Test
    void catalogJdbcTypesAgreeWithCatalogTypes() {
        for (ColumnType type : ColumnType.values()) {
            ParquetKind viaJdbc = ParquetKind.ofJdbc(type.jdbcType());
            ParquetKind direct = ParquetKind.of(type);
            // JSON travels as VARCHAR over JDBC, so it comes back as a plain string
            assertThat(viaJdbc).as(type.name()).isEqualTo(direct == ParquetKind.JSON ? ParquetKind.STRING : direct);
        }
    }

    @Test
    void jdbcTypesMapToKinds() {
        assertThat(ParquetKind.ofJdbc(Types.TINYINT)).isEqualTo(ParquetKind.INT32);
        assertThat(ParquetKind.ofJdbc(Types.SMALLINT)).isEqualTo(ParquetKind.INT32);
        assertThat(ParquetKind.ofJdbc(Types.INTEGER)).isEqualTo(ParquetKind.INT32);
        assertThat(ParquetKind.ofJdbc(Types.BIGINT)).isEqualTo(ParquetKind.INT64);
        for (int t : new int[] {Types.FLOAT, Types.REAL, Types.DOUBLE, Types.DECIMAL, Types.NUMERIC}) {
            assertThat(ParquetKind.ofJdbc(t)).as("type %d", t).isEqualTo(ParquetKind.DOUBLE);
        }
        assertThat(ParquetKind.ofJdbc(Types.BOOLEAN)).isEqualTo(ParquetKind.BOOLEAN);
        assertThat(ParquetKind.ofJdbc(Types.BIT)).isEqualTo(ParquetKind.BOOLEAN);
        assertThat(ParquetKind.ofJdbc(Types.TIMESTAMP)).isEqualTo(ParquetKind.TIMESTAMP);
        assertThat(ParquetKind.ofJdbc(Types.TIMESTAMP_WITH_TIMEZONE)).isEqualTo(ParquetKind.TIMESTAMP);
        assertThat(ParquetKind.ofJdbc(Types.DATE)).isEqualTo(ParquetKind.DATE);
        for (int t : new int[] {Types.VARCHAR, Types.CHAR, Types.LONGVARCHAR, Types.CLOB, Types.TIME, Types.OTHER,
                Types.ARRAY, Types.NULL}) {
            assertThat(ParquetKind.ofJdbc(t)).as("type %d", t).isEqualTo(ParquetKind.STRING);
        }
    }

    @Test
    void physicalAndLogicalTypes() {
        assertThat(ParquetKind.STRING.physical()).isEqualTo(PrimitiveTypeName.BINARY);
        assertThat(ParquetKind.STRING.logical()).isEqualTo(LogicalTypeAnnotation.stringType());
        assertThat(ParquetKind.JSON.physical()).isEqualTo(PrimitiveTypeName.BINARY);
        assertThat(ParquetKind.JSON.logical()).as("polars reads a JSON annotation as Binary")
                .isEqualTo(LogicalTypeAnnotation.stringType());
        assertThat(ParquetKind.INT32.physical()).isEqualTo(PrimitiveTypeName.INT32);
        assertThat(ParquetKind.INT32.logical()).isNull();
        assertThat(ParquetKind.INT64.physical()).isEqualTo(PrimitiveTypeName.INT64);
        assertThat(ParquetKind.INT64.logical()).isNull();
        assertThat(ParquetKind.DOUBLE.physical()).isEqualTo(PrimitiveTypeName.DOUBLE);
        assertThat(ParquetKind.DOUBLE.logical()).isNull();
        assertThat(ParquetKind.BOOLEAN.physical()).isEqualTo(PrimitiveTypeName.BOOLEAN);
        assertThat(ParquetKind.BOOLEAN.logical()).isNull();
        assertThat(ParquetKind.TIMESTAMP.physical()).isEqualTo(PrimitiveTypeName.INT64);
        assertThat(ParquetKind.TIMESTAMP.logical()).isEqualTo(
                LogicalTypeAnnotation.timestampType(true, LogicalTypeAnnotation.TimeUnit.MILLIS));
        assertThat(ParquetKind.DATE.physical()).isEqualTo(PrimitiveTypeName.INT32);
        assertThat(ParquetKind.DATE.logical()).isEqualTo(LogicalTypeAnnotation.dateType());
    }
}
