package io.gatos.sql.server.conformance;

import java.util.List;

/**
 * Reads the server stack traces the stock Avatica client attaches to its exceptions
 * ({@code AvaticaSqlException.getStackTraces()}), through reflection because the client lives in
 * a class loader of its own.
 */
final class ServerTraces {
    private ServerTraces() {
    }

    /** Returns the traces the server sent with {@code e} or its causes; empty when none. */
    @SuppressWarnings("unchecked")
    static List<String> of(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            try {
                Object traces = t.getClass().getMethod("getStackTraces").invoke(t);
                if (traces instanceof List<?> list) {
                    return (List<String>) list;
                }
            } catch (ReflectiveOperationException ignored) {
                // not an Avatica exception: look at its cause
            }
        }
        return List.of();
    }
}
