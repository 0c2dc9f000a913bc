package dev.ferry.it.engines;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A Ferry export written with {@code DIALECT duckdb}, from each engine, in CSV and in Parquet, loaded by DuckDB's own
 * IMPORT DATABASE on DuckDB's own driver, with no Ferry in between: every row, the keys, the index, the views and
 * the identity's next value.
 */
class DuckDbImportsFerryExportIT {
    @TempDir
    Path temp;

    static Stream<Arguments> sources() {
        List<Arguments> sources = new ArrayList<>();
        for (TestEngine source : TestEngine.values()) {
            for (String format : List.of("csv", "parquet")) {
                sources.add(Arguments.of(source, format));
            }
        }
        return sources.stream();
    }

    @ParameterizedTest(name = "from {0} in {1}")
    @MethodSource("sources")
    void duckDbsOwnImportLoadsAnExportWrittenForIt(TestEngine source, String format) throws Exception {
        Path export = temp.resolve("export");
        try (TestEngine.TestDatabase from = source.create(temp); Connection connection = from.connect();
             Statement statement = connection.createStatement()) {
            SharedSchema.create(connection, source);
            statement.execute("EXPORT DATABASE '" + export + "' (FORMAT " + format + ", DIALECT duckdb)");
        }

        try (Connection duckdb = DriverManager.getConnection("jdbc:duckdb:" + temp.resolve("target.duckdb"));
             Statement statement = duckdb.createStatement()) {
            statement.execute("IMPORT DATABASE '" + export + "'");

            assertEquals(SharedSchema.expected(SharedSchema.CUSTOMERS), SharedSchema.customers(duckdb));
            assertEquals(SharedSchema.expected(SharedSchema.ORDERS), SharedSchema.orders(duckdb));
            assertEquals(SharedSchema.BIG_CUSTOMERS, SharedSchema.bigCustomers(duckdb));
            List<String> indexes = QueryText.column(statement,
                    "SELECT index_name FROM duckdb_indexes() WHERE table_name = 'orders'");
            assertTrue(indexes.contains("orders_placed"), () -> "indexes: " + indexes);
            assertEquals(List.of("customers"), QueryText.column(statement,
                    "SELECT referenced_table FROM duckdb_constraints()"
                    + " WHERE constraint_type = 'FOREIGN KEY' AND table_name = 'orders'"));

            statement.execute("INSERT INTO customers (name) VALUES ('next')");
            try (ResultSet rs = statement.executeQuery("SELECT id, active FROM customers WHERE name = 'next'")) {
                assertTrue(rs.next());
                assertEquals(SharedSchema.NEXT_CUSTOMER_ID, rs.getLong(1), "the identity's next value");
                assertTrue(rs.getBoolean(2), "the default");
            }
            assertThrows(SQLException.class,
                    () -> statement.execute("INSERT INTO orders (id, customer_id, amount) VALUES (99, 1, -1)"));
            assertThrows(SQLException.class,
                    () -> statement.execute("INSERT INTO orders (id, customer_id, amount) VALUES (98, 777, 1)"));
            assertThrows(SQLException.class,
                    () -> statement.execute("INSERT INTO orders (id, customer_id, amount) VALUES (10, 1, 1)"));
        }
    }

