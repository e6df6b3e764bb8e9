package io.gatos.sql.cli.progress;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class ExportProgressTest {
    private static final long MS = TimeUnit.MILLISECONDS.toNanos(1);

    private final AtomicLong clock = new AtomicLong(1_000 * MS);
    private final StringWriter err = new StringWriter();

    private ExportProgress progress(ExportProgress.Mode mode, long jsonIntervalNanos) {
        return new ExportProgress(new PrintWriter(err), mode, clock::get, jsonIntervalNanos);
    }

    @Test
    void redrawsTheBarAtMostTenTimesASecondAndErasesLongerText() {
        ExportProgress bar = progress(ExportProgress.Mode.BAR, ExportProgress.JSON_NANOS);

        bar.batch("events", 5000);
        clock.addAndGet(50 * MS);
        bar.batch("events", 10000);
        clock.addAndGet(50 * MS);
        bar.tableDone("events", 12000);
        clock.addAndGet(100 * MS);
        bar.batch("jobs", 3);
        bar.finish(true);

        assertThat(err.toString())
                .isEqualTo(
                        "\rexporting events: 5000 rows"
                                + "\rexporting events: 12000 rows"
                                + "\rexporting jobs: 3 rows      "
                                + "\rexported 12003 rows   "
                                + System.lineSeparator());
    }

    @Test
    void writesJsonLinesAtMostOncePerIntervalAndAFinalDoneLine() throws Exception {
        ExportProgress json = progress(ExportProgress.Mode.JSON, 30_000 * MS);

        json.batch("commits", 100);
        clock.addAndGet(10_000 * MS);
        json.tableDone("commits", 150);
        clock.addAndGet(20_000 * MS);
        json.batch("events", 40);
        clock.addAndGet(1_000 * MS);
        json.batch("events", 80);
        json.finish(true);

        List<JsonNode> lines = parse(err.toString());
        assertThat(lines).hasSize(2);
        assertThat(lines.get(0).toString())
                .isEqualTo(
                        "{\"event\":\"export.progress\",\"table\":\"events\",\"rows_in_table\":40,"
                                + "\"rows_total\":190,\"elapsed_ms\":30000}");
        assertThat(lines.get(1).toString())
                .isEqualTo(
                        "{\"event\":\"export.progress\",\"table\":\"events\",\"rows_in_table\":80,"
                                + "\"rows_total\":230,\"elapsed_ms\":31000,\"done\":true,"
                                + "\"ok\":true}");
    }

    @Test
    void writesOnlyTheDoneLineForAShortOrFailedExport() throws Exception {
        ExportProgress json = progress(ExportProgress.Mode.JSON, 30_000 * MS);

        json.batch("events", 7);
        json.finish(false);

        assertThat(parse(err.toString()))
                .singleElement()
                .satisfies(line -> assertThat(line.path("ok").asBoolean()).isFalse())
                .satisfies(line -> assertThat(line.path("rows_total").asLong()).isEqualTo(7));
    }

    @Test
    void writesNothingInModeNoneOrAutoWithoutATerminal() {
        for (ExportProgress.Mode mode :
                new ExportProgress.Mode[] {ExportProgress.Mode.NONE, ExportProgress.Mode.AUTO}) {
            ExportProgress quiet = progress(mode, 0);
            quiet.batch("events", 1);
            quiet.tableDone("events", 1);
            quiet.finish(true);
        }

        assertThat(err.toString()).isEmpty();
    }

    @Test
    void acceptsModesInAnyCase() {
        assertThat(new ExportProgress.Mode.Converter().convert("JSON"))
                .isEqualTo(ExportProgress.Mode.JSON);
    }

    private static List<JsonNode> parse(String text) {
        ObjectMapper mapper = new ObjectMapper();
        return text.lines()
                .map(
                        line -> {
                            try {
                                return mapper.readTree(line);
                            } catch (Exception e) {
                                throw new AssertionError("not JSON: " + line, e);
                            }
                        })
                .toList();
    }
}
