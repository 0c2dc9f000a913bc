package dev.ferry.core.dialect.duckdb;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Optional;
import java.util.UUID;

/**
 * The Appender of DuckDB's JDBC driver ({@code DuckDBConnection.createAppender}, {@code DuckDBAppender}) on one
 * connection, reached through method handles, because the driver may live in a class loader Ferry's classes cannot see
 * (the command line's {@code --driver}) and its Appender differs between versions: 0.8.1's appends nothing but
 * numbers and strings, and has no NULL.
 */
final class DuckDbAppenderApi {
    private final Object connection;
    private final MethodHandle create;
    final MethodHandle beginRow;
    final MethodHandle endRow;
    final MethodHandle flush;
    final MethodHandle close;
    final MethodHandle appendNull;
    final MethodHandle appendBoolean;
    final MethodHandle appendByte;
    final MethodHandle appendShort;
    final MethodHandle appendInt;
    final MethodHandle appendLong;
    final MethodHandle appendHugeInt;
    final MethodHandle appendFloat;
    final MethodHandle appendDouble;
    final MethodHandle appendDecimal;
    final MethodHandle appendString;
    final MethodHandle appendBytes;
    final MethodHandle appendUuid;
    final MethodHandle appendEpochDays;
    final MethodHandle appendDayMicros;
    final MethodHandle appendEpochMicros;

    private DuckDbAppenderApi(Object connection, Class<?> connectionType, Class<?> appender)
            throws ReflectiveOperationException {
        this.connection = connection;
        this.create = handle(connectionType, "createAppender", String.class, String.class, String.class);
        this.beginRow = handle(appender, "beginRow");
        this.endRow = handle(appender, "endRow");
        this.flush = handle(appender, "flush");
        this.close = handle(appender, "close");
        this.appendNull = handle(appender, "appendNull");
        this.appendBoolean = handle(appender, "append", boolean.class);
        this.appendByte = handle(appender, "append", byte.class);
        this.appendShort = handle(appender, "append", short.class);
        this.appendInt = handle(appender, "append", int.class);
        this.appendLong = handle(appender, "append", long.class);
        this.appendHugeInt = handle(appender, "appendHugeInt", long.class, long.class);
        this.appendFloat = handle(appender, "append", float.class);
        this.appendDouble = handle(appender, "append", double.class);
        this.appendDecimal = handle(appender, "append", BigDecimal.class);
        this.appendString = handle(appender, "append", String.class);
        this.appendBytes = handle(appender, "append", byte[].class);
        this.appendUuid = handle(appender, "append", UUID.class);
        this.appendEpochDays = handle(appender, "appendEpochDays", int.class);
        this.appendDayMicros = handle(appender, "appendDayMicros", long.class);
        this.appendEpochMicros = handle(appender, "appendEpochMicros", long.class);
    }

    /**
     * The Appender of a DuckDB connection; empty where the connection is not DuckDB's, or its driver's Appender lacks
     * a method Ferry appends with.
     */
    static Optional<DuckDbAppenderApi> of(Connection connection) throws SQLException {
        ClassLoader loader = connection.getClass().getClassLoader();
        try {
            Class<?> type = Class.forName("org.duckdb.DuckDBConnection", false, loader);
            if (!connection.isWrapperFor(type)) {
                return Optional.empty();
            }
            Class<?> appender = Class.forName("org.duckdb.DuckDBAppender", false, loader);
            return Optional.of(new DuckDbAppenderApi(connection.unwrap(type), type, appender));
        } catch (ReflectiveOperationException e) {
            return Optional.empty();
        }
    }

    /** A new Appender on the table {@code database.schema.name}. */
    DuckDbAppender open(String database, String schema, String name) throws SQLException {
        try {
            return new DuckDbAppender(this, (Object) create.invokeExact(connection, database, schema, name));
        } catch (Throwable e) {
            throw sqlException(e);
        }
    }

    /** A failure of the driver's, as the SQLException it is. */
    static SQLException sqlException(Throwable e) {
        if (e instanceof SQLException sql) {
            return sql;
        }
        if (e instanceof Error error) {
            throw error;
        }
        return new SQLException("DuckDB's Appender failed: " + e, "HY000", e);
    }

    /**
     * The public method {@code name} of {@code type}, as a handle taking the object as an Object and returning
     * nothing (the Appender's methods return the Appender, 0.8.1's nothing, flush a count in 1.x) or, for
     * createAppender, an Object.
     */
    private static MethodHandle handle(Class<?> type, String name, Class<?>... parameters)
            throws ReflectiveOperationException {
        MethodHandle method = MethodHandles.publicLookup().unreflect(type.getMethod(name, parameters));
        Class<?> returned = name.equals("createAppender") ? Object.class : void.class;
        return method.asType(MethodType.methodType(returned, Object.class, parameters));
    }
}
