package dev.ferry.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An HSQLDB 2.5.2 database file moved to HSQLDB 2.7.4 as a user runs it: exported with
 * {@code ferry.jar --driver hsqldb-2.5.2.jar} and imported into a new file with {@code --driver hsqldb-2.7.4.jar}, each
 * command in a JVM of its own. The test reads both databases through class loaders of their own, one per version,
 * and compares their catalogs (columns with their types, keys, checks, indexes, views, sequences and identity
 * positions) and every row of every table and view ({@link VersionUpgrade}).
 *
 * <p>Unlike H2 2.x and DuckDB 1.x, HSQLDB 2.7.4 opens a 2.5.2 file itself (and rewrites it for 2.7.4 as it does;
 * {@link #hsqldbTwoSevenOpensTheOldFileItself}): this move is not needed to read the data with the new version. It
 * gives a new file written by 2.7.4 alone, and the same export imports into another engine.
 */
class HsqldbUpgradeIT extends VersionUpgrade {
    /** What the source hands out next, asked of both versions alike. */
    private static final List<String> NEXT = List.of(
            "SELECT NEXT VALUE FOR SALES.ORDER_NO FROM (VALUES (0))",
            "SELECT NEXT VALUE FOR PUBLIC.TICKETS FROM (VALUES (0))",
            "SELECT NEXT VALUE FOR PUBLIC.TICKETS FROM (VALUES (0))",
            "SELECT NEXT VALUE FOR PUBLIC.COUNTDOWN FROM (VALUES (0))",
            "SELECT NEXT VALUE FOR PUBLIC.UNUSED FROM (VALUES (0))");

    HsqldbUpgradeIT() {
        super("hsqldb");
    }

    @Override
    String url(String file) {
        return "jdbc:hsqldb:file:" + file;
    }

    @Override
    String ifExists() {
        return ";ifexists=true";
    }

    /** HSQLDB's default user, which the command line takes when given none. */
    @Override
    String user() {
        return "SA";
    }

    @Override
    void createOldDatabase(Connection old) throws SQLException {
        HsqldbOldDatabase.create(old);
    }

    @Override
    Map<String, List<List<Object>>> catalog(Connection database) throws SQLException {
        return HsqldbVersionCatalog.describe(database);
    }

    @Override
    Map<String, List<List<Object>>> rows(Connection database, boolean instantsOnly) throws SQLException {
        return HsqldbVersionRows.of(database, instantsOnly);
    }

    @Override
    List<String> exportWarnings() {
        return List.of(
                "Warning: Routine PUBLIC.TWICE is not exported",
                "Warning: Trigger PUBLIC.NO_KEYS_MARK is not exported");
    }

    @Override
    void checkCopy(Connection copy) throws SQLException {
        assertEquals("2.7.4", TestDatabases.value(copy, "SELECT DATABASE_VERSION() FROM (VALUES (0))"));
    }

    @Override
    void release(Connection database) throws SQLException {
        TestDatabases.execute(database, "SHUTDOWN");
    }

    @Override
    List<String> nextQueries() {
        return NEXT;
    }

    @Override
    List<String> nextInserts() {
        return List.of(
                "INSERT INTO SALES.CUSTOMERS (NAME) VALUES ('New')",
                "INSERT INTO SALES.ORDERS (CUSTOMER_ID, TOTAL) VALUES (1, 1)");
    }

    @Override
    List<String> insertedQueries() {
        return List.of(
                "SELECT ID FROM SALES.CUSTOMERS WHERE NAME = 'New'",
                "SELECT ID FROM SALES.ORDERS WHERE TOTAL = 1");
    }

    /** Values as text: the versions give numbers in Java types of their own. */
    @Override
    Object comparable(Object value) {
        return String.valueOf(value);
    }

    @Override
    List<List<Object>> expectedNext() {
        return List.of(List.of("1010"), List.of("2"), List.of("3"), List.of("90"), List.of("42"), List.of("4"),
                List.of("120"));
    }

    /** HSQLDB 2.7.4 opens the file 2.5.2 wrote, every row there, and marks it as its own. */
    @Test
    void hsqldbTwoSevenOpensTheOldFileItself(@TempDir Path temp) throws Exception {
        String oldUrl = url(temp.resolve("old").toString());
        Map<String, List<List<Object>>> data;
        try (Connection old = oldVersion().connect(oldUrl, user())) {
            HsqldbOldDatabase.create(old);
            data = HsqldbVersionRows.of(old, false);
            TestDatabases.execute(old, "SHUTDOWN");
        }
        try (Connection opened = newVersion().connect(oldUrl + ifExists(), user())) {
            assertEquals(data, HsqldbVersionRows.of(opened, false));
            TestDatabases.execute(opened, "SHUTDOWN");
        }
        assertTrue(Files.readString(temp.resolve("old.properties")).contains("version=2.7.4"));
    }
}
