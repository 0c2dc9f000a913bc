package dev.ferry.it.servers;

import static dev.ferry.it.servers.ServerQueries.assertSameRows;
import static dev.ferry.it.servers.ServerQueries.execute;
import static dev.ferry.it.servers.ServerQueries.rows;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLWarning;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * EXPORT DATABASE's TABLES and EXCLUDE_TABLES (names and patterns, with and without schemas), SCHEMA_ONLY and
 * DATA_ONLY on PostgreSQL and MariaDB, through the JDBC driver: what an import of each export creates and loads,
 * compared with the source, and a schema-only export followed by a data-only one giving the source's rows.
 */
class TableSelectionIT {

    @TempDir
    Path temp;

    /**
     * sales: customers, orders (serial key, a key into customers, an index, a trigger), order_lines, audit_log (serial
     * key, a trigger), a view on orders; hr: orders, people.
     */
    private static void postgresShop(Connection connection) throws SQLException {
        execute(connection,
                "CREATE SCHEMA sales", "CREATE SCHEMA hr",
                "CREATE TABLE sales.customers (id INT PRIMARY KEY, name TEXT)",
                "CREATE TABLE sales.orders (id SERIAL PRIMARY KEY, customer_id INT REFERENCES sales.customers (id),"
                        + " total NUMERIC(10, 2))",
                "CREATE INDEX orders_total ON sales.orders (total)",
                "CREATE TABLE sales.order_lines (order_id INT REFERENCES sales.orders (id), line INT,"
                        + " PRIMARY KEY (order_id, line))",
                "CREATE TABLE sales.audit_log (id SERIAL PRIMARY KEY, note TEXT)",
                "CREATE FUNCTION sales.upper_note() RETURNS trigger LANGUAGE plpgsql AS"
                        + " $$BEGIN NEW.note := upper(NEW.note); RETURN NEW; END$$",
                "CREATE TRIGGER audit_upper BEFORE INSERT ON sales.audit_log FOR EACH ROW"
                        + " EXECUTE FUNCTION sales.upper_note()",
                "CREATE FUNCTION sales.no_op() RETURNS trigger LANGUAGE plpgsql AS $$BEGIN RETURN NEW; END$$",
                "CREATE TRIGGER orders_no_op BEFORE UPDATE ON sales.orders FOR EACH ROW EXECUTE FUNCTION sales.no_op()",
                "CREATE VIEW sales.big_orders AS SELECT id, total FROM sales.orders WHERE total > 10",
                "CREATE TABLE hr.orders (id INT PRIMARY KEY)",
                "CREATE TABLE hr.people (id INT PRIMARY KEY, name TEXT)",
                "INSERT INTO sales.customers VALUES (1, 'ann'), (2, 'bob')",
                "INSERT INTO sales.orders (customer_id, total) VALUES (1, 5), (2, 50), (1, 12.5)",
                "INSERT INTO sales.order_lines VALUES (1, 1), (1, 2), (2, 1)",
                "INSERT INTO sales.audit_log (note) VALUES ('x'), ('y')",
                "INSERT INTO hr.orders VALUES (10), (11)",
                "INSERT INTO hr.people VALUES (1, 'cy')");
    }

    private static final String PG_TABLES = "SELECT table_schema || '.' || table_name FROM information_schema.tables"
            + " WHERE table_schema NOT IN ('pg_catalog', 'information_schema') ORDER BY 1";

