package dev.ferry.core.operation.exporting;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ferry.core.model.manifest.Manifest;
import dev.ferry.core.model.manifest.ManifestFile;
import dev.ferry.core.model.options.ExportOptions;
import dev.ferry.core.model.options.ImportOptions;
import dev.ferry.core.model.progress.ProgressListener;
import dev.ferry.core.operation.MigrationResult;
import dev.ferry.core.operation.importing.DatabaseImporter;
import dev.ferry.core.operation.verify.DatabaseVerifier;
import dev.ferry.core.operation.verify.VerifiedObject;
import dev.ferry.core.operation.verify.VerifyResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * EXPORT DATABASE's TABLES, EXCLUDE_TABLES, SCHEMA_ONLY and DATA_ONLY on H2, with the IMPORT and VERIFY of what they
 * write.
 */
class SelectiveExportH2Test {
    @TempDir
    Path temp;

    private static Connection h2() throws SQLException {
        return DriverManager.getConnection("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
    }

    /**
     * Two schemas: SALES (customers, orders referencing customers, order_lines referencing orders, audit_log, a view on
     * orders, a sequence), HR (orders, people).
     */
    private static void shop(Connection connection) throws SQLException {
        try (Statement s = connection.createStatement()) {
            s.execute("CREATE SCHEMA sales");
            s.execute("CREATE SCHEMA hr");
            s.execute("CREATE SEQUENCE sales.invoice_no START WITH 100");
            s.execute("CREATE SEQUENCE sales.unused START WITH 7");
            s.execute("CREATE TABLE sales.customers (id INT PRIMARY KEY, name VARCHAR(20))");
            s.execute("CREATE TABLE sales.orders (id INT PRIMARY KEY, customer_id INT REFERENCES sales.customers (id),"
                    + " invoice BIGINT DEFAULT NEXT VALUE FOR sales.invoice_no, total DECIMAL(10, 2))");
            s.execute("CREATE INDEX orders_total ON sales.orders (total)");
            s.execute("CREATE TABLE sales.order_lines (order_id INT REFERENCES sales.orders (id), line INT,"
                    + " PRIMARY KEY (order_id, line))");
            s.execute("CREATE TABLE sales.audit_log (id INT PRIMARY KEY, note VARCHAR(50))");
            s.execute("CREATE VIEW sales.big_orders AS SELECT id, total FROM sales.orders WHERE total > 10");
            s.execute("CREATE TABLE hr.orders (id INT PRIMARY KEY)");
            s.execute("CREATE TABLE hr.people (id INT PRIMARY KEY)");
            s.execute("INSERT INTO sales.customers VALUES (1, 'ann'), (2, 'bob')");
            s.execute("INSERT INTO sales.orders (id, customer_id, total) VALUES (1, 1, 5), (2, 2, 50), (3, 1, 12.5)");
            s.execute("INSERT INTO sales.order_lines VALUES (1, 1), (1, 2), (2, 1)");
            s.execute("INSERT INTO sales.audit_log VALUES (1, 'x')");
            s.execute("INSERT INTO hr.orders VALUES (10), (11)");
            s.execute("INSERT INTO hr.people VALUES (1)");
        }
    }

    private MigrationResult export(Connection source, Path dir, Map<String, String> options) throws SQLException {
        return new DatabaseExporter(source).export(dir, ExportOptions.from(options), ProgressListener.NONE);
    }

    private static Map<String, String> options(String... nameValues) {
        Map<String, String> options = new LinkedHashMap<>();
        for (int i = 0; i < nameValues.length; i += 2) {
            options.put(nameValues[i], nameValues[i + 1]);
        }
        return options;
    }

    /** The tables of the export's manifest, as schema.name. */
    private static List<String> exportedTables(Path dir) throws IOException {
        return ManifestFile.read(dir).tables().stream().map(t -> t.schema() + "." + t.name()).toList();
    }

    @Test
    void tablesTakesNamesAndPatternsQualifiedOrNotInAnyCase() throws Exception {
        try (Connection source = h2()) {
            shop(source);
            Path dir = temp.resolve("a");
            export(source, dir, options("TABLES", "sales.cust*, order_lines"));
            assertEquals(List.of("SALES.CUSTOMERS", "SALES.ORDER_LINES"), exportedTables(dir));

            Path unqualified = temp.resolve("b");
            export(source, unqualified, options("TABLES", "orders"));
            assertEquals(List.of("HR.ORDERS", "SALES.ORDERS"), exportedTables(unqualified));

            Path bySchema = temp.resolve("c");
            export(source, bySchema, options("TABLES", "hr.*", "SCHEMAS", "hr"));
            assertEquals(List.of("HR.ORDERS", "HR.PEOPLE"), exportedTables(bySchema));

            Path oneChar = temp.resolve("d");
            export(source, oneChar, options("TABLES", "hr.?eople"));
            assertEquals(List.of("HR.PEOPLE"), exportedTables(oneChar));
        }
    }

    @Test
    void excludeTablesWinsOverTables() throws Exception {
        try (Connection source = h2()) {
            shop(source);
            Path dir = temp.resolve("x");
            export(source, dir, options("TABLES", "sales.*", "EXCLUDE_TABLES", "audit_log, sales.order_*"));
            assertEquals(List.of("SALES.CUSTOMERS", "SALES.ORDERS"), exportedTables(dir));

            Path all = temp.resolve("y");
            export(source, all, options("EXCLUDE_TABLES", "hr.*"));
            // An export of the schema and the data reads in any Ferry, as before these options.
            assertEquals(Manifest.FORMAT_VERSION, ManifestFile.read(all).formatVersion());
            assertFalse(Files.readString(all.resolve("manifest.json")).contains("contents"));
            assertEquals(List.of("SALES.AUDIT_LOG", "SALES.CUSTOMERS", "SALES.ORDERS", "SALES.ORDER_LINES"),
                    exportedTables(all));
        }
    }

    @Test
    void aNameMatchingNothingIsRefusedBeforeAnythingIsWrittenWithWhatIsClose() throws Exception {
        try (Connection source = h2()) {
            shop(source);
            Path dir = temp.resolve("nothing");
            SQLException typo = assertThrows(SQLException.class, () -> export(source, dir,
                    options("TABLES", "sales.ordrs")));
            assertEquals("22023", typo.getSQLState());
            assertEquals("TABLES names sales.ordrs, which matches no table, view or sequence of the schemas exported;"
                    + " did you mean HR.ORDERS, SALES.ORDERS?", typo.getMessage());
            assertFalse(Files.exists(dir));
            assertEquals(List.of(), leftovers());

            SQLException otherSchema = assertThrows(SQLException.class, () -> export(source, dir,
                    options("SCHEMAS", "hr", "EXCLUDE_TABLES", "customers")));
            assertEquals("22023", otherSchema.getSQLState());
            assertTrue(otherSchema.getMessage().startsWith("EXCLUDE_TABLES names customers, which matches no table,"
                    + " view or sequence of the schemas exported; they hold HR.ORDERS, HR.PEOPLE"),
                    otherSchema.getMessage());

            SQLException pattern = assertThrows(SQLException.class, () -> export(source, dir,
                    options("TABLES", "nope.*")));
            assertTrue(pattern.getMessage().startsWith("TABLES names nope.*, which matches no table"),
                    pattern.getMessage());

            SQLException unreadable = assertThrows(SQLException.class, () -> export(source, dir,
                    options("TABLES", "a.b.c")));
            assertEquals("22023", unreadable.getSQLState());
            assertTrue(unreadable.getMessage().startsWith("TABLES names a.b.c, which is not a name or pattern"),
                    unreadable.getMessage());
            assertFalse(Files.exists(dir));
        }
    }

    @Test
    void namesDifferingInCaseAloneAreRefusedAsAmbiguous() throws Exception {
        try (Connection source = h2()) {
            try (Statement s = source.createStatement()) {
                s.execute("CREATE TABLE \"Mixed\" (id INT)");
                s.execute("CREATE TABLE \"MIXED\" (id INT)");
            }
            Path dir = temp.resolve("case");
            export(source, dir, options("TABLES", "Mixed"));
            assertEquals(List.of("PUBLIC.Mixed"), exportedTables(dir));
            SQLException ambiguous = assertThrows(SQLException.class, () -> export(source, temp.resolve("case2"),
                    options("TABLES", "mixed")));
            assertEquals("22023", ambiguous.getSQLState());
            assertTrue(ambiguous.getMessage().contains("whose names differ in case alone"), ambiguous.getMessage());
        }
    }

    @Test
    void aForeignKeyOrViewReachingATableLeftOutIsLeftOutWithAWarningAndTheExportImports() throws Exception {
        try (Connection source = h2(); Connection target = h2()) {
            shop(source);
            Path dir = temp.resolve("reach");
            MigrationResult exported = export(source, dir, options("SCHEMAS", "sales", "EXCLUDE_TABLES", "customers"));
            String warnings = String.join("\n", exported.warnings());
            assertTrue(warnings.contains("Foreign key") && warnings.contains("on SALES.ORDERS refers to"
                    + " SALES.CUSTOMERS, which TABLES or EXCLUDE_TABLES leave out; it is not exported"), warnings);
            assertFalse(warnings.contains("BIG_ORDERS"), warnings);
            String postData = Files.readString(dir.resolve("post-data.sql"));
            assertFalse(postData.contains("CUSTOMERS"), postData);
            assertTrue(postData.contains("ORDER_LINES"), postData); // the key between two tables exported stays
            assertTrue(postData.contains("BIG_ORDERS"), postData);

            new DatabaseImporter(target).importFrom(dir, ProgressListener.NONE);
            assertEquals(rows(source, "SELECT * FROM sales.big_orders ORDER BY id"),
                    rows(target, "SELECT * FROM sales.big_orders ORDER BY id"));
            assertEquals(List.of(List.of("0")), rows(target, "SELECT COUNT(*) FROM INFORMATION_SCHEMA.TABLES"
                    + " WHERE TABLE_NAME = 'CUSTOMERS'"));

            Path noOrders = temp.resolve("view");
            MigrationResult withoutOrders = export(source, noOrders, options("SCHEMAS", "sales",
                    "EXCLUDE_TABLES", "orders"));
            String viewWarnings = String.join("\n", withoutOrders.warnings());
            assertTrue(viewWarnings.contains("View SALES.BIG_ORDERS reads SALES.ORDERS, which TABLES or"
                    + " EXCLUDE_TABLES leave out; it is not exported"), viewWarnings);
            assertTrue(viewWarnings.contains("on SALES.ORDER_LINES refers to SALES.ORDERS"), viewWarnings);
            assertFalse(Files.readString(noOrders.resolve("post-data.sql")).contains("BIG_ORDERS"));
            assertFalse(Files.readString(noOrders.resolve("post-data.sql")).contains("ORDERS_TOTAL"));
            try (Connection again = h2()) {
                new DatabaseImporter(again).importFrom(noOrders, ProgressListener.NONE);
                assertEquals(List.of(List.of("0")), rows(again, "SELECT COUNT(*) FROM INFORMATION_SCHEMA.VIEWS"
                        + " WHERE TABLE_SCHEMA = 'SALES'"));
            }
        }
    }

    @Test
    void sequencesGoWithTheChoiceUnlessADefaultOfATableExportedNamesThem() throws Exception {
        try (Connection source = h2()) {
            shop(source);
            Path dir = temp.resolve("seq");
            export(source, dir, options("TABLES", "sales.orders"));
            String schema = Files.readString(dir.resolve("schema.sql"));
            assertTrue(schema.contains("INVOICE_NO"), schema); // the default of ORDERS uses it
            assertFalse(schema.contains("UNUSED"), schema);
            assertFalse(schema.contains("BIG_ORDERS"), schema + Files.readString(dir.resolve("post-data.sql")));
            assertFalse(Files.readString(dir.resolve("post-data.sql")).contains("BIG_ORDERS"));

            Path named = temp.resolve("seq2");
            export(source, named, options("TABLES", "sales.orders, sales.unused, big_orders"));
            assertTrue(Files.readString(named.resolve("schema.sql")).contains("UNUSED"));
            assertTrue(Files.readString(named.resolve("post-data.sql")).contains("BIG_ORDERS"));
        }
    }

    @Test
    void schemaOnlyWritesNoDataFileAndImportsTheSchema() throws Exception {
        try (Connection source = h2(); Connection target = h2()) {
            shop(source);
            Path dir = temp.resolve("schema");
            MigrationResult exported = export(source, dir, options("SCHEMA_ONLY", "true", "SCHEMAS", "sales"));
            assertEquals(List.of(), exported.tables());
            assertFalse(Files.exists(dir.resolve("data")));
            Manifest manifest = ManifestFile.read(dir);
            assertEquals(Manifest.SCHEMA_ONLY, manifest.contents());
            assertEquals(Manifest.PARTIAL_CONTENTS_FORMAT_VERSION, manifest.formatVersion());
            assertTrue(Files.readString(dir.resolve("manifest.json")).contains("\"contents\" : \"schema\"")
                    || Files.readString(dir.resolve("manifest.json")).contains("\"contents\":\"schema\""));

            MigrationResult imported = new DatabaseImporter(target).importFrom(dir, ProgressListener.NONE);
            assertEquals(0, imported.totalRows());
            assertTrue(imported.warnings().stream().anyMatch(w -> w.contains("is a SCHEMA_ONLY export: created the"
                    + " schema, loaded no rows")), imported.warnings().toString());
            assertEquals(List.of(List.of("4")), rows(target, "SELECT COUNT(*) FROM INFORMATION_SCHEMA.TABLES"
                    + " WHERE TABLE_SCHEMA = 'SALES' AND TABLE_TYPE = 'BASE TABLE'"));
            assertEquals(List.of(List.of("0")), rows(target, "SELECT COUNT(*) FROM sales.orders"));

            VerifyResult verified = new DatabaseVerifier(target).verify(dir);
            assertEquals(List.of(), verified.problems());
            assertEquals(List.of("\"SALES\".\"AUDIT_LOG\" ok", "\"SALES\".\"CUSTOMERS\" ok",
                    "\"SALES\".\"ORDERS\" ok", "\"SALES\".\"ORDER_LINES\" ok"), verified.tables().stream()
                    .map(t -> t.name() + " " + t.status().label()).toList());
            assertTrue(verified.warnings().stream().anyMatch(w -> w.contains("is a SCHEMA_ONLY export")));
            try (Statement s = target.createStatement()) {
                s.execute("DROP TABLE sales.audit_log");
            }
            List<VerifiedObject> problems = new DatabaseVerifier(target).verify(dir).problems();
            assertEquals(List.of("\"SALES\".\"AUDIT_LOG\" missing"), problems.stream()
                    .map(p -> p.name() + " " + p.status().label()).toList());
        }
    }

    @Test
    void dataOnlyLoadsIntoTheTablesOfADatabaseThatHasTheSchema() throws Exception {
        try (Connection source = h2(); Connection target = h2()) {
            shop(source);
            try (Statement s = source.createStatement()) {
                // Named before the table it references: loaded after it all the same, its key being in place.
                s.execute("CREATE TABLE sales.a_notes (id INT PRIMARY KEY, customer_id INT REFERENCES"
                        + " sales.customers (id))");
                s.execute("INSERT INTO sales.a_notes VALUES (1, 2)");
            }
            Path schema = temp.resolve("schema");
            export(source, schema, options("SCHEMA_ONLY", "true"));
            try (Statement s = source.createStatement()) {
                // Taken since the schema was exported: the sequence's position comes with the data.
                s.execute("SELECT NEXT VALUE FOR sales.invoice_no FROM SYSTEM_RANGE(1, 5)");
            }
            Path data = temp.resolve("data");
            MigrationResult exported = export(source, data, options("DATA_ONLY", "true"));
            assertEquals(13, exported.totalRows());
            assertEquals(Manifest.DATA_ONLY, ManifestFile.read(data).contents());
            String schemaScript = Files.readString(data.resolve("schema.sql"));
            assertFalse(schemaScript.contains("CREATE"), schemaScript);
            String postData = Files.readString(data.resolve("post-data.sql"));
            assertTrue(postData.contains("INVOICE_NO"), postData);
            assertFalse(postData.contains("INDEX") || postData.contains("FOREIGN KEY") || postData.contains("VIEW"),
                    postData);
            String load = Files.readString(data.resolve("load.sql"));
            assertTrue(load.indexOf("\"SALES\".\"CUSTOMERS\"") < load.indexOf("\"SALES\".\"A_NOTES\""), load);
            assertTrue(load.indexOf("\"SALES\".\"ORDERS\"") < load.indexOf("\"SALES\".\"ORDER_LINES\""), load);

            new DatabaseImporter(target).importFrom(schema, ProgressListener.NONE);
            MigrationResult imported = new DatabaseImporter(target).importFrom(data, new ImportOptions(false, 4,
                    false), ProgressListener.NONE);
            assertEquals(13, imported.totalRows());
            String warnings = String.join("\n", imported.warnings());
            assertTrue(warnings.contains("is a DATA_ONLY export: created nothing, loaded its rows into the tables this"
                    + " database has (7, each there and empty), on one connection (JOBS 4"), warnings);
            for (String table : List.of("sales.a_notes", "sales.customers", "sales.orders", "sales.order_lines",
                    "sales.audit_log",
                    "hr.orders", "hr.people")) {
                assertEquals(rows(source, "SELECT * FROM " + table + " ORDER BY 1"),
                        rows(target, "SELECT * FROM " + table + " ORDER BY 1"), table);
            }
            assertEquals(rows(source, "SELECT NEXT VALUE FOR sales.invoice_no"),
                    rows(target, "SELECT NEXT VALUE FOR sales.invoice_no"));
            assertEquals(List.of(), new DatabaseVerifier(target).verify(data).problems());
        }
    }

    @Test
    void dataOnlyIsRefusedWhereATableIsMissingOrHoldsRowsNamingIt() throws Exception {
        try (Connection source = h2(); Connection empty = h2(); Connection holding = h2()) {
            shop(source);
            Path data = temp.resolve("data");
            export(source, data, options("DATA_ONLY", "true", "SCHEMAS", "hr"));
            SQLException missing = assertThrows(SQLException.class,
                    () -> new DatabaseImporter(empty).importFrom(data, ProgressListener.NONE));
            assertEquals("42000", missing.getSQLState());
            assertTrue(missing.getMessage().contains("is a DATA_ONLY export, which creates nothing and loads into"
                    + " tables the database has, empty; this database lacks \"HR\".\"ORDERS\" ("),
                    missing.getMessage());
            assertTrue(missing.getMessage().contains("\"HR\".\"PEOPLE\" ("), missing.getMessage());

            try (Statement s = holding.createStatement()) {
                s.execute("CREATE SCHEMA hr");
                s.execute("CREATE TABLE hr.orders (id INT PRIMARY KEY)");
                s.execute("CREATE TABLE hr.people (id INT PRIMARY KEY)");
                s.execute("INSERT INTO hr.people VALUES (5)");
            }
            SQLException notEmpty = assertThrows(SQLException.class,
                    () -> new DatabaseImporter(holding).importFrom(data, ProgressListener.NONE));
            assertTrue(notEmpty.getMessage().contains("empty; \"HR\".\"PEOPLE\" holds rows. Create the schema first"),
                    notEmpty.getMessage());
            assertEquals(List.of(List.of("5")), rows(holding, "SELECT * FROM hr.people"));
            assertEquals(List.of(), rows(holding, "SELECT * FROM hr.orders"));
        }
    }

    @Test
    void aDataOnlyImportThatFailsMidwayLeavesTheTablesEmptyAndInPlace() throws Exception {
        try (Connection source = h2(); Connection target = h2()) {
            try (Statement s = source.createStatement()) {
                s.execute("CREATE TABLE a_big (id INT PRIMARY KEY, v INT)");
                s.execute("INSERT INTO a_big SELECT X, X FROM SYSTEM_RANGE(1, 60000)");
                s.execute("CREATE TABLE b_small (id INT PRIMARY KEY, v INT)");
                s.execute("INSERT INTO b_small VALUES (1, 1), (2, 200)");
            }
            Path data = temp.resolve("data");
            export(source, data, options("DATA_ONLY", "true"));
            try (Statement s = target.createStatement()) {
                s.execute("CREATE TABLE a_big (id INT PRIMARY KEY, v INT)");
                // The target's own check refuses the second row of the second table, once the first is loaded (and,
                // H2's DDL not being transactional, committed 50 batches at a time).
                s.execute("CREATE TABLE b_small (id INT PRIMARY KEY, v INT CHECK (v < 100))");
            }
            SQLException failure = assertThrows(SQLException.class,
                    () -> new DatabaseImporter(target).importFrom(data, ProgressListener.NONE));
            assertTrue(failure.getMessage().contains("B_SMALL"), failure.getMessage());
            assertEquals(List.of(List.of("0")), rows(target, "SELECT COUNT(*) FROM a_big"));
            assertEquals(List.of(List.of("0")), rows(target, "SELECT COUNT(*) FROM b_small"));
            assertEquals(List.of(List.of("2")), rows(target, "SELECT COUNT(*) FROM INFORMATION_SCHEMA.TABLES"
                    + " WHERE TABLE_SCHEMA = 'PUBLIC'"));
        }
    }

    @Test
    void aFailedDataOnlyImportEmptiesAChildBeforeItsParent() throws Exception {
        try (Connection source = h2(); Connection target = h2()) {
            String schema = "CREATE TABLE a_parent (id INT PRIMARY KEY);"
                    + " CREATE TABLE b_child (id INT PRIMARY KEY, parent_id INT REFERENCES a_parent (id));";
            try (Statement s = source.createStatement()) {
                s.execute(schema);
                s.execute("CREATE TABLE c_last (id INT PRIMARY KEY, v INT)");
                s.execute("INSERT INTO a_parent SELECT X FROM SYSTEM_RANGE(1, 10)");
                s.execute("INSERT INTO b_child SELECT X, 1 + MOD(X, 10) FROM SYSTEM_RANGE(1, 60000)");
                s.execute("INSERT INTO c_last VALUES (1, 1), (2, 200)");
            }
            Path data = temp.resolve("data");
            export(source, data, options("DATA_ONLY", "true"));
            try (Statement s = target.createStatement()) {
                s.execute(schema);
                s.execute("CREATE TABLE c_last (id INT PRIMARY KEY, v INT CHECK (v < 100))");
            }
            SQLException failure = assertThrows(SQLException.class,
                    () -> new DatabaseImporter(target).importFrom(data, ProgressListener.NONE));
            assertTrue(failure.getMessage().contains("C_LAST"), failure.getMessage());
            assertEquals(List.of(), List.of(failure.getSuppressed()), "the undo went through");
            assertEquals(List.of(List.of("0")), rows(target, "SELECT COUNT(*) FROM b_child"));
            assertEquals(List.of(List.of("0")), rows(target, "SELECT COUNT(*) FROM a_parent"));
        }
    }

    @Test
    void schemaOnlyAndDataOnlyTogetherAreRefused() {
        SQLException both = assertThrows(SQLException.class,
                () -> ExportOptions.from(options("SCHEMA_ONLY", "true", "DATA_ONLY", "true")));
        assertEquals("22023", both.getSQLState());
        assertTrue(both.getMessage().startsWith("SCHEMA_ONLY and DATA_ONLY exclude each other"), both.getMessage());
        SQLException empty = assertThrows(SQLException.class, () -> ExportOptions.from(options("TABLES", "a,,b")));
        assertEquals("TABLES must name one or more tables or patterns separated by commas, got 'a,,b'",
                empty.getMessage());
        SQLException twice = assertThrows(SQLException.class,
                () -> ExportOptions.from(options("EXCLUDE_TABLES", "a, a")));
        assertEquals("EXCLUDE_TABLES names a twice", twice.getMessage());
        SQLException notBool = assertThrows(SQLException.class, () -> ExportOptions.from(options("DATA_ONLY", "x")));
        assertEquals("22023", notBool.getSQLState());
    }

    @Test
    void resumeTakesTheChoiceAndContentsIntoItsFingerprint() throws Exception {
        try (Connection source = h2()) {
            shop(source);
            var dialect = dev.ferry.core.dialect.Dialects.forConnection(source);
            Map<String, String> plain = ExportFingerprint.settings(source, dialect, dialect,
                    ExportOptions.from(options()));
            Map<String, String> chosen = ExportFingerprint.settings(source, dialect, dialect,
                    ExportOptions.from(options("TABLES", "sales.*", "EXCLUDE_TABLES", "audit_log", "DATA_ONLY",
                            "true")));
            assertFalse(plain.containsKey("TABLES"));
            ExportFingerprint before = new ExportFingerprint(plain, Map.of(), "x");
            ExportFingerprint now = new ExportFingerprint(chosen, Map.of(), "x");
            assertEquals(List.of("TABLES was not given, now 'sales.*'", "EXCLUDE_TABLES was not given, now"
                    + " 'audit_log'", "DATA_ONLY was not given, now 'true'"), before.differences(now));
        }
    }

    /** Staging directories left beside the targets. */
    private List<Path> leftovers() throws IOException {
        try (Stream<Path> files = Files.list(temp)) {
            return files.filter(p -> p.getFileName().toString().startsWith(".")).toList();
        }
    }

    private static List<List<String>> rows(Connection connection, String sql) throws SQLException {
        List<List<String>> rows = new ArrayList<>();
        try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            int columns = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                List<String> row = new ArrayList<>();
                for (int i = 1; i <= columns; i++) {
                    row.add(rs.getString(i));
                }
                rows.add(row);
            }
        }
        return rows;
    }
}
