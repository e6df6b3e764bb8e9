package io.gatos.sql.materialize.files;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.gatos.sql.materialize.parquet.ParquetKind;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class FileTypeTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void parsesTextAsTheValuesParquetSinkTakes() {
        long ms = Instant.parse("2025-10-28T00:15:23.5Z").toEpochMilli();
        assertThat(FileType.TIMESTAMP.parse("2025-10-28T00:15:23.5Z")).isEqualTo(ms);
        assertThat(FileType.TIMESTAMP.parse("2025-10-28T07:15:23.5+07:00")).isEqualTo(ms);
        assertThat(FileType.TIMESTAMP.parse("2025-10-28 00:15:23.5")).isEqualTo(ms);
        assertThat(FileType.DATE.parse("2025-10-28")).isEqualTo(20389);
        assertThat(FileType.BOOLEAN.parse("TRUE")).isEqualTo(true);
        assertThat(FileType.BOOLEAN.parse("0")).isEqualTo(false);
        assertThat(FileType.BIGINT.parse(" 1234 ")).isEqualTo(1234L);
        assertThat(FileType.DOUBLE.parse("45.2")).isEqualTo(45.2);
        assertThat(FileType.VARCHAR.parse(" keep ")).isEqualTo(" keep ");
    }

    @Test
    void rejectsTextThatDoesNotFitNamingTheExpectedForm() {
        assertThatThrownBy(() -> FileType.INTEGER.parse("1.5")).hasMessage("'1.5' is not a 32-bit integer");
        assertThatThrownBy(() -> FileType.BOOLEAN.parse("yes"))
                .hasMessage("'yes' is not a boolean (true, false, 1 or 0)");
        assertThatThrownBy(() -> FileType.TIMESTAMP.parse("28/10/2025"))
                .hasMessage("'28/10/2025' is not an ISO-8601 timestamp such as 2025-10-28T00:15:23Z");
    }

    @Test
    void convertsJsonValuesAndKeepsObjectsAsJsonText() throws Exception {
        assertThat(FileType.DOUBLE.fromJson(JSON.readTree("7"))).isEqualTo(7.0);
        assertThat(FileType.TIMESTAMP.fromJson(JSON.readTree("1761610523000"))).isEqualTo(1761610523000L);
        assertThat(FileType.JSON.fromJson(JSON.readTree("{\"a\": [1]}"))).isEqualTo("{\"a\":[1]}");
        assertThatThrownBy(() -> FileType.BIGINT.fromJson(JSON.readTree("[1]"))).hasMessage("[1] is not a 64-bit integer");
        assertThatThrownBy(() -> FileType.VARCHAR.fromJson(JSON.readTree("{}"))).hasMessage("{} is not text");
    }

    @Test
    void mapsToParquetKindsAndIsNamedInAnyCase() {
        assertThat(FileType.named("timestamp")).isEqualTo(FileType.TIMESTAMP);
        assertThat(FileType.named("datetime")).isNull();
        assertThat(FileType.TIMESTAMP.parquetKind()).isEqualTo(ParquetKind.TIMESTAMP);
        assertThat(FileType.INTEGER.parquetKind()).isEqualTo(ParquetKind.INT32);
        assertThat(FileType.JSON.parquetKind()).isEqualTo(ParquetKind.JSON);
    }
}
