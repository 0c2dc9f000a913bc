package dev.ferry.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

/** The database the Spark tests move: made on a server, and compared with its copies row by row. */
final class SampleDatabase {
    /** The rows of table orders, split into five chunks by CHUNK_ROWS 1000. */
    static final int ORDERS = 5000;

    private SampleDatabase() {
    }

    /** A database holding customers, orders (split into chunks by CHUNK_ROWS 1000), a foreign key and a view. */
    static JdbcSource create(Servers server, String name) throws SQLException {
        JdbcSource source = server.freshDatabase(name);
        try (Connection connection = source.open(); Statement statement = connection.createStatement()) {
            if (server == Servers.POSTGRES) {
                statement.execute("CREATE TABLE customers (id integer PRIMARY KEY, name text NOT NULL, born date,"
                        + " balance numeric(12,2), tags text[], id_text uuid)");
                statement.execute("INSERT INTO customers SELECT n, 'customer ' || n || ' ''quoted'', \"x\"',"
                        + " DATE '1950-01-01' + n, n * 1.25, ARRAY['a' || n, NULL], md5(n::text)::uuid"
                        + " FROM generate_series(1, 300) n");
                statement.execute("CREATE TABLE orders (id bigint PRIMARY KEY, customer_id integer REFERENCES"
                        + " customers (id), placed timestamptz, amount double precision, note text)");
                statement.execute("INSERT INTO orders SELECT n, 1 + n % 300, TIMESTAMPTZ '2024-01-01 00:00:00+00'"
                        + " + n * INTERVAL '37 minutes 0.123456 seconds', n / 7.0, CASE WHEN n % 10 = 0 THEN NULL"
                        + " ELSE 'line 1' || chr(10) || 'line, 2 ' || n END FROM generate_series(1, " + ORDERS + ") n");
                statement.execute("ANALYZE");
            } else {
                statement.execute("CREATE TABLE customers (id INT PRIMARY KEY, name VARCHAR(100) NOT NULL, born DATE,"
                        + " balance DECIMAL(12,2))");
                statement.execute("INSERT INTO customers SELECT seq, CONCAT('customer ', seq, ' ''quoted'', \"x\"'),"
                        + " DATE '1950-01-01' + INTERVAL seq DAY, seq * 1.25 FROM seq_1_to_300");
                statement.execute("CREATE TABLE orders (id BIGINT PRIMARY KEY, customer_id INT, placed DATETIME(6),"
                        + " amount DOUBLE, note TEXT, FOREIGN KEY (customer_id) REFERENCES customers (id))");
                statement.execute("INSERT INTO orders SELECT seq, 1 + seq % 300, TIMESTAMP '2024-01-01 00:00:00'"
                        + " + INTERVAL seq * 37 MINUTE + INTERVAL 123456 MICROSECOND, seq / 7.0, CASE WHEN seq % 10 = 0"
                        + " THEN NULL ELSE CONCAT('line 1', CHAR(10), 'line, 2 ', seq) END FROM seq_1_to_" + ORDERS);
                statement.execute("ANALYZE TABLE customers, orders");
            }
            statement.execute("CREATE VIEW big_spenders AS SELECT c.name, COUNT(*) AS orders, SUM(o.id) AS ids FROM"
                    + " customers c JOIN orders o ON o.customer_id = c.id GROUP BY c.name HAVING SUM(o.id) > 40000");
        }
        return source;
    }

    /** A connection through Ferry's driver ({@code jdbc:ferry:}) to {@code database}. */
    static Connection ferry(JdbcSource database) throws SQLException {
        Properties info = new Properties();
        info.putAll(database.properties());
        return DriverManager.getConnection("jdbc:ferry:" + database.url().substring("jdbc:".length()), info);
    }

    /** Every table's and view's rows, in key order, each value as the driver gives it as text, same in both. */
    static void assertSameRows(Servers server, JdbcSource expected, JdbcSource actual) throws SQLException {
        List<String> relations = relations(server, expected);
        assertEquals(relations, relations(server, actual));
        assertTrue(relations.contains("big_spenders") && relations.contains("orders"), relations.toString());
        for (String relation : relations) {
            assertEquals(rows(expected, relation), rows(actual, relation), relation);
        }
    }

    private static List<List<String>> rows(JdbcSource database, String relation) throws SQLException {
        List<List<String>> rows = new ArrayList<>();
        try (Connection connection = database.open(); Statement statement = connection.createStatement();
             ResultSet result = statement.executeQuery("SELECT * FROM " + relation + " ORDER BY 1")) {
            int columns = result.getMetaData().getColumnCount();
            while (result.next()) {
                List<String> row = new ArrayList<>();
                for (int i = 1; i <= columns; i++) {
                    row.add(result.getString(i));
                }
                rows.add(row);
            }
        }
        assertFalse(rows.isEmpty(), relation + " has rows");
        return rows;
    }

    /** The tables of {@code database}'s own schema, by name. */
    static List<String> tables(Servers server, JdbcSource database) throws SQLException {
        return relations(server, database, new String[] {"TABLE"});
    }

    private static List<String> relations(Servers server, JdbcSource database) throws SQLException {
        return relations(server, database, new String[] {"TABLE", "VIEW"});
    }

    private static List<String> relations(Servers server, JdbcSource database, String[] types) throws SQLException {
        List<String> names = new ArrayList<>();
        try (Connection connection = database.open()) {
            DatabaseMetaData metaData = connection.getMetaData();
            String catalog = server == Servers.MARIADB ? connection.getCatalog() : null;
            String schema = server == Servers.POSTGRES ? "public" : null;
            try (ResultSet tables = metaData.getTables(catalog, schema, "%", types)) {
                while (tables.next()) {
                    names.add(tables.getString("TABLE_NAME"));
                }
            }
        }
        names.sort(null);
        return names;
    }
}
