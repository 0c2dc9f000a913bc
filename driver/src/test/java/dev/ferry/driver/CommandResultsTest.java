package dev.ferry.driver;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ferry.core.operation.MigrationResult;
import dev.ferry.core.operation.TableOutcome;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.SQLWarning;
import java.sql.Statement;
import java.sql.Types;
import java.util.List;
import org.junit.jupiter.api.Test;

class CommandResultsTest {
    private static final MigrationResult RESULT = new MigrationResult(Path.of("out"),
            List.of(new TableOutcome("public.orders", "orders.csv", 3_000_000_000L, 123_456_789L),
                    new TableOutcome("\"odd name\"", null, 0, 17)),
            List.of("public.orders.note: ...", "second warning"));

    @Test
    void startsAtTheResultSet_thenTheUpdateCount_thenNothing() throws SQLException {
        CommandResults results = CommandResults.of(RESULT, null);
        ResultSet resultSet = results.getResultSet();
        assertSame(resultSet, results.getResultSet());
        assertEquals(-1, results.getUpdateCount());
        assertEquals(3_000_000_000L, results.totalRows());

        assertFalse(results.getMoreResults(Statement.CLOSE_CURRENT_RESULT));
        assertTrue(resultSet.isClosed());
        assertNull(results.getResultSet());
        assertEquals(3_000_000_000L, results.getUpdateCount());

        assertFalse(results.getMoreResults(Statement.CLOSE_CURRENT_RESULT));
        assertNull(results.getResultSet());
        assertEquals(-1, results.getUpdateCount());
        assertFalse(results.getMoreResults(Statement.CLOSE_CURRENT_RESULT));
        assertEquals(-1, results.getUpdateCount());
    }

    @Test
    void keepCurrentResultLeavesTheResultSetOpen() throws SQLException {
        CommandResults results = CommandResults.of(RESULT, null);
        ResultSet resultSet = results.getResultSet();
        assertFalse(results.getMoreResults(Statement.KEEP_CURRENT_RESULT));
        assertFalse(resultSet.isClosed());
        assertTrue(resultSet.next());
    }

    @Test
    void skipsToTheUpdateCount_asExecuteUpdateDoes() throws SQLException {
        CommandResults results = CommandResults.of(RESULT, null);
        ResultSet resultSet = results.getResultSet();
        assertEquals(3_000_000_000L, results.skipToUpdateCount());
        assertTrue(resultSet.isClosed());
        assertNull(results.getResultSet());
        assertEquals(3_000_000_000L, results.getUpdateCount());
    }

    @Test
    void theResultSetHasOneRowPerTable() throws SQLException {
        ResultSet rows = CommandResults.of(RESULT, null).getResultSet();
        assertTrue(rows.isBeforeFirst());
        assertEquals(0, rows.getRow());

        assertTrue(rows.next());
        assertTrue(rows.isFirst());
        assertEquals("public.orders", rows.getString("table_name"));
        assertEquals("public.orders", rows.getString(1));
        assertEquals("orders.csv", rows.getString("FILE"));
        assertFalse(rows.wasNull());
        assertEquals(3_000_000_000L, rows.getLong("rows"));
        assertEquals(3_000_000_000L, rows.getLong(3));
        assertEquals(3_000_000_000L, rows.getObject(3));
        assertEquals("3000000000", rows.getString("rows"));
        assertEquals(new BigDecimal(3_000_000_000L), rows.getBigDecimal(3));
        assertEquals(123_456_789, rows.getInt("bytes"));
        assertEquals(123_456_789L, rows.getObject("bytes", Long.class));
        assertEquals(SQLException.class, assertThrows(SQLException.class, () -> rows.getInt(3)).getClass());

        assertTrue(rows.next());
        assertTrue(rows.isLast());
        assertEquals(2, rows.getRow());
        assertEquals("\"odd name\"", rows.getString(1));
        assertNull(rows.getString("file"));
        assertTrue(rows.wasNull());
        assertEquals(0, rows.getLong("rows"));
        assertFalse(rows.wasNull());
        assertEquals(17, rows.getLong(4));

        assertFalse(rows.next());
        assertTrue(rows.isAfterLast());
        assertFalse(rows.next());
        rows.close();
        assertTrue(rows.isClosed());
        assertThrows(SQLException.class, rows::next);
    }

