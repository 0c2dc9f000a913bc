package dev.ferry.core.operation.importing;

import dev.ferry.core.FerryErrors;
import dev.ferry.core.dialect.Dialect;
import dev.ferry.core.model.manifest.ExportLayout;
import dev.ferry.core.model.progress.ProgressListener;
import dev.ferry.core.operation.TableOutcome;
import dev.ferry.core.operation.loading.BulkLoader;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs an import's data phase: each table loaded through the {@link BulkLoader} (its rows checked against the
 * manifest's count where there is one), each other statement of load.sql run as written, in order.
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

    /** Runs the steps; one outcome per table loaded. */
    List<TableOutcome> run(LoadSteps steps, ProgressListener progress) throws SQLException {
        BulkLoader loader = new BulkLoader(connection, dialect);
        List<TableOutcome> outcomes = new ArrayList<>();
        try (Statement statement = connection.createStatement()) {
            steps.forEach(step -> {
                if (step instanceof LoadStep.LoadTable table) {
                    outcomes.add(load(loader, table, progress));
                } else if (step instanceof LoadStep.RunStatement run) {
                    ScriptRunner.execute(statement, ExportLayout.LOAD, run.statement());
                }
            });
        }
        return outcomes;
    }

    private TableOutcome load(BulkLoader loader, LoadStep.LoadTable table, ProgressListener progress)
            throws SQLException {
        // Where DDL is not transactional a failed import is undone by dropping what it made: commit as it goes.
        long rows = loader.load(table.load(), !dialect.capabilities().transactionalDdl(), progress);
        if (table.expectedRows().isPresent() && rows != table.expectedRows().getAsLong()) {
            throw FerryErrors.data("IMPORT DATABASE: " + table.file() + " held " + rows + " rows for "
                    + table.load().table() + ", the manifest says " + table.expectedRows().getAsLong());
        }
        return new TableOutcome(table.load().table(), table.file(), rows, table.bytes());
    }
}
