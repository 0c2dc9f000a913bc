package dev.ferry.it.engines;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLWarning;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * PostgreSQL's arrays and JSONB, which it writes in its own text, imported into the other engines: as arrays (lists)
 * where the target has them, else as their text, with a warning naming the column; and back into PostgreSQL from an
 * export written for DuckDB, which holds them as lists.
 */
class PostgresTypesAcrossEnginesIT {
    /** The rows where the target has arrays: each array's elements (JSON without its spaces, as H2 keeps it). */
    private static final List<List<Object>> ELEMENTS = List.of(
            Arrays.asList("1", "[1, null, 3]", "[a,b, c\"d, , null, NULL, x y]", "{\"k\":[1,\"x\"]}"),
            Arrays.asList("2", "[]", "[]", "null"),
            Arrays.asList("3", null, null, null));
    /** The rows where it has none: each array in PostgreSQL's text. */
    private static final List<List<Object>> TEXT = List.of(
            Arrays.asList("1", "{1,NULL,3}", "{\"a,b\",\"c\\\"d\",\"\",NULL,\"NULL\",\"x y\"}",
                    "{\"k\":[1,\"x\"]}"),
            Arrays.asList("2", "{}", "{}", "null"),
            Arrays.asList("3", null, null, null));
    private static final Set<TestEngine> WITH_ARRAYS = Set.of(TestEngine.H2, TestEngine.DUCKDB, TestEngine.HSQLDB);

    @TempDir
    Path temp;

    static Stream<Arguments> targets() {
        List<Arguments> targets = new ArrayList<>();
        for (TestEngine target : TestEngine.values()) {
            if (target != TestEngine.POSTGRESQL) {
                for (String format : List.of("csv", "parquet")) {
                    targets.add(Arguments.of(target, format));
                }
            }
        }
        return targets.stream();
    }

    @ParameterizedTest(name = "into {0} in {1}")
    @MethodSource("targets")
    void arraysAndJsonKeepTheirElements(TestEngine target, String format) throws Exception {
        Path export = temp.resolve("export");
        try (TestEngine.TestDatabase from = TestEngine.POSTGRESQL.create(temp); Connection connection = from.connect();
             Statement statement = connection.createStatement()) {
            create(statement);
            statement.execute("EXPORT DATABASE '" + export + "' (FORMAT " + format + ")");
        }
        try (TestEngine.TestDatabase to = target.create(temp); Connection connection = to.connect();
             Statement statement = connection.createStatement()) {
            statement.execute("IMPORT DATABASE '" + export + "'");
            List<String> warnings = new ArrayList<>();
            for (SQLWarning w = statement.getWarnings(); w != null; w = w.getNextWarning()) {
                warnings.add(w.getMessage());
            }
            if (WITH_ARRAYS.contains(target)) {
                assertEquals(ELEMENTS, rows(statement));
            } else {
                assertEquals(TEXT, rows(statement));
                assertTrue(warnings.stream().anyMatch(w -> w.startsWith("Column public.p.ints (integer[] in postgresql)")
                        && w.contains("kept as text")), () -> "warnings: " + warnings);
            }
        }
    }

    /** An export written for DuckDB holds the arrays as lists, which PostgreSQL reads again through Ferry. */
    @ParameterizedTest(name = "in {0}")
    @ValueSource(strings = {"csv", "parquet"})
    void anExportWrittenForDuckDbComesBackIntoPostgres(String format) throws Exception {
        Path export = temp.resolve("export");
        try (TestEngine.TestDatabase from = TestEngine.POSTGRESQL.create(temp); Connection connection = from.connect();
             Statement statement = connection.createStatement()) {
            create(statement);
            statement.execute("EXPORT DATABASE '" + export + "' (FORMAT " + format + ", DIALECT duckdb)");
        }
        try (TestEngine.TestDatabase to = TestEngine.POSTGRESQL.create(temp); Connection connection = to.connect();
             Statement statement = connection.createStatement()) {
            statement.execute("IMPORT DATABASE '" + export + "'");
            assertEquals(ELEMENTS, rows(statement));
            try (ResultSet rs = statement.executeQuery("SELECT pg_typeof(ints)::text FROM p LIMIT 1")) {
                assertTrue(rs.next());
                assertEquals("integer[]", rs.getString(1));
            }
        }
    }

