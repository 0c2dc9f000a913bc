package dev.ferry.it.servers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ferry.core.dialect.TableDumper;
import dev.ferry.core.dialect.postgres.PostgresDialect;
import dev.ferry.core.model.options.FormatOptions;
import dev.ferry.core.model.progress.ProgressListener;
import dev.ferry.driver.FerryConnection;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * PostgreSQL's bulk export path (COPY ... TO STDOUT, the server writing Ferry's CSV text) against the row-by-row
 * path (issue 13): the same database exported both ways gives byte-identical data files, for whole tables and for
 * chunked ones, over every type Ferry carries with awkward values; and the bulk path is really taken for the tables
 * it serves, and refused for those it does not.
 */
class PostgresCopyExportIT {
    /** The property that sends every read row by row (DumpedRead.ROW_BY_ROW); the tests' only use of it. */
    private static final String ROW_BY_ROW = "ferry.test.exportRowByRow";

    /**
     * Each column of {@code every_type} with its values; row i takes value i modulo the list's length, and one more
     * row is NULL in every column.
     */
    private static final Map<String, List<String>> COLUMNS = columns(
            "b boolean", List.of("true", "false"),
            "i2 smallint", List.of("-32768", "32767", "0"),
            "i4 integer", List.of("-2147483648", "2147483647", "0", "42"),
            "i8 bigint", List.of("-9223372036854775808", "9223372036854775807", "0"),
            "n numeric", List.of("'NaN'", "'Infinity'", "'-Infinity'", "0.000000000000000000000000000000000000000001",
                    "123456789012345678901234567890.123456789012345678901234567890", "1.50", "-0.0", "100000"),
            "n2 numeric(12,2)", List.of("1.50", "-0.01", "9999999999.99", "0", "-9999999999.99"),
            "t text", List.of("''", "'NULL'", "'\\N'", "'a,b\"c''d' || chr(13) || chr(10) || chr(9) || 'e'",
                    "'😀 𝄞 שלום مرحبا \\ back'", "' lead and trail '", "'\"'", "'\\.'"),
            "vc varchar(20)", List.of("'x'", "'\"\"'", "','", "' '"),
            "c5 char(5)", List.of("'ab'", "''", "'abcde'", "' a'"),
            "ch \"char\"", List.of("'a'", "'\"'", "''"),
            "nm name", List.of("'pg_name'", "'with space'"),
            "\"we\"\"ird, Name\" text", List.of("'w'", "''"),
            "by bytea", List.of("'\\x'::bytea", "'\\x00ff7f80'::bytea", "'\\x5c220a0d2c'::bytea",
                    "(SELECT string_agg(set_byte('\\x00'::bytea, 0, x), ''::bytea ORDER BY x)"
                            + " FROM generate_series(0, 255) x)"),
            "d date", List.of("'0001-01-01'", "'9999-12-31'", "'infinity'", "'-infinity'", "'0044-03-15 BC'",
                    "'0001-01-01 BC'", "'0002-12-31 BC'", "'10000-01-01'", "'4713-01-01 BC'", "'5874897-12-31'",
                    "'2024-02-29'"),
            "tm time", List.of("'00:00:00'", "'23:59:59.999999'", "'24:00:00'", "'12:34:56.5'", "'01:02:03.000001'"),
            "ts timestamp", List.of("'0001-01-01 00:00:00'", "'9999-12-31 23:59:59.999999'", "'infinity'",
                    "'-infinity'", "'1500-06-01 12:00:00 BC'", "'0001-12-31 23:59:59.5 BC'", "'10000-01-01 00:00:00'",
                    "'294276-12-31 23:59:59.999999'", "'4713-01-01 00:00:00 BC'", "'2024-02-29 12:34:56.789'",
                    "'2024-02-29 12:34:56.000001'"),
            "ttz timetz", List.of("'12:34:56.789+05:30'", "'00:00:00-12'", "'24:00:00+00'", "'10:00:00+05:30:15'",
                    "'23:59:59.999999-15:59'", "'01:02:03+00'", "'24:00:00-03'", "'00:00:00.5+14'"),
            "tstz timestamptz", List.of("'2024-01-01 10:00:00.5+05:30'", "'infinity'", "'-infinity'",
                    "'0001-01-01 00:00:00+00'", "'0001-01-01 00:00:00+05 BC'", "'1500-06-01 12:00:00+00 BC'",
                    "'9999-12-31 23:59:59.999999+00'", "'9999-12-31 23:59:59.999999-05'",
                    "'1900-01-01 00:00:00+00:09:21'", "'2000-01-01 00:00:00.123456-08'", "'0001-01-01 03:00:00+05'"),
            "yes_no flag", List.of("true", "false"),
            "stamp moment", List.of("'2024-01-01 10:00:00.5+05:30'", "'infinity'", "'0044-03-15 12:00:00+00 BC'"),
            "tza timestamptz[]", List.of("'{\"2024-01-01 10:00:00.5+05:30\",infinity,NULL}'"),
            "u uuid", List.of("'a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11'", "'00000000-0000-0000-0000-000000000000'",
                    "'FFFFFFFF-FFFF-FFFF-FFFF-FFFFFFFFFFFF'"),
            "j json", List.of("'{\"a\": [1, \"x\"],  \"b\": null}'", "'\"just text\"'", "'\"q \\\" and , c\"'",
                    "'null'"),
            "jb jsonb", List.of("'{\"b\":1,\"a\":[true, null]}'", "'[]'", "'\"é\"'"),
            "iv interval", List.of("'1 year 2 mons 3 days 04:05:06.789'", "'-1 day'", "'0'", "'-178000000 years'",
                    "'1 microsecond'"),
            "ia integer[]", List.of("'{1,2,NULL}'", "'{}'", "'{{1,2},{3,4}}'", "'[0:1]={5,6}'"),
            "ta text[]", List.of("ARRAY['a,b', 'c\"d', NULL, '', 'NULL', 'back\\slash']", "'{}'"),
            "fa float8[]", List.of("'{1.5,NaN,-Infinity,0.1,1e300,-0}'", "'{4.9e-324}'"),
            "ba bytea[]", List.of("ARRAY['\\x00'::bytea, '\\x'::bytea, NULL]"),
            "da date[]", List.of("'{infinity,0044-03-15 BC,2024-02-29}'"),
            "mo mood", List.of("'happy'", "'sad'"),
            "dm positive_int", List.of("42", "1"),
            "ip inet", List.of("'192.168.0.1/24'", "'::1'"),
            "mn money", List.of("12.34", "-0.01"),
            "x xml", List.of("'<a b=\"1\">x, y</a>'"),
            "tr tsrange", List.of("'[2024-01-01,2024-02-01)'", "'empty'"),
            "tzr tstzrange", List.of("'[2024-01-01 00:00+00,infinity)'"),
            "pt point", List.of("'(1.5,2)'"),
            "bv bit varying", List.of("B''", "B'1101'"),
            "h2 hstore_like_text", List.of("'k=>v'"));
    private static final int ROWS = COLUMNS.values().stream().mapToInt(List::size).max().orElseThrow() + 1;

