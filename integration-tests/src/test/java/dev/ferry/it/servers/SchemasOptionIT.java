package dev.ferry.it.servers;

import static dev.ferry.it.servers.ServerQueries.execute;
import static dev.ferry.it.servers.ServerQueries.rows;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.SQLWarning;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * EXPORT DATABASE (SCHEMAS ...) on PostgreSQL and H2 exports only the schemas named: the other schema's tables, views,
 * sequences and routines are absent from the export and from the copy; a foreign key into it is left out with a
 * warning; an unknown schema is refused, naming the existing ones.
 */
class SchemasOptionIT {

    @TempDir
    Path temp;

    @Test
    void postgresExportsOnlyTheSchemaNamed() throws Exception {
        TestServer server = TestServer.postgres();
        String sourceDb = server.createDatabase();
        String targetDb = server.createDatabase();
        Path dir = temp.resolve("pg");
        try (Connection source = server.connectFerry(sourceDb); Connection target = server.connectFerry(targetDb)) {
            execute(source,
                    "CREATE SCHEMA sales", "CREATE SCHEMA hr",
                    "CREATE TABLE hr.people (id INT PRIMARY KEY, name TEXT)",
                    "CREATE SEQUENCE hr.people_ids",
                    "CREATE FUNCTION hr.headcount() RETURNS BIGINT LANGUAGE sql AS 'SELECT COUNT(*) FROM hr.people'",
                    "CREATE VIEW hr.names AS SELECT name FROM hr.people",
                    "CREATE SEQUENCE sales.order_ids START 50",
                    "CREATE TABLE sales.orders (id INT PRIMARY KEY DEFAULT nextval('sales.order_ids'), seller INT"
                            + " REFERENCES hr.people (id), total NUMERIC(10, 2))",
                    "CREATE VIEW sales.big AS SELECT id, total FROM sales.orders WHERE total > 10",
                    "CREATE FUNCTION sales.twice(x INT) RETURNS INT LANGUAGE sql AS 'SELECT x * 2'",
                    "CREATE TABLE public.elsewhere (x INT)",
                    "INSERT INTO hr.people VALUES (1, 'Ann')",
                    "INSERT INTO sales.orders (seller, total) VALUES (1, 12.5), (NULL, 3)");
            List<String> warnings;
            try (Statement s = source.createStatement()) {
                assertEquals(2, s.executeUpdate("EXPORT DATABASE '" + dir + "' (SCHEMAS 'sales')"));
                warnings = messages(s.getWarnings());
            }
            assertTrue(warnings.stream().anyMatch(w -> w.startsWith("Foreign key orders_seller_fkey on sales.orders"
                    + " refers to hr.people in a schema that is not exported")), warnings.toString());
            String scripts = Files.readString(dir.resolve("schema.sql"), StandardCharsets.UTF_8)
                    + Files.readString(dir.resolve("load.sql"), StandardCharsets.UTF_8)
                    + Files.readString(dir.resolve("post-data.sql"), StandardCharsets.UTF_8);
            assertFalse(scripts.contains("hr") || scripts.contains("elsewhere"), scripts);
            assertTrue(scripts.contains("CREATE SCHEMA IF NOT EXISTS \"sales\""), scripts);
            try (var files = Files.walk(dir)) {
                assertEquals(List.of("data/sales.orders/part-0001.csv", "load.sql", "manifest.json", "post-data.sql",
                                "schema.json", "schema.sql"), files.filter(Files::isRegularFile)
                        .map(f -> dir.relativize(f).toString()).sorted().toList());
            }
            assertTrue(Files.readString(dir.resolve("manifest.json")).replaceAll("\\s", "")
                    .contains("\"schemas\":[\"sales\"]"));

            try (Statement s = target.createStatement()) {
                assertEquals(2, s.executeUpdate("IMPORT DATABASE '" + dir + "'"));
            }
            assertEquals(List.of(List.of("sales", "big"), List.of("sales", "orders")),
                    rows(target, "SELECT table_schema, table_name FROM information_schema.tables"
                            + " WHERE table_schema NOT IN ('pg_catalog', 'information_schema') ORDER BY 1, 2"));
            assertEquals(List.of(List.of("sales", "twice")), rows(target, "SELECT routine_schema, routine_name"
                    + " FROM information_schema.routines WHERE routine_schema NOT IN ('pg_catalog', 'information_schema')"));
            assertEquals(List.of(List.of("sales", "order_ids")), rows(target, "SELECT sequence_schema, sequence_name"
                    + " FROM information_schema.sequences"));
            String orders = "SELECT * FROM sales.orders ORDER BY id";
            assertEquals(rows(source, orders), rows(target, orders));
            assertEquals(List.of(List.of("52")), rows(target, "SELECT nextval('sales.order_ids')"));

            SQLException unknown = assertThrows(SQLException.class, () -> execute(source,
                    "EXPORT DATABASE '" + temp.resolve("none") + "' (SCHEMAS 'sales,nope')"));
            assertEquals("22023", unknown.getSQLState());
            assertTrue(unknown.getMessage().contains("SCHEMAS names nope, which is not a schema of this postgresql"
                    + " server; its schemas are: hr, public, sales"), unknown.getMessage());
            assertFalse(Files.exists(temp.resolve("none")));
        } finally {
            server.dropDatabase(sourceDb);
            server.dropDatabase(targetDb);
        }
    }