    @Test
    void postgresTablesAndExcludeTablesWithPatternsAndSchemas() throws Exception {
        TestServer server = TestServer.postgres();
        String sourceDb = server.createDatabase();
        String targetDb = server.createDatabase();
        String otherDb = server.createDatabase();
        try (Connection source = server.connectFerry(sourceDb); Connection target = server.connectFerry(targetDb);
             Connection other = server.connectFerry(otherDb)) {
            postgresShop(source);
            Path dir = temp.resolve("chosen");
            List<String> warnings = run(source, "EXPORT DATABASE '" + dir + "' (TABLES 'sales.*, hr.peop?e',"
                    + " EXCLUDE_TABLES 'audit*, sales.customers')");
            assertTrue(warnings.contains("Foreign key orders_customer_id_fkey on sales.orders refers to"
                    + " sales.customers, which TABLES or EXCLUDE_TABLES leave out; it is not exported"),
                    warnings.toString());
            String scripts = Files.readString(dir.resolve("schema.sql"))
                    + Files.readString(dir.resolve("post-data.sql"));
            assertFalse(scripts.contains("audit"), scripts);
            assertFalse(scripts.contains("customers"), scripts);
            assertTrue(scripts.contains("orders_no_op"), scripts);

            run(target, "IMPORT DATABASE '" + dir + "'");
            assertEquals(List.of(List.of("hr.people"), List.of("sales.big_orders"), List.of("sales.order_lines"),
                    List.of("sales.orders")), rows(target, PG_TABLES));
            assertSameRows(source, target, List.of("SELECT * FROM sales.orders ORDER BY id",
                    "SELECT * FROM sales.order_lines ORDER BY 1, 2", "SELECT * FROM hr.people",
                    "SELECT * FROM sales.big_orders ORDER BY id"));
            assertEquals(List.of(List.of("sales.orders_id_seq")), rows(target, "SELECT sequence_schema || '.'"
                    + " || sequence_name FROM information_schema.sequences"));
            assertEquals(List.of(List.of("4")), rows(target, "SELECT nextval('sales.orders_id_seq')"));
            assertEquals(List.of(List.of("orders_no_op")), rows(target, "SELECT tgname FROM pg_trigger"
                    + " WHERE NOT tgisinternal"));
            assertEquals(List.of(List.of("orders_total")), rows(target, "SELECT indexname FROM pg_indexes"
                    + " WHERE indexname = 'orders_total'"));
            assertEquals(List.of(List.of("order_lines_order_id_fkey")), rows(target, "SELECT conname FROM"
                    + " pg_constraint WHERE contype = 'f'"));

            // Without a schema, a name is that table in each schema exported; a view reading a table left out goes.
            Path unqualified = temp.resolve("unqualified");
            List<String> viewWarnings = run(source, "EXPORT DATABASE '" + unqualified + "' (EXCLUDE_TABLES 'orders')");
            assertTrue(viewWarnings.contains("View sales.big_orders reads sales.orders, which TABLES or EXCLUDE_TABLES"
                    + " leave out; it is not exported (the import would fail creating it)"), viewWarnings.toString());
            run(other, "IMPORT DATABASE '" + unqualified + "'");
            assertEquals(List.of(List.of("hr.people"), List.of("sales.audit_log"), List.of("sales.customers"),
                    List.of("sales.order_lines")), rows(other, PG_TABLES));
            assertSameRows(source, other, List.of("SELECT * FROM sales.audit_log ORDER BY id",
                    "SELECT * FROM sales.customers ORDER BY id", "SELECT * FROM sales.order_lines ORDER BY 1, 2"));
            assertTrue(viewWarnings.contains("Foreign key order_lines_order_id_fkey on sales.order_lines refers to"
                    + " sales.orders, which TABLES or EXCLUDE_TABLES leave out; it is not exported"),
                    viewWarnings.toString());
            assertEquals(List.of(List.of("sales.audit_log_id_seq")), rows(other, "SELECT sequence_schema || '.'"
                    + " || sequence_name FROM information_schema.sequences"));
            assertEquals(List.of(List.of("audit_upper")), rows(other, "SELECT tgname FROM pg_trigger"
                    + " WHERE NOT tgisinternal"));

            SQLException typo = assertThrows(SQLException.class, () -> run(source, "EXPORT DATABASE '"
                    + temp.resolve("typo") + "' (SCHEMAS 'sales', TABLES 'ordrs')"));
            assertEquals("22023", typo.getSQLState());
            assertEquals("TABLES names ordrs, which matches no table, view or sequence of the schemas exported; did"
                    + " you mean sales.orders?", typo.getMessage());
            assertFalse(Files.exists(temp.resolve("typo")));
        } finally {
            server.dropDatabase(sourceDb);
            server.dropDatabase(targetDb);
            server.dropDatabase(otherDb);
        }
    }

