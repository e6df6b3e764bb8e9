package io.gatos.sql.ledger.scan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.gatos.sql.ledger.BasedLedger;
import io.gatos.sql.ledger.Finding;
import io.gatos.sql.ledger.FindingCode;
import io.gatos.sql.ledger.LedgerSnapshot;
import io.gatos.sql.ledger.PointerRecord;
import io.gatos.sql.testing.LedgerTestRepository;
import io.gatos.sql.writer.StateTrailers;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Stream;
import org.eclipse.jgit.lib.ObjectId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PointerScanTest {
    private static final String HEX1 = "11".repeat(32);
    private static final String HEX2 = "22".repeat(32);
    private static final String HEX3 = "33".repeat(32);
    private static final String HEX4 = "44".repeat(32);
    private static final String HEX5 = "55".repeat(32);
    private static final String STATE_JSON = "{\"media\":[{\"kind\":\"blobptr\",\"algo\":\"blake3\",\"hash\":\"" + HEX1
            + "\",\"size\":4096}],\"vault\":{\"new\":{\"kind\":\"opaque\",\"algo\":\"xchacha20poly1305\","
            + "\"ciphertext_hash\":\"blake3:" + HEX2 + "\",\"encrypted_meta\":{\"nonce\":\"00\"},\"size\":512},"
            + "\"old\":{\"kind\":\"opaque\",\"algo\":\"xchacha20poly1305\",\"ciphertext_hash\":\"blake3:" + HEX3
            + "\",\"cipher_meta\":{\"nonce\":\"01\",\"kdf\":\"hkdf-sha256\"}}},\"archive\":{\"kind\":\"opaque_pointer\","
            + "\"algo\":\"blake3\",\"digest\":\"blake3:" + HEX4 + "\",\"size\":1048576,\"location\":\"s3://b/x.bin\","
            + "\"capability\":\"gatos-key://kms/reader\"}}";
    private static final String PATH = "state/orders.json";
    private static final String ROOT = "blake3:" + "0".repeat(64);
    private static final String ZEROS = "0".repeat(40);

    @TempDir
    Path dir;

    private final List<Finding> findings = new ArrayList<>();
    private List<PointerRecord> scan(LedgerSnapshot s, Set<String> stateRefs, Set<String> commitIds) {
        try (Stream<PointerRecord> rows = PointerScan.stream(s, stateRefs, commitIds, findings::add)) {
            return rows.toList();
        }
    }

    private static List<PointerRecord> statePointers(String c) {
        return List.of(
                new PointerRecord("blake3:" + HEX4, "opaque_pointer", "blake3", 1048576L, "s3://b/x.bin",
                        "gatos-key://kms/reader", "state", c, c, PATH + "#/archive"),
                new PointerRecord("blake3:" + HEX1, "blobptr", "blake3", 4096L, "gatos/objects/blake3/" + HEX1, null,
                        "state", c, c, PATH + "#/media/0"),
                new PointerRecord("blake3:" + HEX2, "opaque", "xchacha20poly1305", 512L, "gatos/objects/blake3/" + HEX2,
                        null, "state", c, c, PATH + "#/vault/new"),
                new PointerRecord("blake3:" + HEX3, "opaque", "xchacha20poly1305", null, "gatos/objects/blake3/" + HEX3,
                        null, "state", c, c, PATH + "#/vault/old"));
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void statePointersOfEveryCheckpointThenEventPointers() {
        try (LedgerTestRepository repo = LedgerTestRepository.create(dir.resolve("r"))) {
            Map<String, byte[]> files = new LinkedHashMap<>();
            files.put(PATH, utf8(STATE_JSON));
            files.put("state/bin.dat", new byte[] {(byte) 0xff, '{', 0});
            files.put("broken.json", utf8("{oops"));
            files.put("notes.txt", utf8("[not json"));
            ObjectId c1 = repo.writer().stateCheckpoint("orders", files, StateTrailers.of(ROOT, ZEROS, ZEROS),
                    repo.tick());
            ObjectId c2 = repo.writer().stateCheckpoint("orders", Map.of(PATH, utf8(STATE_JSON)),
                    StateTrailers.of(ROOT, ZEROS, ZEROS), repo.tick());
            ObjectId event = repo.event("orders", "alice", "file.attached", "{\"note\":\"kind\",\"file\":{\"kind\":"
                    + "\"blobptr\",\"algo\":\"blake3\",\"hash\":\"" + HEX5 + "\",\"size\":7}}");
            repo.event("orders", "alice", "plain", "{\"n\":1}");
            LedgerSnapshot s = repo.snapshot();

            List<PointerRecord> expected = new ArrayList<>(statePointers(c2.name()));
            expected.addAll(statePointers(c1.name()));
            PointerRecord eventPointer = new PointerRecord("blake3:" + HEX5, "blobptr", "blake3", 7L,
                    "gatos/objects/blake3/" + HEX5, null, "event", null, event.name(),
                    "message/envelope.json#/payload/file");
            expected.add(eventPointer);
            assertThat(scan(s, null, null)).containsExactlyElementsOf(expected);
            assertThat(findings).containsExactly(new Finding("refs/gatos/state/orders", c1.name(), "broken.json",
                    FindingCode.BAD_JSON, "state node is named *.json but is not one valid UTF-8 JSON value"));

            findings.clear();
            assertThat(scan(s, Set.of(c1.name()), null)).containsExactlyElementsOf(statePointers(c1.name()));
            assertThat(scan(s, null, Set.of(event.name()))).containsExactly(eventPointer);
            assertThat(scan(s, null, Set.of(c2.name()))).containsExactlyElementsOf(statePointers(c2.name()));
            assertThat(scan(s, Set.of(c2.name()), Set.of(c1.name()))).isEmpty();
        }
    }

    @Test
    void pointerProblemsAreFindingsForEachCheckpointHoldingThem() {
        String bad = "{\"p\":{\"kind\":\"opaque_pointer\",\"algo\":\"blake3\",\"location\":\"s3://x\"}}";
        try (LedgerTestRepository repo = LedgerTestRepository.create(dir.resolve("r"))) {
            ObjectId c1 = repo.writer().stateCheckpoint("ns", Map.of("s.json", utf8(bad)),
                    StateTrailers.of(ROOT, ZEROS, ZEROS), repo.tick());
            ObjectId c2 = repo.writer().stateCheckpoint("ns", Map.of("s.json", utf8(bad)),
                    StateTrailers.of(ROOT, ZEROS, ZEROS), repo.tick());
            LedgerSnapshot s = repo.snapshot();
            assertThat(scan(s, null, null)).isEmpty();
            String message = "opaque_pointer pointer has no string \"digest\"; it is skipped";
            assertThat(findings).containsExactly(
                    new Finding("refs/gatos/state/ns", c2.name(), "s.json#/p", FindingCode.BAD_JSON, message),
                    new Finding("refs/gatos/state/ns", c1.name(), "s.json#/p", FindingCode.BAD_JSON, message));
        }
    }

    @Test
    void locationsAreNeverOpenedEvenWhenTheyNameAFifo() throws Exception {
        Path repoDir = dir.resolve("r");
        try (LedgerTestRepository repo = LedgerTestRepository.createNonBare(repoDir)) {
            Path objects = Files.createDirectories(repoDir.resolve("gatos/objects/blake3"));
            Path derived = mkfifo(objects.resolve(HEX1));
            Path absolute = mkfifo(dir.resolve("trap.fifo"));
            String json = "{\"a\":{\"kind\":\"blobptr\",\"algo\":\"blake3\",\"hash\":\"" + HEX1 + "\",\"size\":1},"
                    + "\"b\":{\"kind\":\"opaque_pointer\",\"algo\":\"blake3\",\"digest\":\"blake3:" + HEX2
                    + "\",\"location\":\"file://" + absolute + "\"},"
                    + "\"c\":{\"kind\":\"opaque_pointer\",\"algo\":\"blake3\",\"digest\":\"blake3:" + HEX3
                    + "\",\"location\":\"" + absolute + "\"},"
                    + "\"d\":{\"kind\":\"opaque\",\"algo\":\"aes\",\"ciphertext_hash\":\"blake3:" + HEX4
                    + "\",\"location\":\"gatos/objects/blake3/" + HEX1 + "\"}}";
            repo.writer().stateCheckpoint("ns", Map.of("s.json", utf8(json)), StateTrailers.of(ROOT, ZEROS, ZEROS),
                    repo.tick());
            repo.event("ns", "alice", "attach", "{\"f\":{\"kind\":\"opaque_pointer\",\"digest\":\"blake3:" + HEX5
                    + "\",\"location\":\"file://" + absolute + "\"}}");
            LedgerSnapshot s = repo.snapshot();

            List<PointerRecord> rows = assertTimeoutPreemptively(Duration.ofSeconds(10), () -> scan(s, null, null));
            assertThat(rows).extracting(PointerRecord::location).containsExactly(
                    "gatos/objects/blake3/" + HEX1, "file://" + absolute, absolute.toString(),
                    "gatos/objects/blake3/" + HEX1, "file://" + absolute);
            assertThat(findings).isEmpty();
            assertThat(Files.isRegularFile(derived)).isFalse();
            assertThat(Files.exists(derived)).isTrue();
        }
    }

    private static Path mkfifo(Path path) throws Exception {
        Process p = new ProcessBuilder("mkfifo", path.toString()).redirectErrorStream(true).start();
        assertThat(p.waitFor()).as("mkfifo %s", path).isZero();
        return path;
    }

    @Test
    void aBasedScanYieldsThePointersOfNewCheckpointsAndEventsOnly() {
        try (BasedLedger l = BasedLedger.create(dir.resolve("r"), 1)) {
            Function<LedgerSnapshot, Stream<PointerRecord>> all = s -> PointerScan.stream(s, null, null,
                    findings::add);
            List<PointerRecord> added = l.added(all, PointerRecord::commitId);
            assertThat(added).extracting(PointerRecord::digest, PointerRecord::source).containsExactly(
                    tuple("blake3:" + "44".repeat(32), "state"), tuple("blake3:" + "33".repeat(32), "event"));
            assertThat(BasedLedger.rows(l.based(), all)).containsExactlyElementsOf(added);
            assertThat(findings).isEmpty();
        }
    }
}
