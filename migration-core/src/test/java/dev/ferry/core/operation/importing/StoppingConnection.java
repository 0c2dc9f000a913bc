package dev.ferry.core.operation.importing;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A connection that stops its user at the n-th statement it runs or commit it makes, as a killed process stops: it
 * throws {@link Stopped}, an {@link Error} no import catches, before or after the database runs that statement, so
 * the import neither undoes its work nor removes its journal. The test then closes the real connection, which rolls
 * back what was not committed, as the server does for a killed client.
 */
final class StoppingConnection {
    /** What a stopped import throws. */
    static final class Stopped extends Error {
        Stopped(int at) {
            super("stopped at statement " + at);
        }
    }

    private final Connection real;
    private final int stopAt;
    private final boolean afterRunning;
    private final AtomicInteger run = new AtomicInteger();

    private StoppingConnection(Connection real, int stopAt, boolean afterRunning) {
        this.real = real;
        this.stopAt = stopAt;
        this.afterRunning = afterRunning;
    }

    /**
     * {@code real}, stopping at its {@code stopAt}-th statement run or commit (from 1; 0 never), before the database
     * runs it or, where {@code afterRunning}, after.
     */
    static StoppingConnection of(Connection real, int stopAt, boolean afterRunning) {
        return new StoppingConnection(real, stopAt, afterRunning);
    }

    /** The statements run and commits made so far. */
    int statementsRun() {
        return run.get();
    }

    Connection connection() {
        return (Connection) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {Connection.class},
                (proxy, method, args) -> {
                    Object result = stopping(real, method, args, method.getName().equals("commit"));
                    return result instanceof Statement statement ? statement(statement, method.getReturnType())
                            : result;
                });
    }

    private Object statement(Statement statement, Class<?> type) {
        InvocationHandler handler = (proxy, method, args) -> stopping(statement, method, args,
                method.getName().startsWith("execute"));
        return Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {type}, handler);
    }

    /** Calls {@code method}; where it runs a statement or commits ({@code counted}), stops there if it is the one. */
    private Object stopping(Object target, Method method, Object[] args, boolean counted) throws Throwable {
        int number = counted ? run.incrementAndGet() : 0;
        if (counted && number == stopAt && !afterRunning) {
            throw new Stopped(number);
        }
        Object result = call(target, method, args);
        if (counted && number == stopAt) {
            throw new Stopped(number);
        }
        return result;
    }

    private static Object call(Object target, Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }
}
