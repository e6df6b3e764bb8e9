package io.gatos.sql.cli;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import sun.misc.Signal;

/**
 * Turns the first SIGTERM or SIGINT into a stop request a long-running command waits for, so it
 * can stop gracefully and exit 0 rather than be ended by the JVM's default handler (exit 143 or
 * 130). Where the JVM does not let us handle signals, a shutdown hook requests the stop and waits
 * for {@link #finished()} (the exit code is then the JVM's).
 */
final class StopSignal {
    private final CountDownLatch requested = new CountDownLatch(1);
    private final CountDownLatch finished = new CountDownLatch(1);

    private StopSignal() {
    }

    /** Installs the handlers; a shutdown hook, if used, waits at most {@code bound} for the stop to finish. */
    static StopSignal install(Duration bound) {
        StopSignal stop = new StopSignal();
        try {
            Signal.handle(new Signal("TERM"), s -> stop.requested.countDown());
            Signal.handle(new Signal("INT"), s -> stop.requested.countDown());
        } catch (IllegalArgumentException | UnsupportedOperationException e) {
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                stop.requested.countDown();
                try {
                    stop.finished.await(bound.toMillis(), TimeUnit.MILLISECONDS);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                }
            }, "gatos-stop"));
        }
        return stop;
    }

    /** Blocks until a stop is requested. */
    void await() throws InterruptedException {
        requested.await();
    }

    /** Says the stop is done, releasing a waiting shutdown hook. */
    void finished() {
        finished.countDown();
    }
}