    /**
     * Values whose CSV text DuckDB's reader takes only in its own forms (binary data, arrays), the empty string beside
     * NULL, and others that test exactness, from H2: loaded by DuckDB's own IMPORT, and by Ferry into H2 again.
     */
    @ParameterizedTest(name = "in {0}")
    @ValueSource(strings = {"csv", "parquet"})
    void valuesKeepTheirExactFormsInDuckDbAndBackThroughFerry(String format) throws Exception {
        Path export = temp.resolve("export");
        List<List<Object>> source;
        try (Connection h2 = DriverManager.getConnection("jdbc:ferry:h2:mem:values-" + format);
             Statement statement = h2.createStatement()) {
            statement.execute("CREATE TABLE v (id INTEGER PRIMARY KEY, b VARBINARY(10), ints INTEGER ARRAY,"
                    + " strs VARCHAR(20) ARRAY, d DOUBLE PRECISION, u UUID, tz TIMESTAMP(6) WITH TIME ZONE,"
                    + " s VARCHAR(50), dec DECIMAL(38,10))");
            statement.execute("INSERT INTO v VALUES (1, X'00ff5c78', ARRAY[1, NULL, 3],"
                    + " ARRAY['a,b', 'c\"d', '', NULL, 'NULL', '[x]'], CAST('NaN' AS DOUBLE PRECISION),"
                    + " '0f8fad5b-d9cb-469f-a165-70867728950e', TIMESTAMP WITH TIME ZONE '2024-02-29 23:59:59.123456+02:00',"
                    + " '', 1234567890123456789012345678.0123456789),"
                    + " (2, X'', ARRAY[], ARRAY[], CAST('-Infinity' AS DOUBLE PRECISION), NULL, NULL, NULL, -0.0000000001),"
                    + " (3, NULL, NULL, NULL, 0.1, NULL, NULL, 'Zoë 😀' || CHAR(10) || '\"q\",', NULL)");
            source = rows(statement, "SELECT * FROM v ORDER BY id");
            statement.execute("EXPORT DATABASE '" + export + "' (FORMAT " + format + ", DIALECT duckdb)");
        }

        try (Connection duckdb = DriverManager.getConnection("jdbc:duckdb:");
             Statement statement = duckdb.createStatement()) {
            statement.execute("IMPORT DATABASE '" + export + "'");
            assertEquals(List.of(
                    List.of("1", "00FF5C78", "[1, NULL, 3]", "6", "a,b", "c\"d", "true", "true", "NULL", "[x]", "nan",
                            "0f8fad5b-d9cb-469f-a165-70867728950e", "2024-02-29T21:59:59.123456Z", "", "true",
                            "1234567890123456789012345678.0123456789"),
                    Arrays.asList("2", "", "[]", "0", null, null, null, "true", null, null, "-inf", null, null,
                            null, "false", "-0.0000000001"),
                    Arrays.asList("3", null, null, null, null, null, null, "true", null, null, "0.1", null, null,
                            "Zoë 😀\n\"q\",", "false", null)),
                    QueryText.rows(statement, "SELECT id, hex(b), CAST(ints AS VARCHAR), len(strs), strs[1], strs[2],"
                            + " strs[3] = '', strs[4] IS NULL, strs[5], strs[6], CAST(d AS VARCHAR), CAST(u AS VARCHAR),"
                            + " strftime(tz, '%Y-%m-%dT%H:%M:%S.%fZ'), s, s IS NOT NULL AND s = '', CAST(dec AS VARCHAR)"
                            + " FROM v ORDER BY id"));
        }

        try (Connection h2 = DriverManager.getConnection("jdbc:ferry:h2:mem:values-back-" + format);
             Statement statement = h2.createStatement()) {
            statement.execute("IMPORT DATABASE '" + export + "'");
            assertEquals(source, rows(statement, "SELECT * FROM v ORDER BY id"), "back in H2 through Ferry");
        }
    }

    /**
     * A table exported in chunks ({@code CHUNK_ROWS}) from H2 for DuckDB: load.sql has a COPY per chunk, which DuckDB's
     * own IMPORT runs as they are, and Ferry's IMPORT into DuckDB too; both hold every row once.
     */
    @ParameterizedTest(name = "in {0}")
    @ValueSource(strings = {"csv", "parquet"})
    void aChunkedTableLoadsInDuckDbsOwnImportAndInFerrys(String format) throws Exception {
        Path export = temp.resolve("export");
        List<List<Object>> source;
        try (Connection h2 = DriverManager.getConnection("jdbc:ferry:h2:mem:chunked-" + format);
             Statement statement = h2.createStatement()) {
            statement.execute("CREATE TABLE c (id BIGINT PRIMARY KEY, s VARCHAR(30), d DECIMAL(10,2))");
            statement.execute("INSERT INTO c SELECT x * 3 - 100, CASE WHEN MOD(x, 4) = 0 THEN NULL"
                    + " ELSE 'v,' || x END, x / 8.0 FROM SYSTEM_RANGE(1, 5000)");
            source = rows(statement, "SELECT id, s, d FROM c ORDER BY id");
            statement.execute("EXPORT DATABASE '" + export + "' (FORMAT " + format + ", DIALECT duckdb,"
                    + " CHUNK_ROWS 1000)");
        }
        String load = java.nio.file.Files.readString(export.resolve("load.sql"));
        assertEquals(5, load.split("c\\.part-000", -1).length - 1, load);

        try (Connection duckdb = DriverManager.getConnection("jdbc:duckdb:");
             Statement statement = duckdb.createStatement()) {
            statement.execute("IMPORT DATABASE '" + export + "'");
            assertEquals(source, rows(statement, "SELECT id, s, d FROM c ORDER BY id"), "DuckDB's own IMPORT");
        }
        try (Connection duckdb = DriverManager.getConnection("jdbc:ferry:duckdb:");
             Statement statement = duckdb.createStatement()) {
            statement.execute("IMPORT DATABASE '" + export + "'");
            assertEquals(source, rows(statement, "SELECT id, s, d FROM c ORDER BY id"), "Ferry's IMPORT");
        }
    }

