package dev.ferry.driver;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.CallableStatement;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.Driver;
import java.sql.DriverManager;
import java.sql.DriverPropertyInfo;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.SQLWarning;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Properties;
import java.util.logging.Logger;

/**
 * A stand-in database driver for {@code jdbc:stub:} URLs, made of proxies that record what reaches them. No
 * database engine is on this module's test class path.
 *
 * <p>SQL {@code FAIL} makes a statement throw {@link #lastFailure}; URL {@code jdbc:stub:fail} makes connect fail.
 */
final class StubDriver implements Driver {
    static final StubDriver INSTANCE = new StubDriver();
    private static boolean registered;

    /** What reached the stub, in order: {@code "execute SELECT 1"}, {@code "prepare ..."}, {@code "close statement"}. */
    final List<String> log = Collections.synchronizedList(new ArrayList<>());
    volatile String lastUrl;
    volatile Properties lastProperties;
    volatile SQLException lastFailure;
    /** The warning every stub statement reports, or null. */
    volatile String statementWarning;
    volatile Connection lastConnection;

    private StubDriver() {
    }

    /** Registers the stub with DriverManager (once) and forgets what it recorded. */
    static synchronized StubDriver reset() throws SQLException {
        if (!registered) {
            DriverManager.registerDriver(INSTANCE);
            registered = true;
        }
        INSTANCE.log.clear();
        INSTANCE.lastUrl = null;
        INSTANCE.lastProperties = null;
        INSTANCE.lastFailure = null;
        INSTANCE.statementWarning = null;
        INSTANCE.lastConnection = null;
        return INSTANCE;
    }

    /** A stub connection made directly, without DriverManager. */
    Connection newConnection() {
        Connection connection = proxy(new ConnectionStub(), Connection.class, StubVendorConnection.class);
        lastConnection = connection;
        return connection;
    }

    @Override
    public Connection connect(String url, Properties info) throws SQLException {
        if (!acceptsURL(url)) {
            return null;
        }
        lastUrl = url;
        lastProperties = info;
        if (url.equals("jdbc:stub:fail")) {
            lastFailure = new SQLException("stub: password authentication failed", "28000");
            throw lastFailure;
        }
        log.add("connect " + url);
        return newConnection();
    }

    @Override
    public boolean acceptsURL(String url) {
        return url != null && url.startsWith("jdbc:stub:");
    }

    @Override
    public DriverPropertyInfo[] getPropertyInfo(String url, Properties info) {
        return new DriverPropertyInfo[] {new DriverPropertyInfo("stubOption", info.getProperty("stubOption"))};
    }

    @Override
    public int getMajorVersion() {
        return 1;
    }

    @Override
    public int getMinorVersion() {
        return 0;
    }

    @Override
    public boolean jdbcCompliant() {
        return false;
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        throw new SQLFeatureNotSupportedException();
    }

    private static <T> T proxy(InvocationHandler handler, Class<T> type, Class<?>... more) {
        Class<?>[] interfaces = new Class<?>[more.length + 1];
        interfaces[0] = type;
        System.arraycopy(more, 0, interfaces, 1, more.length);
        return type.cast(Proxy.newProxyInstance(StubDriver.class.getClassLoader(), interfaces, handler));
    }

    /** Answers what the stubs do not model: nothing, zero or false. */
    private static Object nothing(Class<?> type) {
        if (type == boolean.class) {
            return false;
        }
        if (type == int.class) {
            return 0;
        }
        if (type == long.class) {
            return 0L;
        }
        if (type.isPrimitive() && type != void.class) {
            throw new UnsupportedOperationException("stub: " + type);
        }
        return null;
    }

    /** The methods every stub answers alike. */
    private abstract class Stub implements InvocationHandler {
        private final String name;
        boolean closed;

        Stub(String name) {
            this.name = name;
        }

        @Override
        public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
            switch (method.getName()) {
                case "equals":
                    return proxy == args[0];
                case "hashCode":
                    return System.identityHashCode(proxy);
                case "toString":
                    return name;
                case "unwrap":
                    if (((Class<?>) args[0]).isInstance(proxy)) {
                        return proxy;
                    }
                    throw new SQLException("stub: not a wrapper for " + args[0], "HY000");
                case "isWrapperFor":
                    return ((Class<?>) args[0]).isInstance(proxy);
                case "close":
                    closed = true;
                    log.add("close " + name);
                    return null;
                case "isClosed":
                    return closed;
                default:
                    return answer(proxy, method, args == null ? new Object[0] : args);
            }
        }

