package io.gatos.sql.calcite.infoschema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.stream.Stream;
import org.apache.calcite.DataContext;
import org.apache.calcite.adapter.java.JavaTypeFactory;
import org.apache.calcite.jdbc.CalciteSchema;
import org.apache.calcite.jdbc.JavaTypeFactoryImpl;
import org.apache.calcite.linq4j.QueryProvider;
import org.apache.calcite.schema.Schema;
import org.apache.calcite.schema.SchemaPlus;
import org.apache.calcite.schema.impl.AbstractSchema;
import org.junit.jupiter.api.Test;

class InfoTableTest {
    /** Lists one row per schema: its name and the length of its name. */
    private static final class Names extends InfoTable<String> {
        Names() {
            super("Names.", List.of(InfoColumn.text("name", s -> s), InfoColumn.number("length", String::length),
                    InfoColumn.absent("nothing"),
                    InfoColumn.optionalText("upper_a", s -> s.startsWith("a") ? s.toUpperCase() : null),
                    InfoColumn.text("is_a", s -> InfoColumn.yesNo(s.startsWith("a")))));
        }

        @Override
        Stream<String> rows(VisibleSchemas visible) {
            return visible.schemas().stream().map(VisibleSchemas.SchemaRef::name);
        }
    }

    @Test
    void derivesTheRowTypeAndEveryRowFromTheDeclaredColumns() {
        Names table = new Names();
        assertThat(table.getRowType(new JavaTypeFactoryImpl()).getFullTypeString()).isEqualTo("RecordType("
                + "VARCHAR NOT NULL name, INTEGER NOT NULL length, VARCHAR nothing, VARCHAR upper_a,"
                + " VARCHAR NOT NULL is_a) NOT NULL");
        CalciteSchema root = CalciteSchema.createRootSchema(false);
        root.add("ab", new AbstractSchema());
        root.add("b", new AbstractSchema());
        assertThat(table.scan(context(root.plus())).toList()).containsExactly(
                new Object[] {"ab", 2, null, "AB", "YES"}, new Object[] {"b", 1, null, null, "NO"});
        assertThat(table.getJdbcTableType()).isEqualTo(Schema.TableType.SYSTEM_TABLE);
        assertThat(table.description()).isEqualTo("Names.");
    }

    @Test
    void refusesAScanOutsideAStatement() {
        assertThatThrownBy(() -> new Names().scan(context(null))).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("through a connection's statements");
    }

    private static DataContext context(SchemaPlus root) {
        JavaTypeFactory types = new JavaTypeFactoryImpl();
        return new DataContext() {
            @Override
            public SchemaPlus getRootSchema() {
                return root;
            }

            @Override
            public JavaTypeFactory getTypeFactory() {
                return types;
            }

            @Override
            public QueryProvider getQueryProvider() {
                throw new UnsupportedOperationException("no queries in this test");
            }

            @Override
            public Object get(String name) {
                return null;
            }
        };
    }
}