    @Test
    void postgresSchemaOnlyThenDataOnlyGivesTheSourcesRows() throws Exception {
        TestServer server = TestServer.postgres();
        String sourceDb = server.createDatabase();
        String targetDb = server.createDatabase();
        try (Connection source = server.connectFerry(sourceDb); Connection target = server.connectFerry(targetDb)) {
            postgresShop(source);
            Path schema = temp.resolve("schema");
            Path data = temp.resolve("data");
            Path whole = temp.resolve("whole");
            run(source, "EXPORT DATABASE '" + schema + "' (SCHEMA_ONLY)");
            // Rows added since the schema was exported: the sequences' positions come with the data.
            execute(source, "INSERT INTO sales.orders (customer_id, total) VALUES (2, 7), (1, 8)",
                    "INSERT INTO sales.audit_log (note) VALUES ('z')");
            run(source, "EXPORT DATABASE '" + data + "' (DATA_ONLY, FORMAT parquet)");
            run(source, "EXPORT DATABASE '" + whole + "'");
            assertFalse(Files.exists(schema.resolve("data")));
            assertFalse(Files.readString(data.resolve("schema.sql")).contains("CREATE"));

            SQLException noTables = assertThrows(SQLException.class,
                    () -> run(target, "IMPORT DATABASE '" + data + "'"));
            assertEquals("42000", noTables.getSQLState());
            assertTrue(noTables.getMessage().contains("this database lacks \"hr\".\"orders\" ("),
                    noTables.getMessage());

            List<String> schemaNotes = run(target, "IMPORT DATABASE '" + schema + "'");
            assertTrue(schemaNotes.stream().anyMatch(w -> w.contains("is a SCHEMA_ONLY export: created the schema,"
                    + " loaded no rows")), schemaNotes.toString());
            assertEquals(List.of(List.of("0")), rows(target, "SELECT COUNT(*) FROM sales.orders"));
            List<String> dataNotes = run(target, "IMPORT DATABASE '" + data + "' (JOBS 2)");
            assertTrue(dataNotes.stream().anyMatch(w -> w.contains("is a DATA_ONLY export: created nothing, loaded its"
                    + " rows into the tables this database has (6, each there and empty), on one connection")),
                    dataNotes.toString());
            assertSameRows(source, target, List.of("SELECT * FROM sales.customers ORDER BY id",
                    "SELECT * FROM sales.orders ORDER BY id", "SELECT * FROM sales.order_lines ORDER BY 1, 2",
                    "SELECT * FROM sales.audit_log ORDER BY id", "SELECT * FROM hr.orders ORDER BY id",
                    "SELECT * FROM hr.people ORDER BY id", "SELECT nextval('sales.orders_id_seq')",
                    "SELECT nextval('sales.audit_log_id_seq')"));
            assertEquals(List.of(List.of("ok")), distinctStatuses(target, "VERIFY DATABASE '" + whole + "'"));
            assertEquals(List.of(List.of("ok")), distinctStatuses(target, "VERIFY DATABASE '" + data + "'"));

            SQLException notEmpty = assertThrows(SQLException.class, () -> run(target, "IMPORT DATABASE '" + data
                    + "'"));
            assertTrue(notEmpty.getMessage().contains("\"hr\".\"orders\", \"hr\".\"people\", "), notEmpty.getMessage());
            assertTrue(notEmpty.getMessage().contains(" hold rows. Create the schema first"), notEmpty.getMessage());
        } finally {
            server.dropDatabase(sourceDb);
            server.dropDatabase(targetDb);
        }
    }

