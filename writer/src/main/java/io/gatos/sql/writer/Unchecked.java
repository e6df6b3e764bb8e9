package io.gatos.sql.writer;

import java.io.IOException;
import java.io.UncheckedIOException;

/** Runs I/O actions of the writer and rethrows their {@link IOException} as {@link UncheckedIOException}. */
final class Unchecked {
    /** An I/O action with a result. */
    interface IoCall<T> {
        T call() throws IOException;
    }

    /** An I/O action without a result. */
    interface IoRun {
        void run() throws IOException;
    }

    private Unchecked() {
    }

    static void run(IoRun action) {
        io(() -> {
            action.run();
            return null;
        });
    }

    static <T> T io(IoCall<T> call) {
        try {
            return call.call();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
