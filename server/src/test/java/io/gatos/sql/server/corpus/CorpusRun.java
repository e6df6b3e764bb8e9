package io.gatos.sql.server.corpus;

import java.sql.Connection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Runs every case on every way of connecting: one thread per way, each running the cases in file
 * order on its own connection, so the ways overlap (the run costs about the slowest way, not their
 * sum, given the cores). Each connection is used by one thread only.
 *
 * @param outcomes what each way gave for each case: way name to case to outcome, in the given orders
 * @param perWay   the wall time each way took
 * @param perCase  the time each case took, summed over the ways
 */
public record CorpusRun(Map<String, Map<CorpusCase, Outcome>> outcomes, Map<String, Duration> perWay,
        Map<CorpusCase, Duration> perCase) {
    /** Copies the maps. */
    public CorpusRun {
        outcomes = Map.copyOf(outcomes);
        perWay = Map.copyOf(perWay);
        perCase = Map.copyOf(perCase);
    }

    /**
     * Runs {@code cases} on each of {@code ways} (name to open connection; not closed here) and
     * waits for all of them.
     *
     * @throws IllegalStateException if a way's thread fails outside a statement (a bug of the runner)
     */
    public static CorpusRun run(Map<String, Connection> ways, List<CorpusCase> cases) throws InterruptedException {
        Map<CorpusCase, Long> perCase = new ConcurrentHashMap<>();
        ExecutorService pool = Executors.newFixedThreadPool(ways.size());
        try {
            Map<String, Future<Map<CorpusCase, Outcome>>> futures = new LinkedHashMap<>();
            Map<String, Long> wall = new ConcurrentHashMap<>();
            ways.forEach((name, connection) -> futures.put(name, pool.submit(() -> {
                long start = System.nanoTime();
                Map<CorpusCase, Outcome> byCase = new LinkedHashMap<>();
                for (CorpusCase c : cases) {
                    long t0 = System.nanoTime();
                    byCase.put(c, Outcome.run(connection, c));
                    perCase.merge(c, System.nanoTime() - t0, Long::sum);
                }
                wall.put(name, System.nanoTime() - start);
                return byCase;
            })));
            Map<String, Map<CorpusCase, Outcome>> outcomes = new LinkedHashMap<>();
            for (Map.Entry<String, Future<Map<CorpusCase, Outcome>>> f : futures.entrySet()) {
                try {
                    outcomes.put(f.getKey(), f.getValue().get());
                } catch (ExecutionException e) {
                    throw new IllegalStateException("the corpus run of way " + f.getKey() + " failed", e.getCause());
                }
            }
            Map<String, Duration> perWay = new LinkedHashMap<>();
            wall.forEach((name, nanos) -> perWay.put(name, Duration.ofNanos(nanos)));
            Map<CorpusCase, Duration> caseTimes = new LinkedHashMap<>();
            perCase.forEach((c, nanos) -> caseTimes.put(c, Duration.ofNanos(nanos)));
            return new CorpusRun(outcomes, perWay, caseTimes);
        } finally {
            pool.shutdownNow();
        }
    }

    /** Returns the {@code n} slowest cases, slowest first, as {@code file:line seconds}. */
    public List<String> slowest(int n) {
        List<Map.Entry<CorpusCase, Duration>> sorted = new ArrayList<>(perCase.entrySet());
        sorted.sort(Map.Entry.<CorpusCase, Duration>comparingByValue().reversed());
        return sorted.stream().limit(n)
                .map(e -> e.getKey().where() + " " + String.format(java.util.Locale.ROOT, "%.2f s", e.getValue().toNanos() / 1e9))
                .toList();
    }
}
