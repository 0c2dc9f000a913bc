package dev.ferry.core.operation.importing;

import dev.ferry.core.FerryErrors;
import dev.ferry.core.dialect.Dialect;
import dev.ferry.core.dialect.Dialects;
import dev.ferry.core.dialect.duckdb.export.DuckDbExport;
import dev.ferry.core.model.manifest.ExportLayout;
import dev.ferry.core.model.options.ExportContents;
import dev.ferry.core.model.options.ImportOptions;
import dev.ferry.core.model.progress.Phase;
import dev.ferry.core.model.progress.ProgressListener;
import dev.ferry.core.model.schema.SchemaScope;
import dev.ferry.core.operation.ConnectionSource;
import dev.ferry.core.operation.MigrationResult;
import dev.ferry.core.operation.TableOutcome;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Loads a directory written by {@link dev.ferry.core.operation.exporting.DatabaseExporter} (or by DuckDB's own EXPORT
 * DATABASE) into an empty database, as its {@link ImportPlan} says: the schema script, then the data (each table's
 * rows checked against the manifest's count), then the post-data script.
 *
 * <p>With JOBS above 1, on an engine whose tables load faster from several sessions, the data files load on that many
 * connections at once, after the schema is committed (no other connection would see its tables before), and so do
 * the post-data script's indexes and keys ({@link ParallelPostData}).
 *
 * <p>A failed import leaves the database as it was: rolled back where it ran in one transaction (the engine's DDL is
 * transactional and it loaded on one connection), otherwise by dropping everything the import created (the database
 * was empty before it); a failed import with RESUME leaves what it had committed, to be resumed again. An import that
 * commits before its end keeps an {@link ImportJournal} in the database while it runs, so that the next import after
 * a crash finds and removes what it left, or, with RESUME, goes on from what it had committed
 * ({@link ImportCheckpoints}). Where the engine has a lock that its server releases with the session, the import holds
 * it ({@link Dialect#lockImports}), so that no second import runs into the database meanwhile. The connection must
 * have autocommit on, as it is left.
 */
public final class DatabaseImporter {
    /** How long an import waits for another to release the import lock. */
    private static final int LOCK_WAIT_SECONDS = 60;
    private static final long LOCK_POLL_MILLIS = 200;

    private final Connection connection;
    private final ConnectionSource moreConnections;

    /**
     * @param connection the (empty) database to import into, with autocommit on
     */
    public DatabaseImporter(Connection connection) {
        this(connection, ConnectionSource.NONE);
    }

    /**
     * @param connection      the (empty) database to import into, with autocommit on
     * @param moreConnections opens further connections like {@code connection} (same URL, properties and driver), for
     *                        JOBS above 1; each is closed before the import returns; {@link ConnectionSource#NONE}
     *                        where there is no way to, and the import then loads on one connection
     */
    public DatabaseImporter(Connection connection, ConnectionSource moreConnections) {
        this.connection = connection;
        this.moreConnections = moreConnections;
    }

    /** Imports {@code directory}, which must hold a complete, unaltered export. */
    public MigrationResult importFrom(Path directory, ProgressListener progress) throws SQLException {
        return importFrom(directory, ImportOptions.DEFAULTS, progress);
    }

    /**
     * Imports {@code directory}, which must hold a complete export whose data is unaltered, and whose scripts are those
     * it wrote unless {@code options} allow edited ones.
     */
    public MigrationResult importFrom(Path directory, ImportOptions options, ProgressListener progress)
            throws SQLException {
        Dialect dialect = Dialects.forConnection(connection);
        Path dir = directory.toAbsolutePath().normalize();
        ImportPlan plan = DuckDbExport.isDuckDbExport(dir) ? ImportPlan.of(DuckDbExport.read(dir), dialect)
                : ImportPlan.of(ExportSource.open(dir, options), dialect);
        SchemaScope scope = plan.scope(connection, dialect);
        if (!connection.getAutoCommit()) {
            throw new SQLException("IMPORT DATABASE runs its own transactions and needs autocommit on; this connection"
                    + " has autocommit off, perhaps with work of its own pending. Commit or roll back, then turn"
                    + " autocommit on", "25001");
        }
        Dialect.SessionSettings lock = lockImports(connection, dialect);
        try {
            return importLocked(dir, plan, dialect, scope, options, progress);
        } finally {
            try {
                lock.close();
            } catch (SQLException e) {
                // The server releases it when the session ends; the import's own outcome is what is reported.
            }
        }
    }

    /**
     * Takes the lock that keeps a second import out of the database, waiting up to {@value #LOCK_WAIT_SECONDS} s for
     * one that holds it: a killed import's session keeps it until its server notices, after the statement it was
     * running (an index being built, say).
     */
    static Dialect.SessionSettings lockImports(Connection connection, Dialect dialect) throws SQLException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(LOCK_WAIT_SECONDS);
        while (true) {
            Optional<Dialect.SessionSettings> lock = dialect.lockImports(connection);
            if (lock.isPresent()) {
                return lock.get();
            }
            if (System.nanoTime() > deadline) {
                throw FerryErrors.refused("IMPORT DATABASE: another IMPORT DATABASE into this database is running (it"
                        + " has held Ferry's import lock for the last " + LOCK_WAIT_SECONDS + " s); run one at a time"
                        + " (a killed import's session holds it until its server notices, after the statement it was"
                        + " running)");
            }
            try {
                Thread.sleep(LOCK_POLL_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new SQLException("IMPORT DATABASE was interrupted waiting for another import to end", "HY008",
                        e);
            }
        }
    }

    /** The import, with the lock that keeps others out of the database. */
    private MigrationResult importLocked(Path dir, ImportPlan plan, Dialect dialect, SchemaScope scope,
                                         ImportOptions options, ProgressListener progress) throws SQLException {
        List<String> notes = new ArrayList<>();
        ImportJournal.Found earlier = ImportJournal.removeLeftovers(connection, dialect, dir, plan,
                options.resume());
        earlier.note().ifPresent(notes::add);
        if (earlier.ended()) {
            return new MigrationResult(dir, List.of(), notes);
        }
        boolean dataOnly = plan.contents() == ExportContents.DATA_ONLY;
        EmptyTables emptyTables = null;
        if (!earlier.resuming()) {
            try {
                if (dataOnly) {
                    emptyTables = EmptyTables.check(connection, plan.loads(), dir.toString());
                } else {
                    refuseUnlessEmpty(connection, new DatabaseContents(connection, dialect, scope), dialect, scope);
                }
            } catch (SQLException e) {
                throw notes.isEmpty() ? e : FerryErrors.withContext(notes.get(0), e);
            }
        }
        notes.addAll(contentsNotes(dir, plan, emptyTables, options));
        ImportUndo undo = earlier.resuming() ? earlier.undo() : dataOnly
                ? ImportUndo.emptying(connection, dialect, scope, emptyTables)
                : ImportUndo.before(connection, dialect, scope);

        try (Dialect.SessionSettings session = dialect.prepareSession(connection);
             Dialect.SessionSettings forImport = dialect.prepareImport(connection)) {
            return importInSession(dir, plan, dialect, scope, undo, earlier, options, notes, progress);
        }
    }

    /** The import proper, on a session prepared by the dialect. */
    private MigrationResult importInSession(Path directory, ImportPlan plan, Dialect dialect, SchemaScope scope,
                                            ImportUndo undo, ImportJournal.Found earlier, ImportOptions options,
                                            List<String> notes, ProgressListener progress) throws SQLException {
        connection.setAutoCommit(false);
        boolean committed = !dialect.capabilities().transactionalDdl() || earlier.resuming();
        boolean mysql = dialect.capabilities().mysqlSyntax();
        MigrationResult result;
        ImportJournal journal = earlier.journal();
        // A DATA_ONLY export loads into tables whose foreign keys are in place: in load.sql's order, on one connection.
        boolean dataOnly = plan.contents() == ExportContents.DATA_ONLY;
        try (LoadingConnections loading = LoadingConnections.open(connection, dialect, moreConnections,
                dataOnly ? 1 : options.effectiveJobs())) {
            // A journal would have a killed import's leftovers dropped: never the user's tables.
            if (journal == null && (committed || loading.several()) && !dataOnly) {
                journal = journal(directory, plan, dialect, scope, undo, notes);
            }
            ResumePoint done = earlier.done();
            LoadSteps loads = plan.loads();
            if (earlier.resuming()) {
                List<LoadStep> steps = new ArrayList<>();
                loads.forEach(steps::add);
                done = ResumedTables.check(connection, journal, steps, done, notes);
                loads = LoadSteps.of(steps);
            }
            ImportCheckpoints checkpoints = ImportCheckpoints.of(journal, done, dialect);
            ScriptRunner scripts = new ScriptRunner(connection);
            if (!checkpoints.schemaDone()) {
                progress.phaseStarted("import", Phase.SCHEMA);
                scripts.run(ExportLayout.SCHEMA, plan.schema(), mysql);
                checkpoints.schemaCreated(connection);
            }
            DataLoader data = new DataLoader(connection, dialect);
            // What is left to load: a resumed import's progress ends at what it loads itself.
            DataTotals totals = plan.totals().without(done.loaded().keySet());
            List<TableOutcome> tables;
            if (loading.several() || checkpoints.commitsEachStep()) {
                connection.commit();
                committed = true;
            }
            if (loading.several()) {
                tables = data.run(loads, totals, loading.connections(), checkpoints, progress);
                ParallelPostData.run(plan.postData(), mysql, loading.connections(), checkpoints, progress);
            } else {
                tables = data.run(loads, totals, checkpoints, progress);
                scripts.runPostData(plan.postData(), mysql, checkpoints, progress);
            }
            dialect.checkForeignKeys(connection, scope);
            if (journal != null) {
                journal.finishing();
            }
            connection.commit();
            List<String> warnings = new ArrayList<>(notes);
            warnings.addAll(checkpoints.notes());
            warnings.addAll(plan.warnings());
            warnings.addAll(loading.notes());
            result = new MigrationResult(directory, tables, warnings);
        } catch (SQLException | RuntimeException e) {
            if (earlier.resuming()) {
                keepForResume(e);
                if (e instanceof SQLException failure) {
                    throw FerryErrors.withContext("IMPORT DATABASE (RESUME) stopped; what it and the import it"
                            + " continued had committed stays, with the journal table " + ImportJournal.TABLE
                            + ": run it again with RESUME to go on, or without RESUME to remove it and begin again",
                            failure);
                }
                throw e;
            }
            if (undo.run(committed, plan.schemas(), e)) {
                removeJournal(journal, e);
            }
            restoreAutoCommit(e);
            throw e;
        }
        removeJournal(journal, null);
        connection.setAutoCommit(true);
        return result;
    }

    /**
     * Begins the import's {@link ImportJournal}; where the database has no current schema to hold it (MariaDB without a
     * current database) or refuses it, the import goes on without one, and a note says what a crash would then leave.
     */
    private ImportJournal journal(Path directory, ImportPlan plan, Dialect dialect, SchemaScope scope, ImportUndo undo,
                                  List<String> notes) {
        String without = "IMPORT DATABASE keeps no journal in this database";
        String crash = ": were it stopped in the middle (its process killed, its connection lost), what it had created"
                + " would stay, to be dropped by hand";
        try {
            if (dialect.capabilities().schemasAreCatalogs() && connection.getCatalog() == null) {
                notes.add(without + " (the connection has no current database)" + crash);
                return null;
            }
            return ImportJournal.begin(connection, dialect, directory, plan, scope, undo.state());
        } catch (SQLException e) {
            notes.add(without + " (" + e.getMessage() + ")" + crash);
            return null;
        }
    }

    /**
     * Drops the journal of an import that ended: a failure to is added to {@code failure} where there is one, else left
     * to the next import, which removes a journal marked finished.
     */
    private static void removeJournal(ImportJournal journal, Exception failure) {
        if (journal == null) {
            return;
        }
        try {
            journal.remove();
        } catch (SQLException e) {
            if (failure != null) {
                failure.addSuppressed(e);
            }
        }
    }

    /**
     * What an import of an export holding the schema or the data alone says of it: a SCHEMA_ONLY export creates the
     * schema and loads no row; a DATA_ONLY export creates nothing and loads into the tables there are, on one
     * connection whatever JOBS says.
     */
    private static List<String> contentsNotes(Path dir, ImportPlan plan, EmptyTables tables, ImportOptions options) {
        List<String> notes = new ArrayList<>();
        if (plan.contents() == ExportContents.SCHEMA_ONLY) {
            notes.add("IMPORT DATABASE: " + dir + " is a SCHEMA_ONLY export: created the schema, loaded no rows (it"
                    + " holds none)");
        } else if (plan.contents() == ExportContents.DATA_ONLY) {
            notes.add("IMPORT DATABASE: " + dir + " is a DATA_ONLY export: created nothing, loaded its rows into the"
                    + " tables this database has" + (tables == null ? "" : " (" + tables.tables().size()
                    + ", each there and empty)") + (options.effectiveJobs() > 1 ? ", on one connection (JOBS "
                    + options.effectiveJobs() + " asked for more: its tables' foreign keys are in place, so they"
                    + " load in order)" : ""));
        }
        return notes;
    }

    /** Refuses a database that holds user objects where the import creates its own (42000), naming them. */
    static void refuseUnlessEmpty(Connection connection, DatabaseContents contents, Dialect dialect,
                                  SchemaScope scope) throws SQLException {
        List<String> objects = contents.userObjects();
        if (!objects.isEmpty()) {
            String found = objects.size() + " user object(s): " + DatabaseContents.shortList(objects);
            if (dialect.capabilities().schemasAreCatalogs() && !scope.isDefault()) {
                String current = connection.getCatalog();
                List<String> created = scope.named().stream().filter(s -> !s.equals(current)).toList();
                throw FerryErrors.refused("IMPORT DATABASE creates the databases " + String.join(", ", created)
                        + " of the export" + (created.size() < scope.named().size() ? " and writes into this one, "
                        + current + "," : "") + " and runs only where they do not exist or are empty; they hold "
                        + found);
            }
            throw FerryErrors.refused("IMPORT DATABASE runs only into an empty database; this one has " + found);
        }
    }

    /**
     * A resumed import that fails leaves what it and the stopped import committed, with the journal, as a kill does:
     * only its open transaction is rolled back.
     */
    private void keepForResume(Exception failure) {
        try {
            connection.rollback();
        } catch (SQLException e) {
            failure.addSuppressed(e);
        }
        restoreAutoCommit(failure);
    }

    private void restoreAutoCommit(Exception failure) {
        try {
            connection.setAutoCommit(true);
        } catch (SQLException e) {
            failure.addSuppressed(e);
        }
    }

}
