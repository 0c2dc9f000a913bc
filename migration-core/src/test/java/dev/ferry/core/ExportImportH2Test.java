package dev.ferry.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ferry.core.format.FileChecksum;
import dev.ferry.core.model.manifest.ManifestFile;
import dev.ferry.core.model.options.FormatOptions;
import dev.ferry.core.model.options.ImportOptions;
import dev.ferry.core.model.progress.ProgressListener;
import dev.ferry.core.operation.MigrationResult;
import dev.ferry.core.operation.exporting.DatabaseExporter;
import dev.ferry.core.operation.importing.DatabaseImporter;
import dev.ferry.core.operation.verify.DatabaseVerifier;
import dev.ferry.core.operation.verify.VerifyResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The core's own export and import, end to end on embedded H2, without the driver around it. */
class ExportImportH2Test {
    @TempDir
    Path temp;

    private static Connection h2() throws SQLException {
        return DriverManager.getConnection("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
    }

    @Test
    void tableWithTrickyValuesComesBackExactly() throws Exception {
        try (Connection source = h2(); Connection target = h2()) {
            try (Statement s = source.createStatement()) {
                s.execute("CREATE TABLE t (id INT PRIMARY KEY, txt VARCHAR(100), bin VARBINARY(10), d DOUBLE PRECISION,"
                        + " r REAL, n NUMERIC(38, 10), ts TIMESTAMP(9), tz TIMESTAMP(9) WITH TIME ZONE, dt DATE,"
                        + " tm TIME(9), b BOOLEAN, u UUID, c CLOB)");
                s.execute("INSERT INTO t VALUES (1, '', X'', 'NaN', 0.1, 1234567890123456789012345678.0123456789,"
                        + " TIMESTAMP '2024-02-29 23:59:59.123456789', TIMESTAMP WITH TIME ZONE '2024-01-01 10:00:00.5+05:30',"
                        + " DATE '0001-01-01', TIME '23:59:59.999999999', TRUE, RANDOM_UUID(), 'clob')");
                s.execute("INSERT INTO t VALUES (2, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL)");
                s.execute("INSERT INTO t VALUES (3, 'a,b\"c''d\r\n\te' || CHAR(0x1F600) || 'NULL', X'00FF7F80', '-Infinity',"
                        + " -0.0, -0.5, TIMESTAMP '9999-12-31 00:00:00', TIMESTAMP WITH TIME ZONE '2000-01-01 00:00:00-12:00',"
                        + " DATE '9999-12-31', TIME '00:00:00', FALSE, NULL, '')");
                s.execute("INSERT INTO t VALUES (4, 'NULL', X'01', 'Infinity', 'NaN', 0, NULL, NULL, NULL, NULL, NULL, NULL, '\\N')");
            }
            Path dir = temp.resolve("export");
            MigrationResult exported = new DatabaseExporter(source).export(dir, FormatOptions.DEFAULTS, ProgressListener.NONE);
            assertEquals(4, exported.totalRows());
            assertTrue(Files.exists(dir.resolve("manifest.json")));

            MigrationResult imported = new DatabaseImporter(target).importFrom(dir, ProgressListener.NONE);
            assertEquals(4, imported.totalRows());
            assertEquals(rows(source, "SELECT * FROM t ORDER BY id"), rows(target, "SELECT * FROM t ORDER BY id"));
        }
    }

    /**
     * COMPRESSION gzip and zstd: the files are named for their codec and hold it, load.sql and the manifest say it,
     * IMPORT reads them back and VERIFY compares them; the manifest's checksums are of the compressed files.
     */
    @Test
    void compressedCsvExportsComeBackExactly_andVerify() throws Exception {
        try (Connection source = h2()) {
            try (Statement s = source.createStatement()) {
                s.execute("CREATE TABLE t (id INT PRIMARY KEY, txt VARCHAR(100), bin VARBINARY(10), d DOUBLE PRECISION)");
                s.execute("INSERT INTO t SELECT X, CASE MOD(X, 3) WHEN 0 THEN NULL WHEN 1 THEN '' ELSE 'a,\"b' || X"
                        + " || CHAR(10) END, X'00FF', X / 7.0 FROM SYSTEM_RANGE(1, 5000)");
            }
            for (String codec : List.of("gzip", "zstd")) {
                Path dir = temp.resolve("export-" + codec);
                MigrationResult exported = new DatabaseExporter(source).export(dir,
                        FormatOptions.from(Map.of("COMPRESSION", codec), "EXPORT DATABASE"),
                        ProgressListener.NONE);
                String suffix = codec.equals("gzip") ? ".gz" : ".zst";
                Path file = dir.resolve("data/public.t/part-0001.csv" + suffix);
                assertEquals(List.of("data/public.t/part-0001.csv" + suffix),
                        exported.tables().stream().map(t -> t.file()).toList());
                assertTrue(Files.size(file) < 5000 * 10, Files.size(file) + " bytes");
                assertEquals(FileChecksum.sha256(file), ManifestFile.read(dir).tables().get(0).files().get(0).sha256());
                assertTrue(Files.readString(dir.resolve("load.sql")).contains("FROM 'data/public.t/part-0001.csv"
                        + suffix + "' (FORMAT csv, HEADER true, DELIMITER ',', QUOTE '\"', COMPRESSION " + codec + ")"),
                        Files.readString(dir.resolve("load.sql")));
                try (Connection target = h2()) {
                    assertEquals(5000, new DatabaseImporter(target).importFrom(dir, ProgressListener.NONE).totalRows());
                    assertEquals(rows(source, "SELECT * FROM t ORDER BY id"), rows(target, "SELECT * FROM t ORDER BY id"));
                    VerifyResult verified = new DatabaseVerifier(target).verify(dir);
                    assertTrue(verified.problems().isEmpty(), verified.toString());
                    try (Statement s = target.createStatement()) {
                        s.execute("UPDATE t SET d = 0 WHERE id = 4321");
                    }
                    assertEquals("ID=4321: row differs in column D (expected '617.286', found '0.0')",
                            new DatabaseVerifier(target).verify(dir).problems().get(0).detail());
                }
            }
        }
    }

    @Test
    void failedImportLeavesTheDatabaseEmpty() throws Exception {
        try (Connection source = h2(); Connection target = h2()) {
            try (Statement s = source.createStatement()) {
                s.execute("CREATE SCHEMA extra");
                s.execute("CREATE TABLE extra.a (id INT PRIMARY KEY)");
                s.execute("CREATE TABLE b (id INT PRIMARY KEY, v INT)");
                s.execute("INSERT INTO extra.a VALUES (1), (2)");
                s.execute("INSERT INTO b VALUES (1, 1), (2, 1)");
            }
            Path dir = temp.resolve("export");
            new DatabaseExporter(source).export(dir, FormatOptions.DEFAULTS, ProgressListener.NONE);
            // A unique index on b.v, added by hand to the post-data script, cannot be built over the loaded rows.
            Files.writeString(dir.resolve("post-data.sql"), "CREATE UNIQUE INDEX bv ON PUBLIC.B (V);\n");

            SQLException failure = org.junit.jupiter.api.Assertions.assertThrows(SQLException.class,
                    () -> new DatabaseImporter(target).importFrom(dir, new ImportOptions(true), ProgressListener.NONE));
            assertTrue(failure.getMessage().contains("post-data.sql line 1"), failure.getMessage());
            assertFalse(failure.getSQLState().startsWith("08"));
            assertEquals(List.of(), rows(target,
                    "SELECT TABLE_NAME FROM INFORMATION_SCHEMA.TABLES WHERE TABLE_SCHEMA <> 'INFORMATION_SCHEMA'"));
            assertEquals(List.of(), rows(target, "SELECT SCHEMA_NAME FROM INFORMATION_SCHEMA.SCHEMATA WHERE SCHEMA_NAME = 'EXTRA'"));
        }
    }

    @Test
    void jsonDecfloatChecksAndCommentsComeBackAndInexactTypesAreWarned() throws Exception {
        try (Connection source = h2(); Connection target = h2()) {
            try (Statement s = source.createStatement()) {
                s.execute("CREATE TABLE t (id INT PRIMARY KEY, j JSON, df DECFLOAT(30), iv INTERVAL DAY TO SECOND,"
                        + " qty INT CHECK (qty > 0))");
                s.execute("COMMENT ON TABLE t IS 'the table'");
                s.execute("INSERT INTO t VALUES (1, JSON '{\"a\":[1,\"x\"]}', 1.5E+40, INTERVAL '1 02:03:04.5' DAY TO SECOND, 1),"
                        + " (2, JSON '\"just a string\"', NULL, NULL, 2), (3, NULL, -1, NULL, 3)");
            }
            Path dir = temp.resolve("export");
            MigrationResult exported = new DatabaseExporter(source).export(dir, FormatOptions.DEFAULTS, ProgressListener.NONE);
            String warnings = String.join("\n", exported.warnings());
            assertTrue(warnings.contains("Column PUBLIC.T.IV of type INTERVAL DAY TO SECOND is carried in the driver's text form"), warnings);
            assertEquals(1, exported.warnings().size(), warnings);

            new DatabaseImporter(target).importFrom(dir, ProgressListener.NONE);
            String sql = "SELECT id, CAST(j AS VARCHAR), df, CAST(iv AS VARCHAR) FROM t ORDER BY id";
            assertEquals(rows(source, sql), rows(target, sql));
            assertEquals(rows(source, "SELECT j IS JSON OBJECT FROM t ORDER BY id"),
                    rows(target, "SELECT j IS JSON OBJECT FROM t ORDER BY id"));
            String checks = "SELECT cc.CHECK_CLAUSE FROM INFORMATION_SCHEMA.CHECK_CONSTRAINTS cc";
            assertEquals(rows(source, checks), rows(target, checks));
            assertEquals(List.of(List.of("the table")), rows(target, "SELECT REMARKS FROM INFORMATION_SCHEMA.TABLES WHERE TABLE_NAME = 'T'"));
        }
    }

    @Test
    void nestedArraysAreRefusedBeforeAnythingIsWritten() throws Exception {
        try (Connection source = h2()) {
            try (Statement s = source.createStatement()) {
                s.execute("CREATE TABLE t (id INT PRIMARY KEY, tags VARCHAR(10) ARRAY ARRAY)");
            }
            Path dir = temp.resolve("export");
            SQLException error = org.junit.jupiter.api.Assertions.assertThrows(SQLException.class,
                    () -> new DatabaseExporter(source).export(dir, FormatOptions.DEFAULTS, ProgressListener.NONE));
            assertEquals(FerryErrors.NOT_SUPPORTED, error.getSQLState());
            assertTrue(error.getMessage().contains("column PUBLIC.T.TAGS of type CHARACTER VARYING(10) ARRAY ARRAY"), error.getMessage());
            assertFalse(Files.exists(dir));
            try (var left = Files.list(temp)) {
                assertEquals(0, left.count(), "no staging directory is left behind");
            }
        }
    }

    @Test
    void textThatIsNotUnicodeIsAnErrorNamingRowAndColumn() throws Exception {
        try (Connection source = h2()) {
            try (Statement s = source.createStatement()) {
                s.execute("CREATE TABLE t (id INT PRIMARY KEY, txt VARCHAR(10))");
                s.execute("INSERT INTO t VALUES (1, 'fine'), (2, 'bad' || CHAR(55357))");
            }
            Path dir = temp.resolve("export");
            SQLException error = org.junit.jupiter.api.Assertions.assertThrows(SQLException.class,
                    () -> new DatabaseExporter(source).export(dir, FormatOptions.DEFAULTS, ProgressListener.NONE));
            assertEquals(FerryErrors.DATA, error.getSQLState());
            assertTrue(error.getMessage().startsWith("Export of table \"PUBLIC\".\"T\" failed at row 2, column TXT:"
                    + " the text holds an unpaired surrogate U+D83D at character 4"), error.getMessage());
            assertFalse(Files.exists(dir));
        }
    }

    @Test
    void aRowTheDatabaseRefusesIsNamedByItsLine() throws Exception {
        try (Connection source = h2(); Connection target = h2()) {
            try (Statement s = source.createStatement()) {
                s.execute("CREATE TABLE t (id INT, v VARCHAR(10))");
                s.execute("INSERT INTO t VALUES (1, 'a'), (2, 'b'), (2, 'c')");
            }
            Path dir = temp.resolve("export");
            new DatabaseExporter(source).export(dir, FormatOptions.DEFAULTS, ProgressListener.NONE);
            // A primary key added by hand to the schema script, which the data breaks at its third row (line 4).
            Path schema = dir.resolve("schema.sql");
            Files.writeString(schema, Files.readString(schema).replace("\"V\" CHARACTER VARYING(10)",
                    "\"V\" CHARACTER VARYING(10), PRIMARY KEY (\"ID\")"));
            SQLException error = org.junit.jupiter.api.Assertions.assertThrows(SQLException.class,
                    () -> new DatabaseImporter(target).importFrom(dir, new ImportOptions(true), ProgressListener.NONE));
            assertTrue(error.getMessage().startsWith("Loading \"PUBLIC\".\"T\" from data/public.t/part-0001.csv: The"
                    + " database refused the row at line 4 of data/public.t/part-0001.csv: "), error.getMessage());
            assertEquals(List.of(), rows(target, "SELECT TABLE_NAME FROM INFORMATION_SCHEMA.TABLES WHERE TABLE_SCHEMA = 'PUBLIC'"));
        }
    }

    @Test
    void tablesWhoseNamesMatchEachOthersLikePatternsKeepTheirOwnColumns() throws Exception {
        try (Connection source = h2(); Connection target = h2()) {
            try (Statement s = source.createStatement()) {
                s.execute("CREATE SCHEMA \"S_1\"");
                s.execute("CREATE SCHEMA \"SX1\"");
                s.execute("CREATE TABLE \"S_1\".\"A_B%\" (id INT PRIMARY KEY, only_in_a_b INT)");
                s.execute("CREATE TABLE \"S_1\".\"AXB%\" (id INT PRIMARY KEY, only_in_axb VARCHAR(5))");
                s.execute("CREATE TABLE \"SX1\".\"A_B%\" (id INT PRIMARY KEY, only_in_sx1 DATE)");
                s.execute("INSERT INTO \"S_1\".\"A_B%\" VALUES (1, 2)");
            }
            Path dir = temp.resolve("export");
            new DatabaseExporter(source).export(dir, FormatOptions.DEFAULTS, ProgressListener.NONE);
            new DatabaseImporter(target).importFrom(dir, ProgressListener.NONE);
            String columns = "SELECT TABLE_SCHEMA, TABLE_NAME, COLUMN_NAME, DATA_TYPE FROM INFORMATION_SCHEMA.COLUMNS"
                    + " WHERE TABLE_SCHEMA <> 'INFORMATION_SCHEMA' ORDER BY 1, 2, 3";
            assertEquals(rows(source, columns), rows(target, columns));
            assertEquals(6, rows(target, columns).size());
        }
    }

    @Test
    void importNeedsAutocommitOn() throws Exception {
        try (Connection source = h2(); Connection target = h2()) {
            try (Statement s = source.createStatement()) {
                s.execute("CREATE TABLE t (id INT)");
            }
            Path dir = temp.resolve("export");
            new DatabaseExporter(source).export(dir, FormatOptions.DEFAULTS, ProgressListener.NONE);
            target.setAutoCommit(false);
            SQLException error = org.junit.jupiter.api.Assertions.assertThrows(SQLException.class,
                    () -> new DatabaseImporter(target).importFrom(dir, ProgressListener.NONE));
            assertEquals("25001", error.getSQLState());
            assertFalse(target.getAutoCommit());
        }
    }

    static List<List<Object>> rows(Connection connection, String sql) throws SQLException {
        List<List<Object>> rows = new ArrayList<>();
        try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            int n = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                List<Object> row = new ArrayList<>();
                for (int i = 1; i <= n; i++) {
                    Object value = rs.getObject(i);
                    if (value instanceof byte[] bytes) {
                        value = java.util.HexFormat.of().formatHex(bytes);
                    } else if (value instanceof java.sql.Clob clob) {
                        value = clob.getSubString(1, (int) clob.length());
                    } else if (value instanceof Double d) {
                        value = Double.doubleToRawLongBits(d) + ":" + d;
                    } else if (value instanceof Float f) {
                        value = Float.floatToRawIntBits(f) + ":" + f;
                    }
                    row.add(value);
                }
                rows.add(row);
            }
        }
        return rows;
    }
}
