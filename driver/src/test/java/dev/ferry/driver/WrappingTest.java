package dev.ferry.driver;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ferry.core.model.progress.ProgressListener;
import java.sql.CallableStatement;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.SQLWarning;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Everything but Ferry's own statements reaches the database untouched, and nothing leaks the database's objects. */
class WrappingTest {
    private StubDriver stub;
    private Connection connection;

    @BeforeEach
    void connect() throws SQLException {
        stub = StubDriver.reset();
        connection = DriverManager.getConnection("jdbc:ferry:stub:db");
        stub.log.clear();
    }

    @AfterEach
    void close() throws SQLException {
        connection.close();
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "SELECT 1",
        "COPY t FROM STDIN",
        "COPY t TO STDOUT (FORMAT csv)",
        "COPY (SELECT 1) TO PROGRAM 'cat'",
        "COPY t FROM '/srv/data.csv' WITH (FORMAT csv, HEADER true)",
        "copy t (a, b) from '/srv/data.csv' csv header",
        "EXPORT TABLE x",
        "IMPORT FOREIGN SCHEMA s FROM SERVER srv INTO public",
        "/* EXPORT DATABASE 'x' */ SELECT 'EXPORT DATABASE ''y'''",
        "/* unterminated",
    })
    void statementsPassThroughUntouched(String sql) throws SQLException {
        try (Statement statement = connection.createStatement();
                PreparedStatement prepared = connection.prepareStatement(sql);
                CallableStatement call = connection.prepareCall(sql)) {
            statement.execute(sql);
            statement.executeQuery(sql);
            statement.executeUpdate(sql);
            statement.executeUpdate(sql, Statement.RETURN_GENERATED_KEYS);
            statement.executeLargeUpdate(sql, new String[] {"id"});
            statement.addBatch(sql);
            prepared.execute();
            call.executeQuery();
        }
        assertEquals(List.of("createStatement", "prepare " + sql, "prepareCall " + sql,
                "execute " + sql, "executeQuery " + sql, "executeUpdate " + sql, "executeUpdate " + sql,
                "executeLargeUpdate " + sql, "addBatch " + sql, "execute " + sql, "executeQuery " + sql,
                "close statement", "close statement", "close statement"), stub.log);
    }

    @Test
    void resultsOfTheDatabasePassThrough() throws SQLException {
        try (Statement statement = connection.createStatement()) {
            assertTrue(statement.execute("SELECT 1"));
            assertEquals(7, statement.executeUpdate("UPDATE t SET a = 1"));
            assertEquals(7L, statement.executeLargeUpdate("UPDATE t SET a = 1"));
            assertEquals(-1, statement.getUpdateCount());
            assertEquals("stub value", statement.executeQuery("SELECT 1").getString(1));
            assertEquals("SELECT 1", connection.nativeSQL("SELECT 1"));
        }
    }

    @Test
    void theDatabasesErrorsSurfaceUnchanged() throws SQLException {
        try (Statement statement = connection.createStatement()) {
            SQLException error = assertThrows(SQLException.class, () -> statement.executeQuery("FAIL"));
            assertSame(stub.lastFailure, error);
            assertEquals(1234, error.getErrorCode());
        }
        SQLException error = assertThrows(SQLException.class, () -> connection.unwrap(String.class));
        assertEquals("stub: not a wrapper for class java.lang.String", error.getMessage());
    }

    @Test
    void statementsGiveTheFerryConnection() throws SQLException {
        try (Statement statement = connection.createStatement();
                Statement scrollable = connection.createStatement(ResultSet.TYPE_SCROLL_INSENSITIVE,
                        ResultSet.CONCUR_READ_ONLY);
                PreparedStatement prepared = connection.prepareStatement("SELECT ?");
                PreparedStatement withKeys = connection.prepareStatement("INSERT", Statement.RETURN_GENERATED_KEYS);
                CallableStatement call = connection.prepareCall("{call p(?)}");
                PreparedStatement export = connection.prepareStatement("EXPORT DATABASE ?");
                CallableStatement importCall = connection.prepareCall("IMPORT DATABASE 'dir'")) {
            for (Statement each : List.of(statement, scrollable, prepared, withKeys, call, export, importCall)) {
                assertSame(connection, each.getConnection(), each::toString);
            }
        }
    }

    @Test
    void metadataGivesTheFerryConnection_andWrapsItsResults() throws SQLException {
        DatabaseMetaData metaData = connection.getMetaData();
        assertSame(connection, metaData.getConnection());
        assertEquals("jdbc:ferry:stub:metadata", metaData.getURL());

        ResultSet tables = metaData.getTables(null, null, "%", null);
        Statement tablesStatement = tables.getStatement();
        assertNotNull(tablesStatement);
        assertSame(connection, tablesStatement.getConnection());
        assertSame(tablesStatement, tables.getStatement());
        assertInstanceOf(PreparedStatement.class, tablesStatement);

        assertNull(metaData.getSchemas().getStatement());
    }

    @Test
    void resultSetsGiveTheFerryStatement() throws SQLException {
        try (Statement statement = connection.createStatement();
                PreparedStatement prepared = connection.prepareStatement("SELECT ?");
                CallableStatement call = connection.prepareCall("{? = call cursor()}")) {
            assertSame(statement, statement.executeQuery("SELECT 1").getStatement());
            assertTrue(statement.execute("SELECT 1"));
            ResultSet current = statement.getResultSet();
            assertSame(statement, current.getStatement());
            assertSame(current, statement.getResultSet());
            assertSame(statement, statement.getGeneratedKeys().getStatement());

            assertSame(prepared, prepared.executeQuery().getStatement());
            assertSame(call, call.executeQuery().getStatement());
            assertSame(call, ((ResultSet) call.getObject(1)).getStatement());
        }
    }

    @Test
    void metadataThatIsAlsoAResultSetComesBackAsMetadata() throws SQLException {
        try (Statement statement = connection.createStatement();
                PreparedStatement prepared = connection.prepareStatement("SELECT ?")) {
            ResultSetMetaData fromResult = statement.executeQuery("SELECT 1").getMetaData();
            assertEquals(0, fromResult.getColumnCount());
            assertEquals(0, prepared.getMetaData().getColumnCount());
            assertEquals(0, connection.getMetaData().getTables(null, null, "%", null).getMetaData().getColumnCount());
        }
    }

    @Test
    void unwrapReachesTheDatabasesVendorInterfaces() throws SQLException {
        assertTrue(connection.isWrapperFor(StubVendorConnection.class));
        assertEquals("stub", connection.unwrap(StubVendorConnection.class).stubName());
        assertSame(stub.lastConnection, connection.unwrap(StubVendorConnection.class));

        assertTrue(connection.isWrapperFor(FerryConnection.class));
        assertSame(connection, connection.unwrap(FerryConnection.class));
        assertSame(connection, connection.unwrap(Connection.class));
        assertFalse(connection.isWrapperFor(String.class));

        try (Statement statement = connection.createStatement()) {
            assertSame(statement, statement.unwrap(Statement.class));
            assertFalse(statement.isWrapperFor(PreparedStatement.class));
        }
    }

    @Test
    void beginAndEndRequestAreForwarded() throws SQLException {
        connection.beginRequest();
        connection.endRequest();
        assertEquals(List.of("beginRequest", "endRequest"), stub.log);
    }

    @Test
    void proxiesAreEqualOnlyToThemselves() throws SQLException {
        Connection raw = connection.unwrap(StubVendorConnection.class);
        assertEquals(connection, connection);
        assertNotEquals(connection, raw);
        assertNotEquals(raw, connection);
        assertEquals(System.identityHashCode(connection), connection.hashCode());
        assertEquals("Ferry[StubConnection]", connection.toString());
        try (Statement first = connection.createStatement(); Statement second = connection.createStatement()) {
            assertNotEquals(first, second);
            assertNotSame(first.getClass(), raw.getClass());
        }
    }

    @Test
    void warningsAndClosingPassThrough() throws SQLException {
        stub.statementWarning = "stub warning";
        Statement statement = connection.createStatement();
        SQLWarning warning = statement.getWarnings();
        assertEquals("stub warning", warning.getMessage());
        statement.clearWarnings();
        assertNull(statement.getWarnings());
        statement.close();
        assertTrue(statement.isClosed());

        connection.close();
        assertTrue(connection.isClosed());
        assertTrue(stub.lastConnection.isClosed());
    }

    @Test
    void progressListenerIsKeptPerConnection() throws SQLException {
        FerryConnection ferry = connection.unwrap(FerryConnection.class);
        assertSame(ProgressListener.NONE, ferry.getProgressListener());
        ProgressListener listener = new ProgressListener() {
        };
        ferry.setProgressListener(listener);
        assertSame(listener, ferry.getProgressListener());
        ferry.setProgressListener(null);
        assertSame(ProgressListener.NONE, ferry.getProgressListener());
    }
}
