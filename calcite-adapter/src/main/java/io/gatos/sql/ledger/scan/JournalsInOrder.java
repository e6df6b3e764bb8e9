package io.gatos.sql.ledger.scan;

import io.gatos.sql.ledger.Finding;
import io.gatos.sql.ledger.Journal;
import io.gatos.sql.ledger.LedgerEvent;
import io.gatos.sql.ledger.LedgerSnapshot;
import io.gatos.sql.ledger.git.GitObjects;
import io.gatos.sql.ledger.git.LazyStream;
import java.io.IOException;
import java.util.List;
import java.util.function.Consumer;

/**
 * Reads journals one after the other on the calling thread and, once a scan has yielded
 * {@value #READ_AHEAD_AFTER} events (so a {@code LIMIT} query costs what it did), hands the journals
 * not yet started to {@link ParallelJournals}, which decodes them ahead on worker threads while this
 * thread finishes the current one. Rows, findings and their order are the same for any number of
 * threads. Closes each journal's source when done and the workers on {@link #close()}.
 */
final class JournalsInOrder implements LazyStream.Source<LedgerEvent>, AutoCloseable {
    /** Events a scan yields before journals are read ahead in parallel. */
    static final int READ_AHEAD_AFTER = 1024;

    private final GitObjects objects;
    private final LedgerSnapshot snapshot;
    private final List<Journal> journals;
    private final ParallelJournals.Opener opener;
    private final int threads;
    private final Consumer<Finding> findings;
    private LazyStream.Source<LedgerEvent> current;
    private ParallelJournals rest;
    private int next;
    private long yielded;

    /** Reads {@code journals} through {@code objects} (closed by {@link #close()}), {@code threads} at most at once. */
    JournalsInOrder(GitObjects objects, LedgerSnapshot snapshot, List<Journal> journals,
            ParallelJournals.Opener opener, int threads, Consumer<Finding> findings) {
        this.objects = objects;
        this.snapshot = snapshot;
        this.journals = journals;
        this.opener = opener;
        this.threads = threads;
        this.findings = findings;
    }

    @Override
    public LedgerEvent next() throws IOException {
        while (true) {
            if (current != null) {
                LedgerEvent e = current.next();
                if (e != null) {
                    if (++yielded == READ_AHEAD_AFTER && threads > 1 && next < journals.size()) {
                        rest = new ParallelJournals(snapshot, journals.subList(next, journals.size()), threads,
                                opener, findings);
                        next = journals.size();
                    }
                    return e;
                }
                closeCurrent();
            }
            if (rest != null) {
                return rest.next();
            }
            if (next >= journals.size()) {
                return null;
            }
            current = opener.open(objects, journals.get(next++), findings);
        }
    }

    private void closeCurrent() {
        LazyStream.Source<LedgerEvent> done = current;
        current = null;
        if (done instanceof AutoCloseable c) {
            try {
                c.close();
            } catch (Exception e) {
                // a source's close releases memory only; nothing to report
            }
        }
    }

    @Override
    public void close() {
        try {
            closeCurrent();
            if (rest != null) {
                rest.close();
            }
        } finally {
            objects.close();
        }
    }
}