    @Test
    void h2SchemaOnlyThenDataOnlyIntoPostgresThroughTheTranslation() throws Exception {
        TestServer server = TestServer.postgres();
        String targetDb = server.createDatabase();
        String url = "jdbc:ferry:h2:mem:selection_source;DB_CLOSE_DELAY=-1";
        try (Connection source = java.sql.DriverManager.getConnection(url);
             Connection target = server.connectFerry(targetDb)) {
            execute(source,
                    "CREATE TABLE z_customers (id INT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY, name VARCHAR(20))",
                    "CREATE TABLE a_orders (id INT PRIMARY KEY, customer_id INT REFERENCES z_customers (id),"
                            + " total DECIMAL(10, 2))",
                    "CREATE TABLE skipped (id INT)",
                    "INSERT INTO z_customers (name) VALUES ('ann'), ('bob'), ('cy')",
                    "INSERT INTO a_orders VALUES (1, 3, 9.5), (2, 1, 10)");
            Path schema = temp.resolve("h2-schema");
            Path data = temp.resolve("h2-data");
            run(source, "EXPORT DATABASE '" + schema + "' (SCHEMA_ONLY, EXCLUDE_TABLES 'skipped')");
            execute(source, "INSERT INTO z_customers (name) VALUES ('cat')");
            run(source, "EXPORT DATABASE '" + data + "' (DATA_ONLY, EXCLUDE_TABLES 'skipped')");
            run(target, "IMPORT DATABASE '" + schema + "'");
            run(target, "IMPORT DATABASE '" + data + "'");
            assertEquals(List.of(List.of("public.a_orders"), List.of("public.z_customers")), rows(target, PG_TABLES));
            assertSameRows(source, target, List.of("SELECT id, name FROM z_customers ORDER BY id",
                    "SELECT id, customer_id, total FROM a_orders ORDER BY id"));
            assertEquals(List.of(List.of("ok")), distinctStatuses(target, "VERIFY DATABASE '" + data + "'"));
            // The identity's position came with the data.
            execute(target, "INSERT INTO z_customers (name) VALUES ('dee')");
            assertEquals(List.of(List.of("5")), rows(target, "SELECT id FROM z_customers WHERE name = 'dee'"));
        } finally {
            try (Connection c = java.sql.DriverManager.getConnection("jdbc:h2:mem:selection_source")) {
                execute(c, "SHUTDOWN");
            }
            server.dropDatabase(targetDb);
        }
    }

    /** customers, orders (AUTO_INCREMENT, a key into customers, a trigger), order_lines, audit_log, a view. */
    private static void mariaDbShop(Connection connection) throws SQLException {
        execute(connection,
                "CREATE TABLE customers (id INT PRIMARY KEY, name VARCHAR(20))",
                "CREATE TABLE orders (id INT AUTO_INCREMENT PRIMARY KEY, customer_id INT, total DECIMAL(10, 2),"
                        + " KEY orders_total (total), CONSTRAINT orders_customer FOREIGN KEY (customer_id)"
                        + " REFERENCES customers (id))",
                "CREATE TABLE order_lines (order_id INT, line INT, PRIMARY KEY (order_id, line),"
                        + " CONSTRAINT lines_order FOREIGN KEY (order_id) REFERENCES orders (id))",
                "CREATE TABLE audit_log (id INT AUTO_INCREMENT PRIMARY KEY, note VARCHAR(20))",
                "CREATE TRIGGER audit_upper BEFORE INSERT ON audit_log FOR EACH ROW SET NEW.note = UPPER(NEW.note)",
                "CREATE TRIGGER orders_total BEFORE INSERT ON orders FOR EACH ROW SET NEW.total = ABS(NEW.total)",
                "CREATE VIEW big_orders AS SELECT id, total FROM orders WHERE total > 10",
                "INSERT INTO customers VALUES (1, 'ann'), (2, 'bob')",
                "INSERT INTO orders (customer_id, total) VALUES (1, 5), (2, 50), (1, 12.5)",
                "INSERT INTO order_lines VALUES (1, 1), (1, 2), (2, 1)",
                "INSERT INTO audit_log (note) VALUES ('x'), ('y')");
    }

