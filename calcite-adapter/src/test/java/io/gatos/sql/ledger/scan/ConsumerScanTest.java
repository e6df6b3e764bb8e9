package io.gatos.sql.ledger.scan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.gatos.sql.codec.Ulid;
import io.gatos.sql.ledger.ConsumerCheckpoint;
import io.gatos.sql.ledger.Finding;
import io.gatos.sql.ledger.FindingCode;
import io.gatos.sql.ledger.LedgerSnapshot;
import io.gatos.sql.testing.LedgerTestRepository;
import io.gatos.sql.writer.MessageSpec;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.Stream;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectInserter;
import org.eclipse.jgit.lib.TreeFormatter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConsumerScanTest {
    private static final String UNKNOWN_COMMIT = "12".repeat(20);
    private static final String UNKNOWN_ULID = Ulid.create(5_000, new Random(77));

    @TempDir
    Path dir;

    private final List<Finding> findings = new ArrayList<>();

    private List<ConsumerCheckpoint> scan(LedgerSnapshot s, Set<String> groups, Set<String> topics) {
        try (Stream<ConsumerCheckpoint> rows = ConsumerScan.stream(s, groups, topics, findings::add)) {
            return rows.toList();
        }
    }

    private static String ref(String group, String topic) {
        return "refs/gatos/consumers/" + group + "/" + topic;
    }

    /** A topic of five messages, oldest first. */
    private record Topic(List<MessageSpec> specs, List<ObjectId> commits) {
        static Topic post(LedgerTestRepository repo, String name, int n) {
            List<MessageSpec> specs = new ArrayList<>();
            List<ObjectId> commits = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                MessageSpec m = repo.messageSpec(name, "note", "{\"i\":" + i + "}");
                commits.add(repo.writer().appendMessage(name, m));
                specs.add(m);
            }
            return new Topic(specs, commits);
        }

        String ulid(int i) {
            return specs.get(i).ulid();
        }

        String commit(int i) {
            return commits.get(i).name();
        }
    }

    @Test
    void commitFormMatchesByCommitFirst() {
        try (LedgerTestRepository repo = LedgerTestRepository.create(dir.resolve("r"))) {
            Topic t = Topic.post(repo, "tasks", 5);
            Instant at = LedgerTestRepository.BASE_TIME.plusSeconds(5);
            repo.checkpoint("g1", "tasks", t.commit(1), t.ulid(3));
            LedgerSnapshot s = repo.snapshot();
            assertThat(scan(s, null, null)).containsExactly(new ConsumerCheckpoint("g1", "tasks", t.ulid(3),
                    t.commit(1), t.ulid(4), 3, at.toEpochMilli(), ref("g1", "tasks")));
            assertThat(findings).isEmpty();
        }
    }

    @Test
    void blobFormMatchesByUlidWhenTheCommitIsUnknownAndHasNoUpdateTime() {
        try (LedgerTestRepository repo = LedgerTestRepository.create(dir.resolve("r"))) {
            Topic t = Topic.post(repo, "tasks", 5);
            repo.writer().checkpointBlob("g2", "tasks", UNKNOWN_COMMIT, t.ulid(3));
            repo.writer().checkpointBlob("g3", "tasks", null, t.ulid(0));
            repo.writer().checkpointBlob("g4", "tasks", t.commit(4), null);
            assertThat(scan(repo.snapshot(), null, null)).containsExactly(
                    new ConsumerCheckpoint("g2", "tasks", t.ulid(3), UNKNOWN_COMMIT, t.ulid(4), 1, null,
                            ref("g2", "tasks")),
                    new ConsumerCheckpoint("g3", "tasks", t.ulid(0), null, t.ulid(4), 4, null, ref("g3", "tasks")),
                    new ConsumerCheckpoint("g4", "tasks", null, t.commit(4), t.ulid(4), 0, null, ref("g4", "tasks")));
            assertThat(findings).isEmpty();
        }
    }

    @Test
    void whenNeitherIsFoundTheWholeTopicIsLag() {
        try (LedgerTestRepository repo = LedgerTestRepository.create(dir.resolve("r"))) {
            Topic t = Topic.post(repo, "tasks", 5);
            repo.checkpoint("g", "tasks", UNKNOWN_COMMIT, UNKNOWN_ULID);
            repo.checkpoint("h", "tasks", null, null);
            List<ConsumerCheckpoint> rows = scan(repo.snapshot(), null, null);
            assertThat(rows).extracting(ConsumerCheckpoint::lag).containsExactly(5L, 5L);
            assertThat(rows).extracting(ConsumerCheckpoint::headUlid).containsOnly(t.ulid(4));
            assertThat(rows.get(1).ulid()).isNull();
            assertThat(rows.get(1).commitId()).isNull();
        }
    }

    @Test
    void aCheckpointOnAMissingTopicHasLagZeroAndNoHead() {
        try (LedgerTestRepository repo = LedgerTestRepository.create(dir.resolve("r"))) {
            Topic.post(repo, "tasks", 2);
            repo.checkpoint("g", "gone", UNKNOWN_COMMIT, UNKNOWN_ULID);
            repo.writer().checkpointBlob("h", "gone", null, UNKNOWN_ULID);
            assertThat(scan(repo.snapshot(), null, null)).extracting(ConsumerCheckpoint::topic,
                    ConsumerCheckpoint::lag, ConsumerCheckpoint::headUlid).containsExactly(
                            tuple("gone", 0L, null),
                            tuple("gone", 0L, null));
        }
    }

    @Test
    void aRefAtATreeIsAnUnexpectedObjectAndGivesNoRow() throws IOException {
        try (LedgerTestRepository repo = LedgerTestRepository.create(dir.resolve("r"))) {
            Topic t = Topic.post(repo, "tasks", 2);
            ObjectId tree;
            try (ObjectInserter ins = repo.repository().newObjectInserter()) {
                TreeFormatter f = new TreeFormatter();
                f.append("checkpoint.json", FileMode.REGULAR_FILE, ins.insert(org.eclipse.jgit.lib.Constants.OBJ_BLOB,
                        ("{\"ulid\":\"" + t.ulid(0) + "\"}").getBytes(StandardCharsets.UTF_8)));
                tree = ins.insert(f);
                ins.flush();
            }
            repo.writer().setRef(ref("a", "tasks"), tree);
            repo.checkpoint("b", "tasks", t.commit(0), null);
            List<ConsumerCheckpoint> rows = scan(repo.snapshot(), null, null);
            assertThat(rows).extracting(ConsumerCheckpoint::groupName, ConsumerCheckpoint::lag)
                    .containsExactly(tuple("b", 1L));
            assertThat(findings).containsExactly(new Finding(ref("a", "tasks"), null, null,
                    FindingCode.UNEXPECTED_OBJECT, ref("a", "tasks") + " points at a tree; a checkpoint is a commit"
                            + " or a blob"));
        }
    }

    @Test
    void unreadableCheckpointsAreBadJsonAndCountTheWholeTopic() {
        try (LedgerTestRepository repo = LedgerTestRepository.create(dir.resolve("r"))) {
            Topic.post(repo, "tasks", 3);
            var w = repo.writer();
            ObjectId empty = w.commit(ref("a", "tasks"), Map.of("other.json", "{}".getBytes(StandardCharsets.UTF_8)),
                    "checkpoint\n", List.of(), repo.tick());
            w.setRef(ref("b", "tasks"), w.blob("nope".getBytes(StandardCharsets.UTF_8)));
            w.setRef(ref("c", "tasks"), w.blob("[1]".getBytes(StandardCharsets.UTF_8)));
            List<ConsumerCheckpoint> rows = scan(repo.snapshot(), null, null);
            assertThat(rows).extracting(ConsumerCheckpoint::groupName, ConsumerCheckpoint::ulid,
                    ConsumerCheckpoint::commitId, ConsumerCheckpoint::lag).containsExactly(
                            tuple("a", null, null, 3L),
                            tuple("b", null, null, 3L),
                            tuple("c", null, null, 3L));
            assertThat(findings).extracting(Finding::ref, Finding::commitId, Finding::path, Finding::code)
                    .containsExactly(
                            tuple(ref("a", "tasks"), empty.name(), "checkpoint.json",
                                    FindingCode.BAD_JSON),
                            tuple(ref("b", "tasks"), null, "checkpoint.json",
                                    FindingCode.BAD_JSON),
                            tuple(ref("c", "tasks"), null, "checkpoint.json",
                                    FindingCode.BAD_JSON));
            assertThat(findings).extracting(Finding::message).containsExactly("the checkpoint has no checkpoint.json",
                    findings.get(1).message(), "checkpoint is not a JSON object");
            assertThat(findings.get(1).message()).startsWith("checkpoint is not valid JSON: ");
        }
    }

    @Test
    void groupAndTopicRestrictionsAndSlashedTopics() {
        try (LedgerTestRepository repo = LedgerTestRepository.create(dir.resolve("r"))) {
            Topic tasks = Topic.post(repo, "tasks", 2);
            Topic nested = Topic.post(repo, "a/b", 3);
            repo.checkpoint("g1", "tasks", tasks.commit(0), null);
            repo.checkpoint("g1", "a/b", nested.commit(0), null);
            repo.checkpoint("g2", "tasks", null, tasks.ulid(1));
            repo.writer().checkpointBlob("g2", "a/b", null, nested.ulid(1));
            LedgerSnapshot s = repo.snapshot();

            assertThat(scan(s, null, null)).extracting(ConsumerCheckpoint::groupName, ConsumerCheckpoint::topic,
                    ConsumerCheckpoint::lag, ConsumerCheckpoint::headUlid).containsExactly(
                            tuple("g1", "a/b", 2L, nested.ulid(2)),
                            tuple("g1", "tasks", 1L, tasks.ulid(1)),
                            tuple("g2", "a/b", 1L, nested.ulid(2)),
                            tuple("g2", "tasks", 0L, tasks.ulid(1)));
            assertThat(scan(s, Set.of("g2"), null)).extracting(ConsumerCheckpoint::topic)
                    .containsExactly("a/b", "tasks");
            assertThat(scan(s, null, Set.of("a/b"))).extracting(ConsumerCheckpoint::groupName)
                    .containsExactly("g1", "g2");
            assertThat(scan(s, Set.of("g1"), Set.of("tasks"))).extracting(ConsumerCheckpoint::ref)
                    .containsExactly(ref("g1", "tasks"));
            assertThat(scan(s, Set.of("g3"), null)).isEmpty();
            assertThat(scan(s, null, Set.of("b"))).isEmpty();
            assertThat(findings).isEmpty();
        }
    }
}
