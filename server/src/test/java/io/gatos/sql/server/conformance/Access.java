package io.gatos.sql.server.conformance;

import java.util.EnumSet;
import java.util.Set;

/**
 * Names the ways a JDBC program reaches a ledger, and what each carries: the embedded driver,
 * the driver's remote mode ({@code jdbc:gatos:url=}) to {@code gatos serve}, and the stock Avatica
 * client jar to the same server (with {@code timeZone=UTC}, as the README tells its users).
 */
enum Access {
    /** {@code jdbc:gatos:repo=PATH}. */
    EMBEDDED(EnumSet.allOf(Feature.class)),
    /** {@code jdbc:gatos:url=http://HOST:PORT} through gatos-jdbc. */
    REMOTE(EnumSet.allOf(Feature.class)),
    /** {@code jdbc:avatica:remote:url=...;timeZone=UTC} through the stock client in its own class loader. */
    STOCK(EnumSet.of(Feature.INSTANTS));

    private final Set<Feature> carries;

    Access(Set<Feature> carries) {
        this.carries = Set.copyOf(carries);
    }

    /** Returns whether this access carries {@code feature}. */
    boolean carries(Feature feature) {
        return carries.contains(feature);
    }

    /** Behaviour the stock client cannot carry, whatever the server sends (README § JDBC lists them). */
    enum Feature {
        /** getTimestamp/setTimestamp are the instant. */
        INSTANTS,
        /** getObject(i, Class) and setObject with java.time types. */
        JAVA_TIME,
        /** getDate/setDate keep the calendar day in any JVM zone. */
        LOCAL_DAYS,
        /** setMaxRows on a PreparedStatement, setQueryTimeout and cancel() reach the server. */
        STATEMENT_LIMITS,
        /** Client-side failures (closed connection, unreachable server) carry SQLStates. */
        CLIENT_STATES
    }
}
