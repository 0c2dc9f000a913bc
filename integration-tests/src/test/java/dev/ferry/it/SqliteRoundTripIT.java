package dev.ferry.it;

import static dev.ferry.it.TestDatabases.execute;
import static dev.ferry.it.TestDatabases.value;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** EXPORT then IMPORT into a fresh SQLite database file: every schema object and every value comes back. */
class SqliteRoundTripIT {
    @TempDir
    Path temp;

    /**
     * Awkward names, every kind of key (AUTOINCREMENT with deleted rows, composite, self-referencing, a cycle,
     * deferrable), WITHOUT ROWID and STRICT tables, collations and conflict clauses, generated columns, CHECKs, partial,
     * expression and descending indexes, views on views, triggers of each timing, and the header's user_version.
     */
    static void createSample(Connection connection) throws SQLException {
        execute(connection,
                "CREATE TABLE \"Order \"\"Items\"\"\" (id INTEGER PRIMARY KEY AUTOINCREMENT,"
                        + " \"line.no\" SMALLINT NOT NULL DEFAULT 1, \"ünïcødé 😀\" DECIMAL(20,5) DEFAULT 0,"
                        + " note VARCHAR(50) DEFAULT 'it''s, \"new\"', \"select\" BOOLEAN CHECK (\"select\" IN (0, 1)),"
                        + " code TEXT COLLATE NOCASE UNIQUE ON CONFLICT IGNORE,"
                        + " created DATETIME DEFAULT CURRENT_TIMESTAMP, tag TEXT DEFAULT (lower(hex(randomblob(4)))),"
                        + " total REAL GENERATED ALWAYS AS (\"line.no\" * 2.5) VIRTUAL,"
                        + " label TEXT AS (upper(note)) STORED,"
                        + " CONSTRAINT \"note isn't long\" CHECK (length(note) < 40))",
                "CREATE TABLE parent (a INT CHECK (a > 0), b VARCHAR(10), c TIMESTAMP, PRIMARY KEY (a, b),"
                        + " UNIQUE (c, a)) WITHOUT ROWID",
                "CREATE TABLE child (id INTEGER PRIMARY KEY, pa INT, pb VARCHAR(10), boss INTEGER"
                        + " REFERENCES child (id) ON DELETE SET NULL, payload BLOB, doc CLOB, anything,"
                        + " CONSTRAINT fk_child_parent FOREIGN KEY (pa, pb) REFERENCES parent (a, b)"
                        + " ON DELETE CASCADE ON UPDATE SET NULL DEFERRABLE INITIALLY DEFERRED)",
                "CREATE TABLE chicken (id INTEGER PRIMARY KEY, egg INTEGER REFERENCES egg (id))",
                "CREATE TABLE egg (id INTEGER PRIMARY KEY, chicken INTEGER REFERENCES chicken (id))",
                "CREATE TABLE strict_things (k TEXT PRIMARY KEY, n INTEGER NOT NULL, r REAL, b BLOB, v ANY) STRICT",
                "CREATE TABLE audit (at INTEGER PRIMARY KEY AUTOINCREMENT, what TEXT)",
                "CREATE TABLE keyless (x, y)",
                "CREATE UNIQUE INDEX \"ix spaced.name\" ON \"Order \"\"Items\"\"\" (note DESC, \"select\")",
                "CREATE INDEX ix_child_lower_doc ON child (lower(doc)) WHERE doc IS NOT NULL",
                "CREATE INDEX ix_child_pb ON child (pb COLLATE NOCASE DESC, pa)",
                "CREATE VIEW z_parents AS SELECT a, b FROM parent WHERE a > 1",
                "CREATE VIEW a_named_parents (name, twice) AS SELECT b, a * 2 FROM z_parents",
                "CREATE VIEW \"all names\" AS SELECT name FROM a_named_parents UNION ALL SELECT note FROM"
                        + " \"Order \"\"Items\"\"\"",
                "CREATE TRIGGER child_audit AFTER INSERT ON child BEGIN"
                        + " INSERT INTO audit (what) VALUES ('child ' || NEW.id || '; added'); END",
                "CREATE TRIGGER \"parent stamp\" BEFORE UPDATE OF b ON parent FOR EACH ROW WHEN NEW.b <> OLD.b BEGIN"
                        + " INSERT INTO audit (what) VALUES ('parent;' || OLD.b); INSERT INTO audit (what) VALUES ('x'); END",
                "CREATE TRIGGER names_insert INSTEAD OF INSERT ON z_parents BEGIN"
                        + " INSERT INTO parent (a, b) VALUES (NEW.a, NEW.b); END",
                "PRAGMA user_version = 42",
                "PRAGMA application_id = 1179800153");
        execute(connection,
                "INSERT INTO \"Order \"\"Items\"\"\" (\"line.no\", \"ünïcødé 😀\", note, \"select\", code) VALUES"
                        + " (1, 12345678901.56789, NULL, 1, 'A'), (1, -0.00001, '', 0, 'b'), (2, 0, 'a\"b,c' || char(10)"
                        + " || 'd', NULL, NULL), (3, 1, 'gone', 1, 'gone')",
                "DELETE FROM \"Order \"\"Items\"\"\" WHERE note = 'gone'",
                "INSERT INTO parent VALUES (1, 'x', '2024-01-01 00:00:00.001'), (2, 'y''z', NULL), (3, '', NULL)",
                "INSERT INTO child (pa, pb, boss, payload, doc, anything) VALUES (1, 'x', NULL, x'00ff', 'Long Text', 1),"
                        + " (2, 'y''z', 1, x'', '', 'text'), (NULL, NULL, 2, NULL, NULL, x'01'), (3, '', 3, NULL, NULL, 2.5)",
                "INSERT INTO chicken VALUES (1, NULL)", "INSERT INTO egg VALUES (1, 1)",
                "UPDATE chicken SET egg = 1",
                "INSERT INTO strict_things VALUES ('k1', 1, 1.5, x'ab', '1'), ('k2', -2, NULL, NULL, 1)",
                "INSERT INTO keyless VALUES (NULL, NULL), ('', x''), ('dup', 1), ('dup', 1)",
                "UPDATE parent SET b = 'w' WHERE a = 3");
    }

