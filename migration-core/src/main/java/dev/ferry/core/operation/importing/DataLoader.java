package dev.ferry.core.operation.importing;

import dev.ferry.core.FerryErrors;
import dev.ferry.core.dialect.Dialect;
import dev.ferry.core.model.manifest.ExportLayout;
import dev.ferry.core.model.progress.Phase;
import dev.ferry.core.model.progress.ProgressListener;
import dev.ferry.core.operation.TableOutcome;
import dev.ferry.core.operation.jobs.ConnectionJobs;
import dev.ferry.core.operation.jobs.SerialProgress;
import dev.ferry.core.operation.loading.BulkLoader;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;

/**
 * Runs an import's data phase: each table loaded through the {@link BulkLoader} (its rows checked against the
 * manifest's count where there is one), each other statement of load.sql run as written, in order. On several
 * connections, the data files between two such statements load at once, the largest first, each committed on its
 * connection when it is loaded.
 */
final class DataLoader {
    private final Connection connection;
    private final Dialect dialect;

    /**
     * @param connection the database, with autocommit off
     */
    DataLoader(Connection connection, Dialect dialect) {
        this.connection = connection;
        this.dialect = dialect;
    }

    /**
     * Runs the steps on the one connection; one outcome per table loaded. A file the stopped import had loaded
     * ({@code checkpoints}) is not loaded again; each other is marked loaded, and, where the import keeps a journal,
     * committed with its mark.
     */
    List<TableOutcome> run(LoadSteps steps, DataTotals totals, ImportCheckpoints checkpoints,
                           ProgressListener progress) throws SQLException {
        BulkLoader loader = new BulkLoader(connection, dialect);
        List<TableOutcome> outcomes = new ArrayList<>();
        announce(totals, progress);
        try (Statement statement = connection.createStatement()) {
            steps.forEach(step -> {
                if (step instanceof LoadStep.LoadTable table) {
                    // Where DDL is not transactional a failed import is undone by dropping what it made: commit as
                    // it goes, but a file of a table in several in one transaction, for a resumed import to keep it.
                    boolean commitBatches = !dialect.capabilities().transactionalDdl() && !table.oneOfSeveral();
                    outcomes.add(load(connection, loader, table, commitBatches, checkpoints, progress));
                    if (checkpoints.commitsEachStep()) {
                        connection.commit();
                    }
                } else if (step instanceof LoadStep.RunStatement run) {
                    ScriptRunner.execute(statement, ExportLayout.LOAD, run.statement());
                }
            });
        }
        return outcomes;
    }

    /**
     * Runs the steps on {@code connections} (this loader's first), whose schema is committed; each file's load is
     * committed on its connection with its mark, and so is each other statement, so that the loads after it see what
     * it did. A file the stopped import had loaded is not loaded again.
     */
    List<TableOutcome> run(LoadSteps steps, DataTotals totals, List<Connection> connections,
                           ImportCheckpoints checkpoints, ProgressListener progress) throws SQLException {
        ProgressListener serial = SerialProgress.of(progress);
        List<TableOutcome> outcomes = new ArrayList<>();
        announce(totals, progress);
        List<LoadStep.LoadTable> pending = new ArrayList<>();
        try (Statement statement = connection.createStatement()) {
            steps.forEach(step -> {
                if (step instanceof LoadStep.LoadTable table) {
                    pending.add(table);
                } else if (step instanceof LoadStep.RunStatement run) {
                    outcomes.addAll(loadAtOnce(pending, connections, checkpoints, serial));
                    pending.clear();
                    ScriptRunner.execute(statement, ExportLayout.LOAD, run.statement());
                    connection.commit();
                }
            });
        }
        outcomes.addAll(loadAtOnce(pending, connections, checkpoints, serial));
        return outcomes;
    }

    /** Tells {@code progress} the data phase starts, with the files to load and their rows. */
    private static void announce(DataTotals totals, ProgressListener progress) {
        progress.phaseStarted("import", Phase.DATA);
        progress.dataStarted("import", totals.fileCount(), totals.rows(), totals.bytes());
    }

    /** Loads {@code tables} on the connections, the largest file first; the outcomes in the tables' order. */
    private List<TableOutcome> loadAtOnce(List<LoadStep.LoadTable> tables, List<Connection> connections,
                                          ImportCheckpoints checkpoints, ProgressListener progress)
            throws SQLException {
        return ConnectionJobs.runLargestFirst("IMPORT DATABASE", connections, tables.size(),
                i -> tables.get(i).bytes(), (on, i, queries) -> {
                    LoadStep.LoadTable table = tables.get(i);
                    TableOutcome outcome = load(on, new BulkLoader(on, dialect), table, !table.oneOfSeveral(),
                            checkpoints, progress);
                    on.commit();
                    return outcome;
                });
    }

    /**
     * Loads {@code table}'s file through {@code loader}, on {@code on}, unless the stopped import had, and marks it
     * loaded on {@code on}'s open transaction, which the caller commits.
     */
    private static TableOutcome load(Connection on, BulkLoader loader, LoadStep.LoadTable table,
                                     boolean commitBatches, ImportCheckpoints checkpoints, ProgressListener progress)
            throws SQLException {
        OptionalLong before = checkpoints.loadedBefore(table);
        if (before.isPresent()) {
            return new TableOutcome(table.load().table(), table.file(), before.getAsLong(), table.bytes());
        }
        long rows = loader.load(table.load(), table.expectedRows().orElse(-1), commitBatches,
                table.oneOfSeveral() ? new FileProgress(progress, table.load().table() + " (" + table.file() + ")")
                        : progress);
        if (table.expectedRows().isPresent()) {
            checkRows(table.file(), table.load().table(), rows, table.expectedRows().getAsLong());
        }
        checkpoints.loaded(on, table, rows);
        return new TableOutcome(table.load().table(), table.file(), rows, table.bytes());
    }

    /**
     * Refuses a file that held another number of rows than the manifest says (22000).
     *
     * @param table the table, as the target's SQL names it
     */
    static void checkRows(String file, String table, long rows, long expectedRows) throws SQLException {
        if (rows != expectedRows) {
            throw FerryErrors.data("IMPORT DATABASE: " + file + " held " + rows + " rows for " + table
                    + ", the manifest says " + expectedRows);
        }
    }

    /**
     * The progress of one of a table's several files, named by the table and the file: files of one table load at
     * once (JOBS), and each is counted apart.
     */
    private record FileProgress(ProgressListener listener, String label) implements ProgressListener {
        @Override
        public void tableStarted(String action, String table, long expectedRows) {
            listener.tableStarted(action, label, expectedRows);
        }

        @Override
        public void rowsDone(String table, long rows) {
            listener.rowsDone(label, rows);
        }

        @Override
        public void tableFinished(String table, long rows, long bytes) {
            listener.tableFinished(label, rows, bytes);
        }
    }
}
