package io.gatos.sql.ledger.git;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gatos.sql.ledger.ReadStats;
import io.gatos.sql.testing.LedgerTestRepository;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.jgit.errors.IncorrectObjectTypeException;
import org.eclipse.jgit.errors.MissingObjectException;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.ObjectId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GitObjectsTest {
    private static final ObjectId ABSENT = ObjectId.fromString("dead".repeat(10));

    @TempDir
    Path dir;

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static GitObjects open(LedgerTestRepository repo, ReadStats stats) {
        return new GitObjects(repo.repository(), stats);
    }

    @Test
    void blobAtFindsFilesAndAnswersNullForAnythingElse() throws IOException {
        try (LedgerTestRepository repo = LedgerTestRepository.create(dir.resolve("r"))) {
            ObjectId commit = repo.event("orders", "alice", "order.created", "{}");
            byte[] envelope = repo.file(commit, "message/envelope.json");
            String tree = repo.commitAt(commit.name()).getTree().name();
            try (GitObjects objects = open(repo, new ReadStats())) {
                assertThat(objects.blobAt(tree, "message/envelope.json")).isEqualTo(repo.writer().blob(envelope));
                assertThat(objects.blobAt(tree, "message/missing.json")).isNull();
                assertThat(objects.blobAt(tree, "nope/envelope.json")).isNull();
                assertThat(objects.blobAt(tree, "message")).as("a directory is no blob").isNull();
                assertThat(objects.blobAt(tree, "message/envelope.json/deeper")).isNull();
            }
        }
    }

    @Test
    void blobsVisitsNestedPathsInGitOrder() throws IOException {
        try (LedgerTestRepository repo = LedgerTestRepository.create(dir.resolve("r"))) {
            Map<String, byte[]> files = new LinkedHashMap<>();
            files.put("b.txt", utf8("b"));
            files.put("a/z.txt", utf8("z"));
            files.put("a/b/c.txt", utf8("c"));
            files.put("a.txt", utf8("a"));
            files.put("a-b/x.txt", utf8("x"));
            ObjectId commit = repo.writer().commit("refs/gatos/state/s", files, "s\n", List.of(), repo.tick());
            String tree = repo.commitAt(commit.name()).getTree().name();
            List<String> visited = new ArrayList<>();
            try (GitObjects objects = open(repo, new ReadStats())) {
                objects.blobs(tree, (path, id) -> {
                    assertThat(id).isEqualTo(repo.writer().blob(files.get(path)));
                    visited.add(path);
                });
            }
            assertThat(visited).containsExactly("a-b/x.txt", "a.txt", "a/b/c.txt", "a/z.txt", "b.txt");
        }
    }

    @Test
    void streamFeedsALargeBlobInPiecesAndASmallOneWhole() throws IOException {
        try (LedgerTestRepository repo = LedgerTestRepository.create(dir.resolve("r"))) {
            byte[] big = new byte[17 * 1024 * 1024 + 123];
            for (int i = 0; i < big.length; i++) {
                big[i] = (byte) (i * 31 + (i >>> 13));
            }
            ObjectId bigId = repo.writer().blob(big);
            ObjectId smallId = repo.writer().blob(utf8("small"));
            ReadStats stats = new ReadStats();
            try (GitObjects objects = open(repo, stats)) {
                ByteArrayOutputStream out = new ByteArrayOutputStream(big.length);
                List<Integer> pieces = new ArrayList<>();
                objects.stream(bigId, (buf, n) -> {
                    pieces.add(n);
                    out.write(buf, 0, n);
                });
                assertThat(pieces.size()).isGreaterThan(1);
                assertThat(pieces).allSatisfy(n -> assertThat(n).isBetween(1, 64 * 1024));
                assertThat(out.toByteArray()).isEqualTo(big);
                assertThat(objects.size(bigId)).isEqualTo(big.length);

                List<String> whole = new ArrayList<>();
                objects.stream(smallId, (buf, n) -> whole.add(new String(buf, 0, n, StandardCharsets.UTF_8)));
                assertThat(whole).containsExactly("small");
                assertThat(stats.blobs()).isEqualTo(2);
                assertThat(stats.commits()).isZero();
            }
        }
    }

    @Test
    void readsCommitsAndBlobsCountingThemAndNamesWrongOrMissingObjects() throws IOException {
        try (LedgerTestRepository repo = LedgerTestRepository.create(dir.resolve("r"))) {
            ObjectId commit = repo.event("orders", "alice", "order.created", "{\"a\":1}");
            ObjectId blob = repo.writer().blob(utf8("hello"));
            ReadStats stats = new ReadStats();
            try (GitObjects objects = open(repo, stats)) {
                GitCommit c = objects.commit(commit);
                assertThat(c.id()).isEqualTo(commit.name());
                assertThat(c.subject()).isEqualTo("order.created");
                assertThat(c.tree()).isEqualTo(repo.commitAt(commit.name()).getTree().name());
                assertThat(objects.blob(blob)).isEqualTo(utf8("hello"));
                assertThat(stats.commits()).isEqualTo(1);
                assertThat(stats.blobs()).isEqualTo(1);

                assertThat(objects.typeOf(commit)).isEqualTo(Constants.OBJ_COMMIT);
                assertThat(objects.typeOf(blob)).isEqualTo(Constants.OBJ_BLOB);
                assertThat(objects.size(blob)).isEqualTo(5);
                assertThat(objects.has(blob)).isTrue();
                assertThat(objects.has(ABSENT)).isFalse();

                assertThatThrownBy(() -> objects.commit(blob)).isInstanceOf(IncorrectObjectTypeException.class);
                assertThatThrownBy(() -> objects.blob(commit)).isInstanceOf(IncorrectObjectTypeException.class);
                assertThatThrownBy(() -> objects.commit(ABSENT)).isInstanceOf(MissingObjectException.class);
                assertThatThrownBy(() -> objects.typeOf(ABSENT)).isInstanceOf(MissingObjectException.class);
                assertThat(stats.commits()).as("failed reads are not counted").isEqualTo(1);
                assertThat(stats.blobs()).isEqualTo(1);
            }
        }
    }
}
