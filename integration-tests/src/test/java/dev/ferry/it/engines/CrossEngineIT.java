package dev.ferry.it.engines;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every engine's export imported into every other engine, in CSV and in Parquet: the same schema and data, declared in
 * each source's own SQL, compared row by row in the target, with its keys, identity position, index and views.
 */
class CrossEngineIT {
    @TempDir
    Path temp;

    static Stream<Arguments> pairs() {
        List<Arguments> pairs = new ArrayList<>();
        for (TestEngine source : TestEngine.values()) {
            for (TestEngine target : TestEngine.values()) {
                if (source != target) {
                    for (String format : List.of("csv", "parquet")) {
                        pairs.add(Arguments.of(source, target, format));
                    }
                }
            }
        }
        return pairs.stream();
    }

    @ParameterizedTest(name = "{0} to {1} in {2}")
    @MethodSource("pairs")
    void anExportOfOneEngineImportsIntoAnother(TestEngine source, TestEngine target, String format) throws Exception {
        Path export = temp.resolve("export");
        try (TestEngine.TestDatabase from = source.create(temp); TestEngine.TestDatabase to = target.create(temp)) {
            try (Connection connection = from.connect(); Statement statement = connection.createStatement()) {
                SharedSchema.create(connection, source);
                statement.execute("EXPORT DATABASE '" + export + "' (FORMAT " + format + ")");
            }
            try (Connection connection = to.connect(); Statement statement = connection.createStatement()) {
                statement.execute("IMPORT DATABASE '" + export + "'");

                assertEquals(SharedSchema.expected(SharedSchema.CUSTOMERS), SharedSchema.customers(connection));
                assertEquals(SharedSchema.expected(SharedSchema.ORDERS), SharedSchema.orders(connection));
                assertEquals(SharedSchema.BIG_CUSTOMERS, SharedSchema.bigCustomers(connection));
                assertDecimal(connection, "customers", "balance", 18, 4);
                assertDecimal(connection, "orders", "amount", 12, 2);
                assertEquals(List.of("id"), primaryKey(connection, "orders"));
                assertEquals(List.of("customers"), referencedTables(connection, "orders"));
                assertTrue(indexNames(connection, "orders").contains("orders_placed"),
                        () -> "indexes: " + indexNames(connection, "orders"));

                statement.execute("INSERT INTO customers (name) VALUES ('next')");
                try (ResultSet rs = statement.executeQuery("SELECT id, active FROM customers WHERE name = 'next'")) {
                    assertTrue(rs.next());
                    assertEquals(SharedSchema.NEXT_CUSTOMER_ID, rs.getLong(1), "the identity's next value");
                    assertEquals(true, rs.getBoolean(2), "the default");
                }
                assertRefused(statement, "INSERT INTO orders (id, customer_id, amount) VALUES (99, 1, -1)");
                assertRefused(statement, "INSERT INTO orders (id, customer_id, amount) VALUES (98, 777, 1)");
            }
        }
    }

    static Stream<Arguments> enginePairs() {
        return pairs().filter(arguments -> arguments.get()[2].equals("csv"));
    }

    /** With DIALECT, the scripts are written for the target, which runs them as they are. */
    @ParameterizedTest(name = "{0} for {1}")
    @MethodSource("enginePairs")
    void anExportWrittenForAnotherEngineImportsThereAsWritten(TestEngine source, TestEngine target, String format)
            throws Exception {
        Path export = temp.resolve("export");
        try (TestEngine.TestDatabase from = source.create(temp); TestEngine.TestDatabase to = target.create(temp)) {
            try (Connection connection = from.connect(); Statement statement = connection.createStatement()) {
                SharedSchema.create(connection, source);
                statement.execute("EXPORT DATABASE '" + export + "' (DIALECT " + target.dialect() + ")");
            }
            assertTrue(Files.readString(export.resolve("schema.sql")).contains(" for " + target.dialect() + "."));
            assertTrue(Files.readString(export.resolve("manifest.json")).contains("\"scriptDialect\" : \""
                    + target.dialect() + "\""));
            try (Connection connection = to.connect(); Statement statement = connection.createStatement()) {
                statement.execute("IMPORT DATABASE '" + export + "'");
                assertEquals(SharedSchema.expected(SharedSchema.CUSTOMERS), SharedSchema.customers(connection));
                assertEquals(SharedSchema.expected(SharedSchema.ORDERS), SharedSchema.orders(connection));
                assertEquals(SharedSchema.BIG_CUSTOMERS, SharedSchema.bigCustomers(connection));
            }
        }
    }

