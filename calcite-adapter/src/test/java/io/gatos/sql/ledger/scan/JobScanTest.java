package io.gatos.sql.ledger.scan;

import static org.assertj.core.api.Assertions.assertThat;

import io.gatos.sql.codec.Blake3;
import io.gatos.sql.ledger.Finding;
import io.gatos.sql.ledger.FindingCode;
import io.gatos.sql.ledger.Job;
import io.gatos.sql.ledger.LedgerSnapshot;
import io.gatos.sql.testing.LedgerTestRepository;
import io.gatos.sql.writer.CommitMessage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.revwalk.RevCommit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JobScanTest {
    private static final String WORKER = LedgerTestRepository.WORKER;

    @TempDir
    Path dir;

    private final List<Finding> findings = new ArrayList<>();
    private List<Job> scan(LedgerSnapshot s, Set<String> ids) {
        try (Stream<Job> rows = JobScan.stream(s, ids, findings::add)) {
            return rows.toList();
        }
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static long millis(RevCommit c) {
        return c.getCommitTime() * 1000L;
    }

    /** Writes a job with a JSON manifest, a claim, and a result with {@code trailers} and {@code poe}. */
    private static String finished(LedgerTestRepository repo, String name, Map<String, String> trailers, String poe) {
        String hex = Blake3.hex(utf8(name));
        repo.writer().job(hex, "job.json", utf8("{\"command\":\"" + name + "\"}"), repo.tick());
        repo.writer().claim(hex, WORKER, true, repo.tick());
        repo.writer().result(hex, trailers, poe == null ? null : utf8(poe), repo.tick());
        return hex;
    }

    private static Map<String, String> resultTrailers(String hex, String... more) {
        List<String> all = new ArrayList<>(List.of("Job-Id", "blake3:" + hex, "Proof-Of-Execution",
                "blake3:" + "ee".repeat(32), "Worker-Id", WORKER));
        all.addAll(List.of(more));
        return CommitMessage.trailers(all.toArray(String[]::new));
    }

    @Test
    void everyStatus() {
        try (LedgerTestRepository repo = LedgerTestRepository.create(dir.resolve("r"))) {
            String pending = repo.job("p", "pending");
            String claimed = repo.job("c", "claimed");
            String running = repo.job("r", "running");
            String succeeded = repo.job("s", "succeeded");
            String aborted = repo.job("a", "aborted");
            String failedByPoe = finished(repo, "f", resultTrailers(Blake3.hex(utf8("f"))),
                    "{\"status\":\"fail\"}");
            String okByPoe = finished(repo, "o", resultTrailers(Blake3.hex(utf8("o"))), "{\"status\":\"ok\"}");
            String trailerWins = finished(repo, "t", resultTrailers(Blake3.hex(utf8("t")), "Job-Status", "aborted"),
                    "{\"status\":\"ok\"}");
            LedgerSnapshot s = repo.snapshot();
            Map<String, Job> jobs = scan(s, null).stream().collect(Collectors.toMap(Job::id, Function.identity()));

            assertThat(jobs).hasSize(8);
            assertThat(jobs.get("blake3:" + pending)).isEqualTo(new Job("blake3:" + pending, "pending", null,
                    millis(repo.commitAt(jobRef(pending, "job"))), null, null, null,
                    new String(repo.file(repo.commitAt(jobRef(pending, "job")), "job.json"), StandardCharsets.UTF_8),
                    repo.commitAt(jobRef(pending, "job")).name(), null));
            assertClaimed(repo, jobs.get("blake3:" + claimed), claimed, "claimed");
            assertClaimed(repo, jobs.get("blake3:" + running), running, "running");
            RevCommit result = repo.commitAt(jobRef(succeeded, "result"));
            assertThat(jobs.get("blake3:" + succeeded)).satisfies(j -> {
                assertThat(j.status()).isEqualTo("succeeded");
                assertThat(j.workerId()).isEqualTo(WORKER);
                assertThat(j.finishedMillis()).isEqualTo(millis(result));
                assertThat(j.startedMillis()).isEqualTo(millis(repo.commitAt(jobRef(succeeded, "claims/" + "ab".repeat(32)))));
                assertThat(j.resultCommitId()).isEqualTo(result.name());
                assertThat(j.proofDigest()).isEqualTo(result.getFooterLines("Proof-Of-Execution").get(0));
            });
            assertThat(jobs.get("blake3:" + aborted).status()).isEqualTo("aborted");
            assertThat(jobs.get("blake3:" + failedByPoe).status()).isEqualTo("failed");
            assertThat(jobs.get("blake3:" + okByPoe).status()).isEqualTo("succeeded");
            assertThat(jobs.get("blake3:" + trailerWins).status()).isEqualTo("aborted");
            assertThat(findings).isEmpty();
            assertThat(scan(s, null)).extracting(Job::id).isSorted();
        }
    }

    private static String jobRef(String hex, String leaf) {
        return "refs/gatos/jobs/" + hex + "/" + leaf;
    }

    private static void assertClaimed(LedgerTestRepository repo, Job job, String hex, String status) {
        RevCommit claim = repo.commitAt(jobRef(hex, "claims/" + "ab".repeat(32)));
        assertThat(job.status()).isEqualTo(status);
        assertThat(job.workerId()).isEqualTo(WORKER);
        assertThat(job.startedMillis()).isEqualTo(millis(claim));
        assertThat(job.finishedMillis()).isNull();
        assertThat(job.resultCommitId()).isNull();
        assertThat(job.proofDigest()).isNull();
    }

    @Test
    void undeterminableResultIsFailedWithAFinding() {
        try (LedgerTestRepository repo = LedgerTestRepository.create(dir.resolve("r"))) {
            String none = finished(repo, "n", resultTrailers(Blake3.hex(utf8("n"))), null);
            String odd = finished(repo, "x", resultTrailers(Blake3.hex(utf8("x")), "Job-Status", "done"),
                    "{\"status\":\"maybe\"}");
            LedgerSnapshot s = repo.snapshot();
            Map<String, Job> jobs = scan(s, null).stream().collect(Collectors.toMap(Job::id, Function.identity()));
            assertThat(jobs.get("blake3:" + none).status()).isEqualTo("failed");
            assertThat(jobs.get("blake3:" + odd).status()).isEqualTo("failed");
            String noneResult = repo.commitAt(jobRef(none, "result")).name();
            String oddResult = repo.commitAt(jobRef(odd, "result")).name();
            assertThat(findings).contains(
                    new Finding(jobRef(none, "result"), noneResult, null, FindingCode.BAD_TRAILER,
                            "the result's status cannot be determined (no valid Job-Status trailer, and no poe.json"
                                    + " status); reported as failed"),
                    new Finding(jobRef(odd, "result"), oddResult, null, FindingCode.BAD_TRAILER,
                            "Job-Status 'done' is not succeeded, failed or aborted"),
                    new Finding(jobRef(odd, "result"), oddResult, null, FindingCode.BAD_TRAILER,
                            "the result's status cannot be determined (no valid Job-Status trailer, and poe.json"
                                    + " status 'maybe' is neither ok nor fail); reported as failed"));
            assertThat(findings).hasSize(3);
        }
    }

    @Test
    void yamlManifestBecomesExactSortedJson() {
        String yaml = "command: gatos-fold\nargs:\n  - \"--ns\"\n  - orders\ntimeout: 1.10\n"
                + "big: 1152921504606846977\nplus: +12\nnothing: ~\nnested: {b: 2, a: [x, 2.50]}\n";
        try (LedgerTestRepository repo = LedgerTestRepository.create(dir.resolve("r"))) {
            String hex = "ab".repeat(32);
            repo.writer().job(hex, "job.yaml", utf8(yaml), Instant.parse("2026-01-01T00:00:00Z"));
            LedgerSnapshot s = repo.snapshot();
            assertThat(scan(s, null)).singleElement().extracting(Job::manifest).isEqualTo(
                    "{\"args\":[\"--ns\",\"orders\"],\"big\":1152921504606846977,\"command\":\"gatos-fold\","
                            + "\"nested\":{\"a\":[\"x\",2.50],\"b\":2},\"nothing\":null,\"plus\":12,\"timeout\":1.10}");
            assertThat(findings).isEmpty();
        }
    }

    @Test
    void badOrMissingManifestIsNullWithAFinding() {
        try (LedgerTestRepository repo = LedgerTestRepository.create(dir.resolve("r"))) {
            String badJson = "aa".repeat(32);
            String badYaml = "bb".repeat(32);
            String none = "cc".repeat(32);
            ObjectId j1 = repo.writer().job(badJson, "job.json", utf8("{bad"), repo.tick());
            ObjectId j2 = repo.writer().job(badYaml, "job.yaml", utf8("a: [unclosed\n"), repo.tick());
            ObjectId j3 = repo.writer().job(none, "readme.txt", utf8("hi"), repo.tick());
            LedgerSnapshot s = repo.snapshot();
            assertThat(scan(s, null)).extracting(Job::id, Job::manifest, Job::status).containsExactly(
                    org.assertj.core.groups.Tuple.tuple("blake3:" + badJson, null, "pending"),
                    org.assertj.core.groups.Tuple.tuple("blake3:" + badYaml, null, "pending"),
                    org.assertj.core.groups.Tuple.tuple("blake3:" + none, null, "pending"));
            assertThat(findings).extracting(Finding::code, Finding::commitId, Finding::path).containsExactly(
                    org.assertj.core.groups.Tuple.tuple(FindingCode.BAD_JSON, j1.name(), "job.json"),
                    org.assertj.core.groups.Tuple.tuple(FindingCode.BAD_JSON, j2.name(), "job.yaml"),
                    org.assertj.core.groups.Tuple.tuple(FindingCode.BAD_JSON, j3.name(), null));
        }
    }

    @Test
    void earliestClaimCountsAndAJobWithoutItsJobRefIsSkipped() {
        try (LedgerTestRepository repo = LedgerTestRepository.create(dir.resolve("r"))) {
            String hex = "dd".repeat(32);
            Instant t = Instant.parse("2026-02-01T00:00:00Z");
            repo.writer().job(hex, "job.json", utf8("{}"), t);
            repo.writer().claim(hex, "ed25519:late", true, t.plusSeconds(20));
            repo.writer().claim(hex, "ed25519:early", false, t.plusSeconds(10));
            String orphan = "ee".repeat(32);
            repo.writer().claim(orphan, WORKER, false, t);
            LedgerSnapshot s = repo.snapshot();
            assertThat(scan(s, null)).singleElement().satisfies(j -> {
                assertThat(j.workerId()).isEqualTo("ed25519:early");
                assertThat(j.startedMillis()).isEqualTo(t.plusSeconds(10).toEpochMilli());
                assertThat(j.status()).isEqualTo("claimed");
            });
            assertThat(findings).singleElement().satisfies(f -> {
                assertThat(f.code()).isEqualTo(FindingCode.MISSING_OBJECT);
                assertThat(f.ref()).isEqualTo(jobRef(orphan, "claims/" + "ab".repeat(32)));
            });
        }
    }

    @Test
    void idRestrictionReadsOnlyThoseJobs() {
        try (LedgerTestRepository repo = LedgerTestRepository.create(dir.resolve("r"))) {
            String a = repo.job("a", "succeeded");
            repo.job("b", "pending");
            LedgerSnapshot s = repo.snapshot();
            assertThat(scan(s, Set.of("blake3:" + a))).extracting(Job::id, Job::status)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple("blake3:" + a, "succeeded"));
            assertThat(scan(s, Set.of(a, "blake3:" + "ff".repeat(32), "blake3:../x"))).isEmpty();
            assertThat(findings).isEmpty();
        }
    }
}