    /** DuckDB's types, each with a value at an edge, and the literal that makes it. */
    private static final String[][] DUCKDB_VALUES = {
            {"HUGEINT", "'-170141183460469231731687303715884105727'::HUGEINT"}, {"UBIGINT", "18446744073709551615"},
            {"DECIMAL(38,10)", "-1234567890123456789012345678.0123456789"}, {"DATE", "'-0043-03-15'"},
            {"DATE", "'infinity'"}, {"TIMESTAMP", "'-infinity'"}, {"TIMESTAMP_S", "'2024-02-29 23:59:59'"},
            {"TIMESTAMP_MS", "'1969-12-31 23:59:59.999'"}, {"TIMESTAMP_NS", "'2024-02-29 23:59:59.123456789'"},
            {"TIMESTAMPTZ", "'2024-01-01 10:00:00.5+05:30'"}, {"TIME", "'23:59:59.999999'"},
            {"INTERVAL", "INTERVAL '1 year 2 months 3 days 04:05:06.789'"}, {"INTERVAL", "INTERVAL '-1 year -2 days'"},
            {"UUID", "'ffffffff-ffff-ffff-ffff-ffffffffffff'"}, {"JSON", "'{\"a\": [1, null]}'"},
            {"INTEGER[]", "[1, NULL, 3]"}, {"VARCHAR[]", "['a,b', NULL, '', 'x\"y', 'NULL']"},
            {"INTEGER[][]", "[[1], [2, 3], NULL]"}, {"BIT", "'0101'"}, {"REAL", "'-0.0'"}, {"DOUBLE", "'-inf'"},
            {"DOUBLE", "'nan'"}, {"BLOB", "'\\x00\\xFF\\x5C'::BLOB"}, {"BLOB", "''::BLOB"}, {"VARCHAR", "''"},
            {"VARCHAR", "'line' || chr(10) || '\"q\",😀'"}, {"MAP(VARCHAR, INTEGER)", "MAP {'k': 1}"},
            {"TIMETZ", "'10:00:00+05:30'"}, {"STRUCT(a INTEGER, b VARCHAR)", "{'a': 1, 'b': 'x,y'}"}};

