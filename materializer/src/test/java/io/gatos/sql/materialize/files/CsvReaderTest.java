package io.gatos.sql.materialize.files;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class CsvReaderTest {
    private static List<List<String>> read(String text) throws Exception {
        try (CsvReader csv = new CsvReader(new StringReader(text))) {
            List<List<String>> records = new ArrayList<>();
            for (List<String> r = csv.next(); r != null; r = csv.next()) {
                records.add(r);
            }
            return records;
        }
    }

    @Test
    void readsQuotedFieldsWithCommasQuotesAndLineBreaksAndTellsEmptyFromNull() throws Exception {
        assertThat(read("a,\"b,1\",\"say \"\"hi\"\"\"\r\n\"two\nlines\",,\"\"\nlast"))
                .containsExactly(List.of("a", "b,1", "say \"hi\""), Arrays.asList("two\nlines", null, ""),
                        List.of("last"));
    }

    @Test
    void countsTheLineEachRecordStartsOn() throws Exception {
        try (CsvReader csv = new CsvReader(new StringReader("h\n\"x\ny\"\nz\n"))) {
            csv.next();
            csv.next();
            assertThat(csv.recordLine()).isEqualTo(2);
            csv.next();
            assertThat(csv.recordLine()).isEqualTo(4);
            assertThat(csv.next()).isNull();
        }
    }

    @Test
    void rejectsAnUnclosedQuoteAndTextAfterAClosingQuote() {
        assertThatThrownBy(() -> read("a\n\"open,b\n")).hasMessage("the quoted field opened on line 2 is not closed");
        assertThatThrownBy(() -> read("\"a\"b,c\n")).hasMessage("text after a closing quote on line 1");
    }
}
