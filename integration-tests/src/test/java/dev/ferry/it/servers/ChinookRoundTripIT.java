package dev.ferry.it.servers;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.ferry.it.realworld.MariaDbChinook;
import dev.ferry.it.realworld.PostgresChinook;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Chinook loaded by its upstream script into PostgreSQL and into MariaDB, exported by Ferry in CSV and in Parquet and
 * imported into a fresh database of the same engine (issue 12): the export warns of nothing, and every table's rows
 * (all of them, in key order), the schema as the engine's catalog describes it and, on PostgreSQL, every sequence's
 * next value compare equal.
 */
class ChinookRoundTripIT {
    @TempDir
    Path temp;

    @ParameterizedTest
    @ValueSource(strings = {"csv", "parquet"})
    void chinookOnPostgres(String format) throws Exception {
        TestServer server = TestServer.postgres();
        String source = server.createDatabase();
        String target = server.createDatabase();
        try {
            PostgresChinook.load(server, source);
            try (Connection from = server.connectFerry(source); Connection to = server.connectFerry(target)) {
                roundTrip(from, to, format);
                var expected = PostgresSchemaIT.catalog(from);
                var actual = PostgresSchemaIT.catalog(to);
                for (String part : expected.keySet()) {
                    assertEquals(expected.get(part), actual.get(part), part);
                }
                String tables = "SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace"
                        + " WHERE n.nspname = 'public' AND c.relkind = 'r' ORDER BY 1";
                assertEquals(contents(from, tables, "SELECT * FROM \"%s\" ORDER BY 1, 2"),
                        contents(to, tables, "SELECT * FROM \"%s\" ORDER BY 1, 2"));
                String next = "SELECT sequencename, last_value FROM pg_sequences WHERE schemaname = 'public' ORDER BY 1";
                assertEquals(ServerQueries.rows(from, next), ServerQueries.rows(to, next));
            }
        } finally {
            server.dropDatabase(source);
            server.dropDatabase(target);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"csv", "parquet"})
    void chinookOnMariaDb(String format) throws Exception {
        TestServer server = TestServer.mariadb();
        String source = server.createDatabase();
        String target = server.createDatabase();
        try {
            MariaDbChinook.load(server, source);
            try (Connection from = server.connectFerry(source); Connection to = server.connectFerry(target)) {
                roundTrip(from, to, format);
                String tables = "SELECT table_name FROM information_schema.tables WHERE table_schema = DATABASE()"
                        + " AND table_type = 'BASE TABLE' ORDER BY 1";
                assertEquals(contents(from, tables, "SHOW CREATE TABLE `%s`"), contents(to, tables, "SHOW CREATE TABLE `%s`"));
                assertEquals(contents(from, tables, "SELECT * FROM `%s` ORDER BY 1, 2"),
                        contents(to, tables, "SELECT * FROM `%s` ORDER BY 1, 2"));
            }
        } finally {
            server.dropDatabase(source);
            server.dropDatabase(target);
        }
    }

    private void roundTrip(Connection from, Connection to, String format) throws Exception {
        Path export = temp.resolve("export-" + format);
        try (Statement s = from.createStatement()) {
            s.execute("EXPORT DATABASE '" + export + "' (FORMAT " + format + ")");
            assertEquals(List.of(), PostgresDependencyOrderIT.warnings(s));
        }
        try (Statement s = to.createStatement()) {
            s.executeUpdate("IMPORT DATABASE '" + export + "'");
        }
        assertEquals(11, Verification.assertAllOk(to, export).size());
    }

    /** For each table {@code tables} lists, the rows of {@code query} with the table's name in place of %s. */
    private static Map<String, List<List<String>>> contents(Connection c, String tables, String query) throws Exception {
        Map<String, List<List<String>>> contents = new LinkedHashMap<>();
        for (List<String> table : ServerQueries.rows(c, tables)) {
            contents.put(table.get(0), ServerQueries.rows(c, query.formatted(table.get(0))));
        }
        return contents;
    }
}
