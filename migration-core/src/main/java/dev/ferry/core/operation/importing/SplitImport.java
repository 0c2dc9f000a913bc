package dev.ferry.core.operation.importing;

import dev.ferry.core.FerryErrors;
import dev.ferry.core.dialect.Dialect;
import dev.ferry.core.dialect.Dialects;
import dev.ferry.core.format.files.FormattedFile;
import dev.ferry.core.model.manifest.ExportLayout;
import dev.ferry.core.model.options.ExportContents;
import dev.ferry.core.model.options.ImportOptions;
import dev.ferry.core.model.progress.ProgressListener;
import dev.ferry.core.model.schema.SchemaScope;
import dev.ferry.core.operation.ConnectionSource;
import dev.ferry.core.operation.MigrationResult;
import dev.ferry.core.operation.TableOutcome;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * An import whose data files are loaded by other processes: begun on one connection ({@link #begin}: the export's
 * manifest and scripts checked, the database found empty, the schema created and committed), each {@link ImportTask}
 * run wherever the file and a connection to the target are (Spark's executors), then finished here ({@link #finish}:
 * the post-data script, the foreign keys checked). Where it fails, {@link #abandon} drops what the import created.
 *
 * <p>Unlike IMPORT DATABASE it keeps no journal: were the process running it killed, what it had created stays, to be
 * dropped by hand before the next import. It holds Ferry's import lock where the engine has one, as IMPORT does.
 */
public final class SplitImport implements AutoCloseable {
    /** How long a check that the connection still works may take. */
    private static final int VALID_SECONDS = 10;

    private final Connection connection;
    private final ConnectionSource reconnect;
    private final Dialect dialect;
    private final ImportPlan plan;
    private final SchemaScope scope;
    private final List<ImportTask> tasks;
    private final Path directory;
    private final Dialect.SessionSettings lock;
    private ImportUndo undo;
    private Dialect.SessionSettings session = Dialect.SessionSettings.NONE;
    private Dialect.SessionSettings forImport = Dialect.SessionSettings.NONE;

    private SplitImport(Connection connection, ConnectionSource reconnect, Dialect dialect, ImportPlan plan,
                        SchemaScope scope, List<ImportTask> tasks, Path directory, Dialect.SessionSettings lock) {
        this.connection = connection;
        this.reconnect = reconnect;
        this.dialect = dialect;
        this.plan = plan;
        this.scope = scope;
        this.tasks = tasks;
        this.directory = directory;
        this.lock = lock;
    }

    /**
     * Checks the export in {@code directory} (its manifest and scripts; the data files need not be there), refuses a
     * database that is not empty, and creates the schema, committed: the tasks' loads run on other connections.
     *
     * @param connection the (empty) database to import into, with autocommit on
     * @param reconnect  opens another connection to it, to undo the import where {@code connection} was lost while
     *                   the tasks ran (a server's idle timeout)
     * @param options    as for IMPORT DATABASE; JOBS is the caller's to use
     * @throws SQLException (0A000) for RESUME, for a DATA_ONLY export, for an export whose load.sql runs statements
     *                      of its own between its loads, or one written by DuckDB itself; else as IMPORT DATABASE
     *                      refuses
     */
    public static SplitImport begin(Connection connection, ConnectionSource reconnect, Path directory,
                                    ImportOptions options) throws SQLException {
        if (options.resume()) {
            throw FerryErrors.notSupported("An import split over other processes does not take "
                    + ImportOptions.RESUME + ": it keeps no journal to resume from");
        }
        if (!connection.getAutoCommit()) {
            throw new SQLException("An import runs its own transactions and needs autocommit on", "25001");
        }
        Dialect dialect = Dialects.forConnection(connection);
        Path dir = directory.toAbsolutePath().normalize();
        ImportPlan plan = ImportPlan.of(ExportSource.openScripts(dir, options), dialect);
        if (plan.contents() == ExportContents.DATA_ONLY) {
            throw FerryErrors.notSupported("An import split over other processes creates the schema and loads into"
                    + " an empty database; " + dir + " is a DATA_ONLY export, for tables that exist: import it with"
                    + " IMPORT DATABASE");
        }
        List<ImportTask> tasks = tasks(plan);
        SchemaScope scope = plan.scope(connection, dialect);
        Dialect.SessionSettings lock = DatabaseImporter.lockImports(connection, dialect);
        SplitImport begun = new SplitImport(connection, reconnect, dialect, plan, scope, tasks, dir, lock);
        try {
            begun.createSchema();
        } catch (SQLException | RuntimeException e) {
            try {
                begun.close();
            } catch (SQLException closing) {
                e.addSuppressed(closing);
            }
            throw e;
        }
        return begun;
    }

    private void createSchema() throws SQLException {
        DatabaseImporter.refuseUnlessEmpty(connection, new DatabaseContents(connection, dialect, scope), dialect,
                scope);
        undo = ImportUndo.before(connection, dialect, scope);
        session = dialect.prepareSession(connection);
        forImport = dialect.prepareImport(connection);
        connection.setAutoCommit(false);
        try {
            new ScriptRunner(connection).run(ExportLayout.SCHEMA, plan.schema(), dialect.capabilities().mysqlSyntax());
            connection.commit();
        } catch (SQLException | RuntimeException e) {
            abandon(e);
            throw e;
        }
    }

    /** A task per data file, in the order of the plan; refuses what only an import on one connection can run. */
    private static List<ImportTask> tasks(ImportPlan plan) throws SQLException {
        List<ImportTask> tasks = new ArrayList<>();
        plan.loads().forEach(step -> {
            if (step instanceof LoadStep.RunStatement run) {
                throw FerryErrors.notSupported("An import split over other processes loads the data files in any"
                        + " order, and cannot run the statement load.sql holds between them: "
                        + run.statement().sql() + " (line " + run.statement().line() + "); import this export with IMPORT DATABASE");
            }
            LoadStep.LoadTable table = (LoadStep.LoadTable) step;
            if (!(table.load().data() instanceof FormattedFile formatted) || formatted.sha256() == null
                    || table.expectedRows().isEmpty()) {
                throw FerryErrors.notSupported("An import split over other processes loads Ferry's exports, whose"
                        + " manifest lists each data file with its rows and checksum; " + table.file()
                        + " is not listed so: import this export with IMPORT DATABASE");
            }
            tasks.add(new ImportTask(table.load().table(), table.load().columns(), table.file(), formatted.options(),
                    table.expectedRows().getAsLong(), table.bytes(), formatted.sha256()));
        });
        return List.copyOf(tasks);
    }

    /** The data files to load, one task each, in the order of the plan. */
    public List<ImportTask> tasks() {
        return tasks;
    }

    /**
     * Runs the post-data script (keys, indexes, views, routines) once every task has loaded its file, checks the
     * foreign keys where the engine loaded without checking them, and commits.
     *
     * @param loaded what every task of {@link #tasks} reported, in any order
     * @throws SQLException (XX000) where a task's file is not among {@code loaded}; as IMPORT DATABASE's post-data
     *                      phase fails. The caller then calls {@link #abandon}.
     */
    public MigrationResult finish(List<ImportTask.Loaded> loaded) throws SQLException {
        Map<String, ImportTask.Loaded> byFile = new HashMap<>();
        loaded.forEach(file -> byFile.put(file.file(), file));
        List<TableOutcome> outcomes = new ArrayList<>();
        for (ImportTask task : tasks) {
            ImportTask.Loaded file = byFile.get(task.file());
            if (file == null) {
                throw new SQLException("The split import has no report of its data file " + task.file() + " (table "
                        + task.table() + ")", "XX000");
            }
            outcomes.add(new TableOutcome(file.table(), file.file(), file.rows(), file.bytes()));
        }
        new ScriptRunner(connection).runPostData(plan.postData(), dialect.capabilities().mysqlSyntax(),
                ImportCheckpoints.of(null, ResumePoint.NONE, dialect), ProgressListener.NONE);
        dialect.checkForeignKeys(connection, scope);
        connection.commit();
        return new MigrationResult(directory, outcomes, plan.warnings());
    }

    /**
     * Undoes the import after {@code failure}: drops what it created (the database was empty before), on another
     * connection where the import's own was lost; what cannot be dropped is added to {@code failure}.
     */
    public void abandon(Exception failure) {
        if (undo == null) {
            return;
        }
        try {
            if (connection.isValid(VALID_SECONDS)) {
                undo.run(true, plan.schemas(), failure);
                return;
            }
        } catch (SQLException e) {
            failure.addSuppressed(e);
        }
        try (Connection other = reconnect.open()) {
            other.setAutoCommit(false);
            undo.on(other).run(true, plan.schemas(), failure);
        } catch (SQLException e) {
            failure.addSuppressed(e);
        }
    }

    /** Puts the connection's settings back, autocommit on, and releases the import lock. */
    @Override
    public void close() throws SQLException {
        try (Dialect.SessionSettings releasedLast = lock;
             Dialect.SessionSettings sessionSettings = session;
             Dialect.SessionSettings importSettings = forImport) {
            connection.setAutoCommit(true);
        }
    }
}
