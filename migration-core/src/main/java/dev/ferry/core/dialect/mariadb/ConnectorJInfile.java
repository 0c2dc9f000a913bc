package dev.ferry.core.dialect.mariadb;

import java.io.InputStream;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;

/**
 * MariaDB Connector/J's local-infile stream ({@code org.mariadb.jdbc.Statement#setLocalInfileInputStream}, 3.x): the
 * next {@code LOAD DATA LOCAL INFILE} the statement runs reads that stream instead of a file. Reached by reflection,
 * because the driver may live in a class loader Ferry's classes cannot see (the command line's {@code --driver}).
 */
final class ConnectorJInfile {
    private final Class<?> statementType;
    private final Method setStream;

    private ConnectorJInfile(Class<?> statementType, Method setStream) {
        this.statementType = statementType;
        this.setStream = setStream;
    }

    /** The stream setter of the connection's driver; empty where it is not Connector/J 3's. */
    static Optional<ConnectorJInfile> of(Connection connection) {
        try {
            Class<?> type = Class.forName("org.mariadb.jdbc.Statement", false, connection.getClass().getClassLoader());
            return Optional.of(new ConnectorJInfile(type, type.getMethod("setLocalInfileInputStream", InputStream.class)));
        } catch (ClassNotFoundException | NoSuchMethodException | LinkageError e) {
            return Optional.empty();
        }
    }

    /**
     * Whether the connection's driver sends a local file when the server asks for one: Connector/J's
     * {@code allowLocalInfile} (true unless the URL or properties say false). Where the driver cannot tell (a version
     * without {@code getContext().getConf()}), true: the statement is then tried.
     */
    boolean allowed(Connection connection) throws SQLException {
        ClassLoader loader = statementType.getClassLoader();
        try {
            Class<?> connectionType = Class.forName("org.mariadb.jdbc.Connection", false, loader);
            if (!connection.isWrapperFor(connectionType)) {
                return true;
            }
            Object context = connectionType.getMethod("getContext").invoke(connection.unwrap(connectionType));
            Object configuration = Class.forName("org.mariadb.jdbc.client.Context", false, loader)
                    .getMethod("getConf").invoke(context);
            return (Boolean) configuration.getClass().getMethod("allowLocalInfile").invoke(configuration);
        } catch (ReflectiveOperationException | ClassCastException | LinkageError e) {
            return true;
        }
    }

    /** Whether {@code statement} is (or wraps) one of Connector/J's. */
    boolean accepts(Statement statement) throws SQLException {
        return statement.isWrapperFor(statementType);
    }

    /** Makes the next LOAD DATA LOCAL INFILE of {@code statement} read {@code stream}. */
    void attach(Statement statement, InputStream stream) throws SQLException {
        try {
            setStream.invoke(statement.unwrap(statementType), stream);
        } catch (InvocationTargetException e) {
            throw e.getCause() instanceof SQLException sql ? sql
                    : new SQLException(String.valueOf(e.getCause()), "HY000", e.getCause());
        } catch (IllegalAccessException e) {
            throw new SQLException("Cannot call Connector/J's setLocalInfileInputStream: " + e.getMessage(), "HY000", e);
        }
    }
}
