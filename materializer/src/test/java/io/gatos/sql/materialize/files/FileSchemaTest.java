package io.gatos.sql.materialize.files;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gatos.sql.materialize.MaterializeException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileSchemaTest {
    @TempDir
    Path temp;

    @Test
    void readsTheWorkOrderDeclarationAndMatchesFileNames() {
        FileSchema schema = FileSchema.read(PerfCsv.schema());

        assertThat(schema.datasets()).extracting(FileDataset::name).containsExactly("query_perf", "index_advisor");
        FileDataset perf = schema.datasetOf("query_perf_daily_20251028.csv");
        assertThat(perf.name()).isEqualTo("query_perf");
        assertThat(perf.nameDate("query_perf_daily_20251028.csv")).isEqualTo(LocalDate.of(2025, 10, 28));
        assertThat(perf.partitionBy()).isEqualTo("date_partition");
        assertThat(perf.columns().get(11)).isEqualTo(new FileColumn("date_partition", FileType.DATE, true,
                "date_partition", "timestamp"));
        assertThat(schema.datasetOf("query_perf_daily_20251399.csv")).isNull();
        assertThat(schema.datasetOf("query_perf_weekly_202543.csv")).isNull();
        FileDataset advisor = schema.datasetOf("index_advisor_report.json");
        assertThat(advisor.format()).isEqualTo(FileFormat.JSON);
        assertThat(advisor.rows()).isEqualTo("/recommendations");
        assertThat(advisor.nameDate("index_advisor_report.json")).isNull();
        assertThat(advisor.columns().get(0).fromDocument()).isTrue();
    }

    @Test
    void readsYamlAndTakesTheFormatFromThePattern() throws Exception {
        Path file = Files.writeString(temp.resolve("files.yaml"), """
                datasets:
                  - name: events
                    files: "events_*.jsonl"
                    columns:
                      - {name: ts, type: timestamp, nullable: false}
                      - {name: day, type: DATE, date_of: ts}
                """);

        FileDataset events = FileSchema.read(file).datasets().get(0);

        assertThat(events.format()).isEqualTo(FileFormat.JSONL);
        assertThat(events.matches("events_eu-1.jsonl")).isTrue();
        assertThat(events.columns().get(0).nullable()).isFalse();
    }

    @Test
    void rejectsBadDeclarationsNamingTheFileThePlaceAndTheFix() throws Exception {
        assertBad("{}", "declares no datasets");
        assertBad("{\"datasets\": [{\"name\": \"1x\"}]}", "a dataset has name '1x'; use letters, digits and _");
        assertBad("{\"datasets\": [{\"name\": \"d\", \"files\": \"d.txt\", \"columns\": [{\"name\": \"a\", \"type\":"
                + " \"VARCHAR\"}]}]}", "dataset d needs 'format': csv, json or jsonl");
        assertBad("{\"datasets\": [{\"name\": \"d\", \"files\": \"d.csv\", \"colums\": []}]}",
                "dataset d has unknown key 'colums'");
        assertBad("{\"datasets\": [{\"name\": \"d\", \"files\": \"d.csv\", \"partition_by\": \"a\", \"columns\":"
                + " [{\"name\": \"a\", \"type\": \"VARCHAR\"}]}]}", "partition_by 'a' must name a DATE or TIMESTAMP");
        assertBad("{\"datasets\": [{\"name\": \"d\", \"files\": \"d.csv\", \"columns\": [{\"name\": \"a\", \"type\":"
                + " \"DATE\", \"date_of\": \"b\"}]}]}", "date_of must name an earlier TIMESTAMP or DATE column");
        assertBad("{\"datasets\": [{\"name\": \"d\", \"files\": \"d.csv\", \"columns\": [{\"name\": \"a\", \"type\":"
                + " \"VARCHAR\", \"source\": \"/x\"}]}]}", "a source starting with / is a JSON Pointer, only for format json");
        assertBad("not json", "cannot be read");
    }

    private void assertBad(String text, String message) throws Exception {
        Path file = Files.writeString(temp.resolve("schema.json"), text);
        assertThatThrownBy(() -> FileSchema.read(file)).isInstanceOf(MaterializeException.class)
                .hasMessageStartingWith("file schema " + file + ": ").hasMessageContaining(message)
                .extracting(e -> ((MaterializeException) e).code()).isEqualTo(MaterializeException.Code.BAD_OPTION);
    }
}
