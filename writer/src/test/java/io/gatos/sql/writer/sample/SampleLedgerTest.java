package io.gatos.sql.writer.sample;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gatos.sql.codec.Blake3;
import io.gatos.sql.codec.Ulid;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Ref;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;
import org.eclipse.jgit.treewalk.TreeWalk;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SampleLedgerTest {
    private static final int EVENTS = 2000;

    @TempDir
    static Path tmp;

    private static SampleLedger.Summary summary;
    private static final List<Long> PROGRESS = new ArrayList<>();

    @BeforeAll
    static void generate() {
        summary = SampleLedger.generate(tmp.resolve("a"), EVENTS, 42, PROGRESS::add);
    }

    private static Repository open(String name) throws IOException {
        return new FileRepositoryBuilder().setGitDir(tmp.resolve(name).toFile()).setMustExist(true).build();
    }

    private static Map<String, ObjectId> heads(Repository repo) throws IOException {
        Map<String, ObjectId> out = new TreeMap<>();
        for (Ref ref : repo.getRefDatabase().getRefsByPrefix("refs/gatos/")) {
            out.put(ref.getName(), ref.getObjectId());
        }
        return out;
    }

    @Test
    void summaryCountsWhatWasWritten() throws IOException {
        assertThat(summary.events()).isEqualTo(EVENTS);
        assertThat(summary.topics()).isEqualTo(3);
        assertThat(summary.jobs()).isEqualTo(12);
        assertThat(summary.proposals()).isEqualTo(6);
        assertThat(summary.messages()).isGreaterThanOrEqualTo(EVENTS / 10);
        assertThat(summary.checkpoints()).isGreaterThan(10);
        assertThat(PROGRESS).containsExactly((long) EVENTS);
        try (Repository repo = open("a")) {
            assertThat(repo.getRefDatabase().getRefsByPrefix("refs/gatos/journal/")).hasSize(summary.journals());
            assertThat(summary.journals()).isBetween(8, 11);
        }
    }

    @Test
    void coversEveryPlane() throws IOException {
        try (Repository repo = open("a")) {
            Map<String, ObjectId> heads = heads(repo);
            for (String prefix : List.of("refs/gatos/journal/orders/", "refs/gatos/journal/billing/",
                    "refs/gatos/journal/inventory/", "refs/gatos/journal/identity/", "refs/gatos/shiplog/commerce/head",
                    "refs/gatos/shiplog/identity/head", "refs/gatos/messages/governance/head",
                    "refs/gatos/consumers/", "refs/gatos/state/orders", "refs/gatos/state/identity",
                    "refs/gatos/proposals/", "refs/gatos/approvals/", "refs/gatos/grants/", "refs/gatos/revocations/",
                    "refs/gatos/policies/active", "refs/gatos/policies/2026-q1", "refs/gatos/audit/",
                    "refs/gatos/cache/")) {
                assertThat(heads.keySet()).as(prefix).anyMatch(name -> name.startsWith(prefix));
            }
            assertThat(count(heads, n -> n.startsWith("refs/gatos/jobs/") && n.endsWith("/job"))).isEqualTo(12);
            assertThat(count(heads, n -> n.contains("/claims/"))).isEqualTo(10);
            assertThat(count(heads, n -> n.endsWith("/result"))).isEqualTo(6);
            assertThat(count(heads, n -> n.startsWith("refs/gatos/proposals/"))).isEqualTo(6);
            assertThat(count(heads, n -> n.startsWith("refs/gatos/grants/"))).isEqualTo(3);
            assertThat(count(heads, n -> n.startsWith("refs/gatos/revocations/"))).isEqualTo(1);
            assertThat(heads.get("refs/gatos/policies/active")).isEqualTo(heads.get("refs/gatos/policies/2026-q1"));
            List<Integer> consumerTypes = new ArrayList<>();
            for (Map.Entry<String, ObjectId> e : heads.entrySet()) {
                if (e.getKey().startsWith("refs/gatos/consumers/")) {
                    consumerTypes.add(repo.open(e.getValue()).getType());
                }
            }
            assertThat(consumerTypes).containsOnly(Constants.OBJ_BLOB, Constants.OBJ_COMMIT).hasSize(4)
                    .contains(Constants.OBJ_BLOB, Constants.OBJ_COMMIT);
            assertThat(Files.readString(tmp.resolve("a/packed-refs"))).contains("refs/gatos/journal/orders/");
        }
    }

    @Test
    void jobResultsUseBothStatusForms() throws IOException {
        try (Repository repo = open("a"); RevWalk walk = new RevWalk(repo)) {
            int trailerForm = 0;
            int poeForm = 0;
            for (Ref ref : repo.getRefDatabase().getRefsByPrefix("refs/gatos/jobs/")) {
                if (ref.getName().endsWith("/result")) {
                    RevCommit c = walk.parseCommit(ref.getObjectId());
                    boolean hasStatus = c.getFullMessage().contains("\nJob-Status: ");
                    trailerForm += hasStatus ? 1 : 0;
                    poeForm += !hasStatus && file(repo, c, "poe.json") != null ? 1 : 0;
                }
            }
            assertThat(trailerForm).isEqualTo(4);
            assertThat(poeForm).isEqualTo(2);
        }
    }

    @Test
    void journalsHoldIncreasingUlidsAndEverySpelling() throws IOException {
        String all;
        try (Repository repo = open("a")) {
            StringBuilder envelopes = new StringBuilder();
            for (Ref ref : repo.getRefDatabase().getRefsByPrefix("refs/gatos/journal/")) {
                String newer = null;
                try (RevWalk walk = new RevWalk(repo)) {
                    for (RevCommit c = walk.parseCommit(ref.getObjectId()); c != null;
                            c = c.getParentCount() == 0 ? null : walk.parseCommit(c.getParent(0))) {
                        String env = file(repo, c, "message/envelope.json");
                        String ulid = env.replaceAll(".*\"ulid\":\"([0-9A-Z]{26})\".*", "$1");
                        assertThat(Ulid.isValid(ulid)).as(env).isTrue();
                        if (newer != null) {
                            assertThat(ulid).isLessThan(newer);
                        }
                        newer = ulid;
                        envelopes.append(env).append('\n');
                    }
                }
            }
            all = envelopes.toString();
        }
        assertThat(all.lines()).hasSize(EVENTS);
        assertThat(all).contains("\"event_type\":", "\"type\":", "\"caps\":[", "\"sig_alg\":\"ed25519\"",
                "\"kind\":\"blobptr\"", "1152921504606846977", "Zoë");
        assertThat(all.lines().filter(l -> !l.contains("\"ts\":"))).isNotEmpty();
    }

    @Test
    void shiplogContentIdsMatchAndStateHoldsEveryPointerKind() throws IOException {
        try (Repository repo = open("a"); RevWalk walk = new RevWalk(repo)) {
            RevCommit c = walk.parseCommit(repo.resolve("refs/gatos/messages/governance/head"));
            for (; c != null; c = c.getParentCount() == 0 ? null : walk.parseCommit(c.getParent(0))) {
                byte[] env = file(repo, c, "message/envelope.json").getBytes(StandardCharsets.UTF_8);
                assertThat(c.getFullMessage()).contains("Content-Id: " + Blake3.prefixed(env));
            }
            RevCommit state = walk.parseCommit(repo.resolve("refs/gatos/state/billing"));
            assertThat(state.getFullMessage()).contains("State-Root: blake3:", "Ledger-Head: ", "Fold-Math: ");
            assertThat(file(repo, state, "state/billing.json")).contains("\"kind\":\"blobptr\"",
                    "\"kind\":\"opaque\"", "\"encrypted_meta\":", "\"kind\":\"opaque_pointer\"",
                    "\"location\":\"s3://", "\"capability\":");
            assertThat(file(repo, state, "meta/engine.txt")).startsWith("echo@");
        }
    }

    @Test
    void sameSeedGivesSameHeadsAndOtherSeedDoesNot() throws IOException {
        SampleLedger.generate(tmp.resolve("b"), EVENTS, 42, null);
        SampleLedger.generate(tmp.resolve("c"), EVENTS, 43, null);
        try (Repository a = open("a"); Repository b = open("b"); Repository c = open("c")) {
            assertThat(heads(b)).isEqualTo(heads(a));
            assertThat(heads(c).get("refs/gatos/state/orders")).isNotEqualTo(heads(a).get("refs/gatos/state/orders"));
        }
    }

    @Test
    void refusesNonEmptyTargets() throws IOException {
        Path full = Files.createDirectories(tmp.resolve("full"));
        Files.writeString(full.resolve("x"), "x");
        assertThatThrownBy(() -> SampleLedger.generate(full, 10, 1, null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining(full.toString());
        assertThatThrownBy(() -> SampleLedger.generate(full.resolve("x"), 10, 1, null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("x");
    }

    @Test
    void tinyLedgersStillCoverEveryPlane() throws IOException {
        SampleLedger.Summary tiny = SampleLedger.generate(tmp.resolve("tiny"), 0, 7, null);
        assertThat(tiny.events()).isZero();
        try (Repository repo = open("tiny")) {
            assertThat(heads(repo).keySet()).anyMatch(n -> n.startsWith("refs/gatos/state/"))
                    .anyMatch(n -> n.startsWith("refs/gatos/consumers/")).contains("refs/gatos/shiplog/commerce/head")
                    .noneMatch(n -> n.startsWith("refs/gatos/journal/"));
        }
    }

    private static long count(Map<String, ObjectId> heads, Predicate<String> p) {
        return heads.keySet().stream().filter(p).count();
    }

    private static String file(Repository repo, RevCommit c, String path) throws IOException {
        try (TreeWalk tw = TreeWalk.forPath(repo, path, c.getTree())) {
            return tw == null ? null : new String(repo.open(tw.getObjectId(0)).getBytes(), StandardCharsets.UTF_8);
        }
    }
}
