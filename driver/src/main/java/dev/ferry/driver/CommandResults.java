package dev.ferry.driver;

import dev.ferry.core.operation.MigrationResult;
import dev.ferry.core.operation.TableOutcome;
import dev.ferry.core.operation.command.FerryCommand;
import dev.ferry.core.operation.command.VerifyDatabaseCommand;
import dev.ferry.core.operation.verify.VerifiedObject;
import dev.ferry.core.operation.verify.VerifyResult;
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
 * {@code VERIFY DATABASE}'s result set has a row per table of the export and per schema object the database lacks
 * ({@code table_name, status, rows_expected, rows_found, detail}); its update count is the rows read from the
 * database, and a warning sums up what is not {@code ok}.
 */
final class CommandResults {
    private static final Columns MIGRATION = new Columns(new String[] {"table_name", "file", "rows", "bytes"},
            new int[] {Types.VARCHAR, Types.VARCHAR, Types.BIGINT, Types.BIGINT},
            new boolean[] {false, true, false, false});
    private static final Columns VERIFICATION = new Columns(
            new String[] {"table_name", "status", "rows_expected", "rows_found", "detail"},
            new int[] {Types.VARCHAR, Types.VARCHAR, Types.BIGINT, Types.BIGINT, Types.VARCHAR},
            new boolean[] {false, false, true, true, true});
    private static final String WARNING_STATE = "01000";

    /** The columns of a statement's result set: names, JDBC types, and which may hold NULL. */
    private record Columns(String[] names, int[] types, boolean[] nullable) {
    }

    private enum Position { RESULT_SET, UPDATE_COUNT, END }

    private final ResultSet resultSet;
    private final long updateCount;
    private List<String> warnings;
    private Position position = Position.RESULT_SET;

    /** A VERIFY's sum of what does not match, its warning in {@link FerryConnection#VERIFY_MISMATCH_STATE}; or null. */
    private String mismatch;

    private CommandResults(ResultSet resultSet, long updateCount, List<String> warnings, String mismatch) {
        this.resultSet = resultSet;
        this.updateCount = updateCount;
        this.warnings = warnings;
        this.mismatch = mismatch;
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
        ResultSet resultSet = ResultRows.create(columns(MIGRATION, rows), rows, statement);
        return new CommandResults(resultSet, result.totalRows(), result.warnings(), null);
    }

    /**
     * The results of a VERIFY DATABASE, positioned at the result set.
     *
     * @param statement what the result set's {@code getStatement()} returns; may be null
     */
    static CommandResults of(VerifyResult result, Statement statement) throws SQLException {
        List<Object[]> rows = new ArrayList<>();
        for (VerifiedObject object : result.objects()) {
            rows.add(new Object[] {object.name(), object.status().label(), object.rowsExpected(), object.rowsFound(),
                    object.detail()});
        }
        List<String> warnings = new ArrayList<>(result.warnings());
        ResultSet resultSet = ResultRows.create(columns(VERIFICATION, rows), rows, statement);
        return new CommandResults(resultSet, result.rowsFound(), warnings, result.summary().orElse(null));
    }

    /** The columns of a Ferry statement's result set. */
    static ResultSetMetaData columns() throws SQLException {
        return columns(MIGRATION, List.of());
    }

    /** The columns of {@code command}'s result set. */
    static ResultSetMetaData columns(FerryCommand command) throws SQLException {
        return columns(command instanceof VerifyDatabaseCommand ? VERIFICATION : MIGRATION, List.of());
    }

    private static ResultSetMetaData columns(Columns spec, List<Object[]> rows) throws SQLException {
        RowSetMetaDataImpl columns = new RowSetMetaDataImpl();
        String[] names = spec.names();
        columns.setColumnCount(names.length);
        for (int i = 0; i < names.length; i++) {
            int column = i + 1;
            boolean text = spec.types()[i] == Types.VARCHAR;
            columns.setColumnName(column, names[i]);
            columns.setColumnLabel(column, names[i]);
            columns.setColumnType(column, spec.types()[i]);
            columns.setColumnTypeName(column, text ? "VARCHAR" : "BIGINT");
            columns.setNullable(column, spec.nullable()[i] ? ResultSetMetaData.columnNullable
                    : ResultSetMetaData.columnNoNulls);
            columns.setSigned(column, !text);
            int width = text ? maxLength(names[i], rows, i) : 20;
            columns.setPrecision(column, text ? width : 19);
            columns.setColumnDisplaySize(column, width);
        }
        return columns;
    }

    private static int maxLength(String name, List<Object[]> rows, int index) {
        int length = name.length();
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
        List<SQLWarning> all = new ArrayList<>();
        warnings.forEach(text -> all.add(new SQLWarning(text, WARNING_STATE)));
        if (mismatch != null) {
            all.add(new SQLWarning(mismatch, FerryConnection.VERIFY_MISMATCH_STATE));
        }
        for (SQLWarning warning : all) {
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
        mismatch = null;
    }

    /** Closes the result set. */
    void close() throws SQLException {
        resultSet.close();
    }
}
