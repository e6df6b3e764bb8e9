package io.gatos.sql.materialize.files;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gatos.sql.materialize.MaterializeException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileSourceTest {
    @TempDir
    Path temp;

    @Test
    void mountsEveryMatchingFileOfTheDirectoryAsOneTableOfTheNamedSchema() throws Exception {
        Path dir = Files.createDirectories(temp.resolve("logs"));
        Files.writeString(dir.resolve("gatos-files.json"), "{\"datasets\": [{\"name\": \"hits\", \"files\":"
                + " \"hits_*.jsonl\", \"columns\": [{\"name\": \"path\", \"type\": \"VARCHAR\"}, {\"name\": \"n\","
                + " \"type\": \"INTEGER\"}]}]}");
        Files.writeString(dir.resolve("hits_a.jsonl"), "{\"path\": \"/\", \"n\": 2}\n\n{\"path\": \"/x\", \"n\": 1}\n");
        Files.writeString(dir.resolve("hits_b.jsonl"), "{\"path\": \"/\", \"n\": 5}\n");
        Files.writeString(dir.resolve("other.jsonl"), "not read");

        List<String> rows = new ArrayList<>();
        try (Connection c = QueryConnections.open(null, List.of(FileSource.parse("web=" + dir, null)));
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT path, SUM(n) AS total FROM web.hits GROUP BY path ORDER BY path")) {
            while (rs.next()) {
                rows.add(rs.getString(1) + "=" + rs.getInt(2));
            }
        }

        assertThat(rows).containsExactly("/=7", "/x=1");
    }

    @Test
    void parsesNameEqualsDirAndRefusesBadNamesAndMissingDeclarations() {
        assertThat(FileSource.parse("perf=a=b", null)).isEqualTo(new FileSource("perf", Path.of("a=b"), null));
        assertThatThrownBy(() -> FileSource.parse("perf", null)).hasMessageContaining("must be NAME=DIR");
        assertThatThrownBy(() -> FileSource.parse("GATOS=x", null)).hasMessageContaining("not gatos");
        assertThatThrownBy(() -> FileSource.parse("Information_Schema=x", null))
                .hasMessageContaining("information_schema");
        assertThatThrownBy(() -> FileSource.parse("p=" + temp.resolve("none"), null).open())
                .isInstanceOf(MaterializeException.class).hasMessageContaining("not a directory");
        assertThatThrownBy(() -> FileSource.parse("p=" + temp, null).open())
                .hasMessageContaining("no file schema at " + temp.resolve("gatos-files.json"));
    }
}
