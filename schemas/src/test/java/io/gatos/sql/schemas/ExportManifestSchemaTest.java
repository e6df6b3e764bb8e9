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
        assertOnlyError("$.explorer_root: does not match", m -> m.put("explorer_root", "E4CB"));
    }

    @Test
    void reportsAMissingFrontier() throws IOException {
        assertOnlyError("$: required property 'frontier'", m -> m.remove("frontier"));
    }

    @Test
    void reportsAnUnknownTopLevelField() throws IOException {
        assertOnlyError("$: property 'explorer' is not", m -> m.put("explorer", "x"));
    }

    @Test
    void reportsAnUnknownRunMode() throws IOException {
        assertOnlyError("$.run.mode: ", m -> m.withObjectProperty("run").put("mode", "partial"));
    }

    @Test
    void reportsARefOutsideGatosAndATableDigestWithoutItsAlgorithm() throws IOException {
        List<String> errors = errorsAfter(m -> {
            ObjectNode frontier = m.withObjectProperty("frontier");
            frontier.set("refs/heads/main", frontier.get("refs/gatos/policies/active"));
            m.withObjectProperty("tables").withObjectProperty("events").put("digest", "7d1e".repeat(16));
        });

        assertThat(errors).anyMatch(e -> e.contains("refs/heads/main"))
                .anyMatch(e -> e.startsWith("$.tables.events.digest: "));
    }

    @Test
    void assertsTheDateTimeFormatOfCreatedAt() throws IOException {
        assertOnlyError("$.created_at: ", m -> m.put("created_at", "yesterday"));
    }

    private static void assertOnlyError(String prefix, Consumer<ObjectNode> change) throws IOException {
        assertThat(errorsAfter(change)).singleElement().asString().startsWith(prefix);
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
