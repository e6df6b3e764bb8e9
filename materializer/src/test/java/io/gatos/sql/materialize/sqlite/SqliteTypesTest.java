package io.gatos.sql.materialize.sqlite;

import static org.assertj.core.api.Assertions.assertThat;

import io.gatos.sql.catalog.ColumnDef;
import io.gatos.sql.catalog.ColumnType;
import java.util.List;
import org.junit.jupiter.api.Test;

class SqliteTypesTest {

    private static ColumnDef column(ColumnType type, boolean nullable, String... values) {
        return new ColumnDef("c", type, nullable, "d", List.of(values));
    }

    @Test
    void quotesIdentifiersAndLiterals() {
        assertThat(SqliteTypes.quote("ref")).isEqualTo("\"ref\"");
        assertThat(SqliteTypes.quote("a\"b")).isEqualTo("\"a\"\"b\"");
        assertThat(SqliteTypes.literal("it's")).isEqualTo("'it''s'");
        assertThat(SqliteTypes.quoteAll(List.of("a", "b"))).isEqualTo("\"a\", \"b\"");
    }

    @Test
    void mapsEveryCatalogTypeAsTablesMdSays() {
        assertThat(SqliteTypes.definition(column(ColumnType.VARCHAR, true))).isEqualTo("\"c\" TEXT");
        assertThat(SqliteTypes.definition(column(ColumnType.JSON, true)))
                .as("json_valid(NULL) is 0 before SQLite 3.45").isEqualTo("\"c\" JSON TEXT CHECK (\"c\" IS NULL OR json_valid(\"c\"))");
        assertThat(SqliteTypes.definition(column(ColumnType.JSON, false)))
                .isEqualTo("\"c\" JSON TEXT NOT NULL CHECK (json_valid(\"c\"))");
        assertThat(SqliteTypes.definition(column(ColumnType.BOOLEAN, false)))
                .isEqualTo("\"c\" INTEGER NOT NULL CHECK (\"c\" IN (0, 1))");
        for (ColumnType type : List.of(ColumnType.INTEGER, ColumnType.BIGINT, ColumnType.TIMESTAMP)) {
            assertThat(SqliteTypes.definition(column(type, false))).isEqualTo("\"c\" INTEGER NOT NULL");
        }
        assertThat(SqliteTypes.definition(column(ColumnType.VARCHAR, false, "a", "b'c")))
                .isEqualTo("\"c\" TEXT NOT NULL CHECK (\"c\" IN ('a', 'b''c'))");
    }
}