        abstract Object answer(Object proxy, Method method, Object[] args) throws Throwable;
    }

    private final class ConnectionStub extends Stub {
        ConnectionStub() {
            super("StubConnection");
        }

        @Override
        Object answer(Object proxy, Method method, Object[] args) {
            Connection self = (Connection) proxy;
            return switch (method.getName()) {
                case "stubName" -> "stub";
                case "beginRequest", "endRequest" -> {
                    log.add(method.getName());
                    yield null;
                }
                case "createStatement" -> statement(self, Statement.class, null);
                case "prepareStatement" -> {
                    log.add("prepare " + args[0]);
                    yield statement(self, PreparedStatement.class, (String) args[0]);
                }
                case "prepareCall" -> {
                    log.add("prepareCall " + args[0]);
                    yield statement(self, CallableStatement.class, (String) args[0]);
                }
                case "getMetaData" -> proxy(new MetaDataStub(self), DatabaseMetaData.class);
                case "nativeSQL" -> args[0];
                default -> nothing(method.getReturnType());
            };
        }

        private Statement statement(Connection connection, Class<? extends Statement> kind, String sql) {
            if (kind == Statement.class) {
                log.add("createStatement");
            }
            return proxy(new StatementStub(connection, sql), kind);
        }
    }

    private final class StatementStub extends Stub {
        private final Connection connection;
        private final String preparedSql;
        private boolean warningsCleared;
        private ResultSet current;

        StatementStub(Connection connection, String preparedSql) {
            super("statement");
            this.connection = connection;
            this.preparedSql = preparedSql;
        }

        @Override
        Object answer(Object proxy, Method method, Object[] args) throws SQLException {
            Statement self = (Statement) proxy;
            String name = method.getName();
            boolean sqlGiven = args.length > 0 && args[0] instanceof String && method.getDeclaringClass() == Statement.class;
            if (name.startsWith("execute") && !name.equals("executeBatch") || name.equals("addBatch")) {
                String sql = sqlGiven ? (String) args[0] : preparedSql;
                log.add(name + " " + sql);
                if ("FAIL".equals(sql)) {
                    lastFailure = new SQLException("stub: table FAIL not found", "42S02", 1234);
                    throw lastFailure;
                }
            }
            return switch (name) {
                case "execute" -> {
                    current = proxy(new ResultSetStub(self), ResultSet.class);
                    yield true;
                }
                case "executeQuery" -> current = proxy(new ResultSetStub(self), ResultSet.class);
                case "getResultSet" -> current;
                case "getGeneratedKeys", "getObject" -> proxy(new ResultSetStub(self), ResultSet.class);
                // As SQLite's driver does: a result set that is its own metadata.
                case "getMetaData" -> proxy(new ResultSetStub(self), ResultSet.class, ResultSetMetaData.class);
                case "executeUpdate" -> 7;
                case "executeLargeUpdate" -> 7L;
                case "getUpdateCount" -> -1;
                case "getLargeUpdateCount" -> -1L;
                case "getConnection" -> connection;
                case "getWarnings" -> statementWarning == null || warningsCleared ? null : new SQLWarning(statementWarning);
                case "clearWarnings" -> {
                    warningsCleared = true;
                    yield null;
                }
                default -> nothing(method.getReturnType());
            };
        }
    }

    private final class ResultSetStub extends Stub {
        private final Statement statement;

        ResultSetStub(Statement statement) {
            super("result set");
            this.statement = statement;
        }

        @Override
        Object answer(Object proxy, Method method, Object[] args) {
            return switch (method.getName()) {
                case "getStatement" -> statement;
                case "getString" -> "stub value";
                case "getMetaData" -> proxy(new ResultSetStub(statement), ResultSet.class, ResultSetMetaData.class);
                default -> nothing(method.getReturnType());
            };
        }
    }

    private final class MetaDataStub extends Stub {
        private final Connection connection;

        MetaDataStub(Connection connection) {
            super("metadata");
            this.connection = connection;
        }

        @Override
        Object answer(Object proxy, Method method, Object[] args) {
            return switch (method.getName()) {
                case "getConnection" -> connection;
                case "getURL" -> "jdbc:stub:metadata";
                // A driver that runs a query for its metadata: the result names the statement it came from.
                case "getTables" -> proxy(new ResultSetStub(proxy(new StatementStub(connection, null),
                        PreparedStatement.class)), ResultSet.class);
                // A driver that builds the result in memory: no statement.
                case "getSchemas", "getCatalogs" -> proxy(new ResultSetStub(null), ResultSet.class);
                default -> nothing(method.getReturnType());
            };
        }
    }
}
