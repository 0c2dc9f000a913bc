package dev.ferry.core.dialect.postgres;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Optional;

/**
 * pgjdbc's COPY API on one connection, reached by reflection, because the driver may live in a class loader Ferry's
 * classes cannot see (the command line's {@code --driver}).
 */
final class PgjdbcCopyApi {
    private final Object pgConnection;
    private final Object copyManager;
    private final ClassLoader loader;

    private PgjdbcCopyApi(Object pgConnection, Object copyManager, ClassLoader loader) {
        this.pgConnection = pgConnection;
        this.copyManager = copyManager;
        this.loader = loader;
    }

    /** The COPY API of a pgjdbc connection; empty where the connection is not pgjdbc's. */
    static Optional<PgjdbcCopyApi> of(Connection connection) throws SQLException {
        ClassLoader loader = connection.getClass().getClassLoader();
        try {
            Class<?> type = Class.forName("org.postgresql.PGConnection", false, loader);
            if (!connection.isWrapperFor(type)) {
                return Optional.empty();
            }
            Object pgConnection = connection.unwrap(type);
            Object copyManager = type.getMethod("getCopyAPI").invoke(pgConnection);
            return Optional.of(new PgjdbcCopyApi(pgConnection, copyManager, loader));
        } catch (ClassNotFoundException | NoSuchMethodException | IllegalAccessException e) {
            return Optional.empty();
        } catch (InvocationTargetException e) {
            throw sqlException(e);
        }
    }

    /** pgjdbc's {@code CopyManager} of the connection. */
    Object copyManager() {
        return copyManager;
    }

    /** The method {@code name} of pgjdbc's type {@code className} (in {@code org.postgresql}). */
    Method method(String className, String name, Class<?>... parameters) throws SQLException {
        try {
            return Class.forName("org.postgresql." + className, false, loader).getMethod(name, parameters);
        } catch (ClassNotFoundException | NoSuchMethodException e) {
            throw new SQLException("This pgjdbc has no " + className + "." + name + ": " + e, "HY000", e);
        }
    }

    /**
     * Asks the server to cancel what the connection is running now ({@code PGConnection.cancelQuery}), from another
     * thread; errors in cancelling are ignored.
     */
    void cancelQuery() {
        try {
            invoke(method("PGConnection", "cancelQuery"), pgConnection);
        } catch (SQLException | RuntimeException cannotCancel) {
            // The COPY then runs to its end; the job stops after it.
        }
    }

    /** Calls {@code method} on {@code target}, pgjdbc's failures as the SQLExceptions they are. */
    static Object invoke(Method method, Object target, Object... arguments) throws SQLException {
        try {
            return method.invoke(target, arguments);
        } catch (InvocationTargetException e) {
            throw sqlException(e);
        } catch (IllegalAccessException e) {
            throw new SQLException("Cannot call pgjdbc's " + method.getName() + ": " + e.getMessage(), "HY000", e);
        }
    }

    private static SQLException sqlException(InvocationTargetException e) {
        return e.getCause() instanceof SQLException sql ? sql
                : new SQLException(String.valueOf(e.getCause()), "HY000", e.getCause());
    }
}
