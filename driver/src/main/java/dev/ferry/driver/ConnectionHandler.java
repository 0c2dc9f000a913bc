package dev.ferry.driver;

import dev.ferry.core.model.progress.ProgressListener;
import dev.ferry.core.operation.ConnectionSource;
import dev.ferry.core.operation.command.FerryCommand;
import java.lang.reflect.Method;
import java.sql.CallableStatement;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;

/**
 * Wraps a database connection as a {@link FerryConnection}: statements, prepared statements and metadata it hands
 * out are wrapped in turn, and a statement prepared from {@code EXPORT DATABASE}, {@code IMPORT DATABASE} or one of
 * Ferry's COPY forms is Ferry's own.
 */
final class ConnectionHandler extends DelegatingHandler<Connection> {
    private final MigrationEngine engine;
    private final FerryProperties properties;
    private final ConnectionSource moreConnections;
    private volatile ProgressListener progressListener = ProgressListener.NONE;
    private FerryConnection proxy;

    private ConnectionHandler(Connection delegate, MigrationEngine engine, FerryProperties properties,
                              ConnectionSource moreConnections) {
        super(delegate);
        this.engine = engine;
        this.properties = properties;
        this.moreConnections = moreConnections;
    }

    /** Wraps {@code delegate} with the default properties; Ferry statements run through {@code engine}. */
    static FerryConnection wrap(Connection delegate, MigrationEngine engine) {
        return wrap(delegate, engine, FerryProperties.DEFAULTS);
    }

    /** Wraps {@code delegate}; Ferry statements run through {@code engine} as {@code properties} say. */
    static FerryConnection wrap(Connection delegate, MigrationEngine engine, FerryProperties properties) {
        return wrap(delegate, engine, properties, ConnectionSource.NONE);
    }

    /**
     * Wraps {@code delegate}; Ferry statements run through {@code engine} as {@code properties} say, and an export
     * opens its further connections from {@code moreConnections}.
     */
    static FerryConnection wrap(Connection delegate, MigrationEngine engine, FerryProperties properties,
                                ConnectionSource moreConnections) {
        ConnectionHandler handler = new ConnectionHandler(delegate, engine, properties, moreConnections);
        handler.proxy = newProxy(FerryConnection.class, handler);
        return handler.proxy;
    }

    /** The Ferry connection, which statements give as their {@code getConnection()}. */
    FerryConnection proxy() {
        return proxy;
    }

    /**
     * The statement Ferry runs itself, if {@code sql} is one on this connection (COPY only where {@code ferry.copy}
     * is on).
     */
    Optional<FerryCommand> recognise(String sql) throws SQLException {
        return CommandRunner.recognise(sql, properties.copy());
    }

    /** A runner for Ferry statements on the database connection, reporting to the current progress listener. */
    CommandRunner commandRunner() {
        return new CommandRunner(delegate, progressListener, engine, moreConnections, properties);
    }

    @Override
    protected Object handle(Object proxy, Method method, Object[] args) throws Throwable {
        if (method.getDeclaringClass() == FerryConnection.class) {
            if (method.getName().equals("setProgressListener")) {
                progressListener = args[0] == null ? ProgressListener.NONE : (ProgressListener) args[0];
                return null;
            }
            return progressListener;
        }
        return switch (method.getName()) {
            case "createStatement" -> StatementHandler.wrap((Statement) forward(method, args), Statement.class, this);
            case "prepareStatement" -> prepare(method, args, PreparedStatement.class);
            case "prepareCall" -> prepare(method, args, CallableStatement.class);
            case "getMetaData" -> MetaDataHandler.wrap((DatabaseMetaData) forward(method, args), this);
            default -> forward(method, args);
        };
    }

    private <S extends PreparedStatement> S prepare(Method method, Object[] args, Class<S> kind) throws Throwable {
        Optional<FerryCommand> command = recognise((String) args[0]);
        if (command.isPresent()) {
            return CommandPreparedStatementHandler.wrap(command.get(), kind, delegate.createStatement(), this);
        }
        return StatementHandler.wrap((Statement) forward(method, args), kind, this);
    }
}
