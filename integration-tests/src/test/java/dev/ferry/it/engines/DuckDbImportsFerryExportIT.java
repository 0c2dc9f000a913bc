package dev.ferry.it.engines;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
 * A Ferry export written with {@code DIALECT duckdb}, from each engine, in CSV and in Parquet, loaded by DuckDB's own
 * IMPORT DATABASE on DuckDB's own driver, with no Ferry in between: every row, the keys, the index, the views and
 * the identity's next value.
 */
class DuckDbImportsFerryExportIT {
    @TempDir
    Path temp;

    static Stream<Arguments> sources() {
        List<Arguments> sources = new ArrayList<>();
        for (TestEngine source : TestEngine.values()) {
            for (String format : List.of("csv", "parquet")) {
                sources.add(Arguments.of(source, format));
            }
        }
        return sources.stream();
    }

    @ParameterizedTest(name = "from {0} in {1}")
    @MethodSource("sources")
    void duckDbsOwnImportLoadsAnExportWrittenForIt(TestEngine source, String format) throws Exception {
        Path export = temp.resolve("export");
        try (TestEngine.TestDatabase from = source.create(temp); Connection connection = from.connect();
             Statement statement = connection.createStatement()) {
            SharedSchema.create(connection, source);
            statement.execute("EXPORT DATABASE '" + export + "' (FORMAT " + format + ", DIALECT duckdb)");
        }

        try (Connection duckdb = DriverManager.getConnection("jdbc:duckdb:" + temp.resolve("target.duckdb"));
             Statement statement = duckdb.createStatement()) {
            statement.execute("IMPORT DATABASE '" + export + "'");

            assertEquals(SharedSchema.expected(SharedSchema.CUSTOMERS), SharedSchema.customers(duckdb));
            assertEquals(SharedSchema.expected(SharedSchema.ORDERS), SharedSchema.orders(duckdb));
            assertEquals(SharedSchema.BIG_CUSTOMERS, SharedSchema.bigCustomers(duckdb));
            List<String> indexes = strings(statement, "SELECT index_name FROM duckdb_indexes() WHERE table_name = 'orders'");
            assertTrue(indexes.contains("orders_placed"), () -> "indexes: " + indexes);
            assertEquals(List.of("customers"), strings(statement, "SELECT referenced_table FROM duckdb_constraints()"
                    + " WHERE constraint_type = 'FOREIGN KEY' AND table_name = 'orders'"));

            statement.execute("INSERT INTO customers (name) VALUES ('next')");
            try (ResultSet rs = statement.executeQuery("SELECT id, active FROM customers WHERE name = 'next'")) {
                assertTrue(rs.next());
                assertEquals(SharedSchema.NEXT_CUSTOMER_ID, rs.getLong(1), "the identity's next value");
                assertTrue(rs.getBoolean(2), "the default");
            }
            assertThrows(SQLException.class,
                    () -> statement.execute("INSERT INTO orders (id, customer_id, amount) VALUES (99, 1, -1)"));
            assertThrows(SQLException.class,
                    () -> statement.execute("INSERT INTO orders (id, customer_id, amount) VALUES (98, 777, 1)"));
            assertThrows(SQLException.class,
                    () -> statement.execute("INSERT INTO orders (id, customer_id, amount) VALUES (10, 1, 1)"));
        }
    }

    private static List<String> strings(Statement statement, String sql) throws SQLException {
        List<String> values = new ArrayList<>();
        try (ResultSet rs = statement.executeQuery(sql)) {
            while (rs.next()) {
                values.add(rs.getString(1));
            }
        }
        return values;
    }
}