    @Test
    void h2ExportsOnlyTheSchemasNamed_inAnyCase() throws Exception {
        Path dir = temp.resolve("h2");
        String url = "jdbc:ferry:h2:mem:schemas_source;DB_CLOSE_DELAY=-1";
        try (Connection source = DriverManager.getConnection(url);
             Connection target = DriverManager.getConnection("jdbc:ferry:h2:mem:schemas_target")) {
            execute(source, "CREATE SCHEMA SALES", "CREATE SCHEMA HR", "CREATE SCHEMA \"Mixed\"",
                    "CREATE TABLE HR.PEOPLE (ID INT PRIMARY KEY)", "CREATE SEQUENCE HR.S",
                    "CREATE TABLE SALES.ORDERS (ID INT PRIMARY KEY, TOTAL DECIMAL(10, 2))",
                    "CREATE TABLE \"Mixed\".T (X INT)", "CREATE VIEW HR.V AS SELECT * FROM HR.PEOPLE",
                    "INSERT INTO SALES.ORDERS VALUES (1, 2.5)", "INSERT INTO \"Mixed\".T VALUES (7)",
                    "INSERT INTO HR.PEOPLE VALUES (1)");
            try (Statement s = source.createStatement()) {
                assertEquals(2, s.executeUpdate("EXPORT DATABASE '" + dir + "' (SCHEMAS 'sales, Mixed')"));
            }
            try (Statement s = target.createStatement()) {
                s.execute("IMPORT DATABASE '" + dir + "'");
            }
            assertEquals(List.of(List.of("Mixed", "T"), List.of("SALES", "ORDERS")), rows(target,
                    "SELECT TABLE_SCHEMA, TABLE_NAME FROM INFORMATION_SCHEMA.TABLES"
                            + " WHERE TABLE_SCHEMA NOT IN ('INFORMATION_SCHEMA') ORDER BY 1, 2"));
            assertEquals(List.of(), rows(target, "SELECT * FROM INFORMATION_SCHEMA.SEQUENCES"));
            assertEquals(rows(source, "SELECT * FROM SALES.ORDERS"), rows(target, "SELECT * FROM SALES.ORDERS"));
            assertFalse(Files.readString(dir.resolve("schema.sql")).contains("HR"));
        } finally {
            try (Connection c = DriverManager.getConnection("jdbc:h2:mem:schemas_source")) {
                execute(c, "SHUTDOWN");
            }
        }
    }

    private static List<String> messages(SQLWarning warning) {
        List<String> messages = new ArrayList<>();
        for (SQLWarning w = warning; w != null; w = w.getNextWarning()) {
            messages.add(w.getMessage());
        }
        return messages;
    }
}
