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
import java.nio.file.Path;
import java.sql.CallableStatement;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.Types;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** EXPORT DATABASE and IMPORT DATABASE as prepared statements, with the directory as a parameter. */
class CommandPreparedStatementTest {
    private final RecordingEngine engine = new RecordingEngine();
    private StubDriver stub;
    private FerryConnection connection;

    @BeforeEach
    void setUp() {
        stub = assertDoesNotThrowReset();
        connection = ConnectionHandler.wrap(stub.newConnection(), engine);
        engine.result = new MigrationResult(Path.of("out"), List.of(new TableOutcome("t", "t.csv", 4, 40)),
                List.of());
    }

    private static StubDriver assertDoesNotThrowReset() {
        try {
            return StubDriver.reset();
        } catch (SQLException e) {
            throw new AssertionError(e);
        }
    }

    @AfterEach
    void tearDown() throws SQLException {
        connection.close();
    }

    @Test
    void bindsTheDirectoryAndRuns() throws SQLException {
        try (PreparedStatement export = connection.prepareStatement("EXPORT DATABASE ? (HEADER false)")) {
            export.setString(1, "target/first");
            assertTrue(export.execute());
            ResultSet rows = export.getResultSet();
            assertSame(export, rows.getStatement());
            assertTrue(rows.next());
            assertEquals("t", rows.getString("table_name"));
            assertFalse(export.getMoreResults());
            assertEquals(4, export.getUpdateCount());
            assertFalse(export.getMoreResults());
            assertEquals(-1, export.getUpdateCount());

            export.setObject(1, Path.of("target/second"));
            assertEquals(4, export.executeUpdate());
            export.setNString(1, "target/third");
            assertEquals(4L, export.executeLargeUpdate());
            assertSame(export, export.executeQuery().getStatement());
        }
        assertEquals(List.of(Path.of("target/first"), Path.of("target/second"), Path.of("target/third"),
                Path.of("target/third")), engine.calls.stream().map(RecordingEngine.Call::directory).toList());
        assertFalse(engine.calls.get(0).options().header());
        assertEquals(List.of("createStatement", "close statement"), stub.log);
    }

    @Test
    void aMissingParameterIsAnInvalidParameter() throws SQLException {
        try (PreparedStatement export = connection.prepareStatement("EXPORT DATABASE ?")) {
            assertEquals("22023", assertThrows(SQLException.class, export::execute).getSQLState());
            export.setString(1, "x");
            export.clearParameters();
            assertEquals("22023", assertThrows(SQLException.class, export::executeUpdate).getSQLState());
            export.setString(1, "x");
            export.setNull(1, Types.VARCHAR);
            assertEquals("22023", assertThrows(SQLException.class, export::executeQuery).getSQLState());
            assertEquals("22023", assertThrows(SQLException.class, () -> export.setString(2, "y")).getSQLState());
        }
        assertTrue(engine.calls.isEmpty());
    }

    @Test
    void withoutParametersItRunsToo() throws SQLException {
        try (PreparedStatement export = connection.prepareStatement("EXPORT DATABASE 'target/literal'",
                PreparedStatement.RETURN_GENERATED_KEYS)) {
            assertEquals(4, export.executeUpdate());
        }
        assertEquals(Path.of("target/literal"), engine.onlyCall().directory());
    }

    @Test
    void prepareCallGivesACallableStatement() throws SQLException {
        try (CallableStatement call = connection.prepareCall("IMPORT DATABASE ?")) {
            call.setString(1, "target/in");
            assertTrue(call.execute());
            assertSame(connection, call.getConnection());
            assertThrows(SQLFeatureNotSupportedException.class, () -> call.registerOutParameter(1, Types.VARCHAR));
            assertThrows(SQLFeatureNotSupportedException.class, () -> call.setString("dir", "x"));
        }
        assertEquals("import", engine.onlyCall().action());
        assertEquals(Path.of("target/in"), engine.onlyCall().directory());
    }

    @Test
    void refusesWhatMakesNoSense() throws SQLException {
        try (PreparedStatement export = connection.prepareStatement("EXPORT DATABASE ?")) {
            assertThrows(SQLFeatureNotSupportedException.class, export::addBatch);
            assertThrows(SQLFeatureNotSupportedException.class, () -> export.setInt(1, 1));
            assertThrows(SQLFeatureNotSupportedException.class, export::getParameterMetaData);
            assertThrows(SQLFeatureNotSupportedException.class, () -> export.execute("SELECT 1"));
            assertThrows(SQLFeatureNotSupportedException.class, () -> export.executeQuery("EXPORT DATABASE 'x'"));
            assertThrows(SQLFeatureNotSupportedException.class, () -> export.addBatch("SELECT 1"));
        }
        assertTrue(engine.calls.isEmpty());
        assertEquals(List.of("createStatement", "close statement"), stub.log);
    }

    @Test
    void describesItsResultBeforeRunning() throws SQLException {
        try (PreparedStatement export = connection.prepareStatement("EXPORT DATABASE ?")) {
            ResultSetMetaData columns = export.getMetaData();
            assertEquals(4, columns.getColumnCount());
            assertEquals("rows", columns.getColumnLabel(3));
        }
    }

    @Test
    void behavesAsAStatementOtherwise() throws SQLException {
        PreparedStatement export = connection.prepareStatement("EXPORT DATABASE ?");
        assertSame(connection, export.getConnection());
        export.setQueryTimeout(5);
        assertNull(export.getWarnings());
        assertSame(export, export.unwrap(PreparedStatement.class));
        assertInstanceOf(PreparedStatement.class, export);
        assertFalse(export instanceof CallableStatement);

        export.setString(1, "x");
        ResultSet rows = export.executeQuery();
        export.close();
        assertTrue(export.isClosed());
        assertTrue(rows.isClosed());
        assertThrows(SQLException.class, export::execute);
        assertEquals(1, engine.calls.size());
    }
}
