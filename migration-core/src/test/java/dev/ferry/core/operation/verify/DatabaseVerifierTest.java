package dev.ferry.core.operation.verify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ferry.core.model.options.ExportOptions;
import dev.ferry.core.model.options.FormatOptions;
import dev.ferry.core.model.progress.ProgressListener;
import dev.ferry.core.operation.exporting.DatabaseExporter;
import dev.ferry.core.operation.importing.DatabaseImporter;
import dev.ferry.core.operation.verify.VerifiedObject.Status;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * VERIFY DATABASE on H2: an exact copy (imported from the export) verifies {@code ok}; each kind of difference made
 * in the copy afterwards is found, with the key that differs where the table has one.
 */
class DatabaseVerifierTest {
    @TempDir
    Path temp;

    private static Connection h2() throws SQLException {
        return DriverManager.getConnection("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
    }

    /** Exports a small database with a keyed table, a table without key, an index and a view; imports it. */
    private Path exportAndImport(Connection target) throws SQLException {
        Path dir = temp.resolve("export");
        try (Connection source = h2(); Statement s = source.createStatement()) {
            s.execute("CREATE TABLE film (id INT PRIMARY KEY, title VARCHAR(50), note VARCHAR(20), price DECIMAL(8,2))");
            s.execute("CREATE TABLE log (line VARCHAR(20), at TIMESTAMP)");
            s.execute("CREATE TABLE actor (code VARCHAR(10) NOT NULL UNIQUE, name VARCHAR(30))");
            s.execute("CREATE INDEX film_title ON film (title)");
            s.execute("CREATE VIEW cheap AS SELECT id, title FROM film WHERE price < 5");
            s.execute("ALTER TABLE film ADD CONSTRAINT film_actor FOREIGN KEY (note) REFERENCES actor (code)");
            s.execute("INSERT INTO actor VALUES ('a', 'Ann'), ('b', 'Bob'), ('', 'Empty')");
            for (int i = 1; i <= 500; i++) {
                s.execute("INSERT INTO film VALUES (" + i + ", 'Film " + i + "', "
                        + (i % 3 == 0 ? "NULL" : i % 3 == 1 ? "''" : "'a'") + ", " + (i % 10) + ".25)");
            }
            s.execute("INSERT INTO log VALUES ('one', TIMESTAMP '2024-01-02 03:04:05.123456'), ('two', NULL),"
                    + " ('', NULL), (NULL, NULL)");
            new DatabaseExporter(source).export(dir, FormatOptions.DEFAULTS, ProgressListener.NONE);
        }
        new DatabaseImporter(target).importFrom(dir, ProgressListener.NONE);
        return dir;
    }

    private static VerifiedObject entry(VerifyResult result, String name) {
        return result.objects().stream().filter(o -> o.name().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError(name + " not in " + result.objects()));
    }

    private static void execute(Connection connection, String sql) throws SQLException {
        try (Statement s = connection.createStatement()) {
            s.execute(sql);
        }
    }

    @Test
    void anExactCopyVerifiesOkForEveryTable() throws Exception {
        try (Connection target = h2()) {
            Path dir = exportAndImport(target);
            VerifyResult result = new DatabaseVerifier(target).verify(dir);
            assertEquals(List.of("\"PUBLIC\".\"ACTOR\"", "\"PUBLIC\".\"FILM\"", "\"PUBLIC\".\"LOG\""),
                    result.objects().stream().map(VerifiedObject::name).sorted().toList());
            for (VerifiedObject table : result.objects()) {
                assertEquals(Status.OK, table.status(), table.toString());
                assertEquals(table.rowsExpected(), table.rowsFound(), table.toString());
                assertNull(table.detail());
            }
            assertEquals(500, entry(result, "\"PUBLIC\".\"FILM\"").rowsFound());
            assertEquals(507, result.rowsFound());
            assertTrue(result.problems().isEmpty());
            assertEquals(Optional.empty(), result.summary());
            assertTrue(target.getAutoCommit(), "autocommit is left on");
        }
    }

    @Test
    void aChangedRowIsNamedByItsKeyAndColumn() throws Exception {
        try (Connection target = h2()) {
            Path dir = exportAndImport(target);
            execute(target, "UPDATE film SET price = 99 WHERE id = 42");
            VerifiedObject film = entry(new DatabaseVerifier(target).verify(dir), "\"PUBLIC\".\"FILM\"");
            assertEquals(Status.DIFFERS, film.status());
            assertEquals(500, film.rowsExpected());
            assertEquals(500, film.rowsFound());
            assertEquals("ID=42: row differs in column PRICE (expected '2.25', found '99.00')", film.detail());
        }
    }

    @Test
    void theFirstDifferenceInTheExportsOrderIsNamed_andTheOthersCounted() throws Exception {
        try (Connection target = h2()) {
            Path dir = exportAndImport(target);
            execute(target, "DELETE FROM film WHERE id IN (300, 450)");
            execute(target, "INSERT INTO film VALUES (1000, 'New', NULL, 1)");
            execute(target, "UPDATE film SET title = 'Changed' WHERE id = 42");
            VerifiedObject film = entry(new DatabaseVerifier(target).verify(dir), "\"PUBLIC\".\"FILM\"");
            assertEquals("ID=42: row differs in column TITLE (expected 'Film 42', found 'Changed'); 3 more keys differ",
                    film.detail());
            assertEquals(499, film.rowsFound());
        }
    }

    @Test
    void manyDifferencesHoldOnlySomeBucketsOfKeys() throws Exception {
        try (Connection target = h2()) {
            Path dir = exportAndImport(target);
            execute(target, "UPDATE film SET price = 0 WHERE id <= 200");
            VerifiedObject film = entry(new DatabaseVerifier(target).verify(dir), "\"PUBLIC\".\"FILM\"");
            assertTrue(film.detail().matches("ID=\\d+: row differs in column PRICE \\(expected '\\d\\.25', found"
                    + " '0\\.00'\\); more keys differ"), film.detail());
        }
    }

    @Test
    void aMissingRowIsNamed() throws Exception {
        try (Connection target = h2()) {
            Path dir = exportAndImport(target);
            execute(target, "DELETE FROM film WHERE id = 7");
            VerifiedObject film = entry(new DatabaseVerifier(target).verify(dir), "\"PUBLIC\".\"FILM\"");
            assertEquals(Status.DIFFERS, film.status());
            assertEquals(499, film.rowsFound());
            assertEquals("ID=7: missing from the database", film.detail());
        }
    }

    @Test
    void anExtraRowIsNamed() throws Exception {
        try (Connection target = h2()) {
            Path dir = exportAndImport(target);
            execute(target, "INSERT INTO film VALUES (9001, 'New', NULL, 1)");
            VerifiedObject film = entry(new DatabaseVerifier(target).verify(dir), "\"PUBLIC\".\"FILM\"");
            assertEquals(Status.DIFFERS, film.status());
            assertEquals(501, film.rowsFound());
            assertEquals("ID=9001: not in the export", film.detail());
        }
    }

    @Test
    void aMissingTableIsReportedWithTheRowsExpected() throws Exception {
        try (Connection target = h2()) {
            Path dir = exportAndImport(target);
            execute(target, "DROP TABLE log");
            VerifyResult result = new DatabaseVerifier(target).verify(dir);
            VerifiedObject log = entry(result, "\"PUBLIC\".\"LOG\"");
            assertEquals(Status.MISSING, log.status());
            assertEquals(4, log.rowsExpected());
            assertNull(log.rowsFound());
            assertEquals(Status.OK, entry(result, "\"PUBLIC\".\"FILM\"").status());
            assertEquals(Optional.of("VERIFY DATABASE: the database does not match " + dir
                    + ": 1 of 3 tables is missing"), result.summary());
        }
    }

    @Test
    void aTableWithoutKeyIsComparedByItsContent() throws Exception {
        try (Connection target = h2()) {
            Path dir = exportAndImport(target);
            execute(target, "UPDATE log SET line = 'uno' WHERE line = 'one'");
            VerifiedObject changed = entry(new DatabaseVerifier(target).verify(dir), "\"PUBLIC\".\"LOG\"");
            assertEquals(Status.DIFFERS, changed.status());
            assertEquals("content checksum differs", changed.detail());
            execute(target, "DELETE FROM log WHERE line = 'uno'");
            VerifiedObject fewer = entry(new DatabaseVerifier(target).verify(dir), "\"PUBLIC\".\"LOG\"");
            assertEquals("4 rows expected, 3 found", fewer.detail());
        }
    }

    @Test
    void theOrderOfRowsDoesNotMatterButDuplicatesDo() throws Exception {
        try (Connection target = h2()) {
            Path dir = exportAndImport(target);
            execute(target, "DELETE FROM log");
            execute(target, "INSERT INTO log VALUES (NULL, NULL), ('', NULL), ('two', NULL),"
                    + " ('one', TIMESTAMP '2024-01-02 03:04:05.123456')");
            assertEquals(Status.OK, entry(new DatabaseVerifier(target).verify(dir), "\"PUBLIC\".\"LOG\"").status());
            execute(target, "UPDATE log SET line = 'two' WHERE line IS NULL"); // ('two', NULL) twice, same count
            assertEquals(Status.DIFFERS,
                    entry(new DatabaseVerifier(target).verify(dir), "\"PUBLIC\".\"LOG\"").status());
        }
    }

    @Test
    void nullAndTheEmptyStringDiffer() throws Exception {
        try (Connection target = h2()) {
            Path dir = exportAndImport(target);
            execute(target, "UPDATE log SET line = NULL WHERE line = ''");
            VerifiedObject log = entry(new DatabaseVerifier(target).verify(dir), "\"PUBLIC\".\"LOG\"");
            assertEquals(Status.DIFFERS, log.status());
            assertEquals(4, log.rowsFound());
            execute(target, "UPDATE film SET note = '' WHERE id = 3"); // was NULL
            VerifiedObject film = entry(new DatabaseVerifier(target).verify(dir), "\"PUBLIC\".\"FILM\"");
            assertEquals("ID=3: row differs in column NOTE (expected NULL, found '')", film.detail());
        }
    }

    @Test
    void keysWhoseValuesWouldReadAlikeAreToldApart() throws Exception {
        Path dir = temp.resolve("pairs");
        try (Connection source = h2(); Connection target = h2()) {
            execute(source, "CREATE TABLE pair (a VARCHAR(20), b VARCHAR(20), note VARCHAR(10), PRIMARY KEY (a, b))");
            execute(source, "INSERT INTO pair VALUES ('x, B=y', 'z', 'one'), ('x', 'y, B=z', 'two'), ('NULL', '', 'n')");
            new DatabaseExporter(source).export(dir, FormatOptions.DEFAULTS, ProgressListener.NONE);
            new DatabaseImporter(target).importFrom(dir, ProgressListener.NONE);
            execute(target, "UPDATE pair SET note = 'TWO' WHERE a = 'x'");
            execute(target, "UPDATE pair SET note = 'N' WHERE a = 'NULL'");
            assertEquals("A=x, B='y, B=z': row differs in column NOTE (expected 'two', found 'TWO'); 1 more key differs",
                    entry(new DatabaseVerifier(target).verify(dir), "\"PUBLIC\".\"PAIR\"").detail());
            execute(target, "UPDATE pair SET note = 'two' WHERE a = 'x'");
            assertEquals("A='NULL', B='': row differs in column NOTE (expected 'n', found 'N')",
                    entry(new DatabaseVerifier(target).verify(dir), "\"PUBLIC\".\"PAIR\"").detail());
        }
    }

    @Test
    void aUniqueKeyNamesTheRowWhereThereIsNoPrimaryKey() throws Exception {
        try (Connection target = h2()) {
            Path dir = exportAndImport(target);
            execute(target, "UPDATE actor SET name = 'Robert' WHERE code = 'b'");
            VerifiedObject actor = entry(new DatabaseVerifier(target).verify(dir), "\"PUBLIC\".\"ACTOR\"");
            assertEquals("CODE=b: row differs in column NAME (expected 'Bob', found 'Robert')", actor.detail());
        }
    }

    @Test
    void missingIndexesKeysAndViewsAreReported() throws Exception {
        try (Connection target = h2()) {
            Path dir = exportAndImport(target);
            execute(target, "DROP VIEW cheap");
            execute(target, "DROP INDEX film_title");
            execute(target, "ALTER TABLE film DROP CONSTRAINT film_actor");
            VerifyResult result = new DatabaseVerifier(target).verify(dir);
            List<String> missing = result.problems().stream().map(o -> o.status().label() + " " + o.name())
                    .collect(Collectors.toList());
            assertEquals(List.of("missing index FILM_TITLE on PUBLIC.FILM",
                    "missing foreign key FILM_ACTOR (NOTE) on PUBLIC.FILM referencing PUBLIC.ACTOR",
                    "missing view PUBLIC.CHEAP"), missing);
            assertTrue(result.tables().stream().allMatch(o -> o.status() == Status.OK));
            assertEquals(Optional.of("VERIFY DATABASE: the database does not match " + dir
                    + ": 3 schema objects are missing"), result.summary());
        }
    }

    @Test
    void nothingIsMissingInAnExactCopy() throws Exception {
        try (Connection target = h2()) {
            Path dir = exportAndImport(target);
            VerifyResult result = new DatabaseVerifier(target).verify(dir);
            assertFalse(result.objects().stream().anyMatch(o -> o.rowsExpected() == null), result.toString());
        }
    }

    @Test
    void aChunkedTableInParquetIsComparedOverAllItsFiles() throws Exception {
        Path dir = temp.resolve("chunked");
        try (Connection source = h2(); Connection target = h2(); Statement s = source.createStatement()) {
            s.execute("CREATE TABLE big (id BIGINT PRIMARY KEY, v VARCHAR(20), d DOUBLE, t TIMESTAMP(9) WITH TIME ZONE)");
            s.execute("INSERT INTO big SELECT x, CASE WHEN MOD(x, 7) = 0 THEN NULL ELSE 'v' || x END, x / 3.0,"
                    + " TIMESTAMP WITH TIME ZONE '2024-03-31 01:59:59.123456789+02:00' + x * INTERVAL '1' SECOND"
                    + " FROM SYSTEM_RANGE(1, 5000)");
            ExportOptions options = new ExportOptions(FormatOptions.from(Map.of("FORMAT", "parquet"), "COPY"),
                    List.of(), null, 0, 1000);
            new DatabaseExporter(source).export(dir, options, ProgressListener.NONE);
            new DatabaseImporter(target).importFrom(dir, ProgressListener.NONE);
            try (Stream<Path> files = Files.walk(dir)) {
                assertTrue(files.filter(f -> f.toString().endsWith(".parquet")).count() > 1, "the table is in chunks");
            }
            VerifiedObject big = entry(new DatabaseVerifier(target).verify(dir), "\"PUBLIC\".\"BIG\"");
            assertEquals(new VerifiedObject("\"PUBLIC\".\"BIG\"", Status.OK, 5000L, 5000L, null), big);
            execute(target, "UPDATE big SET d = d + 1e-12 WHERE id = 4321");
            assertEquals("ID=4321: row differs in column D (expected '1440.333', found '1440.333000000001')",
                    entry(new DatabaseVerifier(target).verify(dir), "\"PUBLIC\".\"BIG\"").detail());
        }
    }

    @Test
    void editedScriptsAreRefusedUnlessAllowed() throws Exception {
        try (Connection target = h2()) {
            Path dir = exportAndImport(target);
            Path postData = dir.resolve("post-data.sql");
            Files.writeString(postData, Files.readString(postData) + "-- edited\n");
            SQLException refused = assertThrows(SQLException.class, () -> new DatabaseVerifier(target).verify(dir));
            assertEquals("42000", refused.getSQLState());
            assertTrue(refused.getMessage().startsWith("VERIFY DATABASE: post-data.sql in " + dir + " differ from what"
                    + " the export wrote"), refused.getMessage());
            assertTrue(refused.getMessage().endsWith(": VERIFY DATABASE '" + dir + "' (ALLOW_EDITED_SCRIPTS)"),
                    refused.getMessage());
            VerifyResult result = new DatabaseVerifier(target).verify(dir, true);
            assertTrue(result.problems().isEmpty(), result.toString());
        }
    }

    @Test
    void aDirectoryThatIsNotAnExportIsRefused() throws Exception {
        Path empty = Files.createDirectory(temp.resolve("empty"));
        try (Connection target = h2()) {
            SQLException refused = assertThrows(SQLException.class, () -> new DatabaseVerifier(target).verify(empty));
            assertEquals("42000", refused.getSQLState());
            assertEquals("VERIFY DATABASE: " + empty + " has no manifest.json; it is not a complete Ferry export",
                    refused.getMessage());
        }
    }

    @Test
    void aValueOfAFileThatTheTablesColumnCannotHoldIsNamedWithItsFileLineAndColumn() throws Exception {
        try (Connection target = h2()) {
            Path dir = exportAndImport(target);
            execute(target, "DROP TABLE log");
            execute(target, "CREATE TABLE log (line INT, at TIMESTAMP)");
            SQLException failure = assertThrows(SQLException.class, () -> new DatabaseVerifier(target).verify(dir));
            assertEquals("22000", failure.getSQLState(), failure.getMessage());
            assertTrue(failure.getMessage().startsWith("VERIFY DATABASE: comparing table \"PUBLIC\".\"LOG\" with "),
                    failure.getMessage());
            assertTrue(failure.getMessage().matches(".*line 2 of .*, column LINE.*"), failure.getMessage());
            assertTrue(target.getAutoCommit());
        }
    }

    @Test
    void theDatabaseIsLeftAsItWasWithAutocommitOff() throws Exception {
        try (Connection target = h2()) {
            Path dir = exportAndImport(target);
            target.setAutoCommit(false);
            execute(target, "DELETE FROM film WHERE id = 1");
            VerifyResult result = new DatabaseVerifier(target).verify(dir);
            assertEquals(499, entry(result, "\"PUBLIC\".\"FILM\"").rowsFound());
            assertFalse(target.getAutoCommit());
            target.rollback();
            target.setAutoCommit(true);
            assertEquals(Status.OK, entry(new DatabaseVerifier(target).verify(dir), "\"PUBLIC\".\"FILM\"").status());
        }
    }
}
