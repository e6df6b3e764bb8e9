package io.gatos.sql.ledger.scan;

import io.gatos.sql.ledger.Finding;
import io.gatos.sql.ledger.Journal;
import io.gatos.sql.ledger.LedgerEvent;
import io.gatos.sql.ledger.LedgerException;
import io.gatos.sql.ledger.LedgerSnapshot;
import io.gatos.sql.ledger.git.GitObjects;
import io.gatos.sql.ledger.git.LazyStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * Decodes journals on worker threads, at most {@code threads} at a time, each into a bounded buffer,
 * and hands out their events in journal order on the calling thread: the same rows, findings and
 * order as reading the journals one after the other. Each worker reads through a {@link GitObjects}
 * of its own; findings travel with the rows and reach the consumer on the calling thread. Holds at
 * most {@code threads + 1} journals ahead, {@value #BUFFER} events each; closing stops the workers.
 * Not thread-safe itself.
 */
final class ParallelJournals implements LazyStream.Source<LedgerEvent>, AutoCloseable {
    /** Events buffered per journal being read ahead. */
    static final int BUFFER = 512;
    private static final Object END = new Object();
    private static final AtomicInteger POOLS = new AtomicInteger();

    /** Opens the events of one journal on a worker's own objects. */
    @FunctionalInterface
    interface Opener {
        /** Returns the events of {@code journal}, reading through {@code objects}; findings go to {@code findings}. */
        LazyStream.Source<LedgerEvent> open(GitObjects objects, Journal journal, Consumer<Finding> findings)
                throws IOException;
    }

    private record Failure(Throwable cause) {
    }

    private final List<BlockingQueue<Object>> lanes = new ArrayList<>();
    private final LedgerSnapshot snapshot;
    private final List<Journal> journals;
    private final Opener opener;
    private final ExecutorService pool;
    private final Consumer<Finding> findings;
    private final int window;
    private volatile boolean closed;
    private int current;
    private int submitted;

    /** Starts reading {@code journals} of {@code snapshot} on {@code threads} workers. */
    ParallelJournals(LedgerSnapshot snapshot, List<Journal> journals, int threads, Opener opener,
            Consumer<Finding> findings) {
        this.snapshot = snapshot;
        this.journals = journals;
        this.opener = opener;
        this.findings = findings;
        this.window = threads + 1;
        int id = POOLS.incrementAndGet();
        AtomicInteger n = new AtomicInteger();
        this.pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "gatos-decode-" + id + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        for (int i = 0; i < journals.size(); i++) {
            lanes.add(null);
        }
        while (submitted < Math.min(window, journals.size())) {
            submitNext();
        }
    }

    /** Starts the next journal; lanes exist only for the journals within the window ahead of the consumer. */
    private void submitNext() {
        BlockingQueue<Object> lane = new ArrayBlockingQueue<>(BUFFER);
        Journal journal = journals.get(submitted);
        lanes.set(submitted++, lane);
        pool.execute(() -> fill(snapshot, journal, opener, lane));
    }

    private void fill(LedgerSnapshot snapshot, Journal journal, Opener opener, BlockingQueue<Object> lane) {
        try (GitObjects objects = snapshot.openObjects()) {
            LazyStream.Source<LedgerEvent> source = opener.open(objects, journal, f -> put(lane, f));
            try {
                for (LedgerEvent e = closed ? null : source.next(); e != null; e = closed ? null : source.next()) {
                    put(lane, e);
                }
            } finally {
                if (source instanceof AutoCloseable c) {
                    c.close();
                }
            }
            put(lane, END);
        } catch (Throwable t) {
            put(lane, new Failure(t));
        }
    }

    private void put(BlockingQueue<Object> lane, Object item) {
        try {
            while (!closed && !lane.offer(item, 100, TimeUnit.MILLISECONDS)) {
                // the consumer is behind; wait for room or for close
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public LedgerEvent next() throws IOException {
        while (current < lanes.size()) {
            Object item;
            try {
                item = lanes.get(current).take();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new LedgerException(LedgerException.Code.IO, "interrupted while reading the repository", e);
            }
            if (item == END) {
                lanes.set(current, null);
                current++;
                if (submitted < journals.size()) {
                    submitNext();
                }
            } else if (item instanceof Finding f) {
                findings.accept(f);
            } else if (item instanceof Failure failure) {
                throw rethrow(failure.cause());
            } else {
                return (LedgerEvent) item;
            }
        }
        pool.shutdown(); // every journal read: the workers end
        return null;
    }

    private static IOException rethrow(Throwable cause) {
        if (cause instanceof IOException io) {
            return io;
        }
        if (cause instanceof RuntimeException re) {
            throw re;
        }
        if (cause instanceof Error error) {
            throw error;
        }
        return new IOException(cause);
    }

    /**
     * Stops the workers and drops what they buffered; returns without waiting for them. Workers are
     * not interrupted (an interrupt would close pack files other readers share): each stops at its
     * next event.
     */
    @Override
    public void close() {
        closed = true;
        pool.shutdown();
        for (BlockingQueue<Object> lane : lanes) {
            if (lane != null) {
                lane.clear();
            }
        }
    }
}
