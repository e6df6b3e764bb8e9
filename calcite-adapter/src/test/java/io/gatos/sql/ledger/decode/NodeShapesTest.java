package io.gatos.sql.ledger.decode;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class NodeShapesTest {
    private static final String STRING = "{\"kind\":\"string\"}";
    private static final String NUMBER = "{\"kind\":\"number\"}";

    private static String shape(String json) {
        return NodeShapes.shapeOf(json.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void objectKeepsSortedKeysAndKindsButNoValues() {
        assertThat(shape("{\"b\":1,\"a\":\"x\",\"c\":{\"e\":null,\"d\":true}}")).isEqualTo(
                "{\"fields\":{\"a\":" + STRING + ",\"b\":" + NUMBER + ",\"c\":{\"fields\":{\"d\":{\"kind\":\"boolean\"},"
                        + "\"e\":{\"kind\":\"null\"}},\"kind\":\"object\"}},\"kind\":\"object\"}");
        assertThat(shape("{}")).isEqualTo("{\"fields\":{},\"kind\":\"object\"}");
    }

    @Test
    void arrayOfAlikeElementsHasOneItemShape() {
        assertThat(shape("[1, 2.5, -3e9, 1152921504606846977]")).isEqualTo("{\"items\":" + NUMBER + ",\"kind\":\"array\"}");
        assertThat(shape("[{\"x\":1,\"y\":\"a\"},{\"y\":\"b\",\"x\":2}]")).isEqualTo("{\"items\":{\"fields\":{\"x\":"
                + NUMBER + ",\"y\":" + STRING + "},\"kind\":\"object\"},\"kind\":\"array\"}");
    }

    @Test
    void emptyArrayHasNullItems() {
        assertThat(shape("[]")).isEqualTo("{\"items\":null,\"kind\":\"array\"}");
    }

    @Test
    void differingElementsMakeAUnionInFirstSeenOrder() {
        assertThat(shape("[1,\"a\",2,{\"x\":1},\"b\",{\"x\":2},[]]")).isEqualTo("{\"items\":{\"kind\":\"union\",\"of\":["
                + NUMBER + "," + STRING + ",{\"fields\":{\"x\":" + NUMBER + "},\"kind\":\"object\"},"
                + "{\"items\":null,\"kind\":\"array\"}]},\"kind\":\"array\"}");
    }

    @Test
    void scalarDocumentsHaveScalarShapes() {
        assertThat(shape("\"x\"")).isEqualTo(STRING);
        assertThat(shape(" 42 ")).isEqualTo(NUMBER);
        assertThat(shape("false")).isEqualTo("{\"kind\":\"boolean\"}");
        assertThat(shape("null")).isEqualTo("{\"kind\":\"null\"}");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "hello world", "{\"a\":", "{\"a\":1}}", "1 2", "{\"a\":1} {}", "[1,]", "{'a':1}"})
    void nonJsonTextIsBytes(String text) {
        assertThat(shape(text)).isEqualTo(NodeShapes.BYTES).isEqualTo("{\"kind\":\"bytes\"}");
    }

    @Test
    void binaryAndInvalidUtf8AreBytes() {
        assertThat(NodeShapes.shapeOf(new byte[] {(byte) 0xff, (byte) 0xfe, 0, 1, 2})).isEqualTo(NodeShapes.BYTES);
        byte[] badString = {'{', '"', 'a', '"', ':', '"', (byte) 0xc3, (byte) 0x28, '"', '}'};
        assertThat(NodeShapes.shapeOf(badString)).isEqualTo(NodeShapes.BYTES);
        byte[] badKey = {'{', '"', (byte) 0xff, '"', ':', '1', '}'};
        assertThat(NodeShapes.shapeOf(badKey)).isEqualTo(NodeShapes.BYTES);
    }

    @Test
    void nonAsciiUtf8IsJson() {
        assertThat(shape("{\"naïve\":\"日本語 🎉\"}")).isEqualTo("{\"fields\":{\"naïve\":" + STRING + "},\"kind\":\"object\"}");
    }

    @Test
    void feedingInPiecesThroughAReusedBufferGivesTheSameShape() {
        byte[] doc = "{\"list\":[1,\"two\",{\"k\":[true,null]}],\"s\":\"a long-ish string value\",\"n\":12345.678}"
                .getBytes(StandardCharsets.UTF_8);
        String whole = NodeShapes.shapeOf(doc);
        assertThat(whole).isNotEqualTo(NodeShapes.BYTES);
        for (int piece = 1; piece <= 7; piece++) {
            NodeShapes.Builder builder = NodeShapes.builder();
            byte[] buf = new byte[piece];
            for (int off = 0; off < doc.length; off += piece) {
                int n = Math.min(piece, doc.length - off);
                System.arraycopy(doc, off, buf, 0, n);
                builder.feed(buf, n);
                Arrays.fill(buf, (byte) '!');
            }
            assertThat(builder.finish()).as("piece size %d", piece).isEqualTo(whole);
        }
    }

    @Test
    void largeDocumentHasASmallShape() {
        StringBuilder big = new StringBuilder("[");
        for (int i = 0; i < 40_000; i++) {
            big.append(i == 0 ? "" : ",").append("{\"id\":").append(i).append(",\"name\":\"item-").append(i).append("\"}");
        }
        String text = big.append(']').toString();
        assertThat(text.length()).isGreaterThan(1_000_000);
        assertThat(shape(text)).isEqualTo("{\"items\":{\"fields\":{\"id\":" + NUMBER + ",\"name\":" + STRING
                + "},\"kind\":\"object\"},\"kind\":\"array\"}");
    }
}
