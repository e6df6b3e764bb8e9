package io.gatos.sql.ledger.scan;

import io.gatos.sql.codec.Json;
import io.gatos.sql.codec.JsonValue;
import io.gatos.sql.codec.Trailers;
import io.gatos.sql.codec.Yaml;
import io.gatos.sql.layout.Plane;
import io.gatos.sql.layout.TreePaths;
import io.gatos.sql.ledger.Finding;
import io.gatos.sql.ledger.FindingCode;
import io.gatos.sql.ledger.Job;
import io.gatos.sql.ledger.LedgerSnapshot;
import io.gatos.sql.ledger.git.GitCommit;
import io.gatos.sql.ledger.git.GitObjects;
import io.gatos.sql.ledger.git.HeadDocuments;
import io.gatos.sql.ledger.git.LazyStream;
import java.io.IOException;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.eclipse.jgit.lib.ObjectId;

/**
 * Reads jobs (LAYOUT §6) lazily in job-id order, grouping {@code refs/gatos/jobs/<hex>/job},
 * {@code .../claims/<worker>} and {@code .../result}; an {@code ids} restriction (null: all) reads
 * only the refs under {@code refs/gatos/jobs/<hex>/} of those ids. Each job reads its head commits,
 * its manifest and, when needed, {@code started.json} and {@code poe.json}. The stream must be
 * closed; it releases one object reader.
 *
 * <p>Status: no claim and no result: {@code pending}; a claim and no result: {@code claimed}, or
 * {@code running} when the claim's tree holds {@code started.json}; a result: its {@code Job-Status}
 * trailer, else {@code poe.json} {@code "status"} ({@code ok}: succeeded, {@code fail}: failed).
 * Decision: a result whose status cannot be determined either way is reported as {@code failed},
 * with a {@code BAD_TRAILER} finding saying so (a finished job that proves no success has not
 * succeeded). Of several claims the earliest by committer time (then ref name) counts.
 * {@code worker_id} is the result's {@code Worker-Id}, else the claim's {@code Worker-Id} trailer,
 * else its ref segment. The manifest is {@code job.json}, else {@code job.yaml} or {@code job.yml}
 * converted to JSON (keys sorted, numbers exact); a bad or missing one is NULL with a
 * {@code BAD_JSON} finding. A job without its {@code job} ref or commit is skipped with a finding;
 * a result lacking {@code Job-Id}, {@code Proof-Of-Execution} or {@code Worker-Id}, naming another
 * job or carrying a malformed proof digest gets a {@code BAD_TRAILER} finding.
 */
public final class JobScan {
    /** Prefix of job refs. */
    public static final String PREFIX = Plane.JOB.prefix();
    private static final String ID_PREFIX = "blake3:";
    private static final Set<String> FINISHED = Set.of("succeeded", "failed", "aborted");
    private static final Pattern BLAKE3 = Pattern.compile("blake3:[0-9a-f]{64}");
    private static final List<String> MANIFESTS = TreePaths.JOB_MANIFESTS;
    private static final List<String> RESULT_TRAILERS = List.of("Job-Id", "Proof-Of-Execution", "Worker-Id");

    private JobScan() {
    }

    /** Returns a lazy stream of the jobs admitted by {@code ids} ({@code blake3:<hex>}; null: all). */
    public static Stream<Job> stream(LedgerSnapshot snapshot, Set<String> ids, Consumer<Finding> findings) {
        Iterator<String> hexes = hexes(snapshot, ids).iterator();
        GitObjects objects = snapshot.openObjects();
        return LazyStream.of(() -> {
            while (hexes.hasNext()) {
                Job job = read(objects, snapshot, hexes.next(), findings);
                if (job != null) {
                    return job;
                }
            }
            return null;
        }, objects);
    }