    /**
     * Arrays whose elements' text no other engine reads as PostgreSQL means it (bytea's hex, box's ';' between
     * elements) stay PostgreSQL's text, with a warning, through Ferry and through DuckDB's own IMPORT alike.
     */
    @ParameterizedTest(name = "in {0}")
    @ValueSource(strings = {"csv", "parquet"})
    void arraysOfPostgresOwnTypesStayItsText(String format) throws Exception {
        Path export = temp.resolve("export");
        List<String> warnings = new ArrayList<>();
        try (TestEngine.TestDatabase from = TestEngine.POSTGRESQL.create(temp); Connection connection = from.connect();
             Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE q (id integer PRIMARY KEY, blobs bytea[], boxes box[])");
            statement.execute("INSERT INTO q VALUES (1, ARRAY['\\x0102'::bytea, NULL], ARRAY['((1,1),(0,0))'::box,"
                    + " '((3,3),(2,2))'::box])");
            statement.execute("EXPORT DATABASE '" + export + "' (FORMAT " + format + ", DIALECT duckdb)");
            for (SQLWarning w = statement.getWarnings(); w != null; w = w.getNextWarning()) {
                warnings.add(w.getMessage());
            }
        }
        assertTrue(warnings.stream().anyMatch(w -> w.startsWith("Column public.q.blobs (bytea[] in postgresql)")),
                () -> "warnings: " + warnings);
        List<String> text = List.of("{\"\\\\x0102\",NULL}", "{(1,1),(0,0);(3,3),(2,2)}");
        try (Connection duckdb = java.sql.DriverManager.getConnection("jdbc:duckdb:");
             Statement statement = duckdb.createStatement()) {
            statement.execute("IMPORT DATABASE '" + export + "'");
            assertEquals(List.of(List.of("VARCHAR", "VARCHAR")), QueryText.rows(statement,
                    "SELECT typeof(blobs), typeof(boxes) FROM q"));
            assertEquals(List.of(text), QueryText.rows(statement, "SELECT blobs, boxes FROM q"));
        }
        try (TestEngine.TestDatabase to = TestEngine.H2.create(temp); Connection connection = to.connect();
             Statement statement = connection.createStatement()) {
            statement.execute("IMPORT DATABASE '" + export + "'");
            assertEquals(List.of(text), QueryText.rows(statement, "SELECT blobs, boxes FROM q"));
        }
    }

    private static void create(Statement statement) throws SQLException {
        statement.execute("CREATE TABLE p (id integer PRIMARY KEY, ints integer[], texts text[], doc jsonb)");
        statement.execute("INSERT INTO p VALUES (1, '{1,NULL,3}',"
                + " ARRAY['a,b', 'c\"d', '', NULL, 'NULL', 'x y'], '{\"k\": [1, \"x\"]}'),"
                + " (2, '{}', '{}', 'null'), (3, NULL, NULL, NULL)");
    }

    private static List<List<Object>> rows(Statement statement) throws SQLException {
        List<List<Object>> rows = new ArrayList<>();
        try (ResultSet rs = statement.executeQuery("SELECT id, ints, texts, doc FROM p ORDER BY id")) {
            while (rs.next()) {
                List<Object> row = new ArrayList<>();
                for (int i = 1; i <= 4; i++) {
                    Object value = rs.getObject(i);
                    row.add(value instanceof java.sql.Array array ? Arrays.deepToString((Object[]) array.getArray())
                            : i == 4 && rs.getString(i) != null ? rs.getString(i).replace(" ", "") : rs.getString(i));
                }
                rows.add(row);
            }
        }
        return rows;
    }
}
