package dev.ferry.it.realworld;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ferry.it.realworld.RowComparison.Mapped;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opentest4j.AssertionFailedError;

/**
 * The row comparison the real-database tests rest on, on two engines without Ferry between them (H2 and SQLite, each
 * through its own driver): the same values written each engine's way compare equal (a DECIMAL and SQLite's REAL, a
 * BOOLEAN and SQLite's 0/1, a TIMESTAMP and SQLite's ISO text, a padded CHAR, an ARRAY element by element); one
 * changed value, one row more, a column renamed or the text 'NULL' for NULL fails, naming the table and the first
 * differing row; a documented mapping turns the source's value into the target's, and one that changes nothing fails.
 */
class RowComparisonIT {
    @TempDir
    Path temp;

    @Test
    void sameValuesWrittenEachEnginesWayCompareEqualAndAnyChangeFails() throws Exception {
        try (Connection h2 = DriverManager.getConnection("jdbc:h2:mem:rows");
             Connection sqlite = DriverManager.getConnection("jdbc:sqlite:" + temp.resolve("rows.sqlite"))) {
            execute(h2, "CREATE TABLE t (id INTEGER PRIMARY KEY, price DECIMAL(10,3), ok BOOLEAN, at TIMESTAMP(6),"
                    + " code CHAR(5), bytes VARBINARY(4), tags VARCHAR(20) ARRAY, note VARCHAR(20))",
                    "INSERT INTO t VALUES (2, 0.990, TRUE, TIMESTAMP '2009-01-01 00:00:00', 'ab', X'00ff', NULL, NULL),"
                    + " (1, 12.500, FALSE, TIMESTAMP '2007-02-15 22:25:46.996577', 'abcde', NULL,"
                    + " ARRAY['Deleted Scenes', 'x'], '')");
            execute(sqlite, "CREATE TABLE t (id INTEGER PRIMARY KEY, price NUMERIC(10,3), ok BOOLEAN, at DATETIME,"
                    + " code CHAR(5), bytes BLOB, tags TEXT, note VARCHAR(20))",
                    "INSERT INTO t VALUES (1, 12.5, 0, '2007-02-15 22:25:46.996577', 'abcde', NULL,"
                    + " '{\"Deleted Scenes\",x}', ''), (2, 0.99, 1, '2009-01-01T00:00:00', 'ab', X'00ff', NULL, NULL)");
            Mapped tagsAsText = new Mapped("t", "tags", "an array as PostgreSQL's text",
                    RowComparison.POSTGRES_ARRAY_TEXT);
            Map<String, SampleRows.Rows> source = SampleRows.tables(h2);
            assertEquals(Arrays.asList("2", "0.99", "true", "2009-01-01T00:00", "ab", "00ff", null, null),
                    source.get("t").rows().get(1));
            assertEquals("[\"Deleted Scenes\", \"x\"]", source.get("t").rows().get(0).get(6));
            RowComparison.assertSameTables(source, SampleRows.tables(sqlite), tagsAsText);

            AssertionFailedError unmapped = assertThrows(AssertionFailedError.class,
                    () -> RowComparison.assertSameTables(source, SampleRows.tables(sqlite)));
            assertTrue(unmapped.getMessage().startsWith("table t: 2 rows in the source, 2 in the target; first"
                    + " difference at row 0 of the sorted rows, in [tags]"), unmapped.getMessage());

            execute(sqlite, "UPDATE t SET price = 0.991 WHERE id = 2");
            AssertionFailedError changed = assertThrows(AssertionFailedError.class,
                    () -> RowComparison.assertSameTables(source, SampleRows.tables(sqlite), tagsAsText));
            assertTrue(changed.getMessage().contains("in [price]") && changed.getMessage().contains("price=0.991"),
                    changed.getMessage());
            execute(sqlite, "UPDATE t SET price = 0.99 WHERE id = 2", "INSERT INTO t (id) VALUES (3)");
            assertThrows(AssertionFailedError.class,
                    () -> RowComparison.assertSameTables(source, SampleRows.tables(sqlite), tagsAsText));
            execute(sqlite, "DELETE FROM t WHERE id = 3", "ALTER TABLE t RENAME COLUMN note TO remark");
            assertThrows(AssertionFailedError.class,
                    () -> RowComparison.assertSameTables(source, SampleRows.tables(sqlite), tagsAsText));

            execute(sqlite, "ALTER TABLE t RENAME COLUMN remark TO note", "UPDATE t SET note = 'NULL' WHERE id = 2");
            AssertionFailedError nullText = assertThrows(AssertionFailedError.class,
                    () -> RowComparison.assertSameTables(source, SampleRows.tables(sqlite), tagsAsText));
            assertTrue(nullText.getMessage().contains("in [note]"), nullText.getMessage());

            Mapped needless = new Mapped("t", "code", "nothing", value -> value);
            AssertionFailedError unneeded = assertThrows(AssertionFailedError.class,
                    () -> RowComparison.assertSameRows("t", source.get("t"), source.get("t"), needless));
            assertTrue(unneeded.getMessage().contains("changes no value"), unneeded.getMessage());
        }
    }

    @Test
    void postgresArrayTextQuotesAsPostgresqlDoes() {
        assertEquals("{a,\"b c\",\"\",\"NULL\",NULL,\"q\\\"\\\\\",\"{x}\"}", RowComparison.POSTGRES_ARRAY_TEXT.apply(
                "[\"a\", \"b c\", \"\", \"NULL\", NULL, \"q\\\"\\\\\", \"{x}\"]"));
        assertEquals(null, RowComparison.POSTGRES_ARRAY_TEXT.apply(null));
    }

    private static void execute(Connection c, String... statements) throws Exception {
        try (Statement s = c.createStatement()) {
            for (String sql : statements) {
                s.execute(sql);
            }
        }
    }
}
