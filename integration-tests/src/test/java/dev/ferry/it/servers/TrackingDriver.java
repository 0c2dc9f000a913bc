package dev.ferry.it.servers;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.Driver;
import java.sql.DriverManager;
import java.sql.DriverPropertyInfo;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.logging.Logger;

/**
 * A JDBC driver for {@code jdbc:tracked:<rest>} that opens {@code jdbc:<rest>} with whichever driver serves it and
 * remembers every connection, statement and result set it hands out, so that a test can ask which are still open.
 * Put between Ferry and the database's driver ({@code jdbc:ferry:tracked:postgresql://…}), it sees the statements
 * Ferry opens on the user's connection and the connections an export's or import's JOBS open beside it.
 *
 * <p>Whether an object is open is asked of the database driver's own object when {@link #openStatements()} or
 * {@link #openConnections()} is called: a statement closed by closing its connection, or by
 * {@code closeOnCompletion}, counts as closed.
 */
final class TrackingDriver implements Driver {
    /** The prefix of the URLs this driver accepts. */
    static final String PREFIX = "jdbc:tracked:";

    private static final TrackingDriver INSTANCE = new TrackingDriver();

    static {
        try {
            DriverManager.registerDriver(INSTANCE);
        } catch (SQLException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private final Queue<Tracked> handedOut = new ConcurrentLinkedQueue<>();

    /** One object handed out: the driver's own, what it was opened on, and the call and Ferry code that opened it. */
    private record Tracked(Object real, Tracked parent, String openedBy, Object[] proxy) {
        boolean isOpen() throws SQLException {
            boolean closed = real instanceof Connection connection ? connection.isClosed()
                    : real instanceof Statement statement ? statement.isClosed()
                    : real instanceof ResultSet resultSet && resultSet.isClosed();
            return !closed && (parent == null || parent.isOpen());
        }

        @Override
        public String toString() {
            return openedBy;
        }
    }

    private TrackingDriver() {
    }

    /** The driver, registered with DriverManager, nothing tracked yet. */
    static TrackingDriver instance() {
        INSTANCE.handedOut.clear();
        return INSTANCE;
    }

    /** Lets go of everything tracked, closed or not, so that a test leaves nothing of its own reachable. */
    void forget() {
        handedOut.clear();
    }

    /** The Ferry URL that opens the database URL {@code jdbcUrl} through this driver. */
    static String ferryUrl(String jdbcUrl) {
        return "jdbc:ferry:tracked:" + jdbcUrl.substring("jdbc:".length());
    }

    /** The connections handed out and not yet closed, each described by how it was opened. */
    List<String> openConnections() throws SQLException {
        return open(Connection.class);
    }

    /**
     * The statements and result sets handed out and still open on an open connection, each described by the call
     * that opened it and the Ferry code that made that call.
     */
    List<String> openStatements() throws SQLException {
        List<String> open = open(Statement.class);
        open.addAll(open(ResultSet.class));
        return open;
    }

    private List<String> open(Class<?> kind) throws SQLException {
        List<String> open = new ArrayList<>();
        for (Tracked tracked : handedOut) {
            if (kind.isInstance(tracked.real()) && tracked.isOpen()) {
                open.add(tracked.toString());
            }
        }
        return open;
    }

    @Override
    public Connection connect(String url, Properties info) throws SQLException {
        if (!acceptsURL(url)) {
            return null;
        }
        Connection real = DriverManager.getConnection("jdbc:" + url.substring(PREFIX.length()), info);
        return (Connection) track(real, Connection.class, null, "connection to " + url);
    }

    private Object track(Object real, Class<?> type, Tracked parent, String openedBy) {
        Object[] proxy = new Object[1];
        Tracked tracked = new Tracked(real, parent, openedBy + openingCode(), proxy);
        proxy[0] = Proxy.newProxyInstance(TrackingDriver.class.getClassLoader(), new Class<?>[] {type},
                new Handler(tracked));
        if (real instanceof Connection || real instanceof Statement || real instanceof ResultSet) {
            handedOut.add(tracked);
        }
        return proxy[0];
    }

    /** The first frame of Ferry's code on the stack, where a Ferry class opened the object. */
    private static String openingCode() {
        return StackWalker.getInstance().walk(frames -> frames
                .filter(frame -> frame.getClassName().startsWith("dev.ferry.")
                        && !frame.getClassName().startsWith("dev.ferry.it."))
                .findFirst()
                .map(frame -> ", from " + frame.getClassName() + "." + frame.getMethodName() + ":"
                        + frame.getLineNumber())
                .orElse(", from the test"));
    }

    /** Forwards every call; wraps what is opened in turn and gives the tracked parent where the driver's is asked. */
    private final class Handler implements InvocationHandler {
        private final Tracked tracked;

        Handler(Tracked tracked) {
            this.tracked = tracked;
        }

        @Override
        public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
            Class<?> returned = method.getReturnType();
            if (method.getName().equals("equals") && method.getParameterCount() == 1) {
                return proxy == args[0];
            }
            if (method.getName().equals("hashCode") && method.getParameterCount() == 0) {
                return System.identityHashCode(proxy);
            }
            if ((method.getName().equals("getConnection") || method.getName().equals("getStatement"))
                    && tracked.parent() != null && returned.isInstance(tracked.parent().proxy()[0])) {
                return tracked.parent().proxy()[0];
            }
            Object result;
            try {
                result = method.invoke(tracked.real(), args);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
            if (result == null || method.getName().equals("unwrap")
                    || !(Statement.class.isAssignableFrom(returned) || returned == ResultSet.class
                    || returned == DatabaseMetaData.class)) {
                return result;
            }
            String sql = args != null && args.length > 0 && args[0] instanceof String text ? "(" + text + ")" : "()";
            return track(result, returned, tracked, returned.getSimpleName() + " from " + method.getName() + sql);
        }
    }

    @Override
    public boolean acceptsURL(String url) {
        return url != null && url.startsWith(PREFIX);
    }

    @Override
    public DriverPropertyInfo[] getPropertyInfo(String url, Properties info) {
        return new DriverPropertyInfo[0];
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
}