    private static final String MARIADB_TABLES = "SELECT table_name FROM information_schema.tables"
            + " WHERE table_schema = DATABASE() ORDER BY 1";

    @Test
    void mariaDbTablesAndExcludeTablesWithPatternsAndItsDatabasesName() throws Exception {
        TestServer server = TestServer.mariadb();
        String sourceDb = server.createDatabase();
        String targetDb = server.createDatabase();
        try (Connection source = server.connectFerry(sourceDb); Connection target = server.connectFerry(targetDb)) {
            mariaDbShop(source);
            Path dir = temp.resolve("chosen");
            List<String> warnings = run(source, "EXPORT DATABASE '" + dir + "' (TABLES '" + sourceDb + ".ord*,"
                    + " customers, big_orders', EXCLUDE_TABLES 'order_lines')");
            assertFalse(warnings.stream().anyMatch(w -> w.contains("Foreign key")), warnings.toString());
            run(target, "IMPORT DATABASE '" + dir + "'");
            assertEquals(List.of(List.of("big_orders"), List.of("customers"), List.of("orders")),
                    rows(target, MARIADB_TABLES));
            assertSameRows(source, target, List.of("SELECT * FROM orders ORDER BY id",
                    "SELECT * FROM customers ORDER BY id", "SELECT * FROM big_orders ORDER BY id"));
            assertEquals(List.of(List.of("orders_total")), rows(target, "SELECT trigger_name FROM"
                    + " information_schema.triggers WHERE trigger_schema = DATABASE()"));
            assertEquals(List.of(List.of("4")), rows(target, "SELECT auto_increment FROM information_schema.tables"
                    + " WHERE table_schema = DATABASE() AND table_name = 'orders'"));

            Path excluded = temp.resolve("excluded");
            List<String> left = run(source, "EXPORT DATABASE '" + excluded + "' (EXCLUDE_TABLES 'orders')");
            assertTrue(left.contains("Foreign key lines_order on order_lines refers to orders, which TABLES or"
                    + " EXCLUDE_TABLES leave out; it is not exported"), left.toString());
            assertTrue(left.contains("View big_orders reads orders, which TABLES or EXCLUDE_TABLES leave out; it is not"
                    + " exported (the import would fail creating it)"), left.toString());
            assertFalse(Files.readString(excluded.resolve("post-data.sql")).contains("orders_total"));

            SQLException typo = assertThrows(SQLException.class, () -> run(source, "EXPORT DATABASE '"
                    + temp.resolve("typo") + "' (EXCLUDE_TABLES 'audit_logs')"));
            assertEquals("22023", typo.getSQLState());
            assertTrue(typo.getMessage().endsWith("did you mean audit_log?"), typo.getMessage());
        } finally {
            server.dropDatabase(sourceDb);
            server.dropDatabase(targetDb);
        }
    }

