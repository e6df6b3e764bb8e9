package io.gatos.sql.writer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectInserter;
import org.eclipse.jgit.treewalk.CanonicalTreeParser;
import org.junit.jupiter.api.Test;

class TreeBuilderTest {
    private static final ObjectId BLOB = ObjectId.fromString("e69de29bb2d1d6434b8b29ae5bf47ee4ca0fcb8f");

    @Test
    void ordersEntriesAsGitDoesWithSubtreesSortingAsNameSlash() throws IOException {
        TreeBuilder root = new TreeBuilder();
        root.add("a/x", BLOB);
        root.add("a.b", BLOB);
        root.add("a-c", BLOB);
        root.add("B", BLOB);
        List<byte[]> trees = new ArrayList<>();
        ObjectId id = root.insert(bytes -> {
            trees.add(bytes);
            try (ObjectInserter.Formatter f = new ObjectInserter.Formatter()) {
                return f.idFor(Constants.OBJ_TREE, bytes);
            }
        });
        assertThat(trees).hasSize(2);
        List<String> names = new ArrayList<>();
        CanonicalTreeParser p = new CanonicalTreeParser();
        for (p.reset(trees.get(1)); !p.eof(); p.next()) {
            names.add(p.getEntryPathString());
        }
        assertThat(names).containsExactly("B", "a-c", "a.b", "a");
        assertThat(id).isNotNull();
    }

    @Test
    void emptyBuilderFormatsTheEmptyTree() throws IOException {
        assertThat(new TreeBuilder().insert(bytes -> {
            assertThat(bytes).isEmpty();
            return ObjectId.zeroId();
        })).isEqualTo(ObjectId.zeroId());
    }

    @Test
    void rejectsBadSegmentsDuplicatesAndFileDirectoryClashes() {
        TreeBuilder root = new TreeBuilder();
        root.add("a/b", BLOB);
        assertThatThrownBy(() -> root.add("a/b", BLOB)).hasMessageContaining("duplicate");
        assertThatThrownBy(() -> root.add("a/b/c", BLOB)).hasMessageContaining("clashes");
        for (String bad : List.of("", "/a", "a/", "a//b", "./a", "a/../b")) {
            assertThatThrownBy(() -> new TreeBuilder().add(bad, BLOB)).as(bad)
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }
}