    @ParameterizedTest
    @ValueSource(strings = {"csv", "parquet"})
    void everyObjectAndValueComesBack(String format) throws Exception {
        Path dir = temp.resolve("export");
        try (Connection source = DriverManager.getConnection(SqliteFiles.url(temp.resolve("source.db")));
             Connection target = DriverManager.getConnection(SqliteFiles.url(temp.resolve("target.db")))) {
            createSample(source);
            try (Statement export = source.createStatement()) {
                export.execute("EXPORT DATABASE '" + dir + "' (FORMAT " + format + ")");
                assertNull(export.getWarnings(), "nothing goes uncarried");
            }
            execute(target, "IMPORT DATABASE '" + dir + "'");

            assertEquals(SqliteFiles.catalog(source), SqliteFiles.catalog(target));
            List<String> tables = tables(source);
            assertEquals(8, tables.size(), tables.toString());
            for (String table : tables) {
                assertEquals(SqliteFiles.rows(source, table), SqliteFiles.rows(target, table), table);
            }
            assertEquals(6L, ((Number) value(target, "SELECT count(*) FROM audit")).longValue(),
                    "the source's six audit rows (four child inserts, one update of two), none from a loaded row");

            // They behave alike from here on: the next AUTOINCREMENT value (after a deleted row), triggers, views.
            for (Connection connection : List.of(source, target)) {
                execute(connection, "INSERT INTO \"Order \"\"Items\"\"\" (code) VALUES ('new')",
                        "INSERT INTO child (doc) VALUES ('after')", "INSERT INTO z_parents VALUES (7, 'v')");
            }
            assertEquals(5, ((Number) value(target, "SELECT max(id) FROM \"Order \"\"Items\"\"\"")).intValue());
            String keys = "SELECT id, code FROM \"Order \"\"Items\"\"\" ORDER BY id";
            assertEquals(TestDatabases.rows(source, keys), TestDatabases.rows(target, keys));
            assertEquals(SqliteFiles.rows(source, "audit"), SqliteFiles.rows(target, "audit"));
            assertEquals(TestDatabases.rows(source, "SELECT * FROM \"all names\" ORDER BY 1"),
                    TestDatabases.rows(target, "SELECT * FROM \"all names\" ORDER BY 1"));
            assertEquals(List.of(List.of("ok")), TestDatabases.rows(target, "PRAGMA integrity_check"));
        }
    }

    @Test
    void foreignKeysEnforcedByTheTargetAreCheckedWhenTheImportCommits() throws Exception {
        Path dir = temp.resolve("export");
        try (Connection source = DriverManager.getConnection(SqliteFiles.url(temp.resolve("source.db")))) {
            execute(source, "CREATE TABLE chicken (id INTEGER PRIMARY KEY, egg INTEGER REFERENCES egg (id))",
                    "CREATE TABLE egg (id INTEGER PRIMARY KEY, chicken INTEGER REFERENCES chicken (id),"
                            + " mother INTEGER REFERENCES egg (id))",
                    "INSERT INTO chicken VALUES (1, 2), (2, 1)", "INSERT INTO egg VALUES (1, 1, NULL), (2, 2, 1)");
            execute(source, "EXPORT DATABASE '" + dir + "'");
            execute(source, "INSERT INTO egg VALUES (3, 99, NULL)");
            execute(source, "EXPORT DATABASE '" + temp.resolve("orphan") + "'");
        }
        String enforcing = "?foreign_keys=true";
        try (Connection target = DriverManager.getConnection(SqliteFiles.url(temp.resolve("target.db")) + enforcing)) {
            assertEquals(1, ((Number) value(target, "PRAGMA foreign_keys")).intValue());
            execute(target, "IMPORT DATABASE '" + dir + "'");
            assertEquals(List.of(), TestDatabases.rows(target, "PRAGMA foreign_key_check"));
            assertEquals(2L, ((Number) value(target, "SELECT count(*) FROM egg")).longValue());
            assertEquals(1, ((Number) value(target, "PRAGMA foreign_keys")).intValue(), "enforcement stays on");
        }
        try (Connection target = DriverManager.getConnection(SqliteFiles.url(temp.resolve("strict.db")) + enforcing)) {
            SQLException e = assertThrows(SQLException.class,
                    () -> execute(target, "IMPORT DATABASE '" + temp.resolve("orphan") + "'"));
            assertTrue(e.getMessage().contains("FOREIGN KEY constraint failed"), e.getMessage());
            assertEquals(List.of(), tables(target), "the failed import is undone");
        }
        try (Connection target = DriverManager.getConnection(SqliteFiles.url(temp.resolve("lenient.db")))) {
            execute(target, "IMPORT DATABASE '" + temp.resolve("orphan") + "'");
            assertEquals(List.of(List.of("egg", 3, "chicken")),
                    TestDatabases.rows(target, "SELECT \"table\", rowid, parent FROM pragma_foreign_key_check"),
                    "without enforcement the orphan is copied as it is");
        }
    }

