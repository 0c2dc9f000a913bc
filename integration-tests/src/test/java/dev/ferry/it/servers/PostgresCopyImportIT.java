package dev.ferry.it.servers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ferry.core.model.progress.ProgressListener;
import dev.ferry.driver.FerryConnection;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * PostgreSQL's IMPORT streams a CSV file's bytes to COPY where they already are COPY's text, and converts the rest:
 * every value of every type Ferry carries loads as through the converting path (each value read and written again,
 * {@code -Ddev.ferry.postgres.copyFileBytes=false}); the file's checksum is checked on the bytes streamed; a value
 * PostgreSQL refuses is named by file, line and column.
 */
class PostgresCopyImportIT {
    private static final String SWITCH = "dev.ferry.postgres.copyFileBytes";
    /** Each column, with values cycled through the rows (row 1 is all NULL). */
    private static final String[][] COLUMNS = {
            {"sm smallint", "-32768", "32767", "0"},
            {"i integer", "-2147483648", "2147483647", "42"},
            {"b bigint", "-9223372036854775808", "9223372036854775807", "0", "-1"},
            {"n numeric", "'NaN'", "'Infinity'", "'-Infinity'", "0.000000000000000000000000000000000000000001",
                    "123456789012345678901234567890.123456789012345678901234567890", "1.50", "-0.00", "0"},
            {"n2 numeric(12,2)", "9999999999.99", "-9999999999.99", "0.10", "-0.01"},
            {"r real", "'NaN'", "'Infinity'", "'-Infinity'", "'-0'", "3.4028235e38", "1.4e-45", "0.1"},
            {"d double precision", "'NaN'", "'-Infinity'", "'-0'", "0.1", "1.7976931348623157e308", "4.9e-324"},
            {"bo boolean", "true", "false"},
            {"bi bit(3)", "B'101'", "B'000'"}, {"vb bit varying", "B''", "B'1101'"},
            {"t text", "''", "'NULL'", "'\\N'", "'\\.'", "'a,b\"c''d' || chr(13) || chr(10) || chr(9) || 'e'",
                    "'😀 𝄞 שלום مرحبا'", "'\"'", "'back\\slash'", "' spaces '", "E'line\\n\\\\.\\nafter'"},
            {"vc varchar(10)", "'x'", "''", "'\"q\"'"}, {"c char(5)", "'ab'", "'a\"b'"},
            {"by bytea", "'\\x'::bytea", "'\\x00ff7f80'::bytea", "'\\x5c78'::bytea",
                    "(SELECT string_agg(set_byte('\\x00'::bytea, 0, b), ''::bytea ORDER BY b) FROM generate_series(0, 255) b)"},
            {"dt date", "'0001-01-01'", "'9999-12-31'", "'infinity'", "'-infinity'", "'0044-03-15 BC'", "'2024-02-29'",
                    "'10000-01-01'"},
            {"tm time(6)", "'00:00:00'", "'23:59:59.999999'", "'24:00:00'"},
            {"ttz time with time zone", "'12:34:56.789+05:30'", "'00:00:00-12'"},
            {"ts timestamp(6)", "'0001-01-01 00:00:00'", "'9999-12-31 23:59:59.999999'", "'infinity'", "'-infinity'",
                    "'1500-06-01 12:00:00 BC'", "'2024-02-29 12:34:56.5'", "'20000-01-01 00:00:00'"},
            {"tz timestamp with time zone", "'2024-01-01 10:00:00.5+05:30'", "'infinity'", "'-infinity'",
                    "'0001-01-01 00:00:00+00'", "'1500-06-01 12:00:00+01 BC'", "'2000-01-01 00:00:00.000001-00:30'",
                    "'1900-01-01 00:00:00+00:19:32'"},
            {"iv interval", "'1 year 2 mons 3 days 04:05:06.789'", "'-1 day'", "'0'"},
            {"u uuid", "'a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11'", "'00000000-0000-0000-0000-000000000000'"},
            {"j json", "'{\"a\": [1, \"x\"],  \"b\": null}'", "'\"just, text\"'"},
            {"jb jsonb", "'{\"b\":1,\"a\":[true, null]}'", "'[]'"},
            {"ia integer[]", "'{1,2,NULL}'", "'{}'", "'[0:1]={1,2}'"}, {"ia2 integer[][]", "'{{1,2},{3,4}}'"},
            {"ta text[]", "ARRAY['a,b', 'c\"d', NULL, '', 'NULL', 'back\\slash', '[x]']", "'{}'"},
            {"mo mood", "'happy'", "'sad'"}, {"ms mood[]", "'{sad,happy}'"}, {"pi positive_int", "42", "1"},
            {"ine inet", "'192.168.0.1/24'", "'::1'"}, {"ci cidr", "'10.0.0.0/8'"}, {"mac macaddr", "'08:00:2b:01:02:03'"},
            {"mn money", "12.34", "-0.01"}, {"x xml", "'<a b=\"1\">x</a>'"},
            {"r4 int4range", "'[1,5)'", "'empty'"}, {"tr tsrange", "'[2024-01-01,2024-02-01)'"},
            {"pt point", "'(1.5,2)'"},
    };
    private static final int ROWS = 12;

