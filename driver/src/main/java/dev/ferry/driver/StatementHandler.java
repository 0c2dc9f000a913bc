package dev.ferry.driver;

import dev.ferry.core.FerryErrors;
import dev.ferry.core.operation.command.FerryCommand;
import dev.ferry.core.operation.command.VerifyDatabaseCommand;
import java.lang.reflect.Method;
import java.sql.CallableStatement;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLWarning;
import java.sql.Statement;
import java.util.Optional;
import java.util.Set;

/**
 * Wraps a database statement (plain, prepared or callable): {@code getConnection()} gives the Ferry connection,
 * every result set it returns is wrapped, and a plain statement runs {@code EXPORT DATABASE},
 * {@code IMPORT DATABASE} and Ferry's COPY forms itself, passing all other SQL through untouched.
 */
class StatementHandler extends DelegatingHandler<Statement> {
    private static final Set<String> SQL_METHODS =
            Set.of("execute", "executeQuery", "executeUpdate", "executeLargeUpdate", "addBatch");

    /** The connection that made this statement. */
    protected final ConnectionHandler connection;
    private final boolean runsCommands;
    private CommandResults results;
    private ResultSet lastDelegateResultSet;
    private ResultSet lastWrappedResultSet;

    StatementHandler(Statement delegate, ConnectionHandler connection, boolean runsCommands) {
        super(delegate);
        this.connection = connection;
        this.runsCommands = runsCommands;
    }

    /**
     * Wraps {@code delegate} as a {@code kind}; a plain {@code Statement} also runs Ferry's statements.
     *
     * @return the wrapper, or null when {@code delegate} is null
     */
    static <S extends Statement> S wrap(Statement delegate, Class<S> kind, ConnectionHandler connection) {
        if (delegate == null) {
            return null;
        }
        return newProxy(kind, new StatementHandler(delegate, connection, kind == Statement.class));
    }

    /** Wraps a statement of whatever kind it is, e.g. the one a metadata result set came from. */
    static Statement wrapAsItIs(Statement delegate, ConnectionHandler connection) {
        if (delegate instanceof CallableStatement) {
            return wrap(delegate, CallableStatement.class, connection);
        }
        if (delegate instanceof PreparedStatement) {
            return wrap(delegate, PreparedStatement.class, connection);
        }
        return wrap(delegate, Statement.class, connection);
    }

    /** Whether {@code method} is one of {@code Statement}'s methods that take SQL text as first argument. */
    static boolean takesSql(Method method) {
        return method.getDeclaringClass() == Statement.class && method.getParameterCount() > 0
                && method.getParameterTypes()[0] == String.class && SQL_METHODS.contains(method.getName());
    }

    @Override
    protected Object handle(Object proxy, Method method, Object[] args) throws Throwable {
        Statement self = (Statement) proxy;
        String name = method.getName();
        if (takesSql(method)) {
            return executeSql(self, method, args);
        }
        switch (name) {
            case "getConnection":
                return connection.proxy();
            case "getWarnings":
                SQLWarning warnings = (SQLWarning) forward(method, args);
                return results == null ? warnings : results.getWarnings(warnings);
            case "clearWarnings":
                if (results != null) {
                    results.clearWarnings();
                }
                return forward(method, args);
            case "close":
                discardResults();
                return forward(method, args);
            default:
                break;
        }
        if (results != null) {
            switch (name) {
                case "getResultSet":
                    return results.getResultSet();
                case "getUpdateCount":
                    return (int) Math.min(results.getUpdateCount(), Integer.MAX_VALUE);
                case "getLargeUpdateCount":
                    return results.getUpdateCount();
                case "getMoreResults":
                    return results.getMoreResults(args.length == 0 ? Statement.CLOSE_CURRENT_RESULT : (Integer) args[0]);
                default:
                    break;
            }
        }
        if (name.startsWith("execute")) {
            discardResults();
        }
        return wrapResult(self, method, forward(method, args));
    }

    private Object executeSql(Statement self, Method method, Object[] args) throws Throwable {
        String name = method.getName();
        Optional<FerryCommand> command = runsCommands ? connection.recognise((String) args[0]) : Optional.empty();
        if (command.isPresent()) {
            if (name.equals("addBatch")) {
                throw FerryErrors.notSupported(
                        CommandRunner.statementName(command.get()) + " cannot run in a batch");
            }
            return run(self, command.get(), name);
        }
        if (!name.equals("addBatch")) {
            discardResults();
        }
        return wrapResult(self, method, forward(method, args));
    }

    /**
     * Runs a Ferry statement and keeps its results as this statement's current ones.
     *
     * @param self       the statement's proxy, which the result set gives as its statement
     * @param command    the command, parameters bound
     * @param methodName which execute method was called: decides what is returned
     */
    protected final Object run(Statement self, FerryCommand command, String methodName) throws SQLException {
        discardResults();
        if (delegate.isClosed()) {
            throw new SQLException("The statement is closed", "HY010");
        }
        CommandResults run = command instanceof VerifyDatabaseCommand verify
                ? CommandResults.of(connection.commandRunner().verify(verify), self)
                : CommandResults.of(connection.commandRunner().run(command), self);
        results = run;
        return switch (methodName) {
            case "execute" -> true;
            case "executeQuery" -> run.getResultSet();
            case "executeUpdate" -> (int) Math.min(run.skipToUpdateCount(), Integer.MAX_VALUE);
            default -> run.skipToUpdateCount();
        };
    }

    /**
     * Wraps a result set the database returned, so that its {@code getStatement()} is {@code self}; not where the
     * method returns something else that the object also is (SQLite's driver returns its result set as the metadata).
     */
    private Object wrapResult(Statement self, Method method, Object result) {
        if (!method.getReturnType().isAssignableFrom(ResultSet.class) || !(result instanceof ResultSet resultSet)
                || isFerryProxy(result)) {
            return result;
        }
        if (resultSet != lastDelegateResultSet) {
            lastDelegateResultSet = resultSet;
            lastWrappedResultSet = ResultSetHandler.wrap(resultSet, self);
        }
        return lastWrappedResultSet;
    }

    /** Closes the current Ferry results, as executing again or closing the statement does. */
    private void discardResults() throws SQLException {
        lastDelegateResultSet = null;
        lastWrappedResultSet = null;
        if (results != null) {
            CommandResults old = results;
            results = null;
            old.close();
        }
    }
}
