package io.gatos.sql.ledger.git;

import static org.assertj.core.api.Assertions.assertThat;

import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.TreeFormatter;
import org.junit.jupiter.api.Test;

class TreeEntriesTest {
    private static final ObjectId A = ObjectId.fromString("aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa");
    private static final ObjectId B = ObjectId.fromString("bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb");
    private static final ObjectId C = ObjectId.fromString("cccccccccccccccccccccccccccccccccccccccc");

    private static byte[] tree() {
        TreeFormatter f = new TreeFormatter();
        f.append("envelope.json", FileMode.REGULAR_FILE, A);
        f.append("link", FileMode.SYMLINK, C);
        f.append("message", FileMode.TREE, B);
        f.append("élan.json", FileMode.EXECUTABLE_FILE, C);
        return f.toByteArray();
    }

    @Test
    void findsEntriesByExactNameWithTheirKind() {
        TreeEntries.Entry file = TreeEntries.find(tree(), "envelope.json");
        assertThat(file.id()).isEqualTo(A);
        assertThat(file.isFile()).isTrue();
        TreeEntries.Entry dir = TreeEntries.find(tree(), "message");
        assertThat(dir.id()).isEqualTo(B);
        assertThat(dir.isTree()).isTrue();
        assertThat(TreeEntries.find(tree(), "link").isFile()).isFalse();
        assertThat(TreeEntries.find(tree(), "élan.json").isFile()).isTrue();
    }

    @Test
    void missingNamesPrefixesAndMalformedTreesGiveNull() {
        assertThat(TreeEntries.find(tree(), "envelope")).isNull();
        assertThat(TreeEntries.find(tree(), "envelope.json.bak")).isNull();
        assertThat(TreeEntries.find(tree(), "nothing")).isNull();
        assertThat(TreeEntries.find(new byte[0], "message")).isNull();
        byte[] cut = java.util.Arrays.copyOf(tree(), 30);
        assertThat(TreeEntries.find(cut, "message")).isNull();
        assertThat(TreeEntries.find("9x message\0".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1), "message"))
                .isNull();
    }
}
