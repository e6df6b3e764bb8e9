package io.gatos.sql.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class JsonTest {

    @Test
    void writesCompactlyWithSortedKeysAndExactNumbers() throws Exception {
        String source = "{ \"b\": 1152921504606846977, \"a\": [1.50, -0e0, 1E400, true, null], \"c\": {\"z\":1,\"y\":\"é\"} }";
        assertThat(Json.write(Json.parse(source)))
                .isEqualTo("{\"a\":[1.50,-0e0,1E400,true,null],\"b\":1152921504606846977,\"c\":{\"y\":\"é\",\"z\":1}}");
    }

    @Test
    void keepsUnicodeAndEscapesControlCharacters() throws Exception {
        String source = "\"snow \\u2603 ☃ \\ud83d\\ude00 tab\\t quote\\\" nul\\u0000\"";
        assertThat(Json.write(Json.parse(source))).isEqualTo("\"snow ☃ ☃ 😀 tab\\t quote\\\" nul\\u0000\"");
    }

    @Test
    void rejectsMalformedInputWithAReason() {
        assertThatThrownBy(() -> Json.parse("{\"a\":")).isInstanceOf(Json.SyntaxException.class);
        assertThatThrownBy(() -> Json.parse("")).hasMessageContaining("empty");
        assertThatThrownBy(() -> Json.parse("{} {}")).hasMessageContaining("trailing");
        assertThatThrownBy(() -> Json.parse(new byte[] {'"', (byte) 0xff, '"'}))
                .isInstanceOf(Json.SyntaxException.class);
    }

    @Test
    void readsMembersByType() throws Exception {
        JsonValue.Obj o = (JsonValue.Obj) Json.parse("{\"s\":\"x\",\"n\":42,\"big\":1e3}".getBytes(StandardCharsets.UTF_8));
        assertThat(o.string("s")).isEqualTo("x");
        assertThat(o.string("n")).isNull();
        assertThat(((JsonValue.Num) o.get("n")).asLong()).isEqualTo(42L);
        assertThat(((JsonValue.Num) o.get("big")).asLong()).isNull();
        assertThat(Json.quote("a\"b")).isEqualTo("\"a\\\"b\"");
    }

    @Test
    void writesUnpairedSurrogatesAsEscapesAndKeepsPairs() throws Exception {
        JsonValue v = Json.parse("{\"a\":\"x\\ud800y\",\"b\":\"\\ud83d\\ude00\",\"c\":\"\\udc00\"}");
        assertThat(Json.write(v)).isEqualTo("{\"a\":\"x\\ud800y\",\"b\":\"\ud83d\ude00\",\"c\":\"\\udc00\"}");
        assertThat(Json.quote("\ud800\ud800\udc00")).isEqualTo("\"\\ud800\ud800\udc00\"");
    }
}
