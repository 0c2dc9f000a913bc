package dev.ferry.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * An HSQLDB 2.5.2 database file moved to HSQLDB 2.7.4 as a user runs it: exported with
 * {@code ferry.jar --driver hsqldb-2.5.2.jar} and imported into a new file with {@code --driver hsqldb-2.7.4.jar}, each
 * command in a JVM of its own. The test reads both databases through class loaders of their own, one per version,
 * and compares their catalogs (columns with their types, keys, checks, indexes, views, sequences and identity
 * positions) and every row of every table and view.
 *
 * <p>Unlike H2 2.x and DuckDB 1.x, HSQLDB 2.7.4 opens a 2.5.2 file itself (and rewrites it for 2.7.4 as it does;
 * {@link #hsqldbTwoSevenOpensTheOldFileItself}): this move is not needed to read the data with the new version. It
 * gives a new file written by 2.7.4 alone, and the same export imports into another engine.
 */
class HsqldbUpgradeIT {
    /** What the source hands out next, asked of both versions alike. */
    private static final List<String> NEXT = List.of(
            "SELECT NEXT VALUE FOR SALES.ORDER_NO FROM (VALUES (0))",
            "SELECT NEXT VALUE FOR PUBLIC.TICKETS FROM (VALUES (0))",
            "SELECT NEXT VALUE FOR PUBLIC.TICKETS FROM (VALUES (0))",
            "SELECT NEXT VALUE FOR PUBLIC.COUNTDOWN FROM (VALUES (0))",
            "SELECT NEXT VALUE FOR PUBLIC.UNUSED FROM (VALUES (0))");

    private static Path ferryJar;
    private static Path oldJar;
    private static Path newJar;
    private static IsolatedJdbc hsqldbOld;
    private static IsolatedJdbc hsqldbNew;

    @TempDir
    Path temp;

    @BeforeAll
    static void engines() throws Exception {
        ferryJar = JavaProcess.fileFromProperty("ferry.jar");
        oldJar = JavaProcess.fileFromProperty("ferry.hsqldb.old.jar");
        newJar = JavaProcess.fileFromProperty("ferry.hsqldb.new.jar");
        hsqldbOld = IsolatedJdbc.load(oldJar);
        hsqldbNew = IsolatedJdbc.load(newJar);
    }

    @AfterAll
    static void closeEngines() throws Exception {
        hsqldbOld.close();
        hsqldbNew.close();
    }

    @ParameterizedTest
    @ValueSource(strings = {"csv", "parquet"})
    void anHsqldbTwoFiveDatabaseMovesToTwoSevenThroughTheCommandLine(String format) throws Exception {
        boolean parquet = format.equals("parquet");
        String oldUrl = "jdbc:hsqldb:file:" + temp.resolve("old");
        Map<String, List<List<Object>>> catalog;
        Map<String, List<List<Object>>> data;
        try (Connection old = hsqldbOld.connect(oldUrl, "SA")) {
            HsqldbOldDatabase.create(old);
            catalog = HsqldbVersionCatalog.describe(old);
            data = HsqldbVersionRows.of(old, parquet);
            TestDatabases.execute(old, "SHUTDOWN");
        }

        JavaProcess.Result exported = JavaProcess.ferry(temp, ferryJar,
                "--driver", oldJar.toString(), "jdbc:hsqldb:file:./old",
                "-c", "EXPORT DATABASE 'tmp'" + (parquet ? " (FORMAT parquet)" : ""));
        assertEquals(0, exported.exitCode(), exported.toString());
        for (String warning : List.of(
                "Warning: Routine PUBLIC.TWICE is not exported",
                "Warning: Trigger PUBLIC.NO_KEYS_MARK is not exported")) {
            assertTrue(exported.err().contains(warning), warning + "\n" + exported);
        }
        if (parquet) {
            for (String column : List.of("TSTZ", "TITZ")) {
                assertTrue(exported.err().contains("Table \"PUBLIC\".\"TYPES\", column " + column + ": 2 values had an"
                        + " offset other than +00:00"), "the offsets Parquet drops are named\n" + exported);
            }
        }

        JavaProcess.Result imported = JavaProcess.ferry(temp, ferryJar,
                "--driver", newJar.toString(), "jdbc:hsqldb:file:./new",
                "-c", "IMPORT DATABASE 'tmp'");
        assertEquals(0, imported.exitCode(), imported.toString());

        List<List<Object>> nextInCopy;
        try (Connection copy = hsqldbNew.connect("jdbc:hsqldb:file:" + temp.resolve("new") + ";ifexists=true", "SA")) {
            assertEquals("2.7.4", TestDatabases.value(copy, "SELECT DATABASE_VERSION() FROM (VALUES (0))"));
            assertEquals(catalog, HsqldbVersionCatalog.describe(copy));
            assertEquals(data, HsqldbVersionRows.of(copy, parquet));
            nextInCopy = next(copy);
            TestDatabases.execute(copy, "SHUTDOWN");
        }
        try (Connection old = hsqldbOld.connect(oldUrl + ";ifexists=true", "SA")) {
            assertEquals(next(old), nextInCopy);
            TestDatabases.execute(old, "SHUTDOWN");
        }
        assertEquals(List.of(List.of("1010"), List.of("2"), List.of("3"), List.of("90"), List.of("42"), List.of("4"),
                List.of("120")), nextInCopy, "the values the source hands out next");
    }

    /** HSQLDB 2.7.4 opens the file 2.5.2 wrote, every row there, and marks it as its own. */
    @Test
    void hsqldbTwoSevenOpensTheOldFileItself() throws Exception {
        String oldUrl = "jdbc:hsqldb:file:" + temp.resolve("old");
        Map<String, List<List<Object>>> data;
        try (Connection old = hsqldbOld.connect(oldUrl, "SA")) {
            HsqldbOldDatabase.create(old);
            data = HsqldbVersionRows.of(old, false);
            TestDatabases.execute(old, "SHUTDOWN");
        }
        try (Connection opened = hsqldbNew.connect(oldUrl + ";ifexists=true", "SA")) {
            assertEquals(data, HsqldbVersionRows.of(opened, false));
            TestDatabases.execute(opened, "SHUTDOWN");
        }
        assertTrue(Files.readString(temp.resolve("old.properties")).contains("version=2.7.4"));
    }

    /** Sequence positions and the identity columns' next values, asked of one database. */
    private static List<List<Object>> next(Connection connection) throws SQLException {
        List<List<Object>> values = new ArrayList<>();
        for (String sql : NEXT) {
            values.addAll(text(TestDatabases.rows(connection, sql)));
        }
        TestDatabases.execute(connection,
                "INSERT INTO SALES.CUSTOMERS (NAME) VALUES ('New')",
                "INSERT INTO SALES.ORDERS (CUSTOMER_ID, TOTAL) VALUES (1, 1)");
        values.addAll(text(TestDatabases.rows(connection, "SELECT ID FROM SALES.CUSTOMERS WHERE NAME = 'New'")));
        values.addAll(text(TestDatabases.rows(connection, "SELECT ID FROM SALES.ORDERS WHERE TOTAL = 1")));
        return values;
    }

    private static List<List<Object>> text(List<List<Object>> rows) {
        return rows.stream().map(row -> row.stream().map(v -> (Object) String.valueOf(v)).toList()).toList();
    }
}
