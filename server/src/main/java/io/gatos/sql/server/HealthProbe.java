package io.gatos.sql.server;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.core.io.JsonStringEncoder;
import io.gatos.sql.ledger.LedgerRepository;
import io.gatos.sql.ledger.LedgerSnapshot;

/**
 * Answers the health endpoint: the server is healthy when it can read a snapshot of the
 * repository's refs. Costs one read of the refs per probe; thread-safe.
 */
final class HealthProbe {
    private final LedgerRepository repository;

    /** Probes {@code repository}, which the caller keeps open while the server runs. */
    HealthProbe(LedgerRepository repository) {
        this.repository = requireNonNull(repository, "repository");
    }

    /** Reads the refs and reports whether that worked, with the number of requests in flight. */
    Status probe(int inFlight) {
        try {
            LedgerSnapshot snapshot = repository.snapshot();
            return new Status(true, "{\"status\":\"ok\",\"refs\":" + snapshot.refs().size() + ",\"in_flight\":"
                    + inFlight + "}\n");
        } catch (RuntimeException e) {
            return new Status(false, "{\"status\":\"error\",\"message\":" + quote(String.valueOf(e.getMessage())) + "}\n");
        }
    }

    /**
     * Reports one probe.
     *
     * @param ok whether the server can serve queries
     * @param json the response body
     */
    record Status(boolean ok, String json) {
        static Status stopping() {
            return new Status(false, "{\"status\":\"stopping\"}\n");
        }
    }

    static String quote(String text) {
        return "\"" + new String(JsonStringEncoder.getInstance().quoteAsString(text)) + "\"";
    }
}
