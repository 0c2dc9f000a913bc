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

/**
 * PostgreSQL objects that must be created in the order of their real dependencies (issue 12): a function that
 * returns a table's rows, a table whose default calls a function that reads another table's row type, an aggregate
 * a view uses, and rules; each exported and imported into a fresh database.
 */
class PostgresDependencyOrderIT {
    @TempDir
    Path temp;

    static final String[] SCHEMA = {
            // Named so that name order puts the function first, as today's order does.
            "CREATE TABLE zebra (id int PRIMARY KEY, name text)",
            "CREATE FUNCTION all_zebras() RETURNS SETOF zebra LANGUAGE sql STABLE AS $$ SELECT * FROM zebra $$",
            "CREATE FUNCTION zebra_label(z zebra) RETURNS text LANGUAGE sql IMMUTABLE AS $$ SELECT z.name || '!' $$",
            // A default calling a function whose argument is zebra's row type: zebra, then the function, then yak.
            "CREATE FUNCTION first_label() RETURNS text LANGUAGE sql STABLE AS"
                    + " $$ SELECT zebra_label(z) FROM zebra z ORDER BY id LIMIT 1 $$",
            "CREATE FUNCTION a_default(z zebra) RETURNS int LANGUAGE sql IMMUTABLE AS $$ SELECT 7 $$",
            "CREATE TABLE yak (id int PRIMARY KEY, seven int DEFAULT a_default(NULL::zebra)"
                    + " CHECK (seven IS NULL OR seven = a_default(NULL::zebra)))",
            // An aggregate with a state and a final function, used by a view.
            "CREATE FUNCTION concat_step(acc text, v text) RETURNS text LANGUAGE sql IMMUTABLE AS"
                    + " $$ SELECT CASE WHEN acc = '' THEN v ELSE acc || ', ' || v END $$",
            "CREATE FUNCTION concat_done(acc text) RETURNS text LANGUAGE sql IMMUTABLE AS $$ SELECT '[' || acc || ']' $$",
            "CREATE AGGREGATE a_concat(text) (SFUNC = concat_step, STYPE = text, FINALFUNC = concat_done, INITCOND = '')",
            "CREATE VIEW zebra_names AS SELECT a_concat(name ORDER BY id) AS names FROM zebra",
            // Each form of CREATE AGGREGATE: ordered-set, hypothetical-set, moving with a combine function, with a
            // sort operator, of no arguments.
            "CREATE AGGREGATE my_pct(float8 ORDER BY float8) (SFUNC = ordered_set_transition, STYPE = internal,"
                    + " FINALFUNC = percentile_disc_final, FINALFUNC_EXTRA)",
            "CREATE AGGREGATE my_rank(VARIADIC \"any\" ORDER BY VARIADIC \"any\") (SFUNC = ordered_set_transition_multi,"
                    + " STYPE = internal, FINALFUNC = rank_final, FINALFUNC_EXTRA, HYPOTHETICAL)",
            "CREATE AGGREGATE my_avg(int4) (SFUNC = int4_avg_accum, STYPE = int8[], FINALFUNC = int8_avg,"
                    + " INITCOND = '{0,0}', MSFUNC = int4_avg_accum, MINVFUNC = int4_avg_accum_inv, MSTYPE = int8[],"
                    + " MFINALFUNC = int8_avg, MINITCOND = '{0,0}', COMBINEFUNC = int4_avg_combine, PARALLEL = SAFE)",
            "CREATE AGGREGATE my_max(int4) (SFUNC = int4larger, STYPE = int4, SORTOP = >)",
            "CREATE AGGREGATE my_count(*) (SFUNC = int8inc, STYPE = int8, INITCOND = '0')",
            // Rules: one on a table, one making a view writable.
            "CREATE TABLE zebra_log (id int, what text)",
            "CREATE RULE zebra_logged AS ON UPDATE TO zebra DO ALSO INSERT INTO zebra_log VALUES (new.id, 'updated')",
            "CREATE VIEW zebra_view AS SELECT id, name FROM zebra",
            "CREATE RULE zebra_view_insert AS ON INSERT TO zebra_view DO INSTEAD INSERT INTO zebra VALUES (new.id, new.name)",
    };

    static final String[] DATA = {
            "INSERT INTO zebra VALUES (1, 'Marty'), (2, 'Zed')",
            "INSERT INTO yak (id) VALUES (1)",
            "INSERT INTO zebra_log VALUES (0, 'before')",
    };

