package io.gatos.sql.materialize.parquet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gatos.sql.materialize.MaterializeException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DatasetDirectoryTest {
    @TempDir
    Path temp;

    @Test
    void swapsAStagedDirectoryInPlaceOfTheOldOneAndLeavesNothingBeside() throws Exception {
        Path out = temp.resolve("ds");
        Path first = DatasetDirectory.stage(out);
        Files.writeString(first.resolve("old.parquet"), "1");
        DatasetDirectory.publish(first, out);
        Path second = DatasetDirectory.stage(out);
        Files.writeString(second.resolve("new.parquet"), "22");

        DatasetDirectory.publish(second, out);

        assertThat(out.resolve("new.parquet")).hasContent("22");
        assertThat(out.resolve("old.parquet")).doesNotExist();
        assertThat(out.resolve(DatasetDirectory.MARKER)).isRegularFile();
        assertThat(DatasetDirectory.size(out)).isEqualTo(2 + Files.size(out.resolve(DatasetDirectory.MARKER)));
        try (Stream<Path> list = Files.list(temp)) {
            assertThat(list).containsExactly(out);
        }
    }

    @Test
    void replacesAnEmptyDirectoryButNeverAForeignOneOrAFile() throws Exception {
        Path empty = Files.createDirectories(temp.resolve("empty"));
        DatasetDirectory.deleteTree(DatasetDirectory.stage(empty));
        Path foreign = Files.createDirectories(temp.resolve("foreign"));
        Files.writeString(foreign.resolve("x.txt"), "mine");
        Path file = Files.writeString(temp.resolve("file"), "mine");

        assertThatThrownBy(() -> DatasetDirectory.stage(foreign)).isInstanceOf(MaterializeException.class)
                .hasMessage("--out " + foreign + " exists and is not a dataset written by gatos (no .gatos-dataset"
                        + " file); remove it or choose another --out");
        assertThatThrownBy(() -> DatasetDirectory.stage(file)).isInstanceOf(MaterializeException.class);
    }
}
