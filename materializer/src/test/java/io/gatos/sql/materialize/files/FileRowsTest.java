package io.gatos.sql.materialize.files;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileRowsTest {
    private static final FileSchema SCHEMA = FileSchema.read(PerfCsv.schema());
    private static final long T = Instant.parse("2025-10-28T04:00:00Z").toEpochMilli();

    @TempDir
    Path temp;

    private List<List<Object>> rows(String dataset, String name, String text) throws Exception {
        Path file = Files.writeString(temp.resolve(name), text);
        List<List<Object>> rows = new ArrayList<>();
        try (FileRows in = FileRows.open(SCHEMA.datasets().stream().filter(d -> d.name().equals(dataset))
                .findFirst().orElseThrow(), file)) {
            for (Object[] row = in.next(); row != null; row = in.next()) {
                rows.add(Arrays.asList(row));
            }
        }
        return rows;
    }

    @Test
    void readsCsvColumnsByHeaderNameFillsUndeclaredOnesWithNullAndDerivesTheDate() throws Exception {
        assertThat(rows("query_perf", "q.csv", "\uFEFFquery_hash,timestamp,cache_hit\nab,2025-10-28T04:00:00Z,true\n\n"))
                .containsExactly(Arrays.asList(T, "ab", null, null, null, null, true, null, null, null, null, 20389));
    }

    @Test
    void flattensTheJsonRowsArrayWithTheTopLevelTimestamp() throws Exception {
        assertThat(rows("index_advisor", "a.json", "{\"timestamp\": \"2025-10-28T04:00:00Z\", \"recommendations\":"
                + " [{\"table\": \"t\", \"index\": \"i\", \"estimated_speedup\": 2}]}"))
                .containsExactly(Arrays.asList(T, "t", "i", null, 2.0, null, null, null, 20389));
    }

    @Test
    void namesTheFileLineAndColumnOfEveryProblem() throws Exception {
        String header = "timestamp,query_hash\n";
        assertProblem("query_perf", "a.csv", header + "2025-10-28T04:00:00Z\n", "line 2 has 1 fields, the header 2");
        assertProblem("query_perf", "b.csv", header + ",x\n", "line 2: column timestamp is empty but declared not nullable");
        assertProblem("query_perf", "c.csv", "timestamp,query_hash,owner\n", "has column 'owner', which dataset"
                + " query_perf does not declare; declare it");
        assertProblem("query_perf", "d.csv", "query_type\n", "lacks column 'timestamp', declared not nullable");
        assertProblem("query_perf", "e.csv", "", "is empty; a CSV file starts with a header line");
        assertProblem("index_advisor", "f.json", "{\"timestamp\": \"2025-10-28T04:00:00Z\"}",
                "has no array at '/recommendations'");
        assertProblem("index_advisor", "g.json", "{\"timestamp\": \"2025-10-28T04:00:00Z\", \"recommendations\":"
                + " [{\"table\": \"t\", \"owner\": \"x\"}]}", "row 1 has field 'owner', which dataset index_advisor does"
                + " not declare");
        assertProblem("index_advisor", "h.json", "{\"timestamp\": \"soon\", \"recommendations\": [{}]}",
                "row 1, column timestamp: 'soon' is not an ISO-8601 timestamp");
        assertThatThrownBy(() -> FileRows.open(SCHEMA.datasets().get(0), temp.resolve("none.csv")))
                .hasMessage(temp.resolve("none.csv") + ": missing input; check the path");
    }

    private void assertProblem(String dataset, String name, String text, String message) {
        assertThatThrownBy(() -> rows(dataset, name, text))
                .hasMessageStartingWith(temp.resolve(name) + ": ").hasMessageContaining(message);
    }
}