    @TempDir
    Path temp;

    private final TestServer server = TestServer.postgres();

    /** The column's name as SQL, from its definition in {@link #COLUMNS}. */
    private static String name(String definition) {
        return definition.startsWith("\"") ? definition.substring(0, definition.lastIndexOf('"') + 1)
                : definition.substring(0, definition.indexOf(' '));
    }

    private static Map<String, List<String>> columns(Object... pairs) {
        Map<String, List<String>> columns = new java.util.LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            @SuppressWarnings("unchecked")
            List<String> values = (List<String>) pairs[i + 1];
            columns.put((String) pairs[i], values);
        }
        return columns;
    }

    /**
     * {@code every_type} (keyed, every value of {@link #COLUMNS}); {@code solo}, one text column (a NULL is an empty
     * line); {@code nothing}, no rows; {@code floats}, whose types the bulk path leaves to the row-by-row path.
     */
    private static void fill(Connection connection) throws SQLException {
        List<String> statements = new ArrayList<>(List.of(
                "CREATE TYPE mood AS ENUM ('sad', 'ok', 'happy')",
                "CREATE DOMAIN positive_int AS integer CHECK (VALUE > 0)",
                "CREATE DOMAIN hstore_like_text AS text",
                "CREATE DOMAIN flag AS boolean", "CREATE DOMAIN moment AS timestamptz",
                "CREATE TABLE every_type (id integer PRIMARY KEY, "
                        + String.join(", ", COLUMNS.keySet()) + ")"));
        for (int row = 0; row < ROWS - 1; row++) {
            int r = row;
            statements.add("INSERT INTO every_type VALUES (" + row + ", " + COLUMNS.values().stream()
                    .map(values -> values.get(r % values.size())).collect(Collectors.joining(", ")) + ")");
        }
        statements.add("INSERT INTO every_type (id) VALUES (" + (ROWS - 1) + ")");
        statements.addAll(List.of(
                "CREATE TABLE solo (t text)", "INSERT INTO solo VALUES (NULL), (''), ('x'), (NULL)",
                "CREATE TABLE nothing (id integer, t text)",
                "CREATE TABLE floats (id integer PRIMARY KEY, r real, d double precision)",
                "INSERT INTO floats VALUES (1, 0.1, 0.1), (2, 'NaN', '-Infinity'), (3, 1e10, 4.9e-324),"
                        + " (4, '-0', 1e22), (5, NULL, NULL)"));
        ServerQueries.execute(connection, statements.toArray(String[]::new));
    }

    @Test
    void wholeTablesAreWrittenByteForByteAsRowByRow_underTheSessionsOwnSettings() throws Exception {
        inNewDatabase(database -> {
            try (Connection ferry = server.connectFerry(database)) {
                fill(ferry);
                // Settings a COPY could depend on: the timestamptz text must not follow TimeZone, bytea's
                // bytea_output, a literal in the expressions standard_conforming_strings; the engine's own text
                // (intervals, arrays of floats and bytea) follows them alike on both paths.
                ServerQueries.execute(ferry, "SET TIME ZONE 'Asia/Kolkata'", "SET IntervalStyle = 'iso_8601'",
                        "SET bytea_output = 'escape'", "SET extra_float_digits = 0",
                        "SET standard_conforming_strings = off");
                assertSameFiles(exportBothWays(ferry, "(JOBS 1)"), 3);
                assertSameFiles(exportBothWays(ferry, "(JOBS 1, DELIMITER ';', QUOTE '''', HEADER false)"), 3);
                ServerQueries.execute(ferry, "SET TIME ZONE 'UTC'");
                assertSameFiles(exportBothWays(ferry, "(JOBS 1)"), 3);
            }
        });
    }

    @Test
    void chunkedTablesAreWrittenByteForByteAsRowByRow() throws Exception {
        inNewDatabase(database -> {
            try (Connection ferry = server.connectFerry(database)) {
                fill(ferry);
                String values = COLUMNS.keySet().stream().map(c -> "e." + name(c))
                        .collect(Collectors.joining(", "));
                ServerQueries.execute(ferry,
                        "CREATE TABLE big AS SELECT g AS id, " + values + " FROM generate_series(1, 6000) g"
                                + " JOIN every_type e ON e.id = g % " + ROWS,
                        "ALTER TABLE big ADD PRIMARY KEY (id)",
                        "CREATE TABLE heap AS SELECT " + values + " FROM generate_series(1, 6000) g"
                                + " JOIN every_type e ON e.id = g % " + ROWS,
                        "ANALYZE big", "ANALYZE heap");
                Path[] exports = exportBothWays(ferry, "(JOBS 2, CHUNK_ROWS 1000)");
                assertSameFiles(exports, 5);
                for (String table : List.of("big", "heap")) {
                    JsonNode chunks = table(exports[0], table).get("chunks");
                    assertTrue(chunks != null && chunks.size() >= 4, table + ": " + chunks);
                }
            }
        });
    }

    /**
     * The bulk path takes the tables whose every column it can write as Ferry does, and leaves those with a float
     * column to the row-by-row path: without this, identical files could mean that it was never taken.
     */
    @Test
    void theBulkPathTakesEveryTypeButFloats() throws Exception {
        inNewDatabase(database -> {
            try (Connection plain = server.connect(database)) {
                fill(plain);
                TableDumper dumper = new PostgresDialect().tableDumper(plain).orElseThrow();
                List<String> names = new ArrayList<>(List.of("id"));
                COLUMNS.keySet().forEach(c -> names.add(name(c).replace("\"\"", "\"").replaceAll("^\"|\"$", "")));
                String select = "SELECT " + names.stream().map(n -> '"' + n.replace("\"", "\"\"") + '"')
                        .collect(Collectors.joining(", ")) + " FROM ONLY every_type";
                assertTrue(dumper.prepare(select, names, FormatOptions.DEFAULTS).isPresent(), "every_type");
                assertTrue(dumper.prepare("SELECT t FROM solo", List.of("t"), FormatOptions.DEFAULTS).isPresent());
                assertTrue(dumper.prepare("SELECT id, r, d FROM floats", List.of("id", "r", "d"),
                        FormatOptions.DEFAULTS).isEmpty(), "floats");
                assertTrue(dumper.prepare("SELECT id, r FROM floats", List.of("id", "r"), FormatOptions.DEFAULTS)
                        .isEmpty(), "real");
            }
        });
    }

    /**
     * An interrupted export cancels the COPY it is reading, on the server: the job is held in its first progress
     * report of {@code long_one} (the server meanwhile blocked on a full socket) while the export is interrupted; the
     * export then fails with HY008, the read stops long before the table's end, and nothing is left.
     */
    @Test
    void anInterruptedExportCancelsItsCopyOnTheServer() throws Exception {
        int rows = 300_000;
        Path export = temp.resolve("export");
        inNewDatabase(database -> {
            try (Connection ferry = server.connectFerry(database); Connection watcher = server.connect(database)) {
                ServerQueries.execute(ferry, "CREATE TABLE long_one (id integer PRIMARY KEY, t text)",
                        "INSERT INTO long_one SELECT g, repeat('x', 100) FROM generate_series(1, " + rows + ") g",
                        "CREATE TABLE short_one (id integer PRIMARY KEY)", "ANALYZE long_one");
                CountDownLatch held = new CountDownLatch(1);
                AtomicLong lastReport = new AtomicLong();
                ferry.unwrap(FerryConnection.class).setProgressListener(new ProgressListener() {
                    @Override
                    public void rowsDone(String table, long done) {
                        if (table.contains("long_one")) {
                            lastReport.set(done);
                            if (held.getCount() > 0) {
                                held.countDown();
                                pause();
                            }
                        }
                    }
                });
                AtomicReference<Throwable> failure = new AtomicReference<>();
                Thread exporting = new Thread(() -> {
                    try (Statement statement = ferry.createStatement()) {
                        statement.execute("EXPORT DATABASE '" + export + "' (JOBS 2, CHUNK_ROWS 0)");
                    } catch (Throwable e) {
                        failure.set(e);
                    }
                });
                exporting.start();
                assertTrue(held.await(60, TimeUnit.SECONDS), "no progress was reported for long_one");
                exporting.interrupt();
                exporting.join(30_000);
                assertFalse(exporting.isAlive(), "the export was still running 30 s after its interruption");
                assertTrue(failure.get() instanceof SQLException e && "HY008".equals(e.getSQLState()),
                        String.valueOf(failure.get()));
                assertTrue(lastReport.get() < rows / 2, "the read went on to row " + lastReport.get());
                assertFalse(Files.exists(export), "nothing is left of a failed export");
                assertEquals("0", ServerQueries.rows(watcher, "SELECT count(*) FROM pg_stat_activity WHERE datname = '"
                        + database + "' AND query LIKE 'COPY (%' AND state = 'active'").get(0).get(0));
            }
        });
    }

    /** Holds the job's thread for two seconds, long enough for the export to be interrupted meanwhile. */
    private static void pause() {
        try {
            Thread.sleep(2_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** A test's work in a database of its own, dropped (with the connections to it) after. */
    @FunctionalInterface
    private interface InDatabase {
        void run(String database) throws Exception;
    }

    private void inNewDatabase(InDatabase work) throws Exception {
        String database = server.createDatabase();
        try {
            work.run(database);
        } finally {
            server.dropDatabase(database);
        }
    }

    /** Exports the database with {@code options} through the bulk path, then row by row: the two directories. */
    private Path[] exportBothWays(Connection ferry, String options) throws Exception {
        Path bulk = Files.createTempDirectory(temp, "bulk");
        Path rowByRow = Files.createTempDirectory(temp, "rows");
        Files.delete(bulk);
        Files.delete(rowByRow);
        try (Statement statement = ferry.createStatement()) {
            statement.execute("EXPORT DATABASE '" + bulk + "' " + options);
            assertEquals(List.of(), ParallelExportIT.warnings(statement));
            System.setProperty(ROW_BY_ROW, "true");
            try {
                statement.execute("EXPORT DATABASE '" + rowByRow + "' " + options);
            } finally {
                System.clearProperty(ROW_BY_ROW);
            }
        }
        return new Path[] {bulk, rowByRow};
    }

    /** The data files of both exports are the same bytes, and so are their manifests' entries. */
    private static void assertSameFiles(Path[] exports, int tables) throws IOException {
        List<String> files = dataFiles(exports[0]);
        assertEquals(files, dataFiles(exports[1]));
        for (String file : files) {
            assertEquals(-1L, Files.mismatch(exports[0].resolve(file), exports[1].resolve(file)),
                    file + " differs:\n" + Files.readString(exports[0].resolve(file)) + "\n---- row by row:\n"
                            + Files.readString(exports[1].resolve(file)));
        }
        JsonNode bulk = manifest(exports[0]).get("tables");
        assertEquals(bulk, manifest(exports[1]).get("tables"));
        assertTrue(bulk.size() >= tables, bulk.toString());
        assertTrue(files.stream().anyMatch(f -> f.startsWith("data/public.every_type/")), files.toString());
    }

    private static List<String> dataFiles(Path export) throws IOException {
        try (Stream<Path> files = Files.walk(export)) {
            return files.map(f -> export.relativize(f).toString()).filter(f -> f.endsWith(".csv")).sorted().toList();
        }
    }

    private static JsonNode manifest(Path export) throws IOException {
        return new ObjectMapper().readTree(export.resolve("manifest.json").toFile());
    }

    private static JsonNode table(Path export, String name) throws IOException {
        for (JsonNode table : manifest(export).get("tables")) {
            if (table.get("name").asText().equals(name)) {
                return table;
            }
        }
        throw new AssertionError("no table " + name + " in the manifest");
    }
}