    @TempDir
    Path temp;

    private final TestServer server = TestServer.postgres();
    private final List<String> databases = new ArrayList<>();

    @AfterEach
    void dropDatabases() throws SQLException {
        System.clearProperty(SWITCH);
        for (String database : databases) {
            server.dropDatabase(database);
        }
    }

    @Test
    void everyTypeLoadsAsThroughTheConvertingPath() throws Exception {
        String source = exportedFixture();
        List<List<String>> expected = rows(source);
        try (Connection ferry = server.connectFerry(source)) {
            // DuckDB has no arrays with explicit bounds: an export for it refuses them.
            ServerQueries.execute(ferry, "UPDATE awkward SET ia = '{1,2}' WHERE ia = '[0:1]={1,2}'");
            export(ferry, "duckdb", " (DIALECT duckdb)");
        }
        assertEquals(ROWS, expected.size());
        for (String export : List.of("ferry", "duckdb")) {
            List<List<String>> converted = importWith(false, export);
            List<List<String>> streamed = importWith(true, export);
            assertEquals(converted, streamed, export);
            if (export.equals("ferry")) {
                assertEquals(expected, streamed);
            }
        }
    }

    /**
     * A data file altered after IMPORT checked the directory, just before its table loads (the same size and rows,
     * one value changed): the COPY of its bytes finds the checksum wrong and the import leaves nothing behind. Read
     * row by row, as before, the altered value would load.
     */
    @Test
    void aFileAlteredWhileImportingFailsOnItsChecksum() throws Exception {
        exportedFixture();
        Path file = temp.resolve("ferry").resolve("data/public.awkward/part-0001.csv");
        byte[] original = Files.readAllBytes(file);
        String text = new String(original, StandardCharsets.UTF_8);
        assertTrue(text.contains("\"42\""));
        byte[] altered = text.replaceFirst("\"42\"", "\"43\"").getBytes(StandardCharsets.UTF_8);
        assertEquals(original.length, altered.length);

        String target = database();
        try (Connection ferry = server.connectFerry(target); Statement statement = ferry.createStatement()) {
            alterWhenLoading(ferry, file, altered);
            SQLException error = assertThrows(SQLException.class,
                    () -> statement.execute("IMPORT DATABASE '" + temp.resolve("ferry") + "'"));
            assertTrue(error.getMessage().contains("data/public.awkward/part-0001.csv") && error.getMessage().contains("checksum"),
                    error.getMessage());
        }
        assertEquals(List.of(List.of("0")), ServerQueries.rows(server.connect(target),
                "SELECT count(*) FROM pg_class WHERE relname = 'awkward'"));

        Files.write(file, original);
        System.setProperty(SWITCH, "false");
        String unchecked = database();
        try (Connection ferry = server.connectFerry(unchecked); Statement statement = ferry.createStatement()) {
            alterWhenLoading(ferry, file, altered);
            statement.execute("IMPORT DATABASE '" + temp.resolve("ferry") + "'");
        }
        assertEquals(List.of(List.of("1")), ServerQueries.rows(server.connect(unchecked),
                "SELECT count(*) FROM awkward WHERE pi = 43"));
    }

