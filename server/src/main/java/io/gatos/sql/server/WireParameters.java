package io.gatos.sql.server;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.avatica.ColumnMetaData;
import org.apache.calcite.avatica.remote.TypedValue;

/**
 * Reads the parameter values a client sends as the instants they are, whatever the server's JVM
 * zone: a TIMESTAMP on the wire is the UTC wall clock of its instant, but Avatica's
 * {@code JdbcMeta} turns it into a {@code java.sql.Timestamp} through the JVM's default zone.
 * Handing the value on as an {@link Instant} lets the embedded driver bind it exactly.
 * Stateless.
 */
final class WireParameters {
    private WireParameters() {
    }

    /** Returns {@code values} with every TIMESTAMP replaced by its {@link Instant}; other values as they are. */
    static List<TypedValue> asInstants(List<TypedValue> values) {
        if (values == null) {
            return null;
        }
        List<TypedValue> out = new ArrayList<>(values.size());
        for (TypedValue value : values) {
            boolean timestamp = value != null && value.value instanceof Number
                    && (value.type == ColumnMetaData.Rep.JAVA_SQL_TIMESTAMP || value.type == ColumnMetaData.Rep.JAVA_UTIL_DATE);
            out.add(timestamp ? TypedValue.ofLocal(ColumnMetaData.Rep.OBJECT,
                    Instant.ofEpochMilli(((Number) value.value).longValue())) : value);
        }
        return out;
    }
}
