package io.gatos.sql.ledger.scan;

import static org.assertj.core.api.Assertions.assertThat;

import io.gatos.sql.ledger.LedgerSnapshot;
import io.gatos.sql.ledger.RefRecord;
import io.gatos.sql.testing.LedgerTestRepository;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectInserter;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.lib.TagBuilder;
import org.eclipse.jgit.lib.TreeFormatter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RefScanTest {
    @TempDir
    Path dir;

    private static List<RefRecord> scan(LedgerSnapshot s, Set<String> names) {
        try (Stream<RefRecord> rows = RefScan.stream(s, names)) {
            return rows.toList();
        }
    }

    @Test
    void listsEveryGatosRefInNameOrderWithTargetTypeAndPlane() throws IOException {
        try (LedgerTestRepository repo = LedgerTestRepository.create(dir.resolve("r.git"))) {
            var w = repo.writer();
            ObjectId event = repo.event("orders", "alice", "order.created", "{}");
            ObjectId blob = w.checkpointBlob("g", "tasks", null, null);
            ObjectId tree;
            ObjectId tag;
            try (ObjectInserter ins = repo.repository().newObjectInserter()) {
                TreeFormatter f = new TreeFormatter();
                f.append("x", FileMode.REGULAR_FILE, blob);
                tree = ins.insert(f);
                TagBuilder t = new TagBuilder();
                t.setObjectId(event, Constants.OBJ_COMMIT);
                t.setTag("v1");
                t.setTagger(new PersonIdent("t", "t@x", LedgerTestRepository.BASE_TIME, ZoneOffset.UTC));
                t.setMessage("tag\n");
                tag = ins.insert(t);
                ins.flush();
            }
            w.setRef("refs/gatos/cache/tree", tree);
            w.setRef("refs/gatos/audit/tagged", tag);
            ObjectId other = w.commit("refs/gatos/novel/x", Map.of(), "x\n", List.of(), repo.tick());
            w.commit("refs/heads/main", Map.of(), "branch\n", List.of(), repo.tick());
            String ghost = "dead".repeat(10);
            Path refFile = repo.path().resolve("refs/gatos/state/ghost");
            Files.createDirectories(refFile.getParent());
            Files.writeString(refFile, ghost + "\n", StandardCharsets.US_ASCII);

            LedgerSnapshot s = repo.snapshot();
            assertThat(scan(s, null)).containsExactly(
                    new RefRecord("refs/gatos/audit/tagged", tag.name(), "tag", "audit"),
                    new RefRecord("refs/gatos/cache/tree", tree.name(), "tree", "cache"),
                    new RefRecord("refs/gatos/consumers/g/tasks", blob.name(), "blob", "consumer"),
                    new RefRecord("refs/gatos/journal/orders/alice", event.name(), "commit", "journal"),
                    new RefRecord("refs/gatos/novel/x", other.name(), "commit", "other"),
                    new RefRecord("refs/gatos/state/ghost", ghost, "missing", "state"));
        }
    }

    @Test
    void aNameRestrictionKeepsOnlyThoseRefs() {
        try (LedgerTestRepository repo = LedgerTestRepository.create(dir.resolve("r.git"))) {
            ObjectId a = repo.event("orders", "alice", "order.created", "{}");
            repo.event("orders", "bob", "order.created", "{}");
            ObjectId m = repo.message("tasks", "{}");
            LedgerSnapshot s = repo.snapshot();
            assertThat(scan(s, Set.of("refs/gatos/shiplog/tasks/head", "refs/gatos/journal/orders/alice",
                    "refs/heads/main", "refs/gatos/journal/orders"))).containsExactly(
                            new RefRecord("refs/gatos/journal/orders/alice", a.name(), "commit", "journal"),
                            new RefRecord("refs/gatos/shiplog/tasks/head", m.name(), "commit", "shiplog"));
            assertThat(scan(s, Set.of())).isEmpty();
        }
    }
}
