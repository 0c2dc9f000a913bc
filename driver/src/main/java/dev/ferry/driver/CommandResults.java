package dev.ferry.driver;

import dev.ferry.core.operation.MigrationResult;
import dev.ferry.core.operation.TableOutcome;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.SQLWarning;
import java.sql.Statement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import javax.sql.rowset.RowSetMetaDataImpl;

/**
 * The results of one {@code EXPORT DATABASE}, {@code IMPORT DATABASE} or COPY, as a statement hands them out: first
 * a result set with one row per table ({@code table_name, file, rows, bytes}; a COPY's one row names its table or
 * query and its file), then an update count (the rows over all tables), then nothing. Warnings of the run become {@link SQLWarning}s.
 */
final class CommandResults {
    private static final String[] NAMES = {"table_name", "file", "rows", "bytes"};
    private static final int[] TYPES = {Types.VARCHAR, Types.VARCHAR, Types.BIGINT, Types.BIGINT};
    private static final String WARNING_STATE = "01000";

    private enum Position { RESULT_SET, UPDATE_COUNT, END }

    private final ResultSet resultSet;
    private final long updateCount;
    private List<String> warnings;
    private Position position = Position.RESULT_SET;

    private CommandResults(ResultSet resultSet, long updateCount, List<String> warnings) {
        this.resultSet = resultSet;
        this.updateCount = updateCount;
        this.warnings = warnings;
    }

    /**
     * The results of a run, positioned at the result set.
     *
     * @param statement what the result set's {@code getStatement()} returns; may be null
     */
    static CommandResults of(MigrationResult result, Statement statement) throws SQLException {
        List<Object[]> rows = new ArrayList<>();
        for (TableOutcome table : result.tables()) {
            rows.add(new Object[] {table.table(), table.file(), table.rows(), table.bytes()});
        }
        ResultSet resultSet = ResultRows.create(columns(rows), rows, statement);
        return new CommandResults(resultSet, result.totalRows(), result.warnings());
    }

    /** The columns of a Ferry statement's result set. */
    static ResultSetMetaData columns() throws SQLException {
        return columns(List.of());
    }

    private static ResultSetMetaData columns(List<Object[]> rows) throws SQLException {
        RowSetMetaDataImpl columns = new RowSetMetaDataImpl();
        columns.setColumnCount(NAMES.length);
        for (int i = 0; i < NAMES.length; i++) {
            int column = i + 1;
            boolean text = TYPES[i] == Types.VARCHAR;
            columns.setColumnName(column, NAMES[i]);
            columns.setColumnLabel(column, NAMES[i]);
            columns.setColumnType(column, TYPES[i]);
            columns.setColumnTypeName(column, text ? "VARCHAR" : "BIGINT");
            columns.setNullable(column, i == 1 ? ResultSetMetaData.columnNullable : ResultSetMetaData.columnNoNulls);
            columns.setSigned(column, !text);
            int width = text ? maxLength(rows, i) : 20;
            columns.setPrecision(column, text ? width : 19);
            columns.setColumnDisplaySize(column, width);
        }
        return columns;
    }

    private static int maxLength(List<Object[]> rows, int index) {
        int length = NAMES[index].length();
        for (Object[] row : rows) {
            if (row[index] != null) {
                length = Math.max(length, row[index].toString().length());
            }
        }
        return length;
    }

    /** Rows over all tables: the update count. */
    long totalRows() {
        return updateCount;
    }

    /** The current result set, or null once moved past it. */
    ResultSet getResultSet() {
        return position == Position.RESULT_SET ? resultSet : null;
    }

    /** The current update count, or -1 while at the result set or after the last result. */
    long getUpdateCount() {
        return position == Position.UPDATE_COUNT ? updateCount : -1;
    }

    /**
     * Moves to the next result, as {@link Statement#getMoreResults(int)}; there is never another result set.
     *
     * @param current what to do with the current result set: a {@code Statement.*_RESULT} constant
     * @return false
     */
    boolean getMoreResults(int current) throws SQLException {
        if (position == Position.RESULT_SET) {
            if (current != Statement.KEEP_CURRENT_RESULT) {
                resultSet.close();
            }
            position = Position.UPDATE_COUNT;
        } else {
            position = Position.END;
        }
        return false;
    }

    /** Moves straight to the update count, as {@code executeUpdate} does, closing the result set. */
    long skipToUpdateCount() throws SQLException {
        resultSet.close();
        position = Position.UPDATE_COUNT;
        return updateCount;
    }

    /**
     * A new chain of this run's warnings, followed by {@code next}.
     *
     * @param next the statement's other warnings; may be null
     * @return the chain, or {@code next} when there are no warnings
     */
    SQLWarning getWarnings(SQLWarning next) {
        SQLWarning first = null;
        SQLWarning last = null;
        for (String text : warnings) {
            SQLWarning warning = new SQLWarning(text, WARNING_STATE);
            if (first == null) {
                first = warning;
            } else {
                last.setNextWarning(warning);
            }
            last = warning;
        }
        if (last == null) {
            return next;
        }
        if (next != null) {
            last.setNextWarning(next);
        }
        return first;
    }

    /** Forgets this run's warnings. */
    void clearWarnings() {
        warnings = List.of();
    }

    /** Closes the result set. */
    void close() throws SQLException {
        resultSet.close();
    }
}
