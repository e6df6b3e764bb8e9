package io.gatos.sql.schemas;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gatos.sql.schemas.testing.ManifestValidator;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

class ExportManifestSchemaTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String VALID = "/manifests/valid.manifest.json";

    @Test
    void acceptsARealisticManifest() throws IOException {
        assertThat(ManifestValidator.errors(valid())).isEmpty();
    }

    @Test
    void acceptsAFoldRootAndNoActivePolicy() throws IOException {
        assertThat(errorsAfter(m -> m.put("fold_root", "aa".repeat(32)).put("policy_root", ""))).isEmpty();
    }

    @Test
    void reportsAnExplorerRootThatIsNotBlake3Hex() throws IOException {
        assertThat(errorsAfter(m -> m.put("explorer_root", "E4CB")))
                .singleElement().asString().startsWith("$.explorer_root: ");
    }

    @Test
    void reportsAMissingFrontier() throws IOException {
        assertThat(errorsAfter(m -> m.remove("frontier")))
                .singleElement().asString().contains("required property 'frontier'");
    }

    @Test
    void reportsAnUnknownTopLevelField() throws IOException {
        assertThat(errorsAfter(m -> m.put("explorer", "x")))
                .singleElement().asString().contains("'explorer'");
    }

    @Test
    void reportsAnUnknownRunMode() throws IOException {
        assertThat(errorsAfter(m -> m.with("run").put("mode", "partial")))
                .singleElement().asString().startsWith("$.run.mode: ");
    }

    @Test
    void reportsARefOutsideGatosAndATableDigestWithoutItsAlgorithm() throws IOException {
        List<String> errors = errorsAfter(m -> {
            m.with("frontier").set("refs/heads/main", m.with("frontier").get("refs/gatos/policies/active"));
            m.with("tables").with("events").put("digest", "7d1e".repeat(16));
        });

        assertThat(errors).anyMatch(e -> e.contains("refs/heads/main"))
                .anyMatch(e -> e.startsWith("$.tables.events.digest: "));
    }

    @Test
    void assertsTheDateTimeFormatOfCreatedAt() throws IOException {
        assertThat(errorsAfter(m -> m.put("created_at", "yesterday")))
                .singleElement().asString().startsWith("$.created_at: ");
    }

    private static List<String> errorsAfter(Consumer<ObjectNode> change) throws IOException {
        ObjectNode manifest = (ObjectNode) JSON.readTree(valid());
        change.accept(manifest);
        return ManifestValidator.errors(JSON.writeValueAsString(manifest));
    }

    private static String valid() throws IOException {
        try (InputStream in = ExportManifestSchemaTest.class.getResourceAsStream(VALID)) {
            return new String(in.readAllBytes(), UTF_8);
        }
    }
}
