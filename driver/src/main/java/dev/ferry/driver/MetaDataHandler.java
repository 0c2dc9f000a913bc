package dev.ferry.driver;

import java.lang.reflect.Method;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;

/**
 * Wraps database metadata: {@code getConnection()} gives the Ferry connection, {@code getURL()} the database's URL as
 * a Ferry URL (so that a tool reconnecting from it keeps Ferry), and its result sets are wrapped.
 */
final class MetaDataHandler extends DelegatingHandler<DatabaseMetaData> {
    private final ConnectionHandler connection;

    private MetaDataHandler(DatabaseMetaData delegate, ConnectionHandler connection) {
        super(delegate);
        this.connection = connection;
    }

    /** Wraps {@code delegate}, or returns null when it is null. */
    static DatabaseMetaData wrap(DatabaseMetaData delegate, ConnectionHandler connection) {
        return delegate == null ? null : newProxy(DatabaseMetaData.class, new MetaDataHandler(delegate, connection));
    }

    @Override
    protected Object handle(Object proxy, Method method, Object[] args) throws Throwable {
        if (method.getName().equals("getConnection") && args.length == 0) {
            return connection.proxy();
        }
        Object result = forward(method, args);
        if (method.getName().equals("getURL") && args.length == 0) {
            return FerryUrl.ferryForm((String) result);
        }
        return method.getReturnType().isAssignableFrom(ResultSet.class) && result instanceof ResultSet resultSet
                ? ResultSetHandler.wrapOwnStatement(resultSet, connection) : result;
    }
}
