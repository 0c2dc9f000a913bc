package dev.ferry.it.engines;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Directories written by DuckDB's own EXPORT DATABASE, made here by DuckDB itself, imported by Ferry into each engine:
 * among them one DuckDB cannot import again, because its schema.sql creates a view before the view it reads.
 */
class DuckDbOwnExportIT {
    @TempDir
    Path temp;

    static Stream<Arguments> targets() {
        List<Arguments> targets = new ArrayList<>();
        for (TestEngine target : TestEngine.values()) {
            // DuckDB writes COMPRESSION zstd into a file named .csv, which load.sql's COMPRESSION 'zstd' alone tells.
            for (String format : List.of("csv", "csv, COMPRESSION zstd", "parquet")) {
                targets.add(Arguments.of(target, format));
            }
        }
        return targets.stream();
    }

    @ParameterizedTest(name = "into {0} in {1}")
    @MethodSource("targets")
    void aDuckDbExportImportsWithItsViewsInOrder(TestEngine target, String format) throws Exception {
        Path export = temp.resolve("duckdb-export");
        try (Connection duckdb = DriverManager.getConnection("jdbc:duckdb:" + temp.resolve("source.duckdb"));
             Statement statement = duckdb.createStatement()) {
            SharedSchema.create(duckdb, TestEngine.DUCKDB);
            statement.execute("CREATE VIEW b_base AS SELECT id AS x FROM customers");
            statement.execute("CREATE VIEW a_top AS SELECT x FROM b_base WHERE x > 1");
            statement.execute("EXPORT DATABASE '" + export + "' (FORMAT " + format + ")");
        }
        assertTrue(Files.notExists(export.resolve("manifest.json")));
        assertTrue(Files.readString(export.resolve("schema.sql")).indexOf("a_top")
                < Files.readString(export.resolve("schema.sql")).indexOf("b_base"), "DuckDB writes views by name");
        try (Connection duckdb = DriverManager.getConnection("jdbc:duckdb:");
             Statement statement = duckdb.createStatement()) {
            assertThrows(SQLException.class, () -> statement.execute("IMPORT DATABASE '" + export + "'"),
                    "DuckDB cannot import its own export of a view on a later-named view");
        }

        try (TestEngine.TestDatabase database = target.create(temp); Connection connection = database.connect();
             Statement statement = connection.createStatement()) {
            statement.execute("IMPORT DATABASE '" + export + "'");

            assertEquals(SharedSchema.expected(SharedSchema.CUSTOMERS), SharedSchema.customers(connection));
            assertEquals(SharedSchema.expected(SharedSchema.ORDERS), SharedSchema.orders(connection));
            assertEquals(SharedSchema.BIG_CUSTOMERS, SharedSchema.bigCustomers(connection));
            List<Long> top = new ArrayList<>();
            try (ResultSet rs = statement.executeQuery("SELECT x FROM a_top ORDER BY x")) {
                while (rs.next()) {
                    top.add(rs.getLong(1));
                }
            }
            assertEquals(List.of(2L, 3L, 4L), top);
            statement.execute("INSERT INTO customers (name) VALUES ('next')");
            try (ResultSet rs = statement.executeQuery("SELECT id FROM customers WHERE name = 'next'")) {
                assertTrue(rs.next());
                assertEquals(SharedSchema.NEXT_CUSTOMER_ID, rs.getLong(1), "the sequence's position");
            }
        }
    }

    /** A DuckDB export with a second schema: its tables, keys and views land in the same schema of the target. */
    @ParameterizedTest(name = "into {0} in {1}")
    @MethodSource("targets")
    void aDuckDbExportWithSeveralSchemasImports(TestEngine target, String format) throws Exception {
        Path export = temp.resolve("duckdb-export");
        try (Connection duckdb = DriverManager.getConnection("jdbc:duckdb:" + temp.resolve("source.duckdb"));
             Statement statement = duckdb.createStatement()) {
            SharedSchema.create(duckdb, TestEngine.DUCKDB);
            statement.execute("CREATE SCHEMA sales");
            statement.execute("CREATE TABLE sales.regions (code VARCHAR(10) PRIMARY KEY, name VARCHAR NOT NULL)");
            statement.execute("CREATE TABLE sales.targets (code VARCHAR(10) REFERENCES sales.regions (code),"
                    + " amount DECIMAL(18,4))");
            statement.execute("INSERT INTO sales.regions VALUES ('N', 'North'), ('S', 'Süd')");
            statement.execute("INSERT INTO sales.targets VALUES ('N', 12345678901234.5678), ('S', NULL)");
            statement.execute("CREATE VIEW sales.region_targets AS SELECT r.name, t.amount FROM sales.regions r"
                    + " JOIN sales.targets t ON t.code = r.code");
            statement.execute("EXPORT DATABASE '" + export + "' (FORMAT " + format + ")");
        }
        try (TestEngine.TestDatabase database = target.create(temp); Connection connection = database.connect();
             Statement statement = connection.createStatement()) {
            // On MariaDB a schema is a database of the server, outside the test's own database.
            String dropSales = target == TestEngine.MARIADB ? "DROP DATABASE IF EXISTS sales" : null;
            try {
                importSeveralSchemas(target, export, connection, statement, dropSales);
            } finally {
                if (dropSales != null) {
                    statement.execute(dropSales);
                }
            }
        }
    }

    private static void importSeveralSchemas(TestEngine target, Path export, Connection connection,
                                             Statement statement, String dropSales) throws SQLException {
        if (dropSales != null) {
            statement.execute(dropSales);
        }
        statement.execute("IMPORT DATABASE '" + export + "'");
        assertEquals(SharedSchema.expected(SharedSchema.CUSTOMERS), SharedSchema.customers(connection));
        // SQLite has no schemas: the export's are merged into its one, with a warning.
        String sales = target == TestEngine.SQLITE ? "" : "sales.";
        List<String> targets = new ArrayList<>();
        try (ResultSet rs = statement.executeQuery("SELECT name, amount FROM " + sales + "region_targets ORDER BY name")) {
            while (rs.next()) {
                targets.add(rs.getString(1) + "=" + rs.getString(2));
            }
        }
        assertEquals(List.of("North=12345678901234.5678", "Süd=null"), targets);
        assertThrows(SQLException.class, () -> statement.execute("INSERT INTO " + sales + "targets VALUES ('W', 1)"),
                "the foreign key within the schema");
    }
}