    /** PostgreSQL refuses a value of the streamed file: the error names the table's file, the line and the column. */
    @Test
    void aRefusedValueIsNamedByFileLineAndColumn() throws Exception {
        String source = database();
        try (Connection ferry = server.connectFerry(source)) {
            ServerQueries.execute(ferry, "CREATE TABLE notes (id int PRIMARY KEY, note text)",
                    "INSERT INTO notes VALUES (1, 'ok'), (2, E'two\\nlines'), (3, 'much too long'), (4, 'ok')");
            export(ferry, "notes", "");
        }
        Path schema = temp.resolve("notes").resolve("schema.sql");
        String script = Files.readString(schema);
        assertTrue(script.contains("\"note\" text"), script);
        Files.writeString(schema, script.replace("\"note\" text", "\"note\" varchar(9)"));
        for (boolean streamed : new boolean[] {true, false}) {
            System.setProperty(SWITCH, String.valueOf(streamed));
            String target = database();
            try (Connection ferry = server.connectFerry(target); Statement statement = ferry.createStatement()) {
                SQLException error = assertThrows(SQLException.class, () -> statement.execute(
                        "IMPORT DATABASE '" + temp.resolve("notes") + "' (ALLOW_EDITED_SCRIPTS)"));
                String message = error.getMessage();
                assertTrue(message.contains("data/public.notes/part-0001.csv") && message.contains("line 5")
                        && message.contains("column note") && message.contains("much too long"), message);
            }
            assertEquals(List.of(List.of("0")), ServerQueries.rows(server.connect(target),
                    "SELECT count(*) FROM pg_class WHERE relname = 'notes'"));
        }
    }

    /**
     * A user's file for COPY FROM in other spellings than Ferry writes: each loads, or is refused, exactly as through
     * Ferry's reader; PostgreSQL is never handed one to read itself (it would take {@code ' 12'} and
     * {@code 2024-1-1}; both refuse the hour 24). The second file turns unquoted half-way, after rows already went to
     * the COPY.
     */
    @Test
    void otherSpellingsInAUsersFileLoadAsFerrysReaderReadsThem() throws Exception {
        String header = "\"id\",\"b\",\"n\",\"d\",\"tz\",\"u\",\"t\"\n";
        String odd = "\"1\",\"+12\",\"1e2\",\"2024-01-01\",\"2024-01-01 10:00:00.500+05:30\","
                + "\"A0EEBC99-9C0B-4EF8-BB6D-6BB9BD380A11\",\"x\"\n"
                + "\"2\",\"012\",\"-0.00\",\"0000-12-31\",\"2024-01-01 10:00:00-00:00\",,\"\"\n";
        List<String> files = List.of(header + odd,
                header + odd + "3,4,5.5,2024-01-02,2024-01-01 10:00:00+00:00,,plain\r\n",
                header + odd + "\"3\",\" 12\",\"1\",\"2024-01-01\",,,\n",
                header + odd + "\"3\",\"1e5\",\"1\",\"2024-01-01\",,,\n",
                header + odd + "\"3\",\"1\",\"1\",\"2024-1-1\",,,\n",
                header + odd + "\"3\",\"1\",\"1\",\"2024-01-01\",\"2024-01-01 24:00:00+00:00\",,\n");
        String database = database();
        List<String> refused = new ArrayList<>();
        for (int i = 0; i < files.size(); i++) {
            Path file = Files.writeString(temp.resolve("odd" + i + ".csv"), files.get(i));
            List<String> outcomes = new ArrayList<>();
            for (boolean streamed : new boolean[] {true, false}) {
                System.setProperty(SWITCH, String.valueOf(streamed));
                try (Connection ferry = server.connectFerry(database); Statement statement = ferry.createStatement()) {
                    statement.execute("DROP TABLE IF EXISTS odd");
                    statement.execute("CREATE TABLE odd (id int, b bigint, n numeric(12,2), d date, tz timestamptz,"
                            + " u uuid, t text)");
                    try {
                        statement.execute("COPY odd FROM '" + file + "'");
                        outcomes.add(String.valueOf(ServerQueries.rows(ferry, "SELECT id, b, n, d, tz AT TIME ZONE"
                                + " 'UTC', u, t FROM odd ORDER BY id")));
                    } catch (SQLException e) {
                        outcomes.add(e.getMessage());
                    }
                }
            }
            assertEquals(outcomes.get(1), outcomes.get(0), files.get(i));
            if (!outcomes.get(0).startsWith("[")) {
                refused.add(outcomes.get(0));
            }
        }
        // ' 12' and '1e5' as bigint, 2024-1-1 as a date, and the hour 24.
        assertEquals(4, refused.size(), refused.toString());
        for (String message : refused) {
            assertTrue(message.contains("line 4 of odd"), message);
        }
    }

