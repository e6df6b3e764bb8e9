package io.gatos.sql.calcite;

import io.gatos.sql.calcite.pushdown.Constraints;
import io.gatos.sql.ledger.Job;
import io.gatos.sql.ledger.LedgerSnapshot;
import io.gatos.sql.ledger.scan.JobScan;
import java.util.BitSet;
import java.util.List;
import java.util.stream.Stream;

/** Presents table {@code jobs}; {@code id} equality reads only that job's refs. */
final class JobsTable extends LedgerTable<Job> {
    JobsTable(SnapshotRegistry snapshots) {
        super(snapshots, "jobs", new Columns<Job>()
                .col("id", Job::id)
                .col("status", Job::status)
                .col("worker_id", Job::workerId)
                .col("created_at", Job::createdMillis)
                .col("started_at", Job::startedMillis)
                .col("finished_at", Job::finishedMillis)
                .col("proof_digest", Job::proofDigest)
                .col("manifest", Job::manifest)
                .col("commit_id", Job::commitId)
                .col("result_commit_id", Job::resultCommitId), List.of("id"));
    }

    @Override
    protected Stream<Job> rows(LedgerSnapshot snapshot, Constraints c, BitSet projected) {
        return JobScan.stream(snapshot, c.values("id"), f -> { });
    }
}
