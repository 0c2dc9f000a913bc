package dev.ferry.core.dialect.duckdb;

import dev.ferry.core.FerryErrors;
import dev.ferry.core.dialect.Dialect;
import dev.ferry.core.dialect.LoadTarget;
import dev.ferry.core.value.ValueKind;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Collections;
import java.util.List;
import java.util.stream.Collectors;

/**
 * One prepared {@code INSERT INTO <table> (<columns>) VALUES (...), (...)} of a fixed number of rows into a load's
 * table, its values bound as the DuckDB dialect binds them; a refusal names the rows of the data file.
 */
final class DuckDbRowsInsert implements AutoCloseable {
    private final LoadTarget target;
    private final Dialect dialect;
    private final boolean listsAsJson;
    private final PreparedStatement statement;

    DuckDbRowsInsert(Connection connection, Dialect dialect, DuckDbVersion version, LoadTarget target, int rows)
            throws SQLException {
        this.target = target;
        this.dialect = dialect;
        // Lists are handed over as JSON arrays before 1.0, whose cast from text to a list is not exact.
        this.listsAsJson = !version.atLeast(1, 0);
        this.statement = connection.prepareStatement(sql(rows));
    }

    /**
     * Inserts {@code rows}, as many as the statement has, found in the data file at {@code positions}.
     *
     * @throws SQLException naming the row, or the first and last rows, where the database refuses them
     */
    void insert(List<Object[]> rows, List<String> positions) throws SQLException {
        int parameter = 1;
        for (Object[] row : rows) {
            for (int i = 0; i < row.length; i++, parameter++) {
                ValueKind kind = target.kinds().get(i);
                if (row[i] == null) {
                    dialect.bindNull(statement, parameter, target.jdbcTypes()[i]);
                } else if (kind == ValueKind.ARRAY && listsAsJson) {
                    statement.setString(parameter, DuckDbLiterals.jsonList((Object[]) row[i]));
                } else {
                    dialect.bind(statement, parameter, kind, row[i]);
                }
            }
        }
        try {
            statement.executeUpdate();
        } catch (SQLException e) {
            String where = rows.size() == 1 ? "the row at " + positions.get(0)
                    : "a row between " + positions.get(0) + " and " + positions.get(positions.size() - 1);
            throw FerryErrors.withContext("The database refused " + where, e);
        }
    }

    private String sql(int rows) {
        String sql = dialect.insert(target.table(), target.sqlNames(), target.kinds());
        String values = "(" + target.kinds().stream()
                .map(kind -> kind == ValueKind.ARRAY && listsAsJson ? "CAST(? AS JSON)" : dialect.parameterMarker(kind))
                .collect(Collectors.joining(", ")) + ")";
        return sql.substring(0, sql.lastIndexOf("VALUES (")) + "VALUES "
                + String.join(", ", Collections.nCopies(rows, values));
    }

    @Override
    public void close() throws SQLException {
        statement.close();
    }
}