    /**
     * SQLite keeps an exact decimal as text (DECIMAL_TEXT), and compares such a column with a number as text, where
     * {@code '10.00' >= 5} is false: the imported check compares numbers.
     */
    @org.junit.jupiter.api.Test
    void aCheckOnAnExactDecimalComparesNumbersInSqlite() throws Exception {
        Path export = temp.resolve("export");
        try (TestEngine.TestDatabase from = TestEngine.H2.create(temp);
             TestEngine.TestDatabase to = TestEngine.SQLITE.create(temp)) {
            try (Connection connection = from.connect(); Statement statement = connection.createStatement()) {
                statement.execute("CREATE TABLE prices (id INTEGER PRIMARY KEY,"
                        + " amount DECIMAL(12,2) CHECK (amount >= 5))");
                statement.execute("INSERT INTO prices VALUES (1, 12.50)");
                statement.execute("EXPORT DATABASE '" + export + "'");
            }
            try (Connection connection = to.connect(); Statement statement = connection.createStatement()) {
                statement.execute("IMPORT DATABASE '" + export + "'");
                statement.execute("INSERT INTO prices VALUES (2, '10.00')");
                assertRefused(statement, "INSERT INTO prices VALUES (3, '4.99')");
                try (ResultSet rs = statement.executeQuery("SELECT typeof(amount), amount FROM prices ORDER BY id")) {
                    assertTrue(rs.next());
                    assertEquals("text", rs.getString(1));
                    assertEquals("12.50", rs.getString(2));
                }
            }
        }
    }

    @org.junit.jupiter.api.Test
    void anUnknownDialectIsRefusedBeforeAnythingIsWritten() throws Exception {
        Path export = temp.resolve("export");
        try (TestEngine.TestDatabase database = TestEngine.H2.create(temp); Connection connection = database.connect();
             Statement statement = connection.createStatement()) {
            SQLException refused = org.junit.jupiter.api.Assertions.assertThrows(SQLException.class,
                    () -> statement.execute("EXPORT DATABASE '" + export + "' (DIALECT oracle)"));
            assertEquals("22023", refused.getSQLState());
            assertTrue(refused.getMessage().contains("postgresql"), refused.getMessage());
            assertTrue(Files.notExists(export));
        }
    }

    private static void assertRefused(Statement statement, String sql) {
        try {
            statement.execute(sql);
        } catch (SQLException expected) {
            return;
        }
        throw new AssertionError("accepted: " + sql);
    }

    private static void assertDecimal(Connection connection, String table, String column, int precision, int scale)
            throws SQLException {
        if ("SQLite".equals(connection.getMetaData().getDatabaseProductName())) {
            // Xerial's getColumns reports DECIMAL(18,4) with COLUMN_SIZE 22 (precision plus scale): the declared type.
            try (Statement statement = connection.createStatement(); ResultSet rs = statement.executeQuery(
                    "SELECT type FROM pragma_table_info('" + table + "') WHERE name = '" + column + "'")) {
                assertTrue(rs.next(), table + "." + column);
                assertEquals("DECIMAL_TEXT(" + precision + "," + scale + ")", rs.getString(1), table + "." + column);
            }
            return;
        }
        try (ResultSet rs = connection.getMetaData().getColumns(connection.getCatalog(), null, find(connection, table),
                find(connection, column))) {
            assertTrue(rs.next(), table + "." + column);
            assertEquals(precision, rs.getInt("COLUMN_SIZE"), table + "." + column + " precision");
            assertEquals(scale, rs.getInt("DECIMAL_DIGITS"), table + "." + column + " scale");
        }
    }

    private static List<String> primaryKey(Connection connection, String table) throws SQLException {
        List<String> columns = new ArrayList<>();
        try (ResultSet rs = connection.getMetaData().getPrimaryKeys(connection.getCatalog(), null,
                find(connection, table))) {
            while (rs.next()) {
                columns.add(rs.getString("COLUMN_NAME").toLowerCase(Locale.ROOT));
            }
        }
        return columns;
    }

    private static List<String> referencedTables(Connection connection, String table) throws SQLException {
        List<String> tables = new ArrayList<>();
        try (ResultSet rs = connection.getMetaData().getImportedKeys(connection.getCatalog(), null,
                find(connection, table))) {
            while (rs.next()) {
                tables.add(rs.getString("PKTABLE_NAME").toLowerCase(Locale.ROOT));
            }
        } catch (java.sql.SQLFeatureNotSupportedException duckDbsDriver) {
            try (Statement statement = connection.createStatement(); ResultSet rs = statement.executeQuery(
                    "SELECT referenced_table FROM duckdb_constraints() WHERE constraint_type = 'FOREIGN KEY'"
                            + " AND table_name = '" + table + "'")) {
                while (rs.next()) {
                    tables.add(rs.getString(1).toLowerCase(Locale.ROOT));
                }
            }
        }
        return tables;
    }

    private static List<String> indexNames(Connection connection, String table) {
        List<String> names = new ArrayList<>();
        try (ResultSet rs = connection.getMetaData().getIndexInfo(connection.getCatalog(), null,
                find(connection, table), false, false)) {
            while (rs.next()) {
                if (rs.getString("INDEX_NAME") != null) {
                    names.add(rs.getString("INDEX_NAME").toLowerCase(Locale.ROOT));
                }
            }
        } catch (SQLException e) {
            throw new AssertionError(e);
        }
        return names;
    }

    /** A name as the engine stores it when written without quotes. */
    private static String find(Connection connection, String name) throws SQLException {
        DatabaseMetaData metaData = connection.getMetaData();
        return metaData.storesUpperCaseIdentifiers() ? name.toUpperCase(Locale.ROOT) : name;
    }
}
