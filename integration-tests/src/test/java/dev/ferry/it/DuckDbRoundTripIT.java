package dev.ferry.it;

import static dev.ferry.it.TestDatabases.execute;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ferry.core.operation.verify.DataComparison;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * EXPORT then IMPORT between DuckDB 1.4 database files: every schema object (as DuckDB's catalog shows it) and every row
 * comes back, sequences continue where they stood, foreign keys are declared in CREATE TABLE in reference order, a
 * failed import is rolled back; and client-side COPY on DuckDB.
 */
class DuckDbRoundTripIT {
    @TempDir
    Path temp;

    /**
     * A schema with awkward names in several schemas (one holding only a view), enums, sequences moved on, macros, a
     * generated column, composite and self-referencing foreign keys, a table that refers to one whose name sorts after
     * it, expression indexes, comments, and views on views.
     */
    static void createSample(Connection connection) throws SQLException {
        execute(connection,
                "CREATE SCHEMA \"Sales & Co\"",
                "CREATE SCHEMA reporting",
                "CREATE TYPE mood AS ENUM ('sad', 'happy', 'it''s')",
                "CREATE TYPE \"Sales & Co\".status AS ENUM ('new', 'paid')",
                "CREATE SEQUENCE order_no START 1000 INCREMENT BY 10 MAXVALUE 100000",
                "CREATE SEQUENCE \"Sales & Co\".\"down seq\" START -5 INCREMENT BY -1 MINVALUE -100 MAXVALUE -1 CYCLE",
                "CREATE SEQUENCE unused_sequence",
                "CREATE MACRO twice(x) AS x * 2",
                "CREATE TABLE customers (id INTEGER PRIMARY KEY, name VARCHAR NOT NULL, email VARCHAR UNIQUE,"
                        + " feeling mood DEFAULT 'happy', since DATE DEFAULT CURRENT_DATE, CHECK (length(name) > 0),"
                        + " name_length INTEGER GENERATED ALWAYS AS (length(name)) VIRTUAL)",
                "CREATE TABLE orders (no BIGINT DEFAULT nextval('order_no') PRIMARY KEY,"
                        + " customer INTEGER NOT NULL REFERENCES customers (id), total DECIMAL(12, 2) CHECK (total >= 0),"
                        + " placed TIMESTAMP, tags VARCHAR[], CONSTRAINT uq_customer_placed UNIQUE (customer, placed))",
                "CREATE MACRO big_orders(n) AS TABLE SELECT * FROM orders WHERE total > n",
                "CREATE TABLE \"Sales & Co\".\"Order \"\"Items\"\"\" (\"Id\" INTEGER, \"line.no\" SMALLINT NOT NULL,"
                        + " \"ünïcødé 😀\" DECIMAL(20, 5) DEFAULT 0 NOT NULL, \"select\" BOOLEAN, state \"Sales & Co\".status,"
                        + " PRIMARY KEY (\"Id\", \"line.no\"))",
                "CREATE TABLE \"Sales & Co\".shipments (id INTEGER PRIMARY KEY, item_id INTEGER, item_line SMALLINT,"
                        + " code INTEGER DEFAULT nextval('\"Sales & Co\".\"down seq\"'),"
                        + " FOREIGN KEY (item_id, item_line) REFERENCES \"Sales & Co\".\"Order \"\"Items\"\"\" (\"Id\", \"line.no\"))",
                "CREATE TABLE employees (id INTEGER PRIMARY KEY, boss INTEGER REFERENCES employees (id), name VARCHAR)",
                "CREATE TABLE z_parent (id INTEGER PRIMARY KEY)",
                "CREATE TABLE a_child (id INTEGER PRIMARY KEY, z INTEGER REFERENCES z_parent (id))",
                "CREATE TABLE keyless (x VARCHAR, y BLOB)",
                "CREATE INDEX ix_orders_placed ON orders (placed, customer)",
                "CREATE UNIQUE INDEX \"ix spaced.name\" ON \"Sales & Co\".\"Order \"\"Items\"\"\" (\"select\", \"Id\")",
                "CREATE INDEX ix_expr ON customers (lower(name))",
                "COMMENT ON TABLE customers IS 'People, it''s said'",
                "COMMENT ON COLUMN customers.email IS 'unique, or NULL'",
                "CREATE VIEW z_totals AS SELECT customer, sum(total) AS total FROM orders GROUP BY customer",
                "CREATE VIEW a_big AS SELECT * FROM z_totals WHERE total > 100",
                "CREATE VIEW reporting.\"all names\" AS SELECT name FROM customers UNION ALL SELECT name FROM employees",
                "CREATE VIEW doubled AS SELECT no, twice(total) AS twice FROM orders",
                "INSERT INTO customers (id, name, email, feeling, since) VALUES (1, 'Ann', 'ann@example.com', 'it''s',"
                        + " DATE '2020-01-01'), (2, 'Bob', NULL, 'sad', DATE '2021-06-30'), (3, 'Cy \"C\"', '', DEFAULT,"
                        + " DATE '2022-02-28')",
                "INSERT INTO orders (customer, total, placed, tags) VALUES (1, 99.99, TIMESTAMP '2024-01-01 10:00:00',"
                        + " ['a', 'b,c']), (1, 250.00, TIMESTAMP '2024-01-02 11:30:00.123456', NULL),"
                        + " (2, 0.01, NULL, [])",
                "INSERT INTO \"Sales & Co\".\"Order \"\"Items\"\"\" VALUES (1, 1, 12345678901234.56789, true, 'new'),"
                        + " (1, 2, 0, NULL, 'paid'), (2, 1, -1.5, false, NULL)",
                "INSERT INTO \"Sales & Co\".shipments (id, item_id, item_line) VALUES (1, 1, 1), (2, 1, 2), (3, NULL, NULL)",
                // A tree, each level in a statement of its own (DuckDB checks each statement against rows already there).
                "INSERT INTO employees VALUES (1, NULL, 'Root')",
                "INSERT INTO employees VALUES (2, 1, 'Middle')",
                "INSERT INTO employees VALUES (3, 2, 'Leaf'), (4, 2, 'Leaf too')",
                "INSERT INTO z_parent VALUES (1), (2)",
                "INSERT INTO a_child VALUES (10, 2), (11, NULL)",
                "INSERT INTO keyless VALUES ('x', '\\x00\\xFF'::BLOB), ('x', '\\x00\\xFF'::BLOB), (NULL, NULL)",
                "SELECT nextval('\"Sales & Co\".\"down seq\"')");
    }

    private Connection open(String name) throws SQLException {
        return DriverManager.getConnection("jdbc:ferry:duckdb:" + temp.resolve(name + ".duckdb"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"csv", "parquet"})
    void everySchemaObjectAndEveryRowComesBack(String format) throws Exception {
        Path export = temp.resolve("export");
        try (Connection source = open("source"); Connection target = open("target")) {
            createSample(source);
            execute(source, "EXPORT DATABASE '" + export + "' (FORMAT " + format + ")");
            execute(target, "IMPORT DATABASE '" + export + "'");

            Map<String, List<String>> expected = DuckDbCatalogSnapshot.of(source);
            Map<String, List<String>> copied = DuckDbCatalogSnapshot.of(target);
            for (String part : expected.keySet()) {
                assertEquals(expected.get(part), copied.get(part), part);
            }
            assertTrue(expected.get("views").size() == 4 && expected.get("macros").size() == 2
                    && expected.get("sequences").size() == 3, "the sample holds what it should: " + expected);

            DataComparison rows = new DataComparison(source, target);
            for (String relation : DuckDbCatalogSnapshot.lines(source, "SELECT '\"' || replace(schema_name, '\"',"
                    + " '\"\"') || '\".\"' || replace(table_name, '\"', '\"\"') || '\"' FROM duckdb_tables()"
                    + " UNION ALL SELECT '\"' || schema_name || '\".\"' || replace(view_name, '\"', '\"\"') || '\"'"
                    + " FROM duckdb_views() WHERE NOT internal ORDER BY 1")) {
                assertEquals(List.of(), rows.differences(relation), relation);
            }
            assertEquals(List.of("Root", "Middle", "Leaf", "Leaf too"), DuckDbCatalogSnapshot.lines(target,
                    "SELECT name FROM employees ORDER BY id"), "the self-referencing rows, loaded parents first");
            assertEquals(List.of("1010"), DuckDbCatalogSnapshot.lines(target, "SELECT no FROM big_orders(100)"),
                    "the table macro");
            assertEquals(DuckDbCatalogSnapshot.nextValues(source), DuckDbCatalogSnapshot.nextValues(target),
                    "every sequence hands out next what it would have in the source");
        }
    }

    @Test
    void foreignKeysAreDeclaredInCreateTableAndReferencedTablesComeFirst() throws Exception {
        Path export = temp.resolve("export");
        try (Connection source = open("source")) {
            createSample(source);
            execute(source, "EXPORT DATABASE '" + export + "'");
        }
        String schema = Files.readString(export.resolve("schema.sql"));
        String postData = Files.readString(export.resolve("post-data.sql"));
        String load = Files.readString(export.resolve("load.sql"));
        assertFalse(postData.contains("FOREIGN KEY"), postData);
        assertTrue(schema.contains("FOREIGN KEY (\"boss\") REFERENCES \"main\".\"employees\" (\"id\")"), schema);
        assertTrue(schema.indexOf("CREATE TABLE \"main\".\"z_parent\"") < schema.indexOf("CREATE TABLE \"main\".\"a_child\""),
                schema);
        assertTrue(load.indexOf("\"main\".\"z_parent\"") < load.indexOf("\"main\".\"a_child\""), load);
        assertTrue(schema.indexOf("CREATE TABLE \"main\".\"customers\"") < schema.indexOf("CREATE TABLE \"main\".\"orders\""),
                schema);
        assertTrue(schema.contains("CREATE SEQUENCE \"main\".\"order_no\" INCREMENT BY 10 MINVALUE 1 MAXVALUE 100000"
                + " START 1030 NO CYCLE"), "created at its position, three values on: " + schema);
        assertFalse(postData.contains("ALTER SEQUENCE"), postData);
        assertFalse(postData.contains("CREATE"), "DuckDB's IMPORT DATABASE runs no post-data script: " + postData);
        assertTrue(schema.indexOf("CREATE TABLE \"main\".\"orders\"") < schema.indexOf("z_totals"),
                "views after the tables: " + schema);
        assertTrue(schema.indexOf("z_totals") < schema.indexOf("CREATE VIEW a_big"), "a view after the view it reads");
    }

    @Test
    void theSchemasOptionExportsTheSchemasNamed() throws Exception {
        Path export = temp.resolve("export");
        try (Connection source = open("source"); Connection target = open("target")) {
            createSample(source);
            execute(source, "EXPORT DATABASE '" + export + "' (SCHEMAS 'Sales & Co')");
            execute(target, "IMPORT DATABASE '" + export + "'");
            assertEquals(List.of("Sales & Co | Order \"Items\"", "Sales & Co | shipments"), DuckDbCatalogSnapshot.lines(
                    target, "SELECT schema_name, table_name FROM duckdb_tables() ORDER BY ALL"));
            assertEquals(List.of("Sales & Co | down seq"), DuckDbCatalogSnapshot.lines(target,
                    "SELECT schema_name, sequence_name FROM duckdb_sequences()"));
            assertEquals(List.of("Sales & Co | status"), DuckDbCatalogSnapshot.lines(target,
                    "SELECT schema_name, type_name FROM duckdb_types() WHERE NOT internal"));
            assertEquals(List.of(), DuckDbCatalogSnapshot.lines(target, "SELECT view_name FROM duckdb_views()"
                    + " WHERE NOT internal UNION ALL SELECT function_name FROM duckdb_functions() WHERE NOT internal"));
            DataComparison rows = new DataComparison(source, target);
            assertEquals(List.of(), rows.differences("\"Sales & Co\".shipments"));
        }
    }

    @Test
    void aFailedImportLeavesTheDatabaseAsItWas() throws Exception {
        Path export = temp.resolve("export");
        try (Connection source = open("source")) {
            createSample(source);
            execute(source, "EXPORT DATABASE '" + export + "'");
        }
        Files.writeString(export.resolve("post-data.sql"), "SELECT no_such_column FROM customers;\n",
                StandardOpenOption.APPEND);
        try (Connection target = open("target")) {
            SQLException error = assertThrows(SQLException.class,
                    () -> execute(target, "IMPORT DATABASE '" + export + "' (ALLOW_EDITED_SCRIPTS)"));
            assertTrue(error.getMessage().contains("post-data.sql line"), error.getMessage());
            Map<String, List<String>> left = DuckDbCatalogSnapshot.of(target);
            assertEquals(List.of("main"), left.get("schemas"));
            for (String part : List.of("columns", "tables", "views", "types", "sequences", "macros")) {
                assertEquals(List.of(), left.get(part), part);
            }
        }
    }

    @Test
    void importRefusesADatabaseThatHoldsSomething() throws Exception {
        Path export = temp.resolve("export");
        try (Connection source = open("source")) {
            execute(source, "CREATE TABLE t (id INTEGER)");
            execute(source, "EXPORT DATABASE '" + export + "'");
        }
        try (Connection target = open("target")) {
            execute(target, "CREATE SEQUENCE already_here");
            SQLException error = assertThrows(SQLException.class,
                    () -> execute(target, "IMPORT DATABASE '" + export + "'"));
            assertEquals("42000", error.getSQLState(), error.getMessage());
            assertTrue(error.getMessage().contains("already_here"), error.getMessage());
        }
    }

    /**
     * Client-side COPY on DuckDB: a table and a query to CSV and Parquet files, and back into tables; inside a
     * transaction, where it would need a savepoint that DuckDB does not have, it is refused.
     */
    @Test
    void copyToAndFromFilesOnDuckDb() throws Exception {
        Path csv = temp.resolve("orders.csv");
        Path parquet = temp.resolve("big.parquet");
        try (Connection c = open("copy"); Statement s = c.createStatement()) {
            createSample(c);
            assertEquals(3, s.executeUpdate("COPY orders TO '" + csv + "'"));
            assertEquals(1, s.executeUpdate("COPY (SELECT no, total, tags, placed FROM orders WHERE total > 100)"
                    + " TO '" + parquet + "'"));
            execute(c, "CREATE TABLE orders_copy AS SELECT * FROM orders LIMIT 0",
                    "CREATE TABLE big_copy AS SELECT no, total, tags, placed FROM orders LIMIT 0");
            assertEquals(3, s.executeUpdate("COPY orders_copy FROM '" + csv + "'"));
            assertEquals(1, s.executeUpdate("COPY big_copy FROM '" + parquet + "'"));
            assertEquals(DuckDbCatalogSnapshot.lines(c, "SELECT * FROM orders ORDER BY no"),
                    DuckDbCatalogSnapshot.lines(c, "SELECT * FROM orders_copy ORDER BY no"));
            assertEquals(List.of("1010 | 250.00 | null | 2024-01-02 11:30:00.123456"),
                    DuckDbCatalogSnapshot.lines(c, "SELECT * FROM big_copy"));

            c.setAutoCommit(false);
            SQLException refused = assertThrows(SQLException.class,
                    () -> s.executeUpdate("COPY orders TO '" + temp.resolve("in-transaction.csv") + "'"));
            assertEquals("0A000", refused.getSQLState(), refused.getMessage());
            assertTrue(refused.getMessage().contains("run the COPY in autocommit mode"), refused.getMessage());
            assertFalse(Files.exists(temp.resolve("in-transaction.csv")));
            c.rollback();
            c.setAutoCommit(true);
        }
        assertTrue(Files.readString(csv).contains("\"{\"\"a\"\",\"\"b,c\"\"}\""), "the list in Ferry's array text");
    }
}
