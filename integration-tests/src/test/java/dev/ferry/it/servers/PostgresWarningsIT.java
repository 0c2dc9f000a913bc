package dev.ferry.it.servers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLWarning;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What PostgreSQL holds that Ferry does not carry is named in warnings, and the rest still imports. */
class PostgresWarningsIT {
    @TempDir
    Path temp;

    @Test
    void aRowThatCopyRefusesIsNamedAndNothingIsLeft() throws Exception {
        TestServer server = TestServer.postgres();
        String source = server.createDatabase();
        String target = server.createDatabase();
        try (Connection from = server.connectFerry(source); Connection to = server.connectFerry(target)) {
            ServerQueries.execute(from, "CREATE TABLE t (id int PRIMARY KEY, name varchar(10))",
                    "INSERT INTO t VALUES (1, 'ok'), (2, 'a' || chr(10) || 'b'), (3, 'too long!')");
            Path export = temp.resolve("narrowed");
            try (Statement s = from.createStatement()) {
                s.execute("EXPORT DATABASE '" + export + "'");
            }
            Path schema = export.resolve("schema.sql");
            java.nio.file.Files.writeString(schema, java.nio.file.Files.readString(schema)
                    .replace("character varying(10)", "character varying(5)"));
            java.sql.SQLException error = org.junit.jupiter.api.Assertions.assertThrows(java.sql.SQLException.class, () -> {
                try (Statement s = to.createStatement()) {
                    s.execute("IMPORT DATABASE '" + export + "' (ALLOW_EDITED_SCRIPTS)");
                }
            });
            assertTrue(error.getMessage().startsWith("Loading \"public\".\"t\" from data/public.t/part-0001.csv: "), error.getMessage());
            assertTrue(error.getMessage().contains("line 5"), "the file's line of the refused row: " + error.getMessage());
            assertEquals("22001", error.getSQLState());
            assertEquals(List.of(), ServerQueries.rows(to, "SELECT tablename FROM pg_tables WHERE schemaname = 'public'"));
        } finally {
            server.dropDatabase(source);
            server.dropDatabase(target);
        }
    }

    @Test
    void whatIsNotCarriedIsNamed() throws Exception {
        TestServer server = TestServer.postgres();
        String source = server.createDatabase();
        String target = server.createDatabase();
        try (Connection from = server.connectFerry(source); Connection to = server.connectFerry(target)) {
            ServerQueries.execute(from,
                    "CREATE TABLE measurements (at date NOT NULL, v int) PARTITION BY RANGE (at)",
                    "CREATE TABLE measurements_2024 PARTITION OF measurements FOR VALUES FROM ('2024-01-01') TO ('2025-01-01')",
                    "INSERT INTO measurements VALUES ('2024-06-01', 1), ('2024-07-01', 2)",
                    "CREATE TABLE t (x int)",
                    "CREATE RULE t_ignore AS ON DELETE TO t DO INSTEAD NOTHING",
                    "CREATE AGGREGATE my_sum (int) (SFUNC = int4pl, STYPE = int)",
                    "ALTER TABLE t ENABLE ROW LEVEL SECURITY",
                    "CREATE POLICY t_all ON t USING (true)",
                    "GRANT SELECT ON t TO PUBLIC");
            List<String> warnings = new ArrayList<>();
            try (Statement s = from.createStatement()) {
                s.execute("EXPORT DATABASE '" + temp.resolve("export") + "'");
                for (SQLWarning w = s.getWarnings(); w != null; w = w.getNextWarning()) {
                    warnings.add(w.getMessage());
                }
            }
            String all = String.join("\n", warnings);
            // Partitioning is carried now (PostgresInheritanceIT): no warning names it.
            assertTrue(warnings.stream().noneMatch(w -> w.contains("artition")), all);
            for (String expected : List.of(
                    "Policy t_all on public.t is not exported", "Owners and privileges are not exported")) {
                assertTrue(all.contains(expected), "a warning with '" + expected + "' in:\n" + all);
            }
            try (Statement s = to.createStatement()) {
                assertEquals(2, s.executeUpdate("IMPORT DATABASE '" + temp.resolve("export") + "'"));
            }
            assertEquals(List.of(List.of("2")), ServerQueries.rows(to, "SELECT count(*) FROM measurements_2024"));
            // Rules and aggregates are carried (issue 12), not warnings.
            assertTrue(warnings.stream().noneMatch(w -> w.startsWith("Rule") || w.startsWith("Aggregate")), all);
            assertEquals(List.of(List.of("t_ignore")), ServerQueries.rows(to,
                    "SELECT rulename FROM pg_rules WHERE schemaname = 'public'"));
            assertEquals(List.of(List.of("6")), ServerQueries.rows(to, "SELECT my_sum(x) FROM (VALUES (1), (2), (3)) v(x)"));
            assertEquals(List.of(List.of("2")), ServerQueries.rows(to, "SELECT count(*) FROM measurements"));
        } finally {
            server.dropDatabase(source);
            server.dropDatabase(target);
        }
    }
}
