package io.gatos.sql.cli.output;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class OutputFormatTest {
    @Test
    void acceptsFormatsInAnyCase() {
        assertThat(new OutputFormat.Converter().convert("NDJSON")).isEqualTo(OutputFormat.NDJSON);
    }
}
