package dev.ferry.it.hadoop;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Properties;
import java.util.UUID;

/** A small H2 database to carry through a Hadoop file system and back, and ways to compare what arrived. */
final class HadoopSample {
    /** The tables and the queries that read them, ordered. */
    static final List<String> QUERIES = List.of("SELECT * FROM customer ORDER BY id", "SELECT * FROM orders ORDER BY id");

    private HadoopSample() {
    }

    /** A Ferry URL for a new, empty in-memory H2 database that lives until the JVM ends. */
    static String newH2Url() {
        return "jdbc:ferry:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
    }

    /** A Ferry connection to a new, empty H2 database with {@code properties} ({@code ferry.hadoop.*}). */
    static Connection newH2(Properties properties) throws SQLException {
        return DriverManager.getConnection(newH2Url(), properties);
    }

    /** Two tables, a foreign key, awkward values (NULL and '', quotes, newlines, unicode, 38 digits, binary). */
    static void create(Connection connection) throws SQLException {
        execute(connection,
                "CREATE TABLE customer (id INT PRIMARY KEY, name VARCHAR(40), balance DECIMAL(38, 10),"
                        + " joined TIMESTAMP(6), photo VARBINARY(16), score DOUBLE PRECISION)",
                "CREATE TABLE orders (id INT PRIMARY KEY, customer_id INT REFERENCES customer (id), note VARCHAR(100))",
                "INSERT INTO customer VALUES"
                        + " (1, 'Ada \"quoted\", comma', 1234567890123456789012345678.0123456789,"
                        + " TIMESTAMP '2024-01-02 03:04:05.123456', X'00ff10', -0.0),"
                        + " (2, '', NULL, NULL, X'', 1e308),"
                        + " (3, NULL, -1, TIMESTAMP '1969-12-31 23:59:59.999999', NULL, NULL),"
                        + " (4, 'Ünïcödé 😀 𝄞' || CHAR(10) || 'second line', 0, NULL, NULL, 0.1)",
                "INSERT INTO orders SELECT x, 1 + MOD(x, 4), 'order ' || x FROM SYSTEM_RANGE(1, 300)");
    }

    /** Every row of every table, values made comparable (binary as hex, doubles by their bits). */
    static List<List<Object>> contents(Connection connection) throws SQLException {
        List<List<Object>> rows = new ArrayList<>();
        for (String query : QUERIES) {
            rows.addAll(rows(connection, query));
        }
        return rows;
    }

    static List<List<Object>> rows(Connection connection, String sql) throws SQLException {
        List<List<Object>> rows = new ArrayList<>();
        try (Statement statement = connection.createStatement(); ResultSet rs = statement.executeQuery(sql)) {
            int n = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                List<Object> row = new ArrayList<>();
                for (int i = 1; i <= n; i++) {
                    Object value = rs.getObject(i);
                    if (value instanceof byte[] bytes) {
                        value = "0x" + HexFormat.of().formatHex(bytes);
                    } else if (value instanceof Double d) {
                        value = "double:" + Double.doubleToRawLongBits(d);
                    } else if (value instanceof java.math.BigDecimal decimal) {
                        value = decimal.stripTrailingZeros().toPlainString();
                    }
                    row.add(value == null ? null : value.toString());
                }
                rows.add(row);
            }
        }
        return rows;
    }

    static void execute(Connection connection, String... statements) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            for (String sql : statements) {
                statement.execute(sql);
            }
        }
    }
}
