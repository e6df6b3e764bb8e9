package io.gatos.sql.cli.progress;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

class GenerateProgressTest {
    @Test
    void printsALineEveryTenPercentWithoutATerminal() {
        StringWriter err = new StringWriter();
        GenerateProgress progress = new GenerateProgress(new PrintWriter(err), 50, false);

        for (long done = 1; done <= 50; done++) {
            progress.accept(done);
        }
        progress.finish();

        assertThat(err.toString().lines())
                .hasSize(10)
                .startsWith("generating: 5/50 events (10%)")
                .endsWith("generating: 50/50 events (100%)");
    }

    @Test
    void printsOneLineForAJumpOverSeveralSteps() {
        StringWriter err = new StringWriter();
        GenerateProgress progress = new GenerateProgress(new PrintWriter(err), 100, false);

        progress.accept(35);
        progress.accept(39);
        progress.accept(40);

        assertThat(err.toString())
                .isEqualTo("generating: 35/100 events (35%)\ngenerating: 40/100 events (40%)\n");
    }

    @Test
    void redrawsOneLineOnATerminal() {
        StringWriter err = new StringWriter();
        GenerateProgress progress = new GenerateProgress(new PrintWriter(err), 3, true);

        progress.accept(1);
        progress.accept(3);
        progress.finish();

        assertThat(err.toString())
                .isEqualTo(
                        "\rgenerating: 1/3 events\rgenerating: 3/3 events"
                                + System.lineSeparator());
    }
}
