package io.gatos.sql.jdbc;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;

/**
 * Builds the driver's JDBC wrappers as dynamic proxies: each call a wrapper does not handle itself
 * goes to the wrapped object, and whatever that throws reaches the caller as a checked
 * {@link java.sql.SQLException} with a state ({@link SqlStates}). Wrappers keep their own identity
 * for {@code equals}, {@code hashCode} and {@code toString}, as pools expect. Stateless.
 */
final class Proxies {
    private Proxies() {
    }

    /** Answers the calls of {@code handler} and forwards the rest to {@code delegate}. */
    static <T> T wrap(Class<T> type, T delegate, Handler handler) {
        InvocationHandler invocation = (proxy, method, args) -> {
            Object own;
            try {
                own = handler.handle(proxy, method, args);
            } catch (Throwable t) {
                throw translated(t);
            }
            if (own != Handler.FORWARD) {
                return own;
            }
            return switch (method.getName()) {
                case "equals", "hashCode", "toString" -> identity(proxy, method, args, delegate);
                case "unwrap" -> ((Class<?>) args[0]).isInstance(proxy) ? proxy : forward(delegate, method, args);
                case "isWrapperFor" -> ((Class<?>) args[0]).isInstance(proxy) || (boolean) forward(delegate, method, args);
                default -> forward(delegate, method, args);
            };
        };
        return type.cast(Proxy.newProxyInstance(Proxies.class.getClassLoader(), new Class<?>[] {type}, invocation));
    }

    /** Calls {@code method} on {@code target}, translating what it throws into an SQLException with a state. */
    static Object forward(Object target, Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw translated(e.getCause());
        }
    }

    /**
     * Returns {@code failure} as callers of JDBC should see it: VM errors as they are, the rest as
     * SQLExceptions with a state (one that has a state already is returned as it is).
     */
    static Throwable translated(Throwable failure) {
        if (failure instanceof VirtualMachineError) {
            return failure;
        }
        return SqlStates.translate(failure);
    }

    private static Object identity(Object proxy, Method method, Object[] args, Object delegate) {
        return switch (method.getName()) {
            case "equals" -> proxy == args[0];
            case "hashCode" -> System.identityHashCode(proxy);
            default -> "gatos:" + delegate;
        };
    }

    /** Answers some calls of a wrapper itself. */
    @FunctionalInterface
    interface Handler {
        /** The answer that sends a call on to the wrapped object. */
        Object FORWARD = new Object();

        /** Returns the answer to the call, or {@link #FORWARD}. */
        Object handle(Object proxy, Method method, Object[] args) throws Throwable;
    }
}
