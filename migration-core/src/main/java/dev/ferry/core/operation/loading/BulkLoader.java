package dev.ferry.core.operation.loading;

import dev.ferry.core.format.FileLabel;
import dev.ferry.core.FerryErrors;
import dev.ferry.core.dialect.Dialect;
import dev.ferry.core.dialect.LoadTarget;
import dev.ferry.core.dialect.TableLoader;
import dev.ferry.core.dialect.TableLoader.Checkpoint;
import dev.ferry.core.format.DataColumn;
import dev.ferry.core.format.TableReader;
import dev.ferry.core.model.progress.ProgressListener;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.BatchUpdateException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Savepoint;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Loads a data file into a table, row by row: through the dialect's own bulk path where it has one and it takes the
 * table, else with a batched {@link PreparedStatement} (the generic path, for every engine). Column kinds come from
 * the target table. IMPORT DATABASE and a user's {@code COPY ... FROM} both load through it.
 */
public final class BulkLoader {
    private static final int BATCH_ROWS = 1_000;
    /** A batch is sent sooner when its values reach this size, so that wide rows do not fill the heap. */
    private static final long BATCH_BYTES = 8L << 20;
    private static final int COMMIT_EVERY_BATCHES = 50;

    private final Connection connection;
    private final Dialect dialect;

    /**
     * @param connection the database, with autocommit off: the caller commits or rolls back
     * @param dialect    the database's dialect
     */
    public BulkLoader(Connection connection, Dialect dialect) {
        this.connection = connection;
        this.dialect = dialect;
    }

    /**
     * Loads the table from its data file.
     *
     * @param expectedRows  the rows the file holds, for the progress listener; -1 where unknown
     * @param commitBatches whether to commit as batches fill (where a failed import is undone by dropping what it
     *                      made) rather than leave everything to one transaction
     * @return the number of rows loaded
     * @throws SQLException naming the table and the file (and the line and column of a value that cannot be read)
     */
    public long load(TableLoad load, long expectedRows, boolean commitBatches, ProgressListener progress)
            throws SQLException {
        String context = "Loading " + load.table() + " from " + FileLabel.of(load.data().file());
        try {
            return loadRows(load, expectedRows, commitBatches, progress);
        } catch (IOException e) {
            throw FerryErrors.io(context + ": " + e.getMessage(), e);
        } catch (SQLException e) {
            throw FerryErrors.withContext(context, e);
        }
    }

    private long loadRows(TableLoad load, long expectedRows, boolean commitBatches, ProgressListener progress)
            throws IOException, SQLException {
        LoadTarget target = target(load);
        progress.tableStarted("import", load.table(), expectedRows);
        long rows;
        Optional<TableLoader> fast = dialect.tableLoader(connection);
        if (fast.isPresent() && fast.get().takes(target)) {
            rows = fast.get().load(target, load.data(), progress, commitBatches ? connection::commit : Checkpoint.NONE);
        } else {
            try (TableReader reader = load.data().open(DataColumn.of(target.names(), target.kinds()))) {
                rows = insertRows(target, reader, commitBatches, progress);
            }
        }
        progress.tableFinished(load.table(), rows, size(load.data().file()));
        return rows;
    }