    @Test
    void theResultSetDescribesItsColumns() throws SQLException {
        ResultSet rows = CommandResults.of(RESULT, null).getResultSet();
        for (ResultSetMetaData columns : List.of(rows.getMetaData(), CommandResults.columns())) {
            assertEquals(4, columns.getColumnCount());
            assertEquals(List.of("table_name", "file", "rows", "bytes"),
                    List.of(columns.getColumnLabel(1), columns.getColumnLabel(2), columns.getColumnName(3),
                            columns.getColumnName(4)));
            assertEquals(List.of(Types.VARCHAR, Types.VARCHAR, Types.BIGINT, Types.BIGINT),
                    List.of(columns.getColumnType(1), columns.getColumnType(2), columns.getColumnType(3),
                            columns.getColumnType(4)));
            assertEquals("BIGINT", columns.getColumnTypeName(3));
            assertEquals(Long.class.getName(), columns.getColumnClassName(4));
            assertEquals(String.class.getName(), columns.getColumnClassName(1));
            assertEquals(ResultSetMetaData.columnNullable, columns.isNullable(2));
        }
        assertEquals("public.orders".length(), rows.getMetaData().getColumnDisplaySize(1));
        assertEquals(3, rows.findColumn("ROWS"));
        assertEquals(ResultSet.TYPE_FORWARD_ONLY, rows.getType());
        assertEquals(ResultSet.CONCUR_READ_ONLY, rows.getConcurrency());
    }

    @Test
    void theResultSetRefusesWhatItCannotDo() throws SQLException {
        ResultSet rows = CommandResults.of(RESULT, null).getResultSet();
        assertEquals("24000", assertThrows(SQLException.class, () -> rows.getString(1)).getSQLState());
        rows.next();
        assertEquals("07009", assertThrows(SQLException.class, () -> rows.getString(5)).getSQLState());
        assertEquals("42S22", assertThrows(SQLException.class, () -> rows.getString("nope")).getSQLState());
        assertThrows(SQLFeatureNotSupportedException.class, () -> rows.updateString(1, "x"));
        assertThrows(SQLFeatureNotSupportedException.class, rows::previous);
        assertSame(rows, rows.unwrap(ResultSet.class));
        assertThrows(SQLException.class, () -> rows.unwrap(Statement.class));
    }

    @Test
    void theResultSetGivesTheStatement() throws SQLException {
        Statement statement = StubDriver.reset().newConnection().createStatement();
        assertSame(statement, CommandResults.of(RESULT, statement).getResultSet().getStatement());
        assertNull(CommandResults.of(RESULT, null).getResultSet().getStatement());
    }

    @Test
    void warningsComeFirst_followedByTheStatementsOwn() throws SQLException {
        CommandResults results = CommandResults.of(RESULT, null);
        SQLWarning own = new SQLWarning("the database's warning");
        SQLWarning chain = results.getWarnings(own);
        assertEquals("public.orders.note: ...", chain.getMessage());
        assertEquals("01000", chain.getSQLState());
        assertEquals("second warning", chain.getNextWarning().getMessage());
        assertSame(own, chain.getNextWarning().getNextWarning());
        assertNull(own.getNextWarning());

        SQLWarning again = results.getWarnings(null);
        assertEquals("second warning", again.getNextWarning().getMessage());
        assertNull(again.getNextWarning().getNextWarning());

        results.clearWarnings();
        assertNull(results.getWarnings(null));
        assertSame(own, results.getWarnings(own));
    }

    @Test
    void anEmptyRunHasAnEmptyResultSet() throws SQLException {
        CommandResults results = CommandResults.of(new MigrationResult(Path.of("x"), List.of(), List.of()), null);
        ResultSet rows = results.getResultSet();
        assertFalse(rows.isBeforeFirst());
        assertFalse(rows.next());
        assertNull(results.getWarnings(null));
        results.getMoreResults(Statement.CLOSE_CURRENT_RESULT);
        assertEquals(0, results.getUpdateCount());
        assertInstanceOf(ResultSet.class, rows);
    }
}
