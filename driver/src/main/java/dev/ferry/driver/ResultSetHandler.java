package dev.ferry.driver;

import java.lang.reflect.Method;
import java.sql.ResultSet;
import java.sql.Statement;

/** Wraps a database result set so that {@code getStatement()} gives Ferry's statement, never the database's. */
final class ResultSetHandler extends DelegatingHandler<ResultSet> {
    private final ConnectionHandler connection;
    private Statement statement;
    private boolean statementKnown;

    private ResultSetHandler(ResultSet delegate, Statement statement, ConnectionHandler connection) {
        super(delegate);
        this.statement = statement;
        this.statementKnown = connection == null;
        this.connection = connection;
    }

    /** Wraps a result set of {@code statement}, which {@code getStatement()} then returns. */
    static ResultSet wrap(ResultSet delegate, Statement statement) {
        return newProxy(ResultSet.class, new ResultSetHandler(delegate, statement, null));
    }

    /**
     * Wraps a result set that came without a Ferry statement (from database metadata): {@code getStatement()}
     * wraps the database's statement, if it names one.
     */
    static ResultSet wrapOwnStatement(ResultSet delegate, ConnectionHandler connection) {
        return delegate == null ? null : newProxy(ResultSet.class, new ResultSetHandler(delegate, null, connection));
    }

    @Override
    protected Object handle(Object proxy, Method method, Object[] args) throws Throwable {
        if (method.getName().equals("getStatement") && args.length == 0) {
            return statement();
        }
        Object result = forward(method, args);
        // Not where the method returns something else the object also is: SQLite's result set is its own metadata.
        if (method.getReturnType().isAssignableFrom(ResultSet.class) && result instanceof ResultSet nested
                && !isFerryProxy(result)) {
            return wrapOwnStatement(nested, connection);
        }
        return result;
    }

    private synchronized Statement statement() throws java.sql.SQLException {
        if (!statementKnown) {
            statement = StatementHandler.wrapAsItIs(delegate.getStatement(), connection);
            statementKnown = true;
        }
        return statement;
    }
}