    @Test
    void aFailedImportLeavesTheDatabaseEmpty() throws Exception {
        Path dir = temp.resolve("export");
        try (Connection source = DriverManager.getConnection(SqliteFiles.url(temp.resolve("source.db")))) {
            createSample(source);
            execute(source, "EXPORT DATABASE '" + dir + "'");
        }
        Files.writeString(dir.resolve("post-data.sql"), "INSERT INTO nowhere VALUES (1);\n",
                java.nio.file.StandardOpenOption.APPEND);
        try (Connection target = DriverManager.getConnection(SqliteFiles.url(temp.resolve("target.db")))) {
            SQLException e = assertThrows(SQLException.class, () -> execute(target, "IMPORT DATABASE '" + dir + "' (ALLOW_EDITED_SCRIPTS)"));
            assertTrue(e.getMessage().contains("post-data.sql line"), e.getMessage());
            assertEquals(List.of(), TestDatabases.rows(target, "SELECT name FROM sqlite_master"
                    + " WHERE name <> 'sqlite_sequence'"), "tables, data, indexes and views are rolled back");
            assertEquals(0, ((Number) value(target, "PRAGMA user_version")).intValue());
        }
    }

    @Test
    void anImportIntoADatabaseWithTablesIsRefused() throws Exception {
        Path dir = temp.resolve("export");
        try (Connection source = DriverManager.getConnection(SqliteFiles.url(temp.resolve("source.db")));
             Connection target = DriverManager.getConnection(SqliteFiles.url(temp.resolve("target.db")))) {
            execute(source, "CREATE TABLE t (x)", "INSERT INTO t VALUES (1)", "EXPORT DATABASE '" + dir + "'");
            execute(target, "CREATE TABLE mine (y)");
            SQLException e = assertThrows(SQLException.class, () -> execute(target, "IMPORT DATABASE '" + dir + "'"));
            assertEquals("42000", e.getSQLState());
            assertTrue(e.getMessage().contains("TABLE mine"), e.getMessage());
        }
    }

    @Test
    void virtualTablesAreRefusedAndAttachedDatabasesNamedInAWarning() throws Exception {
        try (Connection source = DriverManager.getConnection(SqliteFiles.url(temp.resolve("source.db")))) {
            execute(source, "CREATE TABLE t (x)", "ATTACH DATABASE '" + temp.resolve("other.db") + "' AS other",
                    "CREATE TABLE other.elsewhere (y)");
            try (Statement export = source.createStatement()) {
                export.execute("EXPORT DATABASE '" + temp.resolve("with-attached") + "'");
                SQLWarning warning = export.getWarnings();
                assertEquals("Attached database other is not exported (Ferry exports the main database only)",
                        warning.getMessage());
                assertNull(warning.getNextWarning());
            }
            assertTrue(Files.readString(temp.resolve("with-attached").resolve("manifest.json"))
                    .contains("Attached database other is not exported"));

            execute(source, "CREATE VIRTUAL TABLE docs USING fts5(body)");
            Path refused = temp.resolve("refused");
            SQLException e = assertThrows(SQLException.class,
                    () -> execute(source, "EXPORT DATABASE '" + refused + "'"));
            assertEquals("0A000", e.getSQLState());
            assertTrue(e.getMessage().contains("virtual table docs"), e.getMessage());
            assertFalse(Files.exists(refused));
        }
    }

    /** The user's tables, in name order. */
    private static List<String> tables(Connection connection) throws SQLException {
        List<String> names = new ArrayList<>();
        for (List<Object> row : TestDatabases.rows(connection, "SELECT name FROM sqlite_master WHERE type = 'table'"
                + " AND name NOT LIKE 'sqlite%' ORDER BY name")) {
            names.add((String) row.get(0));
        }
        return names;
    }
}
