package io.gatos.sql.server;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import org.apache.calcite.avatica.NoSuchConnectionException;
import org.apache.calcite.avatica.remote.AvaticaRuntimeException;
import org.apache.calcite.avatica.remote.Service;

/**
 * Stands between Avatica's handler and the service, so that every failure reaches the client as
 * a message and an SQLState ({@link RefusedException#of}) without the server's stack trace, and
 * a {@link LinkageError} or other {@code java.lang.Error} inside a statement becomes an error
 * response instead of Jetty's HTML page. Failures Avatica's client recovers from (a connection
 * the server forgot) pass through as they are; so do errors of the VM itself. Thread-safe.
 */
final class ErrorShield {
    private ErrorShield() {
    }

    /** Returns {@code service} with every call shielded. */
    static Service wrap(Service service) {
        return (Service) Proxy.newProxyInstance(ErrorShield.class.getClassLoader(), new Class<?>[] {Service.class},
                (proxy, method, args) -> {
                    try {
                        return method.invoke(service, args);
                    } catch (InvocationTargetException e) {
                        throw shielded(e.getCause());
                    }
                });
    }

    /**
     * Returns what the client may see of any {@code failure}, a {@code java.lang.Error} included:
     * a message, an error code and a state, without stack or cause.
     */
    static RefusedException forClient(Throwable failure) {
        if (failure instanceof AvaticaRuntimeException avatica) {
            return RefusedException.copyOf(avatica);
        }
        if (failure instanceof NoSuchConnectionException) {
            return RefusedException.missingConnection(failure.getMessage() + ": the server does not know this"
                    + " connection (it was closed, idle too long, or the server restarted); reconnect");
        }
        return RefusedException.of(failure);
    }

    /** Returns what the handler should see of {@code failure}. */
    static Throwable shielded(Throwable failure) {
        if (failure instanceof AvaticaRuntimeException || failure instanceof NoSuchConnectionException
                || failure instanceof VirtualMachineError) {
            return failure;
        }
        return RefusedException.of(failure);
    }
}
