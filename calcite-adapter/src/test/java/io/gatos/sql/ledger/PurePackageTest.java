package io.gatos.sql.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Keeps the reader free of SQL: no source file under io/gatos/sql/ledger may import Calcite. */
class PurePackageTest {

    @Test
    void theLedgerPackagesImportNoCalcite() throws IOException {
        Path root = Path.of("src/main/java/io/gatos/sql/ledger");
        List<String> offenders;
        try (Stream<Path> files = Files.walk(root)) {
            offenders = files.filter(p -> p.toString().endsWith(".java")).filter(p -> {
                try {
                    return Files.readString(p).contains("org.apache.calcite");
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }).map(Path::toString).toList();
        }
        assertThat(offenders).isEmpty();
        assertThat(root.resolve("scan/EventScan.java")).exists();
    }
}
