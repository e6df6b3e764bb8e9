package io.gatos.sql.materialize.export;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import io.gatos.sql.catalog.ColumnDef;
import io.gatos.sql.catalog.TableDef;
import io.gatos.sql.materialize.MaterializeException;
import io.gatos.sql.materialize.sqlite.SqliteDdl;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Restricts the rows of one table to those whose columns equal given values: {@code --where
 * events={"ns":"commerce","kind":["order.placed","order.paid"]}} is {@code ns = 'commerce' AND kind
 * IN (...)}. Rendered as SQL with parameters, so the adapter can push it to the scan.
 *
 * @param json the filter as given (recorded in the manifest)
 * @param terms per column, the admitted values
 */
public record RowFilter(JsonNode json, Map<String, List<JsonNode>> terms) {
    /** Copies the terms. */
    public RowFilter {
        requireNonNull(json, "json");
        terms = Map.copyOf(terms);
    }

    /** Parses {@code json} as a filter of {@code table}; throws {@code BAD_OPTION} naming what is wrong. */
    public static RowFilter parse(TableDef table, JsonNode json) {
        if (json == null || !json.isObject() || json.isEmpty()) {
            throw bad(table, "must be a non-empty JSON object of column to value, e.g. {\"ns\":\"commerce\"}");
        }
        Map<String, List<JsonNode>> terms = new java.util.TreeMap<>();
        Iterator<Map.Entry<String, JsonNode>> fields = json.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> f = fields.next();
            ColumnDef column = table.column(f.getKey()).orElseThrow(() -> bad(table, "names column '" + f.getKey()
                    + "', but " + table.name() + " has the columns " + table.columnNames()));
            List<JsonNode> values = new ArrayList<>();
            if (f.getValue().isArray()) {
                f.getValue().forEach(values::add);
            } else {
                values.add(f.getValue());
            }
            if (values.isEmpty() || values.stream().anyMatch(v -> !v.isValueNode() || v.isNull())) {
                throw bad(table, "gives column '" + column.name() + "' " + f.getValue()
                        + "; give a string, number or boolean, or an array of them");
            }
            terms.put(column.name(), List.copyOf(values));
        }
        return new RowFilter(json, terms);
    }

    private static MaterializeException bad(TableDef table, String what) {
        return new MaterializeException(MaterializeException.Code.BAD_OPTION, "--where " + table.name() + "=... " + what);
    }

    /** Returns the SQL condition, with one {@code ?} per value, columns in name order. */
    public String sql() {
        return terms.entrySet().stream().map(e -> SqliteDdl.quote(e.getKey())
                + (e.getValue().size() == 1 ? " = ?" : " IN (" + e.getValue().stream().map(v -> "?")
                        .collect(Collectors.joining(", ")) + ")"))
                .collect(Collectors.joining(" AND "));
    }

    /** Binds the values of {@link #sql()} to {@code statement}, starting at parameter 1. */
    public void bind(PreparedStatement statement) throws SQLException {
        int i = 1;
        for (List<JsonNode> values : terms.values()) {
            for (JsonNode v : values) {
                if (v.isIntegralNumber()) {
                    statement.setLong(i++, v.asLong());
                } else if (v.isNumber()) {
                    statement.setBigDecimal(i++, v.decimalValue());
                } else if (v.isBoolean()) {
                    statement.setBoolean(i++, v.asBoolean());
                } else {
                    statement.setString(i++, v.asText());
                }
            }
        }
    }
}
