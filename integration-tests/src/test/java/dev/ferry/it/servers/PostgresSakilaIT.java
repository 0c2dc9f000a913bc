package dev.ferry.it.servers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ferry.it.realworld.PostgresSakila;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Sakila sample's PostgreSQL files loaded with psql, exported through Ferry and imported into a fresh database
 * (issue 12): every table's rows, every sequence's next value, every view's rows and the schema's objects compare
 * equal.
 */
class PostgresSakilaIT {
    @TempDir
    Path temp;

    @Test
    void sakilaComesBackWhole() throws Exception {
        TestServer server = TestServer.postgres();
        String source = server.createDatabase();
        String target = server.createDatabase();
        try {
            PostgresSakila.load(server.url(source), server.credentials());
            try (Connection from = server.connectFerry(source); Connection to = server.connectFerry(target)) {
                try (Statement s = from.createStatement()) {
                    s.execute("EXPORT DATABASE '" + temp.resolve("export") + "'");
                    assertEquals(List.of(), PostgresDependencyOrderIT.warnings(s));
                }
                try (Statement s = to.createStatement()) {
                    s.executeUpdate("IMPORT DATABASE '" + temp.resolve("export") + "'");
                }
                assertEquals(contents(from), contents(to));
                var expected = PostgresSchemaIT.catalog(from);
                var actual = PostgresSchemaIT.catalog(to);
                for (String part : expected.keySet()) {
                    assertEquals(expected.get(part), actual.get(part), part);
                }
                String rules = "SELECT schemaname, tablename, rulename, definition FROM pg_rules WHERE schemaname = 'public'"
                        + " ORDER BY 1, 2, 3";
                assertEquals(6, ServerQueries.rows(from, rules).size());
                assertEquals(ServerQueries.rows(from, rules), ServerQueries.rows(to, rules));
                String aggregates = "SELECT p.proname, a.aggtransfn::text, a.aggfinalfn::text, a.agginitval,"
                        + " format_type(a.aggtranstype, NULL) FROM pg_aggregate a JOIN pg_proc p ON p.oid = a.aggfnoid"
                        + " JOIN pg_namespace n ON n.oid = p.pronamespace WHERE n.nspname = 'public' ORDER BY 1";
                assertEquals(1, ServerQueries.rows(from, aggregates).size());
                assertEquals(ServerQueries.rows(from, aggregates), ServerQueries.rows(to, aggregates));
                assertEquals(nextValues(from), nextValues(to));
                List<List<String>> verified = Verification.verify(to, temp.resolve("export"));
                assertEquals(List.of(), verified.stream().filter(r -> !r.get(1).equals("ok")).toList());
                assertEquals(Verification.verify(from, temp.resolve("export")), verified);
                assertTrue(verified.size() > 15, verified.toString());
            }
        } finally {
            server.dropDatabase(source);
            server.dropDatabase(target);
        }
    }

    /**
     * Each table's (FROM ONLY, so a parent does not count its children's rows) row count and md5 of its rows as text
     * in order; each view's row count and md5 of the words of its rows in order.
     */
    private static Map<String, List<List<String>>> contents(Connection c) throws Exception {
        Map<String, List<List<String>>> contents = new LinkedHashMap<>();
        for (List<String> relation : ServerQueries.rows(c, "SELECT c.relname, c.relkind FROM pg_class c"
                + " JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = 'public'"
                + " AND c.relkind IN ('r', 'v', 'm') ORDER BY 1")) {
            String name = "\"" + relation.get(0) + "\"";
            if (relation.get(1).equals("r")) {
                contents.put(relation.get(0), ServerQueries.rows(c, "SELECT count(*), md5(coalesce(string_agg(t::text,"
                        + " '|' ORDER BY t::text), '')) FROM ONLY " + name + " t"));
            } else {
                // The order of the values group_concat joins follows the order the rows are read in, which a load
                // need not keep: a view's rows are compared as the multiset of their words.
                contents.put(relation.get(0), ServerQueries.rows(c, "SELECT (SELECT count(*) FROM " + name + "),"
                        + " md5(coalesce(string_agg(w, '|' ORDER BY w), '')) FROM (SELECT regexp_split_to_table(t::text,"
                        + " '[,()\" ]+') AS w FROM " + name + " t) words"));
            }
        }
        return contents;
    }

    /** Each sequence's next value, taken in sequence name order. */
    private static List<List<String>> nextValues(Connection c) throws Exception {
        List<List<String>> next = new ArrayList<>();
        for (List<String> sequence : ServerQueries.rows(c, "SELECT sequencename FROM pg_sequences"
                + " WHERE schemaname = 'public' ORDER BY 1")) {
            next.add(List.of(sequence.get(0), ServerQueries.rows(c,
                    "SELECT nextval('\"" + sequence.get(0) + "\"')").get(0).get(0)));
        }
        return next;
    }
}