    /**
     * Returns whether {@code ref} is {@code refs/gatos/jobs/<job-id>/job}, {@code .../result} or
     * {@code .../claims/<worker-id>}.
     */
    static boolean isJobRef(String ref) {
        if (!ref.startsWith(PREFIX)) {
            return false;
        }
        int slash = ref.indexOf('/', PREFIX.length());
        if (slash <= PREFIX.length()) {
            return false;
        }
        String tail = ref.substring(slash + 1);
        return tail.equals("job") || tail.equals("result") || tail.startsWith("claims/") && tail.length() > 7;
    }

    private static TreeSet<String> hexes(LedgerSnapshot snapshot, Set<String> ids) {
        TreeSet<String> out = new TreeSet<>();
        if (ids == null) {
            for (String ref : snapshot.refsUnder(PREFIX).keySet()) {
                int slash = ref.indexOf('/', PREFIX.length());
                if (slash > PREFIX.length()) {
                    out.add(ref.substring(PREFIX.length(), slash));
                }
            }
            return out;
        }
        for (String id : ids) {
            if (id != null && id.startsWith(ID_PREFIX) && id.length() > ID_PREFIX.length() && id.indexOf('/') < 0) {
                out.add(id.substring(ID_PREFIX.length()));
            }
        }
        return out;
    }

    /** A claim ref, its worker segment and head commit. */
    private record Claim(String ref, String worker, GitCommit commit) {
    }

    private static Job read(GitObjects objects, LedgerSnapshot snapshot, String hex, Consumer<Finding> findings)
            throws IOException {
        String base = PREFIX + hex + "/";
        SortedMap<String, ObjectId> refs = new java.util.TreeMap<>(snapshot.refsUnder(base));
        refs.keySet().removeIf(ref -> !isJobRef(ref)); // the others are BAD_REF findings (RefShapes)
        if (refs.isEmpty()) {
            return null;
        }
        String jobRef = base + "job";
        if (!refs.containsKey(jobRef)) {
            findings.accept(new Finding(refs.firstKey(), null, null, FindingCode.MISSING_OBJECT, base
                    + " has claims or a result but no job ref; the job is skipped"));
            return null;
        }
        GitCommit job = HeadDocuments.head(objects, jobRef, refs.get(jobRef), findings);
        if (job == null) {
            return null;
        }
        String manifest = manifest(objects, jobRef, job, findings);
        Claim claim = claim(objects, refs, base, findings);
        String resultRef = base + "result";
        GitCommit result = refs.containsKey(resultRef)
                ? HeadDocuments.head(objects, resultRef, refs.get(resultRef), findings) : null;
        String id = ID_PREFIX + hex;
        if (result == null) {
            String status = claim == null ? "pending" : started(objects, claim, findings) ? "running" : "claimed";
            return new Job(id, status, claim == null ? null : worker(claim), job.committerMillis(),
                    claim == null ? null : claim.commit().committerMillis(), null, null, manifest, job.id(), null);
        }
        Trailers t = result.trailers();
        checkResult(resultRef, result, t, id, findings);
        String status = resultStatus(objects, resultRef, result, t, findings);
        String worker = t.first("Worker-Id") != null ? t.first("Worker-Id") : claim == null ? null : worker(claim);
        return new Job(id, status, worker, job.committerMillis(),
                claim == null ? null : claim.commit().committerMillis(), result.committerMillis(),
                t.first("Proof-Of-Execution"), manifest, job.id(), result.id());
    }

    private static boolean started(GitObjects objects, Claim claim, Consumer<Finding> findings) throws IOException {
        return HeadDocuments.file(objects, claim.ref(), claim.commit(), TreePaths.JOB_STARTED, findings) != null;
    }

    private static String worker(Claim claim) {
        String trailer = claim.commit().trailers().first("Worker-Id");
        return trailer != null && !trailer.isBlank() ? trailer : claim.worker();
    }

