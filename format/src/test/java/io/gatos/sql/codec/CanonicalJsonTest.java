package io.gatos.sql.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CanonicalJsonTest {

    @Test
    void sortsKeysRecursivelyAndDropsWhitespace() {
        String in = "{ \"b\" : 1,\n \"a\": {\"d\": [3, 2, {\"y\": true, \"x\": false}], \"c\": null} }";
        assertThat(CanonicalJson.canonicalText(in))
                .isEqualTo("{\"a\":{\"c\":null,\"d\":[3,2,{\"x\":false,\"y\":true}]},\"b\":1}");
    }

    @Test
    void keepsNumbersExactlyAsWritten() {
        String in = "[1152921504606846977, 1.50, 1e5, -0.0, 123456789012345678901234567890.000001]";
        assertThat(CanonicalJson.canonicalText(in))
                .isEqualTo("[1152921504606846977,1.50,1e5,-0.0,123456789012345678901234567890.000001]");
    }

    @Test
    void escapesOnlyWhatRfc8785Escapes() {
        String in = "[\"Zoë/東京\\u2028\", \"tab\\there\\u0001\\\"q\\\\\"]";
        assertThat(CanonicalJson.canonicalText(in))
                .isEqualTo("[\"Zoë/東京\u2028\",\"tab\\there\\u0001\\\"q\\\\\"]");
        assertThat(CanonicalJson.canonicalize("\"é\"")).isEqualTo("\"é\"".getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void sortsKeysByUtf16CodeUnits() {
        // RFC 8785 §3.2.3: U+20AC sorts before U+1F600 (surrogates D83D...) which sorts before U+FB33.
        String in = "{\"\uFB33\":3,\"\uD83D\uDE00\":2,\"\u20AC\":1,\"A\":0}";
        assertThat(CanonicalJson.canonicalText(in)).isEqualTo("{\"A\":0,\"\u20AC\":1,\"\uD83D\uDE00\":2,\"\uFB33\":3}");
    }

    @Test
    void rejectsMalformedOrTrailingText() {
        assertThatThrownBy(() -> CanonicalJson.canonicalText("{\"a\":")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> CanonicalJson.canonicalText("{} {}")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> CanonicalJson.canonicalText("")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void writesStringObjectsSortedWithoutNulls() {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("ulid", "01J");
        fields.put("commit_oid", null);
        fields.put("a", "x\"y");
        assertThat(CanonicalJson.objectOfStrings(fields)).isEqualTo("{\"a\":\"x\\\"y\",\"ulid\":\"01J\"}");
    }
}