    /**
     * A DuckDB database exported through Ferry (whose scripts are DuckDB's) loads in DuckDB's own IMPORT, every type
     * with its value; but in Parquet, where Ferry carries a STRUCT as text, which DuckDB casts from CSV but not from a
     * Parquet column, and a TIMETZ as its instant (a warning says so).
     */
    @ParameterizedTest(name = "in {0}")
    @ValueSource(strings = {"csv", "parquet"})
    void everyDuckDbTypeComesBackInDuckDbsOwnImport(String format) throws Exception {
        Path export = temp.resolve("export");
        List<Integer> tables = new ArrayList<>();
        try (Connection source = DriverManager.getConnection("jdbc:ferry:duckdb:");
             Statement statement = source.createStatement()) {
            for (int i = 0; i < DUCKDB_VALUES.length; i++) {
                String type = DUCKDB_VALUES[i][0];
                if (format.equals("parquet") && (type.startsWith("STRUCT") || type.equals("TIMETZ"))) {
                    continue;
                }
                statement.execute("CREATE TABLE t" + i + " (v " + type + ")");
                statement.execute("INSERT INTO t" + i + " VALUES (" + DUCKDB_VALUES[i][1] + "), (NULL)");
                tables.add(i);
            }
            statement.execute("EXPORT DATABASE '" + export + "' (FORMAT " + format + ")");
        }
        try (Connection duckdb = DriverManager.getConnection("jdbc:duckdb:");
             Statement statement = duckdb.createStatement()) {
            statement.execute("IMPORT DATABASE '" + export + "'");
            for (int i : tables) {
                String type = DUCKDB_VALUES[i][0];
                String literal = type.equals("DOUBLE") && DUCKDB_VALUES[i][1].equals("'nan'") ? "v IS NOT NULL AND isnan(v)"
                        : "v IS NOT DISTINCT FROM CAST(" + DUCKDB_VALUES[i][1] + " AS " + type + ")";
                assertEquals(List.of(List.of("true", "1"), List.of("false", "1")), QueryText.rows(statement, "SELECT "
                        + literal + ", count(*) FROM t" + i + " GROUP BY v IS NULL, 1 ORDER BY v IS NULL"),
                        type + " " + DUCKDB_VALUES[i][1]);
            }
        }
    }

    /** PostgreSQL's arrays, JSONB and intervals, which it writes in its own text, loaded by DuckDB's own IMPORT. */
    @ParameterizedTest(name = "in {0}")
    @ValueSource(strings = {"csv", "parquet"})
    void postgresArraysAndJsonLoadInDuckDb(String format) throws Exception {
        Path export = temp.resolve("export");
        try (TestEngine.TestDatabase from = TestEngine.POSTGRESQL.create(temp); Connection connection = from.connect();
             Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE p (id integer PRIMARY KEY, ints integer[], texts text[],"
                    + " doc jsonb, span interval)");
            statement.execute("INSERT INTO p VALUES (1, '{1,NULL,3}', '{\"a,b\",\"c\\\"d\",\"\",NULL,\"NULL\"}',"
                    + " '{\"k\": [1, \"x\"]}', '1 year 2 mons 3 days 04:05:06.789'),"
                    + " (2, '{}', '{}', 'null', NULL)");
            statement.execute("EXPORT DATABASE '" + export + "' (FORMAT " + format + ", DIALECT duckdb)");
        }
        try (Connection duckdb = DriverManager.getConnection("jdbc:duckdb:");
             Statement statement = duckdb.createStatement()) {
            statement.execute("IMPORT DATABASE '" + export + "'");
            assertEquals(List.of(
                    List.of("1", "[1, NULL, 3]", "5", "a,b", "c\"d", "true", "true", "NULL",
                            "{\"k\": [1, \"x\"]}", "1 year 2 months 3 days 04:05:06.789"),
                    Arrays.asList("2", "[]", "0", null, null, null, "true", null, "null", null)),
                    QueryText.rows(statement, "SELECT id, CAST(ints AS VARCHAR), len(texts), texts[1], texts[2],"
                            + " texts[3] = '', texts[4] IS NULL, texts[5], CAST(doc AS VARCHAR),"
                            + " CAST(span AS VARCHAR) FROM p ORDER BY id"));
        }
    }

    /**
     * Every column of every row, as text (arrays as their elements' text, timestamps with a time zone as instants:
     * Parquet keeps the instant, not the offset, as the export's warning says).
     */
    private static List<List<Object>> rows(Statement statement, String sql) throws SQLException {
        List<List<Object>> rows = new ArrayList<>();
        try (ResultSet rs = statement.executeQuery(sql)) {
            while (rs.next()) {
                List<Object> row = new ArrayList<>();
                for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
                    Object value = rs.getObject(i);
                    row.add(value instanceof java.sql.Array array ? Arrays.deepToString((Object[]) array.getArray())
                            : value instanceof byte[] bytes ? java.util.HexFormat.of().formatHex(bytes)
                            : value instanceof java.time.OffsetDateTime zoned ? zoned.toInstant().toString()
                            : value == null ? null : value.toString());
                }
                rows.add(row);
            }
        }
        return rows;
    }
}