    @Test
    void objectsAreCreatedAfterWhatTheyDependOn() throws Exception {
        TestServer server = TestServer.postgres();
        String source = server.createDatabase();
        String target = server.createDatabase();
        try (Connection from = server.connectFerry(source); Connection to = server.connectFerry(target)) {
            ServerQueries.execute(from, SCHEMA);
            ServerQueries.execute(from, DATA);
            try (Statement s = from.createStatement()) {
                s.execute("EXPORT DATABASE '" + temp.resolve("export") + "'");
                assertEquals(List.of(), warnings(s));
            }
            try (Statement s = to.createStatement()) {
                s.executeUpdate("IMPORT DATABASE '" + temp.resolve("export") + "'");
            }
            var expected = PostgresSchemaIT.catalog(from);
            var actual = PostgresSchemaIT.catalog(to);
            for (String part : expected.keySet()) {
                assertEquals(expected.get(part), actual.get(part), part);
            }
            String rules = "SELECT tablename, rulename, definition FROM pg_rules WHERE schemaname = 'public' ORDER BY 1, 2";
            assertEquals(ServerQueries.rows(from, rules), ServerQueries.rows(to, rules));
            assertEquals(2, ServerQueries.rows(to, rules).size());
            String aggregates = "SELECT p.proname, pg_get_function_arguments(p.oid), p.proparallel, a.* FROM pg_aggregate a"
                    + " JOIN pg_proc p ON p.oid = a.aggfnoid JOIN pg_namespace n ON n.oid = p.pronamespace"
                    + " WHERE n.nspname = 'public' ORDER BY 1";
            assertEquals(ServerQueries.rows(from, aggregates), ServerQueries.rows(to, aggregates));
            assertEquals(List.of(List.of("[Marty, Zed]")), ServerQueries.rows(to, "SELECT names FROM zebra_names"));
            assertEquals(List.of(List.of("1", "Marty"), List.of("2", "Zed")),
                    ServerQueries.rows(to, "SELECT * FROM all_zebras() ORDER BY id"));
            // The rules work in the imported database.
            ServerQueries.execute(to, "INSERT INTO zebra_view VALUES (3, 'Zoe')", "UPDATE zebra SET name = 'Z' WHERE id = 2");
            assertEquals(List.of(List.of("0", "before"), List.of("2", "updated")),
                    ServerQueries.rows(to, "SELECT id, what FROM zebra_log ORDER BY id"));
            assertEquals(List.of(List.of("3")), ServerQueries.rows(to, "SELECT count(*) FROM zebra"));
        } finally {
            server.dropDatabase(source);
            server.dropDatabase(target);
        }
    }

    @Test
    void intoAnotherEngineEachAggregateAndRuleIsAWarning() throws Exception {
        TestServer server = TestServer.postgres();
        String source = server.createDatabase();
        try (Connection from = server.connectFerry(source)) {
            ServerQueries.execute(from, SCHEMA);
            ServerQueries.execute(from, DATA);
            try (Statement s = from.createStatement()) {
                s.execute("EXPORT DATABASE '" + temp.resolve("h2") + "' (DIALECT h2)");
                List<String> warnings = warnings(s);
                assertTrue(warnings.stream().anyMatch(w -> w.startsWith("Aggregate") && w.contains("a_concat")),
                        warnings.toString());
                assertTrue(warnings.stream().anyMatch(w -> w.startsWith("Rule") && w.contains("zebra_logged")),
                        warnings.toString());
                assertTrue(warnings.stream().anyMatch(w -> w.startsWith("Rule") && w.contains("zebra_view_insert")),
                        warnings.toString());
            }
        } finally {
            server.dropDatabase(source);
        }
    }

    @Test
    void aTableAndAFunctionThatNeedEachOtherAreAWarning() throws Exception {
        TestServer server = TestServer.postgres();
        String source = server.createDatabase();
        try (Connection from = server.connectFerry(source)) {
            ServerQueries.execute(from, "CREATE TABLE knot (id int)",
                    "CREATE FUNCTION knot_id(k knot) RETURNS int LANGUAGE sql IMMUTABLE AS $$ SELECT 1 $$",
                    "ALTER TABLE knot ALTER id SET DEFAULT knot_id(NULL::knot)");
            try (Statement s = from.createStatement()) {
                s.execute("EXPORT DATABASE '" + temp.resolve("knot") + "'");
                List<String> warnings = warnings(s);
                assertTrue(warnings.stream().anyMatch(w -> w.startsWith("Routines and tables that depend on each other")
                        && w.contains("table public.knot")), warnings.toString());
            }
        } finally {
            server.dropDatabase(source);
        }
    }

    static List<String> warnings(Statement s) throws Exception {
        List<String> warnings = new ArrayList<>();
        for (SQLWarning w = s.getWarnings(); w != null; w = w.getNextWarning()) {
            warnings.add(w.getMessage());
        }
        return warnings;
    }
}
