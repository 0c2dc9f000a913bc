package dev.ferry.driver;

import dev.ferry.core.FerryErrors;
import dev.ferry.core.operation.command.FerryCommand;
import java.lang.reflect.Method;
import java.sql.CallableStatement;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A prepared {@code EXPORT DATABASE} or {@code IMPORT DATABASE}: records the values of its {@code ?} parameters
 * and runs the statement on {@code execute}. It stands on a plain statement of the database, which serves its
 * closing, time-outs and the like.
 */
final class CommandPreparedStatementHandler extends StatementHandler {
    private final FerryCommand command;
    private final List<Object> parameters;

    private CommandPreparedStatementHandler(FerryCommand command, Statement backing, ConnectionHandler connection) {
        super(backing, connection, false);
        this.command = command;
        this.parameters = new ArrayList<>(Collections.nCopies(command.parameterCount(), null));
    }

    /**
     * Wraps {@code command} as a {@code kind} (a prepared or callable statement).
     *
     * @param backing a plain statement of the database, closed with the wrapper
     */
    static <S extends PreparedStatement> S wrap(FerryCommand command, Class<S> kind, Statement backing,
            ConnectionHandler connection) {
        return newProxy(kind, new CommandPreparedStatementHandler(command, backing, connection));
    }

    @Override
    protected Object handle(Object proxy, Method method, Object[] args) throws Throwable {
        Class<?> declaringClass = method.getDeclaringClass();
        String name = method.getName();
        if (declaringClass == PreparedStatement.class || declaringClass == CallableStatement.class) {
            return handlePrepared((Statement) proxy, name, args);
        }
        if (takesSql(method)) {
            throw new SQLFeatureNotSupportedException(
                    name + "(String) cannot be called on a prepared " + statementName(), FerryErrors.NOT_SUPPORTED);
        }
        return super.handle(proxy, method, args);
    }

    private Object handlePrepared(Statement self, String name, Object[] args) throws Throwable {
        boolean indexed = args.length > 0 && args[0] instanceof Integer;
        switch (name) {
            case "setString", "setNString", "setObject":
                if (indexed && args.length > 1) {
                    return setParameter((Integer) args[0], args[1]);
                }
                break;
            case "setNull":
                if (indexed) {
                    return setParameter((Integer) args[0], null);
                }
                break;
            case "clearParameters":
                Collections.fill(parameters, null);
                return null;
            case "execute", "executeQuery", "executeUpdate", "executeLargeUpdate":
                if (args.length == 0) {
                    return run(self, command.bind(parameters), name);
                }
                break;
            case "getMetaData":
                return CommandResults.columns(command);
            default:
                break;
        }
        throw new SQLFeatureNotSupportedException(name + " is not supported by a prepared " + statementName()
                + (name.startsWith("set") ? "; use setString with a parameter index" : ""), FerryErrors.NOT_SUPPORTED);
    }

    private Object setParameter(int index, Object value) throws SQLException {
        if (index < 1 || index > parameters.size()) {
            throw FerryErrors.invalidParameter("Parameter index " + index + " is out of range: " + statementName()
                    + " has " + parameters.size() + " parameter" + (parameters.size() == 1 ? "" : "s"));
        }
        parameters.set(index - 1, value);
        return null;
    }

    private String statementName() {
        return CommandRunner.statementName(command);
    }
}
