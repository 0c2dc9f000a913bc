package dev.ferry.it.servers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ferry.it.realworld.PostgresChinook;
import dev.ferry.it.realworld.PostgresSakila;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * PostgreSQL's sample databases exported {@code (DIALECT duckdb)} and loaded into DuckDB, by Ferry's IMPORT and by
 * DuckDB's own IMPORT DATABASE (issue 12, item 8): tables loaded referenced ones first (DuckDB checks each row's keys
 * as it loads), actions DuckDB refuses (CASCADE, SET NULL, SET DEFAULT) and a key in a cycle (Sakila's store and
 * staff) left out with a warning each, every other foreign key kept.
 */
class PostgresToDuckDbIT {
    @TempDir
    Path temp;

    private static final List<String> CHINOOK = List.of("album", "artist", "customer", "employee", "genre", "invoice",
            "invoice_line", "media_type", "playlist", "playlist_track", "track");

    @Test
    void chinookLoadsIntoDuckDbThroughFerryAndThroughDuckDbsOwnImport() throws Exception {
        TestServer server = TestServer.postgres();
        String source = server.createDatabase();
        try {
            PostgresChinook.load(server, source);
            Path export = temp.resolve("export");
            Map<String, List<String>> expected = new TreeMap<>();
            try (Connection from = server.connectFerry(source); Statement s = from.createStatement()) {
                for (String table : CHINOOK) {
                    expected.put(table, rows(s, table));
                }
                s.execute("EXPORT DATABASE '" + temp.resolve("postgres") + "'");
                s.execute("EXPORT DATABASE '" + export + "' (DIALECT duckdb)");
                List<String> warnings = PostgresDependencyOrderIT.warnings(s);
                assertEquals(1, warnings.size(), () -> "warnings: " + warnings);
                assertTrue(warnings.get(0).contains("employee_reports_to_fkey") && warnings.get(0).contains("its own table")
                        && warnings.get(0).contains("after the import"), () -> "warnings: " + warnings);
            }
            try (Connection duckdb = DriverManager.getConnection("jdbc:ferry:duckdb:" + temp.resolve("ferry.duckdb"));
                 Statement s = duckdb.createStatement()) {
                s.executeUpdate("IMPORT DATABASE '" + export + "'");
                assertChinook(expected, s);
            }
            try (Connection duckdb = DriverManager.getConnection("jdbc:duckdb:" + temp.resolve("own.duckdb"));
                 Statement s = duckdb.createStatement()) {
                s.execute("IMPORT DATABASE '" + export + "'");
                assertChinook(expected, s);
            }
            // An export written for PostgreSQL, imported by Ferry into DuckDB: loaded referenced tables first, the
            // key of employee to itself kept (Ferry loads that table one row per statement).
            try (Connection duckdb = DriverManager.getConnection("jdbc:ferry:duckdb:" + temp.resolve("pg.duckdb"));
                 Statement s = duckdb.createStatement()) {
                s.executeUpdate("IMPORT DATABASE '" + temp.resolve("postgres") + "'");
                for (String table : CHINOOK) {
                    assertEquals(expected.get(table), rows(s, table), table);
                }
                List<String> keys = keys(s);
                assertTrue(keys.contains("employee -> employee"), () -> "keys: " + keys);
                assertEquals(11, keys.size(), () -> "keys: " + keys);
            }
        } finally {
            server.dropDatabase(source);
        }
    }

