package dev.ferry.it.servers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ferry.it.realworld.PostgresSakila;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Sakila's PostgreSQL database exported once and imported by Ferry into H2, SQLite and HSQLDB (issue 12's hops PG →
 * H2 and PG → SQLite; into HSQLDB it failed on PostgreSQL's sequence bounds and payment's ON DELETE SET NULL on a NOT
 * NULL column): every table has its rows, and every view the target can run with its meaning returns the same
 * values as in PostgreSQL (in SQLite to the cent: it sums decimals in floating point); the three that call Sakila's own
 * group_concat aggregate are left out with a warning each. The export is in Parquet, PostgresSakilaIT's in CSV.
 */
class SakilaIntoEmbeddedEnginesIT {
    @TempDir
    Path temp;

    @Test
    void sakilaMovesIntoH2SqliteAndHsqldb() throws Exception {
        TestServer postgres = TestServer.postgres();
        String source = postgres.createDatabase();
        try {
            PostgresSakila.load(postgres.url(source), postgres.credentials());
            try (Connection from = postgres.connectFerry(source)) {
                try (Statement s = from.createStatement()) {
                    s.execute("EXPORT DATABASE '" + temp.resolve("export") + "' (FORMAT parquet)");
                }
                Map<String, String> tables = new TreeMap<>();
                for (List<String> table : ServerQueries.rows(from, "SELECT c.relname FROM pg_class c JOIN pg_namespace n"
                        + " ON n.oid = c.relnamespace WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p') ORDER BY 1")) {
                    tables.put(table.get(0), ServerQueries.rows(from, "SELECT count(*) FROM ONLY \"" + table.get(0)
                            + "\"").get(0).get(0));
                }
                List<String> views = ServerQueries.rows(from, "SELECT viewname FROM pg_views WHERE schemaname = 'public'"
                        + " UNION SELECT matviewname FROM pg_matviews ORDER BY 1").stream().map(r -> r.get(0)).toList();
                for (String url : List.of("jdbc:ferry:h2:" + temp.resolve("sakila-h2"),
                        "jdbc:ferry:sqlite:" + temp.resolve("sakila.sqlite"),
                        "jdbc:ferry:hsqldb:file:" + temp.resolve("sakila-hsqldb") + ";user=SA")) {
                    try (Connection to = DriverManager.getConnection(url); Statement s = to.createStatement()) {
                        s.executeUpdate("IMPORT DATABASE '" + temp.resolve("export") + "'");
                        List<String> warnings = PostgresDependencyOrderIT.warnings(s);
                        for (String view : SakilaViewsAcrossEnginesIT.CALL_GROUP_CONCAT) {
                            assertTrue(warnings.stream().anyMatch(w -> w.startsWith("View public." + view
                                    + " is not carried") && w.contains("group_concat")), () -> url + " " + warnings);
                        }
                        for (Map.Entry<String, String> table : tables.entrySet()) {
                            assertEquals(table.getValue(), ServerQueries.rows(to, "SELECT count(*) FROM "
                                    + name(to, table.getKey())).get(0).get(0), url + " " + table.getKey());
                        }
                        List<String> expected = new ArrayList<>(views);
                        expected.removeAll(SakilaViewsAcrossEnginesIT.CALL_GROUP_CONCAT);
                        assertEquals(expected, views(to), url);
                        boolean floatingSums = url.contains(":sqlite:");
                        for (String view : expected) {
                            assertEquals(cents(SakilaViewsAcrossEnginesIT.words(from, "\"" + view + "\""), floatingSums),
                                    cents(SakilaViewsAcrossEnginesIT.words(to, name(to, view)), floatingSums),
                                    url + " " + view);
                        }
                    }
                }
            }
        } finally {
            postgres.dropDatabase(source);
        }
    }

    /**
     * The words with each number rounded to cents where {@code floatingSums}: SQLite sums decimals in floating point
     * (4352.61 comes back 4352.6100000000006), as between-engines.md says.
     */
    private static List<String> cents(List<String> words, boolean floatingSums) {
        if (!floatingSums) {
            return words;
        }
        return words.stream().map(w -> w.matches("-?\\d+\\.\\d+")
                ? new BigDecimal(w).setScale(2, RoundingMode.HALF_UP).stripTrailingZeros().toPlainString() : w)
                .sorted().toList();
    }

    /** A PostgreSQL name as the target names the table or view Ferry made of it, quoted. */
    private static String name(Connection c, String name) throws Exception {
        return c.getMetaData().storesUpperCaseIdentifiers() ? "\"" + name.toUpperCase(Locale.ROOT) + "\"" : "\"" + name + "\"";
    }

    private static List<String> views(Connection c) throws Exception {
        List<String> views = new ArrayList<>();
        try (ResultSet rs = c.getMetaData().getTables(null, null, "%", new String[] {"VIEW"})) {
            while (rs.next()) {
                String schema = rs.getString("TABLE_SCHEM");
                if (schema == null || !schema.equalsIgnoreCase("INFORMATION_SCHEMA")) {
                    views.add(rs.getString("TABLE_NAME").toLowerCase(Locale.ROOT));
                }
            }
        }
        views.sort(null);
        return views;
    }
}
