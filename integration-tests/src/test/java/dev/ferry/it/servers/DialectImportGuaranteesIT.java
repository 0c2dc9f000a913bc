package dev.ferry.it.servers;

import static dev.ferry.it.servers.ServerQueries.rows;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ferry.it.realworld.MariaDbChinook;
import dev.ferry.it.realworld.PostgresChinook;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * IMPORT's guarantees for an export whose scripts were written for the target by another engine ({@code DIALECT}):
 * Chinook loaded into PostgreSQL by psql and exported {@code (DIALECT mariadb)}, and loaded into MariaDB by its own
 * client and exported {@code (DIALECT postgresql)}. A failed import leaves nothing behind, and a second import into
 * the database the first one filled is refused as not empty (SQLState 42000) before it creates anything.
 */
class DialectImportGuaranteesIT {
    private final TestServer postgres = TestServer.postgres();
    private final TestServer mariadb = TestServer.mariadb();

    @TempDir
    Path temp;

    @Test
    void postgresChinookForMariaDbFailedImportLeavesNothing() throws Exception {
        Path dir = exportPostgresChinookFor("mariadb");
        breakPostData(dir);
        String target = mariadb.createDatabase();
        try {
            SQLException failure = assertThrows(SQLException.class, () -> importInto(mariadb, target, dir));
            assertTrue(failure.getMessage().contains("ferry_no_such_table"), failure.getMessage());
            assertEquals(List.of(), mariaDbObjects(target), "left behind by the failed import");
        } finally {
            mariadb.dropDatabase(target);
        }
    }

    @Test
    void postgresChinookForMariaDbSecondImportIsRefused() throws Exception {
        Path dir = exportPostgresChinookFor("mariadb");
        String target = mariadb.createDatabase();
        try {
            importInto(mariadb, target, dir);
            int objects = mariaDbObjects(target).size();
            assertTrue(objects >= 11, "Chinook's 11 tables imported: " + objects);
            SQLException refusal = assertThrows(SQLException.class, () -> importInto(mariadb, target, dir));
            assertEquals("42000", refusal.getSQLState(), refusal.getMessage());
            assertTrue(refusal.getMessage().contains("runs only into an empty database"), refusal.getMessage());
            assertEquals(objects, mariaDbObjects(target).size(), "the refusal touched nothing");
        } finally {
            mariadb.dropDatabase(target);
        }
    }

    /**
     * PostgreSQL's {@code public} and a second schema, for MariaDB: the scripts name public's tables without a
     * database (the importing connection's) and the other schema's with theirs, a database the import creates.
     */
    @Test
    void postgresChinookAndASecondSchemaForMariaDb() throws Exception {
        String source = postgres.createDatabase();
        String second = "ferry_it_schema_" + source.substring("ferry_it_".length());
        Path dir;
        try {
            PostgresChinook.load(postgres, source);
            try (Connection c = postgres.connect(source)) {
                ServerQueries.execute(c, "CREATE SCHEMA " + second,
                        "CREATE TABLE " + second + ".notes (id INT PRIMARY KEY, album_id INT)",
                        "INSERT INTO " + second + ".notes VALUES (1, 1)");
            }
            dir = export(postgres, source, "mariadb");
        } finally {
            postgres.dropDatabase(source);
        }
        Path broken = temp.resolve("broken");
        copy(dir, broken);
        breakPostData(broken);
        String target = mariadb.createDatabase();
        try {
            SQLException failure = assertThrows(SQLException.class, () -> importInto(mariadb, target, broken));
            assertTrue(failure.getMessage().contains("ferry_no_such_table"), failure.getMessage());
            assertEquals(List.of(), mariaDbObjects(target, second), "left behind by the failed import");
            assertEquals(List.of(), databases(second), "the database the failed import created");

            importInto(mariadb, target, dir);
            int objects = mariaDbObjects(target, second).size();
            assertEquals(12, objects, "Chinook's 11 tables and notes");
            SQLException refusal = assertThrows(SQLException.class, () -> importInto(mariadb, target, dir));
            assertEquals("42000", refusal.getSQLState(), refusal.getMessage());
            assertTrue(refusal.getMessage().contains("runs only where they do not exist or are empty"),
                    refusal.getMessage());
            assertEquals(objects, mariaDbObjects(target, second).size(), "the refusal touched nothing");
        } finally {
            mariadb.dropDatabase(target);
            mariadb.dropDatabase(second);
        }
    }

    private static void copy(Path from, Path to) throws Exception {
        Files.createDirectories(to);
        try (var files = Files.walk(from)) {
            for (Path file : files.filter(f -> !f.equals(from)).toList()) {
                Files.copy(file, to.resolve(from.relativize(file).toString()));
            }
        }
    }

    private List<List<String>> databases(String name) throws SQLException {
        try (Connection c = mariadb.connect("information_schema")) {
            return rows(c, "SELECT SCHEMA_NAME FROM information_schema.SCHEMATA WHERE SCHEMA_NAME = '" + name + "'");
        }
    }