    private void alterWhenLoading(Connection ferry, Path file, byte[] altered) throws SQLException {
        ferry.unwrap(FerryConnection.class).setProgressListener(new ProgressListener() {
            @Override
            public void tableStarted(String action, String table, long expectedRows) {
                try {
                    Files.write(file, altered);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        });
    }

    private String database() throws SQLException {
        String database = server.createDatabase();
        databases.add(database);
        return database;
    }

    /** A database holding the fixture, exported into the directory {@code ferry}: the database's name. */
    private String exportedFixture() throws SQLException {
        String source = database();
        try (Connection ferry = server.connectFerry(source)) {
            fill(ferry);
            export(ferry, "ferry", "");
        }
        return source;
    }

    private static void fill(Connection ferry) throws SQLException {
        ServerQueries.execute(ferry, "CREATE TYPE mood AS ENUM ('sad', 'ok', 'happy')",
                "CREATE DOMAIN positive_int AS integer CHECK (VALUE > 0)");
        StringBuilder create = new StringBuilder("CREATE TABLE awkward (id int PRIMARY KEY");
        for (String[] column : COLUMNS) {
            create.append(", ").append(column[0]);
        }
        ServerQueries.execute(ferry, create.append(")").toString(), "INSERT INTO awkward (id) VALUES (1)");
        for (int row = 2; row <= ROWS; row++) {
            StringBuilder insert = new StringBuilder("INSERT INTO awkward VALUES (" + row);
            for (String[] column : COLUMNS) {
                insert.append(", ").append(column[1 + (row - 2) % (column.length - 1)]);
            }
            ServerQueries.execute(ferry, insert.append(")").toString());
        }
    }

    private void export(Connection ferry, String directory, String options) throws SQLException {
        try (Statement statement = ferry.createStatement()) {
            statement.execute("EXPORT DATABASE '" + temp.resolve(directory) + "'" + options);
        }
    }

    private List<List<String>> importWith(boolean streamed, String export) throws SQLException {
        System.setProperty(SWITCH, String.valueOf(streamed));
        String target = database();
        try (Connection ferry = server.connectFerry(target); Statement statement = ferry.createStatement()) {
            statement.execute("IMPORT DATABASE '" + temp.resolve(export) + "'");
        }
        List<List<String>> rows = rows(target);
        assertNotEquals(List.of(), rows);
        return rows;
    }

    /** Every row of the table, each value as PostgreSQL's text in UTC, read without Ferry. */
    private List<List<String>> rows(String database) throws SQLException {
        StringBuilder select = new StringBuilder("SELECT id");
        for (String[] column : COLUMNS) {
            select.append(", ").append(column[0], 0, column[0].indexOf(' ')).append("::text");
        }
        try (Connection connection = server.connect(database)) {
            ServerQueries.execute(connection, "SET TIME ZONE 'UTC'");
            return ServerQueries.rows(connection, select.append(" FROM awkward ORDER BY id").toString());
        }
    }
}