    @Test
    void mariaDbSchemaOnlyThenDataOnlyGivesTheSourcesRows() throws Exception {
        TestServer server = TestServer.mariadb();
        String sourceDb = server.createDatabase();
        String targetDb = server.createDatabase();
        try (Connection source = server.connectFerry(sourceDb); Connection target = server.connectFerry(targetDb)) {
            mariaDbShop(source);
            Path schema = temp.resolve("schema");
            Path data = temp.resolve("data");
            Path whole = temp.resolve("whole");
            run(source, "EXPORT DATABASE '" + schema + "' (SCHEMA_ONLY true)");
            execute(source, "INSERT INTO orders (customer_id, total) VALUES (2, 7)");
            run(source, "EXPORT DATABASE '" + data + "' (DATA_ONLY true)");
            run(source, "EXPORT DATABASE '" + whole + "'");
            run(target, "IMPORT DATABASE '" + schema + "'");
            assertEquals(List.of(List.of("ok")), distinctStatuses(target, "VERIFY DATABASE '" + schema + "'"));
            assertEquals(List.of(List.of("0")), rows(target, "SELECT COUNT(*) FROM orders"));
            run(target, "IMPORT DATABASE '" + data + "'");
            assertSameRows(source, target, List.of("SELECT * FROM customers ORDER BY id",
                    "SELECT * FROM orders ORDER BY id", "SELECT * FROM order_lines ORDER BY 1, 2",
                    "SELECT * FROM audit_log ORDER BY id"));
            assertEquals(List.of(List.of("5"), List.of("3")), rows(target, "SELECT auto_increment FROM"
                    + " information_schema.tables WHERE table_schema = DATABASE() AND table_name IN ('orders',"
                    + " 'audit_log') ORDER BY table_name DESC"));
            assertEquals(List.of(List.of("ok")), distinctStatuses(target, "VERIFY DATABASE '" + whole + "'"));
        } finally {
            server.dropDatabase(sourceDb);
            server.dropDatabase(targetDb);
        }
    }

    @Test
    void mariaDbDataOnlyImportThatFailsLeavesTheTablesEmptyAndInPlace() throws Exception {
        TestServer server = TestServer.mariadb();
        String sourceDb = server.createDatabase();
        String targetDb = server.createDatabase();
        try (Connection source = server.connectFerry(sourceDb); Connection target = server.connectFerry(targetDb)) {
            execute(source, "CREATE TABLE a_big (id INT PRIMARY KEY, v INT)",
                    "INSERT INTO a_big SELECT seq, seq FROM seq_1_to_60000",
                    "CREATE TABLE b_small (id INT PRIMARY KEY, v INT)",
                    "INSERT INTO b_small VALUES (1, 1), (2, 200)");
            Path data = temp.resolve("data");
            run(source, "EXPORT DATABASE '" + data + "' (DATA_ONLY)");
            // The target's own check refuses the second table's second row, after the first table is loaded.
            execute(target, "CREATE TABLE a_big (id INT PRIMARY KEY, v INT)",
                    "CREATE TABLE b_small (id INT PRIMARY KEY, v INT CHECK (v < 100))");
            SQLException failure = assertThrows(SQLException.class, () -> run(target, "IMPORT DATABASE '" + data
                    + "'"));
            assertTrue(failure.getMessage().contains("b_small"), failure.getMessage());
            assertEquals(List.of(List.of("a_big", "0"), List.of("b_small", "0")), rows(target,
                    "SELECT 'a_big', COUNT(*) FROM a_big UNION ALL SELECT 'b_small', COUNT(*) FROM b_small"));
            assertEquals(List.of(List.of("a_big"), List.of("b_small")), rows(target, MARIADB_TABLES));
        } finally {
            server.dropDatabase(sourceDb);
            server.dropDatabase(targetDb);
        }
    }

    /** Runs a Ferry statement; its warnings. */
    private static List<String> run(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute(sql);
            List<String> messages = new ArrayList<>();
            for (SQLWarning w = statement.getWarnings(); w != null; w = w.getNextWarning()) {
                messages.add(w.getMessage());
            }
            return messages;
        }
    }

    /** The statuses a VERIFY DATABASE gives, each once. */
    private static List<List<String>> distinctStatuses(Connection connection, String verify) throws SQLException {
        List<List<String>> statuses = new ArrayList<>();
        try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(verify)) {
            while (rows.next()) {
                List<String> status = List.of(rows.getString("status"));
                if (!statuses.contains(status)) {
                    statuses.add(status);
                }
            }
        }
        return statuses;
    }
}
