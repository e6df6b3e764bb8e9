package io.gatos.sql.materialize.parquet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gatos.sql.catalog.Catalog;
import io.gatos.sql.catalog.ColumnDef;
import io.gatos.sql.catalog.ColumnType;
import java.util.List;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.PrimitiveType;
import org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName;
import org.apache.parquet.schema.Type;
import org.junit.jupiter.api.Test;

class ParquetColumnTest {
    @Test
    void nullableColumnIsOptionalOtherwiseRequired() {
        Type optional = new ParquetColumn("a", ParquetKind.INT64, true).type();
        Type required = new ParquetColumn("b", ParquetKind.INT64, false).type();
        assertThat(optional.getName()).isEqualTo("a");
        assertThat(optional.getRepetition()).isEqualTo(Type.Repetition.OPTIONAL);
        assertThat(required.getName()).isEqualTo("b");
        assertThat(required.getRepetition()).isEqualTo(Type.Repetition.REQUIRED);
    }

    @Test
    void typeCarriesPhysicalAndLogicalTypeOfItsKind() {
        for (ParquetKind kind : ParquetKind.values()) {
            PrimitiveType type = new ParquetColumn("c", kind, false).type().asPrimitiveType();
            assertThat(type.getPrimitiveTypeName()).as(kind.name()).isEqualTo(kind.physical());
            assertThat(type.getLogicalTypeAnnotation()).as(kind.name()).isEqualTo(kind.logical());
        }
        PrimitiveType ts = new ParquetColumn("ts", ParquetKind.TIMESTAMP, false).type().asPrimitiveType();
        assertThat(ts.getPrimitiveTypeName()).isEqualTo(PrimitiveTypeName.INT64);
        assertThat(ts.getLogicalTypeAnnotation()).isEqualTo(
                LogicalTypeAnnotation.timestampType(true, LogicalTypeAnnotation.TimeUnit.MILLIS));
        assertThat(new ParquetColumn("s", ParquetKind.STRING, true).type().toString())
                .isEqualTo("optional binary s (STRING)");
    }

    @Test
    void catalogColumnKeepsNameKindAndNullability() {
        ColumnDef payload = Catalog.get().require("events").column("payload").orElseThrow();
        assertThat(ParquetColumn.of(payload)).isEqualTo(new ParquetColumn("payload", ParquetKind.JSON, true));
        ColumnDef pos = Catalog.get().require("events").column("pos").orElseThrow();
        assertThat(ParquetColumn.of(pos)).isEqualTo(new ParquetColumn("pos", ParquetKind.INT64, false));
        ColumnDef flag = new ColumnDef("ok", ColumnType.BOOLEAN, true, "a flag", List.of());
        assertThat(ParquetColumn.of(flag).type().getRepetition()).isEqualTo(Type.Repetition.OPTIONAL);
        assertThat(ParquetColumn.of(flag).kind()).isEqualTo(ParquetKind.BOOLEAN);
    }

    @Test
    void nameAndKindAreRequired() {
        assertThatThrownBy(() -> new ParquetColumn(null, ParquetKind.STRING, true))
                .isInstanceOf(NullPointerException.class).hasMessageContaining("name");
        assertThatThrownBy(() -> new ParquetColumn("x", null, true))
                .isInstanceOf(NullPointerException.class).hasMessageContaining("kind");
    }
}