    private static Claim claim(GitObjects objects, SortedMap<String, ObjectId> refs, String base,
            Consumer<Finding> findings) throws IOException {
        String prefix = base + "claims/";
        Claim earliest = null;
        for (Map.Entry<String, ObjectId> e : refs.subMap(prefix, prefix + Character.MAX_VALUE).entrySet()) {
            String worker = e.getKey().substring(prefix.length());
            GitCommit commit = worker.isEmpty() ? null
                    : HeadDocuments.head(objects, e.getKey(), e.getValue(), findings);
            if (commit != null
                    && (earliest == null || commit.committerMillis() < earliest.commit().committerMillis())) {
                earliest = new Claim(e.getKey(), worker, commit);
            }
        }
        return earliest;
    }

    private static String manifest(GitObjects objects, String ref, GitCommit job, Consumer<Finding> findings)
            throws IOException {
        for (String name : MANIFESTS) {
            byte[] bytes = HeadDocuments.file(objects, ref, job, name, findings);
            if (bytes == null) {
                continue;
            }
            try {
                return Json.write(name.endsWith(".json") ? Json.parse(bytes) : Yaml.parse(bytes));
            } catch (Json.SyntaxException e) {
                findings.accept(new Finding(ref, job.id(), name, FindingCode.BAD_JSON, "job manifest " + name
                        + " does not parse: " + e.getMessage()));
                return null;
            }
        }
        findings.accept(new Finding(ref, job.id(), null, FindingCode.BAD_JSON,
                "the job commit has no job.json or job.yaml manifest"));
        return null;
    }

    private static void checkResult(String ref, GitCommit result, Trailers t, String id, Consumer<Finding> findings) {
        for (String key : RESULT_TRAILERS) {
            if (t.first(key) == null || t.first(key).isBlank()) {
                badTrailer(ref, result, "the result has no " + key + " trailer (required by LAYOUT §6)", findings);
            }
        }
        String jobId = t.first("Job-Id");
        if (jobId != null && !jobId.isBlank() && !jobId.equals(id)) {
            badTrailer(ref, result, "Job-Id '" + jobId + "' is not the id of the job it belongs to (" + id + ")",
                    findings);
        }
        String proof = t.first("Proof-Of-Execution");
        if (proof != null && !proof.isBlank() && !BLAKE3.matcher(proof).matches()) {
            badTrailer(ref, result, "Proof-Of-Execution '" + proof + "' is not blake3:<64 lowercase hex>", findings);
        }
    }

    private static String resultStatus(GitObjects objects, String ref, GitCommit result, Trailers t,
            Consumer<Finding> findings) throws IOException {
        String trailer = t.first("Job-Status");
        if (trailer != null) {
            String status = trailer.trim().toLowerCase(Locale.ROOT);
            if (FINISHED.contains(status)) {
                return status;
            }
            badTrailer(ref, result, "Job-Status '" + trailer + "' is not succeeded, failed or aborted", findings);
        }
        String poe = poeStatus(objects, ref, result, findings);
        if ("ok".equals(poe)) {
            return "succeeded";
        }
        if ("fail".equals(poe)) {
            return "failed";
        }
        badTrailer(ref, result, "the result's status cannot be determined (no valid Job-Status trailer, and "
                + (poe == null ? "no poe.json status" : "poe.json status '" + poe + "' is neither ok nor fail")
                + "); reported as failed", findings);
        return "failed";
    }

    private static String poeStatus(GitObjects objects, String ref, GitCommit result, Consumer<Finding> findings)
            throws IOException {
        byte[] bytes = HeadDocuments.file(objects, ref, result, TreePaths.JOB_POE, findings);
        if (bytes == null) {
            return null;
        }
        try {
            return Json.parse(bytes) instanceof JsonValue.Obj o ? o.string("status") : null;
        } catch (Json.SyntaxException e) {
            findings.accept(new Finding(ref, result.id(), TreePaths.JOB_POE, FindingCode.BAD_JSON,
                    "poe.json is not valid JSON: " + e.getMessage()));
            return null;
        }
    }

    private static void badTrailer(String ref, GitCommit commit, String message, Consumer<Finding> findings) {
        findings.accept(new Finding(ref, commit.id(), null, FindingCode.BAD_TRAILER, message));
    }
}
