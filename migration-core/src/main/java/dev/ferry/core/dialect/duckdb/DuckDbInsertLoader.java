package dev.ferry.core.dialect.duckdb;

import dev.ferry.core.dialect.Dialect;
import dev.ferry.core.dialect.LoadTarget;
import dev.ferry.core.dialect.TableLoader;
import dev.ferry.core.format.TableReader;
import dev.ferry.core.model.progress.ProgressListener;
import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Loads a table into DuckDB with INSERTs of many rows each ({@code VALUES (?, ?), (?, ?), ...}), in the file's order.
 * DuckDB 0.8.1's driver has no batches, and 1.x's runs a batch one row per statement: measured on 20,000 rows of five
 * columns, a statement per row loads about 2,500 rows a second, a hundred rows per statement about 30,000 (both versions).
 *
 * <p>A table with a foreign key to itself is loaded one row per statement: DuckDB checks a statement's rows against the
 * rows already there, so a row must come in a statement after the one holding the row it refers to (an export writes
 * rows in DuckDB's insertion order, where that holds).
 */
final class DuckDbInsertLoader implements TableLoader {
    private static final int ROWS_PER_STATEMENT = 100;
    private static final int PARAMETERS_PER_STATEMENT = 2_000;
    private static final int PROGRESS_EVERY = 10_000;

    private final Connection connection;
    private final Dialect dialect;
    private final DuckDbVersion version;

    DuckDbInsertLoader(Connection connection, Dialect dialect, DuckDbVersion version) {
        this.connection = connection;
        this.dialect = dialect;
        this.version = version;
    }

    @Override
    public long load(LoadTarget target, TableReader reader, ProgressListener progress) throws IOException, SQLException {
        int perStatement = DuckDbTargetTable.of(connection, version, target.table()).refersToItself() ? 1
                : Math.max(1, Math.min(ROWS_PER_STATEMENT, PARAMETERS_PER_STATEMENT / Math.max(1, target.kinds().size())));
        List<Object[]> rows = new ArrayList<>(perStatement);
        List<String> positions = new ArrayList<>(perStatement);
        long loaded = 0;
        try (DuckDbRowsInsert full = new DuckDbRowsInsert(connection, dialect, version, target, perStatement)) {
            for (Object[] row; (row = reader.next()) != null; ) {
                rows.add(row);
                positions.add(reader.position());
                if (rows.size() == perStatement) {
                    full.insert(rows, positions);
                    loaded += rows.size();
                    rows.clear();
                    positions.clear();
                    if (loaded % PROGRESS_EVERY < perStatement) {
                        progress.rowsDone(target.table(), loaded);
                    }
                }
            }
        }
        if (!rows.isEmpty()) {
            try (DuckDbRowsInsert rest = new DuckDbRowsInsert(connection, dialect, version, target, rows.size())) {
                rest.insert(rows, positions);
            }
            loaded += rows.size();
        }
        return loaded;
    }
}
