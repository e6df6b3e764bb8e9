package io.gatos.sql.ledger.decode;

import static org.assertj.core.api.Assertions.assertThat;

import io.gatos.sql.catalog.Catalog;
import io.gatos.sql.catalog.TableDef;
import io.gatos.sql.codec.Json;
import io.gatos.sql.ledger.Finding;
import io.gatos.sql.ledger.FindingCode;
import io.gatos.sql.ledger.PointerRecord;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class PointersTest {
    private static final String HEX = "ab".repeat(32);
    private static final String HEX2 = "cd".repeat(32);
    private static final String COMMIT = "12".repeat(20);
    private static final Pointers.Context STATE = Pointers.Context.state(COMMIT, "refs/gatos/state/orders");

    private final List<Finding> findings = new ArrayList<>();

    private List<PointerRecord> find(String json, String file, String prefix, Pointers.Context context) throws Exception {
        return Pointers.find(Json.parse(json), file, prefix, context, findings::add);
    }

    @Test
    void blobptrNestedInAnArray() throws Exception {
        List<PointerRecord> found = find("{\"items\":[0,1,2,{\"blob\":{\"kind\":\"blobptr\",\"algo\":\"blake3\",\"hash\":\""
                + HEX + "\",\"size\":4096}}]}", "state/a.json", "", STATE);
        assertThat(found).containsExactly(new PointerRecord("blake3:" + HEX, "blobptr", "blake3", 4096L,
                "gatos/objects/blake3/" + HEX, null, "state", COMMIT, COMMIT, "state/a.json#/items/3/blob"));
        assertThat(findings).isEmpty();
    }

    @Test
    void wholeDocumentPointerHasTheRootPointer() throws Exception {
        List<PointerRecord> found = find("{\"kind\":\"blobptr\",\"algo\":\"sha256\",\"hash\":\"" + HEX + "\"}",
                "state/p.json", "", STATE);
        assertThat(found).singleElement().satisfies(p -> {
            assertThat(p.path()).isEqualTo("state/p.json#");
            assertThat(p.digest()).isEqualTo("sha256:" + HEX);
            assertThat(p.location()).isEqualTo("gatos/objects/sha256/" + HEX);
            assertThat(p.size()).isNull();
        });
    }

    @Test
    void opaqueWithEncryptedMetaAndLegacyCipherMeta() throws Exception {
        String doc = "{\"new\":{\"kind\":\"opaque\",\"algo\":\"xchacha20poly1305\",\"ciphertext_hash\":\"blake3:" + HEX
                + "\",\"encrypted_meta\":{\"nonce\":\"00\"},\"size\":512},"
                + "\"old\":{\"kind\":\"opaque\",\"algo\":\"aes-256-gcm\",\"ciphertext_hash\":\"" + HEX2
                + "\",\"cipher_meta\":{\"nonce\":\"01\",\"kdf\":\"hkdf-sha256\"}}}";
        List<PointerRecord> found = find(doc, "state/v.json", "", STATE);
        assertThat(found).containsExactly(
                new PointerRecord("blake3:" + HEX, "opaque", "xchacha20poly1305", 512L, "gatos/objects/blake3/" + HEX,
                        null, "state", COMMIT, COMMIT, "state/v.json#/new"),
                new PointerRecord("aes-256-gcm:" + HEX2, "opaque", "aes-256-gcm", null,
                        "gatos/objects/aes-256-gcm/" + HEX2, null, "state", COMMIT, COMMIT, "state/v.json#/old"));
        assertThat(findings).isEmpty();
    }

    @Test
    void opaquePointerKeepsExplicitLocationAndCapability() throws Exception {
        String doc = "{\"archive\":{\"kind\":\"opaque_pointer\",\"algo\":\"blake3\",\"digest\":\"blake3:" + HEX
                + "\",\"size\":1048576,\"location\":\"s3://bucket/snap.bin\",\"capability\":\"gatos-key://kms/r\"},"
                + "\"odd\":{\"kind\":\"opaque_pointer\",\"digest\":\"blake3:" + HEX2 + "\",\"size\":\"1-10MB\"},"
                + "\"float\":{\"kind\":\"opaque_pointer\",\"digest\":\"blake3:" + HEX2 + "\",\"size\":1.5}}";
        List<PointerRecord> found = find(doc, "state/o.json", "", STATE);
        assertThat(found).containsExactly(
                new PointerRecord("blake3:" + HEX, "opaque_pointer", "blake3", 1048576L, "s3://bucket/snap.bin",
                        "gatos-key://kms/r", "state", COMMIT, COMMIT, "state/o.json#/archive"),
                new PointerRecord("blake3:" + HEX2, "opaque_pointer", null, null, "gatos/objects/blake3/" + HEX2, null,
                        "state", COMMIT, COMMIT, "state/o.json#/float"),
                new PointerRecord("blake3:" + HEX2, "opaque_pointer", null, null, "gatos/objects/blake3/" + HEX2, null,
                        "state", COMMIT, COMMIT, "state/o.json#/odd"));
    }

    @Test
    void eventPayloadPointersAreUnderPayload() throws Exception {
        List<PointerRecord> found = find("{\"files\":[{\"kind\":\"blobptr\",\"algo\":\"blake3\",\"hash\":\"" + HEX
                + "\",\"size\":7}]}", "message/envelope.json", "/payload",
                Pointers.Context.event(COMMIT, "refs/gatos/journal/orders/alice"));
        assertThat(found).containsExactly(new PointerRecord("blake3:" + HEX, "blobptr", "blake3", 7L,
                "gatos/objects/blake3/" + HEX, null, "event", null, COMMIT, "message/envelope.json#/payload/files/0"));
    }

    @Test
    void keysAreEscapedPerRfc6901() throws Exception {
        List<PointerRecord> found = find("{\"a/b~c\":{\"~1\":{\"kind\":\"blobptr\",\"algo\":\"blake3\",\"hash\":\"" + HEX
                + "\"}}}", "state/e.json", "", STATE);
        assertThat(found).extracting(PointerRecord::path).containsExactly("state/e.json#/a~1b~0c/~01");
        assertThat(Pointers.escape("~/")).isEqualTo("~0~1");
        assertThat(Pointers.escape("/~")).isEqualTo("~1~0");
    }

    @Test
    void pointerWithoutItsDigestIsSkippedWithAFinding() throws Exception {
        List<PointerRecord> found = find("{\"x\":{\"kind\":\"blobptr\",\"algo\":\"blake3\",\"size\":1},"
                + "\"y\":{\"kind\":\"opaque\",\"ciphertext_hash\":42}}", "state/b.json", "", STATE);
        assertThat(found).isEmpty();
        assertThat(findings).containsExactly(
                new Finding("refs/gatos/state/orders", COMMIT, "state/b.json#/x", FindingCode.BAD_JSON,
                        "blobptr pointer has no string \"hash\"; it is skipped"),
                new Finding("refs/gatos/state/orders", COMMIT, "state/b.json#/y", FindingCode.BAD_JSON,
                        "opaque pointer has no string \"ciphertext_hash\"; it is skipped"));
    }

    @Test
    void digestWithoutAnyAlgorithmIsReportedWithAFinding() throws Exception {
        List<PointerRecord> found = find("{\"kind\":\"blobptr\",\"hash\":\"" + HEX + "\"}", "s.json", "", STATE);
        assertThat(found).singleElement().satisfies(p -> {
            assertThat(p.digest()).isEqualTo(HEX);
            assertThat(p.location()).isEqualTo("gatos/objects/" + HEX);
        });
        assertThat(findings).singleElement().extracting(Finding::code).isEqualTo(FindingCode.BAD_JSON);
    }

    @Test
    void otherKindsAndNonObjectsAreNotPointers() throws Exception {
        assertThat(find("{\"kind\":\"BLOBPTR\",\"hash\":\"x\",\"list\":[\"blobptr\",{\"kind\":1}]}", "s.json", "", STATE))
                .isEmpty();
        assertThat(find("[\"kind\",\"blobptr\"]", "s.json", "", STATE)).isEmpty();
        assertThat(findings).isEmpty();
    }

    @Test
    void theCatalogListsEveryKindAndSource() {
        TableDef pointers = Catalog.get().require("pointers");
        assertThat(pointers.column("kind").orElseThrow().values()).containsExactlyInAnyOrderElementsOf(Pointers.KINDS);
        assertThat(pointers.column("source").orElseThrow().values())
                .containsExactlyInAnyOrder(PointerRecord.STATE, PointerRecord.EVENT);
    }
}