    @Test
    void sakilasCycleAndCascadesAreLeftOutWithAWarningEach() throws Exception {
        TestServer server = TestServer.postgres();
        String source = server.createDatabase();
        try {
            PostgresSakila.load(server.url(source), server.credentials());
            Path export = temp.resolve("export");
            Map<String, Long> expected = new TreeMap<>();
            List<String> warnings;
            try (Connection from = server.connectFerry(source); Statement s = from.createStatement()) {
                for (String table : ServerQueries.rows(from, "SELECT c.relname FROM pg_class c JOIN pg_namespace n"
                        + " ON n.oid = c.relnamespace WHERE n.nspname = 'public' AND c.relkind = 'r' ORDER BY 1")
                        .stream().map(r -> r.get(0)).toList()) {
                    expected.put(table, count(s, "ONLY \"" + table + "\""));
                }
                s.execute("EXPORT DATABASE '" + export + "' (DIALECT duckdb)");
                warnings = PostgresDependencyOrderIT.warnings(s);
            }
            String cycle = warnings.stream().filter(w -> w.contains("cycle")).findFirst().orElse("");
            assertTrue(cycle.contains("store") && cycle.contains("staff") && cycle.contains("after the import"),
                    () -> "warnings: " + warnings);
            assertTrue(warnings.stream().anyMatch(w -> w.contains("address_city_id_fkey")
                    && w.contains("ON UPDATE CASCADE is not carried")), () -> "warnings: " + warnings);
            for (String url : List.of("jdbc:ferry:duckdb:" + temp.resolve("ferry.duckdb"),
                    "jdbc:duckdb:" + temp.resolve("own.duckdb"))) {
                try (Connection duckdb = DriverManager.getConnection(url); Statement s = duckdb.createStatement()) {
                    s.execute("IMPORT DATABASE '" + export + "'");
                    for (Map.Entry<String, Long> table : expected.entrySet()) {
                        assertEquals(table.getValue(), count(s, "\"" + table.getKey() + "\""), url + " " + table.getKey());
                    }
                    List<String> keys = keys(s);
                    assertTrue(keys.contains("address -> city"), () -> url + " " + keys);
                    assertTrue(keys.contains("rental -> inventory"), () -> url + " " + keys);
                    assertEquals(1, keys.stream().filter(k -> k.equals("store -> staff") || k.equals("staff -> store"))
                            .count(), () -> url + " " + keys);
                }
            }
        } finally {
            server.dropDatabase(source);
        }
    }

    private static void assertChinook(Map<String, List<String>> expected, Statement s) throws Exception {
        for (String table : CHINOOK) {
            assertEquals(expected.get(table), rows(s, table), table);
        }
        assertEquals(List.of("album -> artist", "customer -> employee", "invoice -> customer",
                "invoice_line -> invoice", "invoice_line -> track", "playlist_track -> playlist",
                "playlist_track -> track", "track -> album", "track -> genre", "track -> media_type"), keys(s));
    }

    /**
     * DuckDB's foreign keys, as "table -> referenced table", sorted. Chinook's employee.reports_to, referring to its
     * own table, is left out: DuckDB refuses a row of a COPY that refers to another row of the same COPY.
     */
    private static List<String> keys(Statement s) throws Exception {
        List<String> keys = new ArrayList<>();
        try (ResultSet rs = s.executeQuery("SELECT table_name, referenced_table FROM duckdb_constraints()"
                + " WHERE constraint_type = 'FOREIGN KEY' ORDER BY 1, 2")) {
            while (rs.next()) {
                keys.add(rs.getString(1) + " -> " + rs.getString(2));
            }
        }
        return keys;
    }

    private static long count(Statement s, String table) throws Exception {
        try (ResultSet rs = s.executeQuery("SELECT count(*) FROM " + table)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** Every row of {@code table} as the text of its values, sorted: its count and its content. */
    private static List<String> rows(Statement s, String table) throws Exception {
        List<String> rows = new ArrayList<>();
        try (ResultSet rs = s.executeQuery("SELECT * FROM " + table)) {
            ResultSetMetaData meta = rs.getMetaData();
            while (rs.next()) {
                StringBuilder row = new StringBuilder();
                for (int i = 1; i <= meta.getColumnCount(); i++) {
                    Object value = rs.getObject(i);
                    // Each driver's text of a timestamp differs (DuckDB's adds ".0"): compared as LocalDateTime.
                    row.append(value instanceof java.sql.Timestamp t ? t.toLocalDateTime() : rs.getString(i))
                            .append('|');
                }
                rows.add(row.toString());
            }
        }
        rows.sort(null);
        return rows;
    }
}
