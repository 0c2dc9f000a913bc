package dev.ferry.driver;

import dev.ferry.core.FerryErrors;
import dev.ferry.core.model.options.ExportOptions;
import dev.ferry.core.model.options.ImportOptions;
import dev.ferry.core.model.progress.ProgressListener;
import dev.ferry.core.operation.ConnectionSource;
import dev.ferry.core.operation.MigrationResult;
import dev.ferry.core.operation.command.CommandParser;
import dev.ferry.core.operation.command.CopyFromCommand;
import dev.ferry.core.operation.command.CopyToCommand;
import dev.ferry.core.operation.command.ExportDatabaseCommand;
import dev.ferry.core.operation.command.FerryCommand;
import dev.ferry.core.operation.command.ImportDatabaseCommand;
import dev.ferry.core.operation.command.VerifyDatabaseCommand;
import dev.ferry.core.operation.copying.CopyOptions;
import dev.ferry.core.operation.verify.VerifyResult;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Optional;

/**
 * Runs a parsed {@code EXPORT DATABASE}, {@code IMPORT DATABASE}, {@code VERIFY DATABASE} or COPY against the database
 * connection.
 */
final class CommandRunner {
    private final Connection connection;
    private final ProgressListener progress;
    private final MigrationEngine engine;
    private final ConnectionSource moreConnections;
    private final FerryProperties properties;

    CommandRunner(Connection connection, ProgressListener progress, MigrationEngine engine) {
        this(connection, progress, engine, ConnectionSource.NONE, FerryProperties.DEFAULTS);
    }

    /**
     * @param moreConnections opens connections like {@code connection}, for an export's or import's JOBS
     * @param properties      the connection's Ferry properties: JOBS for an export whose statement gives none
     *                        ({@code ferry.jobs}), the Hadoop settings and the spool for Hadoop URIs
     */
    CommandRunner(Connection connection, ProgressListener progress, MigrationEngine engine,
                  ConnectionSource moreConnections, FerryProperties properties) {
        this.connection = connection;
        this.progress = progress;
        this.engine = engine;
        this.moreConnections = moreConnections;
        this.properties = properties;
    }

    /**
     * The statement Ferry runs itself, if {@code sql} is one; any other statement goes to the database untouched.
     *
     * @param copy whether Ferry runs COPY to and from files ({@code ferry.copy}); when false every COPY is the
     *             database's
     * @throws SQLException (42601) for a malformed {@code EXPORT DATABASE}, {@code IMPORT DATABASE} or Ferry COPY
     */
    static Optional<FerryCommand> recognise(String sql, boolean copy) throws SQLException {
        return CommandParser.parse(sql, copy);
    }

    /**
     * The statement's name for messages: {@code EXPORT DATABASE}, {@code IMPORT DATABASE}, {@code VERIFY DATABASE} or
     * {@code COPY}.
     */
    static String statementName(FerryCommand command) {
        if (command instanceof ExportDatabaseCommand) {
            return "EXPORT DATABASE";
        }
        if (command instanceof VerifyDatabaseCommand) {
            return "VERIFY DATABASE";
        }
        return command instanceof ImportDatabaseCommand ? "IMPORT DATABASE" : "COPY";
    }

    /**
     * Runs {@code command}, whose parameters must be bound.
     *
     * @throws SQLException the core library's errors unchanged; its unchecked exceptions as SQLState 58030 (files),
     *                      0A000 (not supported) or HY000, with the exception as the cause
     */
    MigrationResult run(FerryCommand command) throws SQLException {
        String name = statementName(command);
        try {
            if (command instanceof ExportDatabaseCommand export) {
                ExportOptions options = ExportOptions.from(export.options()).withDefaultJobs(properties.jobs());
                Location directory = directory(export.directory().value(), name);
                if (directory.isRemote()) {
                    return remote().exportDatabase(directory, options);
                }
                return engine.exportDatabase(connection, moreConnections, directory.local(), options, progress);
            }
            if (command instanceof ImportDatabaseCommand importCommand) {
                ImportOptions options = ImportOptions.from(importCommand.options());
                Location directory = directory(importCommand.directory().value(), name);
                if (directory.isRemote()) {
                    return remote().importDatabase(directory, options);
                }
                return engine.importDatabase(connection, moreConnections, directory.local(), options, progress);
            }
            if (command instanceof CopyToCommand copy) {
                Location file = file(copy.file().value());
                if (file.isRemote()) {
                    return remote().copyTo(copy, file);
                }
                return engine.copyTo(connection, copy, file.local(),
                        CopyOptions.forWriting(copy.options(), file.local()), progress);
            }
            if (command instanceof CopyFromCommand copy) {
                Location file = file(copy.file().value());
                if (file.isRemote()) {
                    return remote().copyFrom(copy, file);
                }
                return engine.copyFrom(connection, copy, file.local(),
                        CopyOptions.forFile(copy.options(), file.local()), progress);
            }
            throw FerryErrors.notSupported(name + " is not run by Ferry yet");
        } catch (UncheckedIOException e) {
            throw FerryErrors.io(name + " failed: " + describe(e.getCause()), e);
        } catch (UnsupportedOperationException e) {
            SQLException error = FerryErrors.notSupported(name + " is not supported: " + describe(e));
            error.initCause(e);
            throw error;
        } catch (RuntimeException e) {
            throw new SQLException(name + " failed: " + describe(e), "HY000", e);
        }
    }

    private RemoteStatements remote() {
        return new RemoteStatements(connection, moreConnections, progress, engine, properties.hadoop(),
                properties.spool());
    }

    /**
     * Runs {@code command}, whose parameter must be bound; errors as {@link #run}.
     */
    VerifyResult verify(VerifyDatabaseCommand command) throws SQLException {
        String name = statementName(command);
        try {
            Location directory = directory(command.directory().value(), name);
            if (directory.isRemote()) {
                return remote().verifyDatabase(directory, command.allowEditedScripts());
            }
            return engine.verifyDatabase(connection, directory.local(), command.allowEditedScripts());
        } catch (UncheckedIOException e) {
            throw FerryErrors.io(name + " failed: " + describe(e.getCause()), e);
        } catch (RuntimeException e) {
            throw new SQLException(name + " failed: " + describe(e), "HY000", e);
        }
    }

    private static Location directory(String path, String statement) throws SQLException {
        return Location.of(path, "directory for " + statement);
    }

    private static Location file(String path) throws SQLException {
        return Location.of(path, "file for COPY");
    }

    private static String describe(Throwable e) {
        return e.getMessage() != null ? e.getMessage() : e.toString();
    }
}