    /** The size of a data file, for progress; -1 where it cannot be told. */
    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            return -1;
        }
    }

    /** The generic path: batched INSERTs. */
    private long insertRows(LoadTarget target, TableReader reader, boolean commitBatches, ProgressListener progress)
            throws IOException, SQLException {
        long rows = 0;
        String[] batchPositions = new String[BATCH_ROWS];
        Object[][] batchRows = new Object[BATCH_ROWS][];
        try (PreparedStatement statement = connection.prepareStatement(
                     dialect.insert(target.table(), target.sqlNames(), target.kinds()))) {
            int batched = 0;
            long batchBytes = 0;
            long batches = 0;
            for (Object[] row; (row = reader.next()) != null; ) {
                bind(statement, row, target);
                statement.addBatch();
                batchRows[batched] = row;
                batchPositions[batched++] = reader.position();
                batchBytes += size(row);
                rows++;
                if (batched == BATCH_ROWS || batchBytes >= BATCH_BYTES) {
                    executeBatch(statement, target, batchRows, batchPositions, batched);
                    batched = 0;
                    batchBytes = 0;
                    if (commitBatches && ++batches % COMMIT_EVERY_BATCHES == 0) {
                        connection.commit();
                    }
                    progress.rowsDone(target.table(), rows);
                }
            }
            if (batched > 0) {
                executeBatch(statement, target, batchRows, batchPositions, batched);
            }
        }
        return rows;
    }

    /** About how much memory a row's values take: their bytes or characters, else a few bytes each. */
    private static long size(Object[] row) {
        long size = 0;
        for (Object value : row) {
            size += value instanceof byte[] bytes ? bytes.length : value instanceof String text ? text.length() : 16;
        }
        return size;
    }

    private void bind(PreparedStatement statement, Object[] row, LoadTarget target) throws SQLException {
        for (int i = 0; i < row.length; i++) {
            if (row[i] == null) {
                dialect.bindNull(statement, i + 1, target.jdbcTypes()[i]);
            } else {
                dialect.bind(statement, i + 1, target.kinds().get(i), row[i]);
            }
        }
    }

    /**
     * Runs the batch; a failure names the row of the data file that the database refused: where the driver tells
     * which it was, that one; else (MariaDB Connector/J sends a batch as one statement; sqlite-jdbc fails without a
     * BatchUpdateException, keeping the rows before the refused one, which a savepoint marked before the batch takes
     * back) the row found by inserting the batch's rows one at a time, inside a savepoint rolled back after; else the
     * rows of the batch.
     */
    private void executeBatch(PreparedStatement statement, LoadTarget target, Object[][] rows, String[] positions,
                              int size) throws SQLException {
        Savepoint beforeBatch = dialect.capabilities().batchRefusalUnnamed() ? connection.setSavepoint() : null;
        try {
            statement.executeBatch();
            if (beforeBatch != null) {
                connection.releaseSavepoint(beforeBatch);
            }
        } catch (BatchUpdateException e) {
            int failed = firstFailed(e.getUpdateCounts(), size);
            if (failed < 0) {
                SQLException refused = refusedRow(statement, target, rows, positions, size);
                if (refused != null) {
                    throw refused;
                }
            }
            String where = failed >= 0 ? "the row at " + positions[failed]
                    : "a row between " + positions[0] + " and " + positions[size - 1];
            throw FerryErrors.withContext("The database refused " + where, e);
        } catch (SQLException e) {
            if (beforeBatch == null) {
                throw e;
            }
            connection.rollback(beforeBatch);
            SQLException refused = refusedRow(statement, target, rows, positions, size);
            throw refused != null ? refused : FerryErrors.withContext("The database refused a row between "
                    + positions[0] + " and " + positions[size - 1], e);
        }
    }

    /** The refusal of the first of the batch's rows the database refuses on its own, or null where none is. */
    private SQLException refusedRow(PreparedStatement statement, LoadTarget target, Object[][] rows,
                                    String[] positions, int size) throws SQLException {
        statement.clearBatch();
        Savepoint savepoint = connection.getAutoCommit() ? null : connection.setSavepoint();
        try {
            for (int i = 0; i < size; i++) {
                bind(statement, rows[i], target);
                try {
                    statement.executeUpdate();
                } catch (SQLException e) {
                    return FerryErrors.withContext("The database refused the row at " + positions[i], e);
                }
            }
            return null;
        } finally {
            if (savepoint != null) {
                connection.rollback(savepoint);
            }
        }
    }

    /**
     * The index of the refused row: drivers either stop at it (fewer counts than rows) or mark it EXECUTE_FAILED
     * after rows that succeeded; -1 where they do not say (every row marked failed, as pgjdbc does, and MariaDB
     * Connector/J, which sends the batch as one bulk statement).
     */
    private static int firstFailed(int[] updateCounts, int size) {
        if (updateCounts == null) {
            return -1;
        }
        for (int i = 0; i < updateCounts.length; i++) {
            if (updateCounts[i] == Statement.EXECUTE_FAILED) {
                return i == 0 && size > 1 && allFailed(updateCounts) ? -1 : i;
            }
        }
        return updateCounts.length < size ? updateCounts.length : -1;
    }

    private static boolean allFailed(int[] updateCounts) {
        for (int count : updateCounts) {
            if (count != Statement.EXECUTE_FAILED) {
                return false;
            }
        }
        return true;
    }

    /** The load's table and columns, with their kinds and types as the target table declares them. */
    private LoadTarget target(TableLoad load) throws SQLException {
        String columns = load.columns().isEmpty() ? "*" : String.join(", ", load.columns());
        try (PreparedStatement probe = connection.prepareStatement(
                "SELECT " + columns + " FROM " + load.table() + " WHERE 1 = 0");
             ResultSet empty = probe.executeQuery()) {
            ResultSetMetaData metaData = empty.getMetaData();
            int count = metaData.getColumnCount();
            List<String> names = new ArrayList<>();
            List<String> sqlNames = new ArrayList<>();
            int[] jdbcTypes = new int[count];
            for (int i = 1; i <= count; i++) {
                names.add(metaData.getColumnName(i));
                sqlNames.add(load.columns().isEmpty() ? dialect.quoteIdentifier(metaData.getColumnName(i))
                        : load.columns().get(i - 1));
                jdbcTypes[i - 1] = metaData.getColumnType(i);
            }
            return new LoadTarget(load.table(), names, sqlNames, dialect.valueKinds(metaData), jdbcTypes);
        }
    }
}
