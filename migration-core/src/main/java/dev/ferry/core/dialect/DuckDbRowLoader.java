package dev.ferry.core.dialect;

import dev.ferry.core.FerryErrors;
import dev.ferry.core.format.TableReader;
import dev.ferry.core.load.LoadTarget;
import dev.ferry.core.load.TableLoader;
import dev.ferry.core.progress.ProgressListener;
import dev.ferry.core.value.ValueKind;
import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.stream.Collectors;

/**
 * Loads a table into DuckDB one INSERT per row, in the file's order. DuckDB 0.8.1's driver has no batches, and 1.x's
 * runs a batch row by row anyway. One row per statement is also what DuckDB needs for a foreign key to the table
 * itself: it checks each statement's rows against the rows already there, so a row must come in a statement after
 * the one holding the row it refers to (an export writes rows in DuckDB's insertion order, where that holds).
 */
final class DuckDbRowLoader implements TableLoader {
    private static final int PROGRESS_EVERY = 10_000;

    private final Connection connection;
    private final Dialect dialect;
    private final boolean listsAsJson;

    /**
     * @param listsAsJson whether lists are handed over as JSON arrays (DuckDB before 1.0, whose cast from text to a
     *                    list is not exact) rather than as DuckDB's list text
     */
    DuckDbRowLoader(Connection connection, Dialect dialect, boolean listsAsJson) {
        this.connection = connection;
        this.dialect = dialect;
        this.listsAsJson = listsAsJson;
    }

    @Override
    public long load(LoadTarget target, TableReader reader, ProgressListener progress) throws IOException, SQLException {
        long rows = 0;
        try (PreparedStatement insert = connection.prepareStatement(insert(target))) {
            for (Object[] row; (row = reader.next()) != null; ) {
                for (int i = 0; i < row.length; i++) {
                    ValueKind kind = target.kinds().get(i);
                    if (row[i] == null) {
                        dialect.bindNull(insert, i + 1, target.jdbcTypes()[i]);
                    } else if (listsAsJson && kind == ValueKind.ARRAY) {
                        insert.setString(i + 1, DuckDbLiterals.jsonList((Object[]) row[i]));
                    } else {
                        dialect.bind(insert, i + 1, kind, row[i]);
                    }
                }
                try {
                    insert.executeUpdate();
                } catch (SQLException e) {
                    throw FerryErrors.withContext("The database refused the row at " + reader.position(), e);
                }
                if (++rows % PROGRESS_EVERY == 0) {
                    progress.rowsDone(target.table(), rows);
                }
            }
        }
        return rows;
    }

    private String insert(LoadTarget target) {
        String sql = dialect.insert(target.table(), target.sqlNames(), target.kinds());
        if (!listsAsJson || !target.kinds().contains(ValueKind.ARRAY)) {
            return sql;
        }
        String markers = target.kinds().stream()
                .map(kind -> kind == ValueKind.ARRAY ? "CAST(? AS JSON)" : dialect.parameterMarker(kind))
                .collect(Collectors.joining(", "));
        return sql.substring(0, sql.lastIndexOf("VALUES (")) + "VALUES (" + markers + ")";
    }
}
