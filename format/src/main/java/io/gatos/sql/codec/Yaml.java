package io.gatos.sql.codec;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.util.regex.Pattern;

/**
 * Converts a YAML job manifest (LAYOUT §6) to a {@link JsonValue} without going through a double:
 * a number keeps its source text when that is a JSON number, else is rewritten exactly from its
 * decimal value (so {@code +12} gives {@code 12} and {@code 0x1F} gives {@code 31}); a YAML number
 * with no decimal value ({@code .inf}, {@code .nan}) becomes a string. Exactly one document is
 * accepted. Pure and thread-safe; costs one streaming pass.
 */
public final class Yaml {
    private static final YAMLFactory YAML = YAMLFactory.builder().build();
    private static final Pattern JSON_NUMBER = Pattern.compile("-?(0|[1-9][0-9]*)(\\.[0-9]+)?([eE][+-]?[0-9]+)?");

    private Yaml() {
    }

    /** Parses exactly one YAML document from {@code bytes}. */
    public static JsonValue parse(byte[] bytes) throws Json.SyntaxException {
        try (JsonParser parser = YAML.createParser(bytes)) {
            JsonToken first = parser.nextToken();
            if (first == null) {
                throw new Json.SyntaxException("empty YAML document");
            }
            JsonValue value = Json.readTree(parser, first, Yaml::number);
            if (parser.nextToken() != null) {
                throw new Json.SyntaxException("more than one YAML document");
            }
            return value;
        } catch (IOException | RuntimeException e) {
            String message = e.getMessage() == null ? "malformed YAML" : e.getMessage();
            throw new Json.SyntaxException("not valid YAML: " + message.lines().findFirst().orElse("").trim());
        }
    }

    private static JsonValue number(JsonParser parser, boolean integer) throws IOException {
        String text = parser.getText();
        if (text != null && JSON_NUMBER.matcher(text).matches()) {
            return new JsonValue.Num(text);
        }
        try {
            return new JsonValue.Num(integer ? parser.getBigIntegerValue().toString()
                    : parser.getDecimalValue().toString());
        } catch (IOException | RuntimeException e) {
            return new JsonValue.Str(text == null ? "" : text);
        }
    }
}
