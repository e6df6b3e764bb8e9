package io.gatos.sql.ledger.scan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.gatos.sql.codec.Blake3;
import io.gatos.sql.ledger.BasedLedger;
import io.gatos.sql.ledger.Finding;
import io.gatos.sql.ledger.FindingCode;
import io.gatos.sql.ledger.LedgerSnapshot;
import io.gatos.sql.ledger.StateCheckpoint;
import io.gatos.sql.ledger.StateNode;
import io.gatos.sql.ledger.decode.NodeShapes;
import io.gatos.sql.testing.LedgerTestRepository;
import io.gatos.sql.writer.StateTrailers;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Stream;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectInserter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StateScanTest {
    private static final String ZEROS = "0".repeat(40);
    private static final Instant T0 = LedgerTestRepository.BASE_TIME;

    @TempDir
    Path dir;

    private final List<Finding> findings = new ArrayList<>();
    private List<StateCheckpoint> checkpoints(LedgerSnapshot s, Set<String> namespaces, Set<String> stateRefs) {
        try (Stream<StateCheckpoint> rows = StateScan.checkpoints(s, namespaces, stateRefs, findings::add)) {
            return rows.toList();
        }
    }

    private List<StateNode> nodes(LedgerSnapshot s, Set<String> namespaces, Set<String> stateRefs) {
        try (Stream<StateNode> rows = StateScan.nodes(s, namespaces, stateRefs, findings::add)) {
            return rows.toList();
        }
    }

    private static String stateRoot(Map<String, String> files) {
        StringBuilder in = new StringBuilder();
        new java.util.TreeMap<>(files).forEach((p, t) -> in.append(p).append('\0').append(t).append('\0'));
        return Blake3.prefixed(in.toString().getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void checkpointsFollowTheChainNewestFirstWithHeadAndParents() {
        ObjectId c1;
        ObjectId c2;
        ObjectId b1;
        Map<String, String> files2 = Map.of("state/orders.json", "{\"n\":2}");
        try (LedgerTestRepository repo = LedgerTestRepository.create(dir.resolve("r"))) {
            c1 = repo.state("orders", Map.of("state/orders.json", "{\"n\":1}"));
            c2 = repo.state("orders", files2);
            b1 = repo.state("billing", Map.of("state/billing.json", "{}"));
            LedgerSnapshot s = repo.snapshot();
            List<StateCheckpoint> rows = checkpoints(s, null, null);
            assertThat(rows).extracting(StateCheckpoint::stateRef).containsExactly(b1.name(), c2.name(), c1.name());
            assertThat(rows.get(1)).isEqualTo(new StateCheckpoint(c2.name(), "orders", c1.name(), true,
                    stateRoot(files2), ZEROS, ZEROS, StateTrailers.DEFAULT_POLICY_CODE_ROOT,
                    StateTrailers.DEFAULT_FOLD_ENGINE, StateTrailers.DEFAULT_FOLD_ROOT, "1",
                    T0.plusSeconds(1).toEpochMilli(), "refs/gatos/state/orders"));
            assertThat(rows.get(2).parentId()).isNull();
            assertThat(rows.get(2).isHead()).isFalse();
            assertThat(rows.get(2).tsMillis()).isEqualTo(T0.toEpochMilli());
            assertThat(rows.get(0)).extracting(StateCheckpoint::ns, StateCheckpoint::isHead)
                    .containsExactly("billing", true);
            assertThat(findings).isEmpty();
        }
    }

    @Test
    void namespaceAndStateRefRestrictions() {
        try (LedgerTestRepository repo = LedgerTestRepository.create(dir.resolve("r"))) {
            ObjectId c1 = repo.state("orders", Map.of("a.json", "1"));
            ObjectId c2 = repo.state("orders", Map.of("a.json", "2"));
            ObjectId b1 = repo.state("billing", Map.of("b.json", "3"));
            LedgerSnapshot s = repo.snapshot();
            assertThat(checkpoints(s, Set.of("orders"), null)).extracting(StateCheckpoint::stateRef)
                    .containsExactly(c2.name(), c1.name());
            assertThat(checkpoints(s, null, Set.of(c1.name()))).singleElement().satisfies(c -> {
                assertThat(c.ns()).isEqualTo("orders");
                assertThat(c.isHead()).isFalse();
            });
            assertThat(checkpoints(s, Set.of("orders"), Set.of(b1.name()))).isEmpty();
            assertThat(checkpoints(s, null, Set.of("f".repeat(40), "not an id", c2.name().toUpperCase())))
                    .isEmpty();
            assertThat(nodes(s, null, Set.of(c1.name()))).extracting(StateNode::id)
                    .containsExactly(c1.name() + ":a.json");
            assertThat(findings).isEmpty();
        }
    }

    @Test
    void badAndMissingTrailersAreFindingsAndValuesAreStillReported() {
        String sha = "sha256:" + "ab".repeat(32);
        try (LedgerTestRepository repo = LedgerTestRepository.create(dir.resolve("r"))) {
            ObjectId bad = repo.writer().stateCheckpoint("bad", Map.of("s.json", "{}".getBytes(StandardCharsets.UTF_8)),
                    new StateTrailers("blake3:xyz", ZEROS, "nothex", sha, null, "sha256:" + "AB".repeat(32), null, null,
                            null), T0);
            LedgerSnapshot s = repo.snapshot();
            assertThat(checkpoints(s, null, null)).singleElement().satisfies(c -> {
                assertThat(c.stateRoot()).isEqualTo("blake3:xyz");
                assertThat(c.policyRoot()).isEqualTo("nothex");
                assertThat(c.foldEngine()).isNull();
                assertThat(c.foldVersion()).isNull();
                assertThat(c.policyCodeRoot()).isEqualTo(sha);
            });
            String ref = "refs/gatos/state/bad";
            assertThat(findings).containsExactly(
                    new Finding(ref, bad.name(), null, FindingCode.BAD_TRAILER,
                            "State-Root 'blake3:xyz' is not blake3:<64 lowercase hex>"),
                    new Finding(ref, bad.name(), null, FindingCode.BAD_TRAILER,
                            "Policy-Root 'nothex' is not a 40-hex commit id"),
                    new Finding(ref, bad.name(), null, FindingCode.BAD_TRAILER,
                            "checkpoint has no Fold-Engine trailer (required by LAYOUT §4)"),
                    new Finding(ref, bad.name(), null, FindingCode.BAD_TRAILER,
                            "Fold-Root 'sha256:" + "AB".repeat(32) + "' is not sha256:<64 lowercase hex>"));
        }
    }

    @Test
    void nodesHaveStreamedDigestsSizesBlobIdsAndShapes() {
        byte[] big = new byte[1_500_000];
        new Random(7).nextBytes(big);
        byte[] json = "{\"items\":[1,2],\"name\":\"x\"}".getBytes(StandardCharsets.UTF_8);
        byte[] text = "plain text\n".getBytes(StandardCharsets.UTF_8);
        byte[] broken = "{not json".getBytes(StandardCharsets.UTF_8);
        Map<String, byte[]> files = new LinkedHashMap<>();
        files.put("state/orders.json", json);
        files.put("meta/engine.txt", text);
        files.put("big/blob.bin", big);
        files.put("broken.json", broken);
        try (LedgerTestRepository repo = LedgerTestRepository.create(dir.resolve("r"))) {
            ObjectId c1 = repo.writer().stateCheckpoint("orders", files, StateTrailers.of("blake3:" + "0".repeat(64),
                    ZEROS, ZEROS), T0);
            ObjectId c2 = repo.writer().stateCheckpoint("orders", Map.of("state/orders.json", json),
                    StateTrailers.of("blake3:" + "0".repeat(64), ZEROS, ZEROS), T0.plusSeconds(1));
            LedgerSnapshot s = repo.snapshot();
            List<StateNode> rows = nodes(s, null, null);
            String c = c1.name();
            assertThat(rows).containsExactly(
                    node(c2.name(), "state/orders.json", json,
                            "{\"fields\":{\"items\":{\"items\":{\"kind\":\"number\"},\"kind\":\"array\"},"
                                    + "\"name\":{\"kind\":\"string\"}},\"kind\":\"object\"}"),
                    node(c, "big/blob.bin", big, NodeShapes.BYTES),
                    node(c, "broken.json", broken, NodeShapes.BYTES),
                    node(c, "meta/engine.txt", text, NodeShapes.BYTES),
                    node(c, "state/orders.json", json, rows.get(0).shape()));
            assertThat(findings).containsExactly(new Finding("refs/gatos/state/orders", c, "broken.json",
                    FindingCode.BAD_JSON, "state node is named *.json but is not one valid UTF-8 JSON value"));
        }
    }

    private static StateNode node(String stateRef, String path, byte[] bytes, String shape) {
        String blobId = new ObjectInserter.Formatter().idFor(Constants.OBJ_BLOB, bytes).name();
        return new StateNode(stateRef + ":" + path, stateRef, "orders", path, Blake3.prefixed(bytes), blobId,
                bytes.length, shape);
    }

    @Test
    void checkpointReachableFromTwoRefsIsReportedOnceUnderTheFirst() {
        try (LedgerTestRepository repo = LedgerTestRepository.create(dir.resolve("r"))) {
            ObjectId c1 = repo.state("orders", Map.of("a.json", "1"));
            ObjectId c2 = repo.state("orders", Map.of("a.json", "2"));
            repo.writer().setRef("refs/gatos/state/copy", c1);
            LedgerSnapshot s = repo.snapshot();
            List<StateCheckpoint> rows = checkpoints(s, null, null);
            assertThat(rows).extracting(StateCheckpoint::stateRef, StateCheckpoint::ns, StateCheckpoint::isHead)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple(c1.name(), "copy", true),
                            org.assertj.core.groups.Tuple.tuple(c2.name(), "orders", true));
            assertThat(nodes(s, null, null)).extracting(StateNode::stateRef).containsExactly(c1.name(), c2.name());
        }
    }

    @Test
    void refAtABlobIsAFindingAndOtherRefsStillRead() {
        try (LedgerTestRepository repo = LedgerTestRepository.create(dir.resolve("r"))) {
            ObjectId c1 = repo.state("orders", Map.of("a.json", "1"));
            ObjectId blob = repo.writer().blob("x".getBytes(StandardCharsets.UTF_8));
            repo.writer().setRef("refs/gatos/state/aaa", blob);
            LedgerSnapshot s = repo.snapshot();
            assertThat(checkpoints(s, null, null)).extracting(StateCheckpoint::stateRef).containsExactly(c1.name());
            assertThat(findings).singleElement().satisfies(f -> {
                assertThat(f.code()).isEqualTo(FindingCode.UNEXPECTED_OBJECT);
                assertThat(f.ref()).isEqualTo("refs/gatos/state/aaa");
            });
        }
    }

    @Test
    void streamsAreLazy() {
        try (LedgerTestRepository repo = LedgerTestRepository.create(dir.resolve("r"))) {
            for (int i = 0; i < 5; i++) {
                repo.state("orders", Map.of("a.json", "{\"i\":" + i + "}"));
            }
            LedgerSnapshot s = repo.snapshot();
            try (Stream<StateCheckpoint> rows = StateScan.checkpoints(s, null, null, findings::add)) {
                assertThat(rows.limit(2).count()).isEqualTo(2);
            }
        }
    }

    @Test
    void aBasedScanYieldsTheNewCheckpointsAndTheirNodesOnly() {
        try (BasedLedger l = BasedLedger.create(dir.resolve("r"), 1)) {
            Function<LedgerSnapshot, Stream<StateCheckpoint>> checkpoints = s -> StateScan.checkpoints(s, null, null,
                    findings::add);
            List<StateCheckpoint> added = l.added(checkpoints, StateCheckpoint::stateRef);
            String head = l.after().head(BasedLedger.STATE).name();
            assertThat(added).extracting(StateCheckpoint::stateRef, StateCheckpoint::parentId, StateCheckpoint::isHead)
                    .containsExactly(tuple(head, l.before().head(BasedLedger.STATE).name(), true));
            assertThat(BasedLedger.rows(l.based(), checkpoints)).containsExactlyElementsOf(added);

            Function<LedgerSnapshot, Stream<StateNode>> nodes = s -> StateScan.nodes(s, null, null, findings::add);
            List<StateNode> newNodes = l.added(nodes, StateNode::stateRef);
            assertThat(newNodes).extracting(StateNode::path).containsExactly("notes.txt", "state/orders.json");
            assertThat(BasedLedger.rows(l.based(), nodes)).containsExactlyElementsOf(newNodes);
            assertThat(findings).isEmpty();
        }
    }
}
