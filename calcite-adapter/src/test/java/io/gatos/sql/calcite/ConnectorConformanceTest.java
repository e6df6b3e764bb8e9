package io.gatos.sql.calcite;

import static org.assertj.core.api.Assertions.assertThat;

import io.gatos.sql.catalog.Catalog;
import io.gatos.sql.catalog.ColumnDef;
import io.gatos.sql.catalog.ColumnType;
import io.gatos.sql.catalog.TableDef;
import io.gatos.sql.ledger.cache.CacheConfig;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Holds every catalog table to what a connector must guarantee, in the spirit of Trino's
 * {@code BaseConnectorTest}: for every column whose filters a scan uses (equality and IN on the
 * pushable columns, ranges on the time and id columns), a filtered query answers exactly the full
 * scan filtered afterwards, with the row cache on and off, for values at the start, middle and end
 * of the column's range and for a value that is absent.
 */
class ConnectorConformanceTest {
    @TempDir
    static Path dir;
    static CachedAndUncached both;
    static GatosSchema schema;

    @BeforeAll
    static void open() throws Exception {
        both = CachedAndUncached.open(dir, 300, 11);
        schema = new GatosSchema(both.repo, CacheConfig.OFF);
    }

    @AfterAll
    static void close() throws Exception {
        both.close();
    }

    @Test
    void everyTableDeclaresWhatItsScansFilter() {
        for (TableDef def : Catalog.get().tables()) {
            assertThat(table(def).filteredColumns()).as(def.name())
                    .allSatisfy(c -> assertThat(def.column(c)).isPresent());
        }
        assertThat(table(Catalog.get().require("events")).filteredColumns()).contains("ns", "stream", "ts", "id");
    }

    @Test
    void aFilteredQueryEqualsTheFullScanFilteredAfterwards() throws Exception {
        int checked = 0;
        for (TableDef def : Catalog.get().tables()) {
            String columns = def.columnNames().stream().map(c -> '"' + c + '"').collect(Collectors.joining(", "));
            String select = "SELECT " + columns + " FROM \"" + def.name() + "\"";
            List<List<String>> full = SqlRows.rows(both.uncached, select);
            for (String column : table(def).filteredColumns()) {
                int i = def.indexOf(column);
                ColumnDef col = def.columns().get(i);
                List<String> values = new ArrayList<>(full.stream().map(r -> r.get(i)).filter(Objects::nonNull)
                        .collect(Collectors.toCollection(TreeSet::new)));
                List<String> probes = probes(values);
                for (String v : probes) {
                    checked += check(select, "\"" + column + "\" = " + literal(col, v), full, r -> v.equals(r.get(i)));
                }
                if (values.size() >= 2) {
                    String a = values.get(0);
                    String b = values.get(values.size() - 1);
                    checked += check(select, "\"" + column + "\" IN (" + literal(col, a) + ", " + literal(col, b) + ")",
                            full, r -> a.equals(r.get(i)) || b.equals(r.get(i)));
                }
                if (!values.isEmpty() && (col.type() == ColumnType.TIMESTAMP || column.equals("id")
                        || column.equals("ulid"))) {
                    String mid = values.get(values.size() / 2);
                    checked += check(select, "\"" + column + "\" >= " + literal(col, mid), full,
                            r -> r.get(i) != null && r.get(i).compareTo(mid) >= 0);
                    checked += check(select, "\"" + column + "\" < " + literal(col, mid), full,
                            r -> r.get(i) != null && r.get(i).compareTo(mid) < 0);
                }
            }
        }
        assertThat(checked).as("filtered queries compared").isGreaterThan(100);
    }

    /** Runs {@code select WHERE condition} cached and uncached; each must equal {@code full} kept by {@code keep}. */
    private static int check(String select, String condition, List<List<String>> full, Predicate<List<String>> keep)
            throws Exception {
        List<List<String>> expected = sorted(full.stream().filter(keep).toList());
        for (Connection c : List.of(both.uncached, both.cached)) {
            String sql = select + " WHERE " + condition;
            assertThat(sorted(SqlRows.rows(c, sql))).as("%s (%s)", sql, c == both.cached ? "cache on" : "cache off")
                    .isEqualTo(expected);
        }
        return 1;
    }

    private static List<String> probes(List<String> values) {
        List<String> out = new ArrayList<>();
        if (!values.isEmpty()) {
            out.add(values.get(0));
            out.add(values.get(values.size() / 2));
            out.add(values.get(values.size() - 1));
        }
        return out.stream().distinct().collect(Collectors.toCollection(ArrayList::new));
    }

    private static String literal(ColumnDef column, String value) {
        return switch (column.type()) {
            case TIMESTAMP -> "TIMESTAMP '" + value + "'";
            case INTEGER, BIGINT -> value;
            case BOOLEAN -> value.toUpperCase(java.util.Locale.ROOT);
            case VARCHAR, JSON -> "'" + value.replace("'", "''") + "'";
        };
    }

    private static List<List<String>> sorted(List<List<String>> rows) {
        List<List<String>> out = new ArrayList<>(rows);
        out.sort(Comparator.comparing(Object::toString));
        return out;
    }

    @SuppressWarnings("deprecation")
    private static LedgerTable<?> table(TableDef def) {
        return (LedgerTable<?>) schema.getTable(def.name());
    }
}
