package io.gatos.sql.ledger.decode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gatos.sql.codec.Json;
import io.gatos.sql.codec.JsonValue;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class TextTest {
    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void spotsSurrogateEscapesAndRawSurrogateBytes() {
        assertThat(Text.maySurrogate(utf8("{\"a\":\"\\ud800\"}"))).isTrue();
        assertThat(Text.maySurrogate(utf8("{\"a\":\"\\uDFFF\"}"))).isTrue();
        assertThat(Text.maySurrogate(utf8("{\"a\":\"\\u00e9 \\ud7ff \u00e9 \ud55c\"}"))).isFalse();
        assertThat(Text.maySurrogate(utf8("\\u"))).isFalse();
    }

    @Test
    void rawSurrogateBytesAreNoJson() {
        assertThatThrownBy(() -> Json.parse(new byte[] {'"', (byte) 0xED, (byte) 0xA0, (byte) 0x80, '"'}))
                .isInstanceOf(Json.SyntaxException.class).hasMessageContaining("surrogate");
    }

    @Test
    void replacesOnlyUnpairedSurrogates() {
        assertThat(Text.wellFormed("a\ud800b\ud83d\ude00\udc00")).isEqualTo("a\ufffdb\ud83d\ude00\ufffd");
        String fine = "plain \ud83d\ude00";
        assertThat(Text.wellFormed(fine)).isSameAs(fine);
        assertThat(Text.wellFormed(null)).isNull();
    }

    @Test
    void reportsAtMostTenStringsPerDocument() throws Exception {
        JsonValue v = Json.parse("[" + "\"\\ud800\",".repeat(30) + "\"~/\"]");
        List<String> found = new ArrayList<>();
        Text.unpaired(v, (pointer, escape) -> found.add(pointer));
        assertThat(found).hasSize(Text.MAX_REPORTED).startsWith("/0", "/1");
        List<String> nested = new ArrayList<>();
        Text.unpaired(Json.parse("{\"a/~\":{\"b\":\"\\udc0f\"}}"), (pointer, escape) -> nested.add(pointer + " " + escape));
        assertThat(nested).containsExactly("/a~1~0/b \\udc0f");
        assertThatThrownBy(() -> Json.parse("{\"a\\udc0f\":1}")).isInstanceOf(Json.SyntaxException.class)
                .hasMessageContaining("surrogate in field name"); // names cannot carry one: BAD_JSON
    }

    @Test
    void excerptsCutLongValues() {
        assertThat(Text.excerpt("x".repeat(100))).isEqualTo("x".repeat(64) + "...");
        assertThat(Text.excerpt("short")).isEqualTo("short");
    }
}