    @Test
    void mariaDbChinookForPostgresFailedImportLeavesNothing() throws Exception {
        Path dir = exportMariaDbChinookFor("postgresql");
        breakPostData(dir);
        String target = postgres.createDatabase();
        try {
            SQLException failure = assertThrows(SQLException.class, () -> importInto(postgres, target, dir));
            assertTrue(failure.getMessage().contains("ferry_no_such_table"), failure.getMessage());
            assertEquals(List.of(), postgresObjects(target), "left behind by the failed import");
        } finally {
            postgres.dropDatabase(target);
        }
    }

    @Test
    void mariaDbChinookForPostgresSecondImportIsRefused() throws Exception {
        Path dir = exportMariaDbChinookFor("postgresql");
        String target = postgres.createDatabase();
        try {
            importInto(postgres, target, dir);
            int objects = postgresObjects(target).size();
            assertTrue(objects >= 11, "Chinook's 11 tables imported: " + objects);
            SQLException refusal = assertThrows(SQLException.class, () -> importInto(postgres, target, dir));
            assertEquals("42000", refusal.getSQLState(), refusal.getMessage());
            assertTrue(refusal.getMessage().contains("runs only into an empty database"), refusal.getMessage());
            assertEquals(objects, postgresObjects(target).size(), "the refusal touched nothing");
        } finally {
            postgres.dropDatabase(target);
        }
    }

    private Path exportPostgresChinookFor(String dialect) throws Exception {
        String source = postgres.createDatabase();
        try {
            PostgresChinook.load(postgres, source);
            return export(postgres, source, dialect);
        } finally {
            postgres.dropDatabase(source);
        }
    }

    private Path exportMariaDbChinookFor(String dialect) throws Exception {
        String source = mariadb.createDatabase();
        try {
            MariaDbChinook.load(mariadb, source);
            return export(mariadb, source, dialect);
        } finally {
            mariadb.dropDatabase(source);
        }
    }

    private Path export(TestServer server, String database, String dialect) throws SQLException {
        Path dir = temp.resolve("chinook-for-" + dialect);
        try (Connection ferry = server.connectFerry(database); Statement statement = ferry.createStatement()) {
            statement.execute("EXPORT DATABASE '" + dir + "' (DIALECT " + dialect + ")");
        }
        return dir;
    }

    /** A statement that fails, added at the end of post-data.sql: the import fails after everything else ran. */
    private static void breakPostData(Path dir) throws Exception {
        Files.writeString(dir.resolve("post-data.sql"), "\nDELETE FROM ferry_no_such_table;\n",
                StandardCharsets.UTF_8, StandardOpenOption.APPEND);
    }

    /** Imports {@code dir}, whose post-data.sql these tests may have broken on purpose (hence ALLOW_EDITED_SCRIPTS). */
    private static void importInto(TestServer server, String database, Path dir) throws SQLException {
        try (Connection ferry = server.connectFerry(database); Statement statement = ferry.createStatement()) {
            statement.execute("IMPORT DATABASE '" + dir + "' (ALLOW_EDITED_SCRIPTS)");
        }
    }

    /** Every table, view, sequence and routine of {@code database} on MariaDB, and any database the import made. */
    private List<List<String>> mariaDbObjects(String database) throws SQLException {
        return mariaDbObjects(database, "public");
    }

    /** Every table, view, sequence and routine of {@code database} and {@code other} on MariaDB. */
    private List<List<String>> mariaDbObjects(String database, String other) throws SQLException {
        String in = " IN ('" + database + "', '" + other + "', 'public', 'chinook')";
        try (Connection c = mariadb.connect(database)) {
            return rows(c, "SELECT TABLE_SCHEMA, TABLE_NAME, TABLE_TYPE FROM information_schema.TABLES"
                    + " WHERE TABLE_SCHEMA" + in
                    + " UNION ALL SELECT ROUTINE_SCHEMA, ROUTINE_NAME, ROUTINE_TYPE FROM information_schema.ROUTINES"
                    + " WHERE ROUTINE_SCHEMA" + in
                    + " ORDER BY 1, 2");
        }
    }

    /** Every relation (tables, views, sequences, indexes) and routine of the user's schemas on PostgreSQL. */
    private List<List<String>> postgresObjects(String database) throws SQLException {
        try (Connection c = postgres.connect(database)) {
            return rows(c, "SELECT n.nspname, c.relname, c.relkind::text FROM pg_class c"
                    + " JOIN pg_namespace n ON n.oid = c.relnamespace"
                    + " WHERE n.nspname NOT IN ('pg_catalog', 'information_schema') AND n.nspname NOT LIKE 'pg_toast%'"
                    + " AND c.relkind IN ('r', 'v', 'S', 'm', 'p')"
                    + " UNION ALL SELECT n.nspname, p.proname, 'routine' FROM pg_proc p"
                    + " JOIN pg_namespace n ON n.oid = p.pronamespace"
                    + " WHERE n.nspname NOT IN ('pg_catalog', 'information_schema')"
                    + " UNION ALL SELECT nspname, nspname, 'schema' FROM pg_namespace"
                    + " WHERE nspname NOT IN ('pg_catalog', 'information_schema', 'public')"
                    + " AND nspname NOT LIKE 'pg_toast%' AND nspname NOT LIKE 'pg_temp%'"
                    + " ORDER BY 1, 2");
        }
    }
}
