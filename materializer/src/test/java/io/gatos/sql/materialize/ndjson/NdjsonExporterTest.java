package io.gatos.sql.materialize.ndjson;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.dialect.Dialects;
import com.networknt.schema.path.PathType;
import io.gatos.sql.materialize.MaterializeException;
import io.gatos.sql.materialize.ndjson.NdjsonExporter.Selection;
import io.gatos.sql.schemas.JsonSchemas;
import io.gatos.sql.testing.LedgerTestRepository;
import io.gatos.sql.writer.EventSpec;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.zip.GZIPInputStream;
import org.eclipse.jgit.lib.CommitBuilder;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectInserter;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.lib.RefUpdate;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.lib.TreeFormatter;
import org.eclipse.jgit.revwalk.RevCommit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NdjsonExporterTest {
    @TempDir
    Path dir;

    private static List<EventLine> lines(String text) {
        return text.isEmpty() ? List.of() : Arrays.stream(text.split("\n")).map(EventLine::parse).toList();
    }

    private static String export(Path repo, Selection selection) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        NdjsonExporter.export(repo, selection, out, false, null, null);
        return out.toString(UTF_8);
    }

    /** Writes events alternately into two journals and a topic, so ULID order interleaves the streams. */
    private static Path threeStreams(Path dir) {
        try (LedgerTestRepository repo = LedgerTestRepository.create(dir.resolve("src"))) {
            repo.event("orders", "alice", "order.created", "{\"n\":1}");
            repo.event("billing", "bob", "invoice.sent", "{\"n\":2}");
            repo.message("alerts", "{\"n\":3}");
            repo.event("orders", "alice", "order.paid", "{\"n\":4}");
            repo.event("billing", "bob", "invoice.paid", "{\"n\":5}");
            repo.message("alerts", "{\"n\":6}");
            return repo.path();
        }
    }

    @Test
    void writesEveryStreamInUlidOrderWhenNothingIsSelected() throws IOException {
        Path repo = threeStreams(dir);

        List<EventLine> lines = lines(export(repo, Selection.all()));

        assertThat(lines).extracting(EventLine::data)
                .containsExactly("{\"n\":1}", "{\"n\":2}", "{\"n\":3}", "{\"n\":4}", "{\"n\":5}", "{\"n\":6}");
        assertThat(lines).extracting(EventLine::id).isSorted();
        assertThat(lines).extracting(EventLine::stream)
                .containsExactly("orders/alice", "billing/bob", "shiplog/alerts", "orders/alice", "billing/bob",
                        "shiplog/alerts");
        assertThat(lines).extracting(EventLine::pos).containsExactly(0L, 0L, 0L, 1L, 1L, 1L);
        assertThat(lines.get(0).meta().ref()).isEqualTo("refs/gatos/journal/orders/alice");
        assertThat(lines.get(2).meta().ref()).isEqualTo("refs/gatos/shiplog/alerts/head");
        assertThat(lines.get(0).meta().actor()).isEqualTo("user:alice");
        assertThat(lines.get(0).type()).isEqualTo("order.created");
        assertThat(lines.get(0).time()).isEqualTo("2026-01-01T00:00:00Z");
    }

    @Test
    void everyLineIsValidAgainstTheNdjsonEventSchema() throws IOException {
        Path repo;
        try (LedgerTestRepository r = LedgerTestRepository.create(dir.resolve("src"))) {
            r.event("orders", "alice", r.eventSpec("alice", "order.created", "{\"a\":[1,2.50,null]}")
                    .withCaps(List.of("orders:write")).withSigAlg("ed25519"));
            r.event("orders", "bob", "order.paid", "\"just a string\"");
            r.message("alerts", "{\"n\":1}");
            r.writer().appendRawEvent("broken", "eve", "broken.event", "not json".getBytes(UTF_8),
                    r.tick());
            repo = r.path();
        }
        SchemaRegistryConfig config = SchemaRegistryConfig.builder().formatAssertionsEnabled(true)
                .pathType(PathType.JSON_PATH).build();
        Schema schema = SchemaRegistry.withDialect(Dialects.getDraft202012(), b -> b.schemaRegistryConfig(config)
                .schemas(java.util.Map.of(JsonSchemas.NDJSON_EVENT_ID, JsonSchemas.ndjsonEvent())))
                .getSchema(SchemaLocation.of(JsonSchemas.NDJSON_EVENT_ID));

        String text = export(repo, Selection.all());

        assertThat(text.lines()).hasSize(4).allSatisfy(line ->
                assertThat(schema.validate(line, InputFormat.JSON)).as(line).isEmpty());
        assertThat(schema.validate(text.lines().findFirst().orElseThrow().replace("\"pos\":0", "\"pos\":-1"),
                InputFormat.JSON)).isNotEmpty();
    }

    @Test
    void namespacesAndTopicsSelectOnlyTheirStreams() throws IOException {
        Path repo = threeStreams(dir);

        assertThat(lines(export(repo, new Selection(List.of("billing"), null, null, null))))
                .extracting(EventLine::stream).containsExactly("billing/bob", "billing/bob");
        assertThat(lines(export(repo, new Selection(null, List.of("alerts"), null, null))))
                .extracting(EventLine::stream).containsExactly("shiplog/alerts", "shiplog/alerts");
        assertThat(lines(export(repo, new Selection(List.of("orders"), List.of("alerts"), null, null))))
                .extracting(EventLine::stream)
                .containsExactly("orders/alice", "shiplog/alerts", "orders/alice", "shiplog/alerts");
    }

    @Test
    void namesTheMessagesSpellingOfATopicThatOnlyHasThatOne() throws IOException {
        Path repo;
        try (LedgerTestRepository r = LedgerTestRepository.create(dir.resolve("src"))) {
            r.writer().appendMessage("gov", r.messageSpec("gov", "vote", "{}")
                    .withSpelling(io.gatos.sql.writer.TopicSpelling.MESSAGES));
            repo = r.path();
        }

        List<EventLine> lines = lines(export(repo, new Selection(null, List.of("gov"), null, null)));

        assertThat(lines).singleElement().satisfies(line -> {
            assertThat(line.stream()).isEqualTo("shiplog/gov");
            assertThat(line.meta().ref()).isEqualTo("refs/gatos/messages/gov/head");
            assertThat(line.type()).isEqualTo("vote");
        });
    }

    @Test
    void sinceIsInclusiveAndUntilExclusiveAtAUtcDayBoundary() throws IOException {
        Path repo;
        try (LedgerTestRepository r = LedgerTestRepository.create(dir.resolve("src"))) {
            for (String t : List.of("2026-03-01T23:59:59.999Z", "2026-03-02T00:00:00Z", "2026-03-02T23:59:59.999Z",
                    "2026-03-03T00:00:00Z")) {
                Instant time = Instant.parse(t);
                r.event("orders", "alice", EventSpec.of("tick", r.ulid(time), "user:alice", "\"" + t + "\"", time));
            }
            repo = r.path();
        }
        Instant day = Instant.parse("2026-03-02T00:00:00Z");

        List<EventLine> lines = lines(export(repo, new Selection(null, null, day, day.plusSeconds(86_400))));

        assertThat(lines).extracting(EventLine::time)
                .containsExactly("2026-03-02T00:00:00Z", "2026-03-02T23:59:59.999Z");
    }

    @Test
    void anEmptySelectionOrAWindowWithoutEventsWritesNothing() throws IOException {
        Path repo = threeStreams(dir);

        assertThat(export(repo, new Selection(List.of("nope"), null, null, null))).isEmpty();
        assertThat(export(repo, new Selection(null, null, Instant.parse("2030-01-01T00:00:00Z"), null))).isEmpty();
        Path out = dir.resolve("empty.ndjson");
        NdjsonExporter.Result result = NdjsonExporter.exportToFile(repo,
                new Selection(List.of(), List.of(), null, null), out, false, null);
        assertThat(result).isEqualTo(new NdjsonExporter.Result(0, 0));
        assertThat(out).isEmptyFile();
    }

    @Test
    void keepsUnicodeALargePayloadAndTheExactEnvelopeAndCommitFields() throws IOException {
        String big = "x".repeat(1 << 20);
        Path repo;
        ObjectId first;
        ObjectId second;
        try (LedgerTestRepository r = LedgerTestRepository.create(dir.resolve("src"))) {
            first = r.event("i18n", "zoë", "note", "{\"text\":\"日本語 🐈 zoë\",\"n\":1152921504606846977}");
            second = r.event("i18n", "zoë", "note", "{\"big\":\"" + big + "\"}");
            repo = r.path();
        }

        List<EventLine> lines = lines(export(repo, Selection.all()));

        assertThat(lines).hasSize(2);
        assertThat(lines.get(0).data()).isEqualTo("{\"n\":1152921504606846977,\"text\":\"日本語 🐈 zoë\"}");
        assertThat(lines.get(1).data()).hasSizeGreaterThan(1 << 20);
        try (Repository git = new org.eclipse.jgit.lib.RepositoryBuilder().setGitDir(repo.toFile()).build()) {
            for (int i = 0; i < 2; i++) {
                ObjectId id = i == 0 ? first : second;
                assertSameAsCommit(git, id, lines.get(i));
            }
        }
    }

    @Test
    void keepsAuthorAndCommitterExactlyWithTheirZoneOffsetAndEncoding() throws IOException {
        Path repo;
        ObjectId commitId;
        try (LedgerTestRepository r = LedgerTestRepository.create(dir.resolve("src"))) {
            r.event("orders", "alice", "order.created", "{}");
            Repository git = r.repository();
            String ulid = r.ulid(Instant.parse("2026-01-01T10:00:00Z"));
            byte[] envelope = ("{\"type\":\"order.paid\",\"ulid\":\"" + ulid + "\",\"actor\":\"user:ré\","
                    + "\"payload\":{\"a\":1},\"policy_root\":\"" + "0".repeat(40) + "\"}").getBytes(UTF_8);
            try (ObjectInserter ins = git.newObjectInserter()) {
                TreeFormatter message = new TreeFormatter();
                message.append("envelope.json", org.eclipse.jgit.lib.FileMode.REGULAR_FILE,
                        ins.insert(Constants.OBJ_BLOB, envelope));
                TreeFormatter root = new TreeFormatter();
                root.append("message", org.eclipse.jgit.lib.FileMode.TREE, ins.insert(message));
                CommitBuilder cb = new CommitBuilder();
                cb.setTreeId(ins.insert(root));
                cb.setParentId(git.exactRef("refs/gatos/journal/orders/alice").getObjectId());
                cb.setAuthor(new PersonIdent("Ré Ünï", "re@example.org", Instant.parse("2026-01-01T10:00:00Z"),
                        ZoneOffset.ofHoursMinutes(5, 30)));
                cb.setCommitter(new PersonIdent("Cö Mitter", "c@example.org", Instant.parse("2026-01-01T10:00:01Z"),
                        ZoneOffset.ofHours(-7)));
                cb.setMessage("order.paid\n\nEvent-CID: blake3:" + "ab".repeat(32) + "\n");
                commitId = ins.insert(cb);
                ins.flush();
            }
            RefUpdate update = git.updateRef("refs/gatos/journal/orders/alice");
            update.setNewObjectId(commitId);
            update.forceUpdate();
            repo = r.path();
        }

        List<EventLine> lines = lines(export(repo, Selection.all()));

        EventLine line = lines.get(1);
        assertThat(line.meta().author()).isEqualTo("Ré Ünï <re@example.org> 1767261600 +0530");
        assertThat(line.meta().committer()).isEqualTo("Cö Mitter <c@example.org> 1767261601 -0700");
        assertThat(line.meta().message()).isEqualTo("order.paid\n\nEvent-CID: blake3:" + "ab".repeat(32) + "\n");
        try (Repository git = new org.eclipse.jgit.lib.RepositoryBuilder().setGitDir(repo.toFile()).build()) {
            assertSameAsCommit(git, commitId, line);
        }
    }

    private static void assertSameAsCommit(Repository git, ObjectId id, EventLine line) throws IOException {
        try (org.eclipse.jgit.revwalk.RevWalk walk = new org.eclipse.jgit.revwalk.RevWalk(git)) {
            RevCommit c = walk.parseCommit(id);
            assertThat(line.commit()).isEqualTo(id.name());
            byte[] blob;
            try (org.eclipse.jgit.treewalk.TreeWalk tw = org.eclipse.jgit.treewalk.TreeWalk.forPath(git,
                    "message/envelope.json", c.getTree())) {
                blob = git.open(tw.getObjectId(0)).getBytes(Integer.MAX_VALUE);
            }
            assertThat(line.meta().envelope()).isEqualTo(blob);
            String raw = new String(c.getRawBuffer(), UTF_8);
            assertThat(raw).contains("\nauthor " + line.meta().author() + "\n")
                    .contains("\ncommitter " + line.meta().committer() + "\n")
                    .endsWith("\n\n" + line.meta().message());
            assertThat(line.meta().message()).isEqualTo(c.getFullMessage());
        }
    }

    @Test
    void gzipReadsBack() throws IOException {
        Path repo = threeStreams(dir);
        Path out = dir.resolve("out.ndjson.gz");

        NdjsonExporter.Result result = NdjsonExporter.exportToFile(repo, Selection.all(), out, true, null);

        assertThat(result).isEqualTo(new NdjsonExporter.Result(6, 3));
        try (InputStream in = new GZIPInputStream(Files.newInputStream(out))) {
            assertThat(lines(new String(in.readAllBytes(), UTF_8))).hasSize(6);
        }
        assertThat(dir).isDirectoryNotContaining("glob:**/.out.ndjson.gz*");
    }

    @Test
    void aFailedRunLeavesAnExistingOutputUntouched() throws IOException {
        Path repo;
        try (LedgerTestRepository r = LedgerTestRepository.create(dir.resolve("src"))) {
            EventSpec twice = r.eventSpec("alice", "order.created", "{}");
            r.event("orders", "alice", twice);
            r.event("orders", "bob", twice);
            repo = r.path();
        }
        Path out = dir.resolve("out.ndjson");
        Files.writeString(out, "good\n");

        assertThatThrownBy(() -> NdjsonExporter.exportToFile(repo, Selection.all(), out, false, null))
                .isInstanceOf(MaterializeException.class)
                .hasMessageContaining("appears twice");

        assertThat(out).hasContent("good");
        try (var files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("src", "out.ndjson");
        }
    }

    @Test
    void spillsToDiskAndStillMergesInUlidOrder() throws IOException {
        Path repo;
        try (LedgerTestRepository r = LedgerTestRepository.create(dir.resolve("src"))) {
            for (int i = 0; i < 200; i++) {
                r.event("ns" + (i % 3), "a" + (i % 7), "t", "{\"i\":" + i + "}");
            }
            repo = r.path();
        }
        Path spill = Files.createDirectories(dir.resolve("spill"));
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        NdjsonExporter.export(repo, Selection.all(), out, false, spill, null, 4096);

        assertThat(lines(out.toString(UTF_8))).hasSize(200).extracting(EventLine::id).isSorted()
                .doesNotHaveDuplicates();
        assertThat(spill).isEmptyDirectory();
    }
}
