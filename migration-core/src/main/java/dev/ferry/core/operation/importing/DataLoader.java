package dev.ferry.core.operation.importing;

import dev.ferry.core.FerryErrors;
import dev.ferry.core.dialect.Dialect;
import dev.ferry.core.model.manifest.ExportLayout;
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

    /** Runs the steps on the one connection; one outcome per table loaded. */
    List<TableOutcome> run(LoadSteps steps, ProgressListener progress) throws SQLException {
        BulkLoader loader = new BulkLoader(connection, dialect);
        List<TableOutcome> outcomes = new ArrayList<>();
        try (Statement statement = connection.createStatement()) {
            steps.forEach(step -> {
                if (step instanceof LoadStep.LoadTable table) {
                    // Where DDL is not transactional a failed import is undone by dropping what it made: commit as
                    // it goes.
                    outcomes.add(load(loader, table, !dialect.capabilities().transactionalDdl(), progress));
                } else if (step instanceof LoadStep.RunStatement run) {
                    ScriptRunner.execute(statement, ExportLayout.LOAD, run.statement());
                }
            });
        }
        return outcomes;
    }

    /**
     * Runs the steps on {@code connections} (this loader's first), whose schema is committed; each file's load is
     * committed on its connection, and so is each other statement, so that the loads after it see what it did.
     */
    List<TableOutcome> run(LoadSteps steps, List<Connection> connections, ProgressListener progress)
            throws SQLException {
        ProgressListener serial = SerialProgress.of(progress);
        List<TableOutcome> outcomes = new ArrayList<>();
        List<LoadStep.LoadTable> pending = new ArrayList<>();
        try (Statement statement = connection.createStatement()) {
            steps.forEach(step -> {
                if (step instanceof LoadStep.LoadTable table) {
                    pending.add(table);
                } else if (step instanceof LoadStep.RunStatement run) {
                    outcomes.addAll(loadAtOnce(pending, connections, serial));
                    pending.clear();
                    ScriptRunner.execute(statement, ExportLayout.LOAD, run.statement());
                    connection.commit();
                }
            });
        }
        outcomes.addAll(loadAtOnce(pending, connections, serial));
        return outcomes;
    }

    /** Loads {@code tables} on the connections, the largest file first; the outcomes in the tables' order. */
    private List<TableOutcome> loadAtOnce(List<LoadStep.LoadTable> tables, List<Connection> connections,
                                          ProgressListener progress) throws SQLException {
        return ConnectionJobs.runLargestFirst("IMPORT DATABASE", connections, tables.size(),
                i -> tables.get(i).bytes(), (on, i, queries) -> {
                    TableOutcome outcome = load(new BulkLoader(on, dialect), tables.get(i), true, progress);
                    on.commit();
                    return outcome;
                });
    }

    private static TableOutcome load(BulkLoader loader, LoadStep.LoadTable table, boolean commitBatches,
                                     ProgressListener progress) throws SQLException {
        long rows = loader.load(table.load(), commitBatches, progress);
        if (table.expectedRows().isPresent() && rows != table.expectedRows().getAsLong()) {
            throw FerryErrors.data("IMPORT DATABASE: " + table.file() + " held " + rows + " rows for "
                    + table.load().table() + ", the manifest says " + table.expectedRows().getAsLong());
        }
        return new TableOutcome(table.load().table(), table.file(), rows, table.bytes());
    }
}
