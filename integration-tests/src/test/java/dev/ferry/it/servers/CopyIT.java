package dev.ferry.it.servers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Client-side COPY through the driver, on H2, PostgreSQL and MariaDB: tables, column lists and queries to files and
 * back, row counts, awkward values, options, refusals, all-or-nothing loads and {@code ferry.copy=false}.
 */
class CopyIT {
    private static final String[][] AWKWARD = {
        {"1", "plain", "", "1.50"},
        {"2", null, "say \"hi\", then; leave", "-2.00"},
        {"3", "multi\nline\r\nvalue", "naïve café ✓ 😀 𝄞", null},
        {"4", "comma,quote\"", null, "0.00"},
        {"5", "", "'single' \\ backslash", "12345678.90"},
    };

    @TempDir
    Path temp;

    private Database database;

    /** The engines COPY is tested on. */
    enum Engine { H2, POSTGRESQL, MARIADB }

    /** One fresh database of an engine. */
    private record Database(Engine engine, String ferryUrl, Properties credentials, TestServer server, String name) {

        static Database create(Engine engine) throws SQLException {
            if (engine == Engine.H2) {
                return new Database(engine, "jdbc:ferry:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1",
                        new Properties(), null, null);
            }
            TestServer server = engine == Engine.POSTGRESQL ? TestServer.postgres() : TestServer.mariadb();
            String name = server.createDatabase();
            return new Database(engine, server.ferryUrl(name), server.credentials(), server, name);
        }

        Connection connect() throws SQLException {
            return DriverManager.getConnection(ferryUrl, credentials);
        }

        Connection connect(String urlSuffix, Properties extra) throws SQLException {
            Properties properties = new Properties();
            properties.putAll(credentials);
            properties.putAll(extra);
            return DriverManager.getConnection(ferryUrl + urlSuffix, properties);
        }

        /** What a CREATE TABLE ends with: MariaDB needs utf8mb4 for characters beyond the BMP. */
        String tableOptions() {
            return engine == Engine.MARIADB ? " DEFAULT CHARSET=utf8mb4" : "";
        }

        void drop() throws SQLException {
            if (server != null) {
                server.dropDatabase(name);
            } else {
                try (Connection c = connect(); Statement s = c.createStatement()) {
                    s.execute("SHUTDOWN");
                }
            }
        }
    }

    @AfterEach
    void dropDatabase() throws SQLException {
        if (database != null) {
            database.drop();
        }
    }

    private Connection open(Engine engine) throws SQLException {
        database = Database.create(engine);
        return database.connect();
    }

    private void createItems(Connection c, String table) throws SQLException {
        execute(c, "CREATE TABLE " + table + " (id INT PRIMARY KEY, name VARCHAR(100), note VARCHAR(200),"
                + " amount DECIMAL(12, 2))" + database.tableOptions());
    }

    private void fillItems(Connection c) throws SQLException {
        createItems(c, "items");
        try (PreparedStatement insert = c.prepareStatement("INSERT INTO items VALUES (?, ?, ?, ?)")) {
            for (String[] row : AWKWARD) {
                insert.setInt(1, Integer.parseInt(row[0]));
                insert.setString(2, row[1]);
                insert.setString(3, row[2]);
                insert.setBigDecimal(4, row[3] == null ? null : new BigDecimal(row[3]));
                insert.executeUpdate();
            }
        }
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void tableRoundTripsThroughAFileWithAwkwardValues(Engine engine) throws Exception {
        try (Connection c = open(engine)) {
            fillItems(c);
            Path file = temp.resolve("items.csv");
            try (Statement s = c.createStatement()) {
                assertEquals(5, s.executeUpdate("COPY items TO '" + file + "'"));
            }
            String csv = Files.readString(file, StandardCharsets.UTF_8);
            assertTrue(csv.toLowerCase(Locale.ROOT).startsWith("\"id\",\"name\",\"note\",\"amount\"\n"), csv);
            assertTrue(csv.contains("\"2\",,\"say \"\"hi\"\", then; leave\",\"-2.00\"\n"), csv);
            assertTrue(csv.contains("\"1\",\"plain\",\"\",\"1.50\"\n"), csv);

            createItems(c, "items_copy");
            try (Statement s = c.createStatement()) {
                assertEquals(5, s.executeUpdate("COPY items_copy FROM '" + file + "'"));
            }
            assertEquals(rows(c, "SELECT * FROM items ORDER BY id"), rows(c, "SELECT * FROM items_copy ORDER BY id"));
            assertEquals(Arrays.asList(null, ""), rows(c, "SELECT name FROM items_copy WHERE id IN (2, 5) ORDER BY id")
                    .stream().map(r -> r.get(0)).toList());
            assertEquals("naïve café ✓ 😀 𝄞", rows(c, "SELECT note FROM items_copy WHERE id = 3").get(0).get(0));
            assertEquals("multi\nline\r\nvalue", rows(c, "SELECT name FROM items_copy WHERE id = 3").get(0).get(0));
        }
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void columnListsAndQueries(Engine engine) throws Exception {
        try (Connection c = open(engine)) {
            fillItems(c);
            Path columns = temp.resolve("columns.csv");
            Path query = temp.resolve("query.csv");
            try (Statement s = c.createStatement()) {
                assertEquals(5, s.executeUpdate("COPY items (note, id) TO '" + columns + "'"));
                assertEquals(3, s.executeUpdate(
                        "COPY (SELECT id, amount * 2 AS doubled FROM items WHERE id > 2 ORDER BY id) TO '" + query + "'"));
            }
            assertEquals("\"note\",\"id\"", firstLine(columns).toLowerCase(Locale.ROOT));
            assertEquals(List.of("\"id\",\"doubled\"", "\"3\",", "\"4\",\"0.00\"", "\"5\",\"24691357.80\""),
                    Files.readAllLines(query).stream().map(l -> l.toLowerCase(Locale.ROOT)).toList());

            execute(c, "CREATE TABLE partial (id INT PRIMARY KEY, note VARCHAR(200), extra VARCHAR(10) DEFAULT 'd')"
                    + database.tableOptions());
            execute(c, "CREATE TABLE doubled (id INT, doubled DECIMAL(14, 2))");
            try (Statement s = c.createStatement()) {
                assertEquals(5, s.executeUpdate("COPY partial (note, id) FROM '" + columns + "'"));
                assertEquals(3, s.executeUpdate("COPY doubled FROM '" + query + "'"));
            }
            assertEquals(rows(c, "SELECT id, note, 'd' FROM items ORDER BY id"),
                    rows(c, "SELECT id, note, extra FROM partial ORDER BY id"));
            assertEquals(List.of(List.of(3, "null"), List.of(4, "0.00"), List.of(5, "24691357.80")),
                    rows(c, "SELECT id, doubled FROM doubled ORDER BY id").stream()
                            .map(r -> List.of(((Number) r.get(0)).intValue(), String.valueOf(r.get(1)))).toList());
        }
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void formatFromTheExtensionAndBothSpellingsOfOptions(Engine engine) throws Exception {
        try (Connection c = open(engine)) {
            fillItems(c);
            Path text = temp.resolve("items.txt");
            Path duck = temp.resolve("duck.data");
            Path kuzu = temp.resolve("kuzu.CSV");
            try (Statement s = c.createStatement()) {
                assertEquals(5, s.executeUpdate("COPY items TO '" + text + "' (HEADER false, DELIMITER '|')"));
                assertEquals(5, s.executeUpdate("COPY items TO '" + duck + "' (FORMAT csv, HEADER false, QUOTE '''')"));
                assertEquals(5, s.executeUpdate("COPY items TO '" + kuzu + "' (format=\"csv\", header=true)"));
            }
            assertEquals("\"1\"|\"plain\"|\"\"|\"1.50\"", firstLine(text));
            assertEquals("'1','plain','','1.50'", firstLine(duck));
            assertEquals("\"id\",\"name\",\"note\",\"amount\"", firstLine(kuzu).toLowerCase(Locale.ROOT));

            createItems(c, "from_text");
            createItems(c, "from_duck");
            try (Statement s = c.createStatement()) {
                assertEquals(5, s.executeUpdate("COPY from_text FROM '" + text + "' (HEADER false, DELIM '|')"));
                assertEquals(5, s.executeUpdate("COPY from_duck FROM '" + duck + "' (HEADER off, QUOTE '''')"));
            }
            List<List<Object>> expected = rows(c, "SELECT * FROM items ORDER BY id");
            assertEquals(expected, rows(c, "SELECT * FROM from_text ORDER BY id"));
            assertEquals(expected, rows(c, "SELECT * FROM from_duck ORDER BY id"));

            Path bad = temp.resolve("bad.csv");
            try (Statement s = c.createStatement()) {
                SQLException unknown = assertThrows(SQLException.class,
                        () -> s.executeUpdate("COPY items TO '" + bad + "' (BOGUS true)"));
                assertEquals("22023", unknown.getSQLState());
                assertTrue(unknown.getMessage().contains("BOGUS"), unknown.getMessage());
                SQLException format = assertThrows(SQLException.class,
                        () -> s.executeUpdate("COPY items TO '" + bad + "' (FORMAT xml)"));
                assertEquals("22023", format.getSQLState());
                SQLException syntax = assertThrows(SQLException.class,
                        () -> s.executeUpdate("COPY items TO '" + bad + "' (HEADER false"));
                assertEquals("42601", syntax.getSQLState());
                assertTrue(syntax.getMessage().contains("at position"), syntax.getMessage());
            }
            assertFalse(Files.exists(bad));
        }
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void resultsAsForExportAndPreparedCopies(Engine engine) throws Exception {
        try (Connection c = open(engine)) {
            fillItems(c);
            Path file = temp.resolve("items.csv");
            try (Statement s = c.createStatement()) {
                assertTrue(s.execute("COPY items TO '" + file + "'"));
                try (ResultSet result = s.getResultSet()) {
                    assertTrue(result.next());
                    assertEquals("items", result.getString("table_name"));
                    assertEquals(file.toAbsolutePath().toString(), result.getString("file"));
                    assertEquals(5, result.getLong("rows"));
                    assertEquals(Files.size(file), result.getLong("bytes"));
                    assertFalse(result.next());
                }
                assertFalse(s.getMoreResults());
                assertEquals(5, s.getUpdateCount());
            }
            createItems(c, "loaded");
            try (PreparedStatement p = c.prepareStatement("COPY loaded (id, name, note, amount) FROM ?")) {
                p.setString(1, file.toString());
                assertEquals(5L, p.executeLargeUpdate());
            }
            Path second = temp.resolve("second.csv");
            try (PreparedStatement p = c.prepareStatement("COPY (SELECT name FROM loaded WHERE id = 1) TO ?")) {
                p.setString(1, second.toString());
                assertEquals(1, p.executeUpdate());
            }
            assertEquals("\"plain\"", Files.readAllLines(second).get(1));
        }
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void existingFilesAreRefusedAndMissingOnesNamed(Engine engine) throws Exception {
        try (Connection c = open(engine); Statement s = c.createStatement()) {
            fillItems(c);
            Path existing = temp.resolve("existing.csv");
            Files.writeString(existing, "keep me");
            SQLException refused = assertThrows(SQLException.class,
                    () -> s.executeUpdate("COPY items TO '" + existing + "'"));
            assertEquals("42000", refused.getSQLState());
            assertTrue(refused.getMessage().contains(existing.toString()), refused.getMessage());
            assertEquals("keep me", Files.readString(existing));

            Path missing = temp.resolve("no-such.csv");
            SQLException notFound = assertThrows(SQLException.class,
                    () -> s.executeUpdate("COPY items FROM '" + missing + "'"));
            assertEquals("58030", notFound.getSQLState());
            assertTrue(notFound.getMessage().contains(missing.toString()), notFound.getMessage());

            SQLException noDirectory = assertThrows(SQLException.class,
                    () -> s.executeUpdate("COPY items TO '" + temp.resolve("no-dir/x.csv") + "'"));
            assertEquals("58030", noDirectory.getSQLState());
        }
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void aBadRowLeavesTheTableAsItWas_inAutocommitMode(Engine engine) throws Exception {
        try (Connection c = open(engine)) {
            createItems(c, "items");
            execute(c, "INSERT INTO items VALUES (-1, 'before', NULL, 1)");
            Path file = fileWithABadRow(2_500);
            SQLException error = assertThrows(SQLException.class, () -> execute(c, "COPY items FROM '" + file + "'"));
            assertBadRowError(error, file, 2_500 + 2);
            assertTrue(c.getAutoCommit());
            assertEquals(1L, count(c, "items"));

            Path wrongHeader = temp.resolve("header.csv");
            Files.writeString(wrongHeader, "id,title,note,amount\n\"1\",\"a\",\"b\",\"1\"\n");
            SQLException header = assertThrows(SQLException.class,
                    () -> execute(c, "COPY items FROM '" + wrongHeader + "'"));
            assertEquals("22000", header.getSQLState());
            assertTrue(header.getMessage().contains("header.csv") && header.getMessage().contains("line 1"),
                    header.getMessage());
            assertEquals(1L, count(c, "items"));
        }
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void aBadRowLeavesTheCallersTransactionAndItsEarlierWork(Engine engine) throws Exception {
        try (Connection c = open(engine)) {
            createItems(c, "items");
            execute(c, "INSERT INTO items VALUES (-1, 'committed', NULL, 1)");
            c.setAutoCommit(false);
            execute(c, "INSERT INTO items VALUES (-2, 'uncommitted', NULL, 2)",
                    "INSERT INTO items VALUES (-3, 'uncommitted', NULL, 3)");
            Path file = fileWithABadRow(1_200);
            SQLException error = assertThrows(SQLException.class, () -> execute(c, "COPY items FROM '" + file + "'"));
            assertBadRowError(error, file, 1_200 + 2);
            assertFalse(c.getAutoCommit());
            assertEquals(3L, count(c, "items"));
            Path duplicate = temp.resolve("duplicate.csv");
            StringBuilder csv = new StringBuilder(header());
            for (int i = 100; i < 1_400; i++) {
                csv.append('"').append(i).append("\",,,\n");
            }
            Files.writeString(duplicate, csv.append("\"-2\",\"same key as an uncommitted row\",,\n"));
            SQLException refused = assertThrows(SQLException.class,
                    () -> execute(c, "COPY items FROM '" + duplicate + "'"));
            assertTrue(refused.getMessage().contains("duplicate.csv"), refused.getMessage());
            assertEquals(3L, count(c, "items"));
            execute(c, "INSERT INTO items VALUES (-4, 'after', NULL, 4)");
            Path good = temp.resolve("good.csv");
            Files.writeString(good, header() + "\"7\",\"seven\",,\"7\"\n");
            try (Statement s = c.createStatement()) {
                assertEquals(1, s.executeUpdate("COPY items FROM '" + good + "'"));
            }
            c.commit();
            c.setAutoCommit(true);
            assertEquals(List.of(-4, -3, -2, -1, 7), rows(c, "SELECT id FROM items ORDER BY id").stream()
                    .map(r -> ((Number) r.get(0)).intValue()).toList());
        }
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void aFailingQueryLeavesNoFile(Engine engine) throws Exception {
        try (Connection c = open(engine)) {
            execute(c, "CREATE TABLE nums (id INT)", "CREATE TABLE dup (g INT)",
                    "INSERT INTO dup VALUES (4000)", "INSERT INTO dup VALUES (4000)");
            try (PreparedStatement insert = c.prepareStatement("INSERT INTO nums VALUES (?)")) {
                for (int i = 1; i <= 5_000; i++) {
                    insert.setInt(1, i);
                    insert.addBatch();
                }
                insert.executeBatch();
            }
            Path dir = Files.createDirectory(temp.resolve("out"));
            Path file = dir.resolve("fail.csv");
            // The subquery returns two rows only for id 4000: the query fails after rows have been written.
            SQLException error = assertThrows(SQLException.class, () -> execute(c,
                    "COPY (SELECT id, (SELECT g FROM dup WHERE dup.g = nums.id) AS g FROM nums) TO '" + file + "'"));
            assertTrue(error.getMessage().contains("fail.csv"), error.getMessage());
            try (Stream<Path> left = Files.list(dir)) {
                assertEquals(List.of(), left.toList());
            }
            SQLException noTable = assertThrows(SQLException.class,
                    () -> execute(c, "COPY no_such_table TO '" + file + "'"));
            assertNotEquals("58030", noTable.getSQLState());
            try (Stream<Path> left = Files.list(dir)) {
                assertEquals(List.of(), left.toList());
            }
            assertTrue(c.getAutoCommit());
        }
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void ferryCopyFalseSendsCopyToTheDatabase(Engine engine) throws Exception {
        try (Connection c = open(engine)) {
            fillItems(c);
        }
        Path file = temp.resolve("server.csv");
        Properties off = new Properties();
        off.setProperty("ferry.copy", "false");
        String urlSuffix = engine == Engine.H2 ? ";ferry.copy=false"
                : (database.ferryUrl().contains("?") ? "&" : "?") + "ferry.copy=false";
        for (Connection c : List.of(database.connect(urlSuffix, new Properties()),
                database.connect("", off))) {
            try (c; Statement s = c.createStatement()) {
                String sql = engine == Engine.POSTGRESQL
                        ? "COPY items TO '/nonexistent-ferry-dir/items.csv'" : "COPY items TO '" + file + "'";
                SQLException error = assertThrows(SQLException.class, () -> s.execute(sql));
                if (engine == Engine.POSTGRESQL) {
                    // The server tried to write a file of its own (or refused a user who may not).
                    assertTrue(List.of("58P01", "42501").contains(error.getSQLState()), error + " " + error.getSQLState());
                } else {
                    assertNotEquals(0, error.getErrorCode(), "a database error, not Ferry's: " + error);
                }
                assertFalse(Files.exists(file));
                s.execute("EXPORT DATABASE '" + temp.resolve("export-" + UUID.randomUUID()) + "'");
            }
        }
    }

    /** The header naming the items table's columns as the engine reports them (H2 in upper case). */
    private String header() {
        return database.engine() == Engine.H2 ? "ID,NAME,NOTE,AMOUNT\n" : "id,name,note,amount\n";
    }

    /** Good rows, then at data row {@code goodRows + 1} an amount that is not a number, then more good rows. */
    private Path fileWithABadRow(int goodRows) throws IOException {
        StringBuilder csv = new StringBuilder(header());
        for (int i = 1; i <= goodRows; i++) {
            csv.append('"').append(i).append("\",\"row ").append(i).append("\",,\"").append(i).append(".25\"\n");
        }
        csv.append("\"").append(goodRows + 1).append("\",\"bad\",,\"twelve\"\n");
        csv.append("\"").append(goodRows + 2).append("\",\"after\",,\"1\"\n");
        Path file = temp.resolve("bad-row-" + goodRows + ".csv");
        Files.writeString(file, csv);
        return file;
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void parquetRoundTripsAndABadRowNamesItsRowAndColumn(Engine engine) throws Exception {
        try (Connection c = open(engine)) {
            fillItems(c);
            Path file = temp.resolve("items.parquet");
            Path query = temp.resolve("query.data");
            try (Statement s = c.createStatement()) {
                assertEquals(5, s.executeUpdate("COPY items TO '" + file + "'"));
                assertEquals(2, s.executeUpdate("COPY (SELECT id, note FROM items WHERE id < 3) TO '" + query
                        + "' (FORMAT parquet, COMPRESSION zstd, ROW_GROUP_SIZE 1)"));
            }
            assertEquals("PAR1", new String(Files.readAllBytes(file), 0, 4, StandardCharsets.US_ASCII));
            createItems(c, "items_copy");
            try (Statement s = c.createStatement()) {
                assertEquals(5, s.executeUpdate("COPY items_copy FROM '" + file + "'"));
            }
            assertEquals(rows(c, "SELECT * FROM items ORDER BY id"), rows(c, "SELECT * FROM items_copy ORDER BY id"));
            assertEquals(Arrays.asList(null, ""), rows(c, "SELECT name FROM items_copy WHERE id IN (2, 5) ORDER BY id")
                    .stream().map(r -> r.get(0)).toList());

            // Written by DuckDB, with lower-case names and the amount as text, the 2,501st of which is not a number.
            Path bad = temp.resolve("bad.parquet");
            try (Connection duckdb = DriverManager.getConnection("jdbc:duckdb:"); Statement s = duckdb.createStatement()) {
                s.execute("COPY (SELECT i AS id, 'row ' || i AS name, NULL::VARCHAR AS note,"
                        + " CASE WHEN i = 2501 THEN 'twelve' ELSE i || '.25' END AS amount FROM range(1, 2503) t(i))"
                        + " TO '" + bad + "' (FORMAT parquet)");
            }
            execute(c, "DELETE FROM items_copy");
            SQLException error = assertThrows(SQLException.class, () -> execute(c, "COPY items_copy FROM '" + bad + "'"));
            String message = error.getMessage();
            assertEquals("22000", error.getSQLState(), message);
            assertTrue(message.contains("row 2501 of bad.parquet, column amount: cannot read the STRING value twelve"
                    + " as DECIMAL"), message);
            assertEquals(0L, count(c, "items_copy"));
        }
    }

    /** DuckDB's own Parquet types (its integers, decimals, dates, timestamps, UUIDs and lists) load into each engine. */
    @ParameterizedTest
    @EnumSource(Engine.class)
    void aFileWrittenByDuckDbLoads(Engine engine) throws Exception {
        try (Connection c = open(engine)) {
            String uuid = engine == Engine.MARIADB ? "UUID" : engine == Engine.H2 ? "UUID" : "uuid";
            String timestamp = engine == Engine.MARIADB ? "DATETIME(6)" : "TIMESTAMP(6)";
            execute(c, "CREATE TABLE typed (id BIGINT PRIMARY KEY, small SMALLINT, amount DECIMAL(18, 4), d DATE,"
                    + " at " + timestamp + ", u " + uuid + ", flag BOOLEAN, ratio DOUBLE PRECISION, name VARCHAR(20))"
                    + database.tableOptions());
            Path file = temp.resolve("duck.parquet");
            try (Connection duckdb = DriverManager.getConnection("jdbc:duckdb:"); Statement s = duckdb.createStatement()) {
                s.execute("COPY (SELECT 1::BIGINT AS id, (-32768)::SMALLINT AS small, 12345678901234.5678::DECIMAL(18,4)"
                        + " AS amount, DATE '2024-02-29' AS d, TIMESTAMP '2024-02-29 12:34:56.123456' AS at,"
                        + " 'a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11'::UUID AS u, true AS flag, 0.1::DOUBLE AS ratio,"
                        + " 'x' AS name UNION ALL SELECT 2, NULL, NULL, NULL, NULL, NULL, NULL, NULL, ''"
                        + ") TO '" + file + "' (FORMAT parquet)");
            }
            try (Statement s = c.createStatement()) {
                assertEquals(2, s.executeUpdate("COPY typed FROM '" + file + "'"));
            }
            List<List<Object>> rows = rows(c, "SELECT id, small, amount, d, at, u, flag, ratio, name FROM typed"
                    + " ORDER BY id");
            assertEquals("1", String.valueOf(rows.get(0).get(0)));
            assertEquals("-32768", String.valueOf(rows.get(0).get(1)));
            assertEquals(0, new BigDecimal("12345678901234.5678").compareTo(new BigDecimal(
                    String.valueOf(rows.get(0).get(2)))));
            assertEquals("2024-02-29", String.valueOf(rows.get(0).get(3)));
            assertTrue(String.valueOf(rows.get(0).get(4)).startsWith("2024-02-29"), rows.toString());
            assertTrue(String.valueOf(rows.get(0).get(4)).contains("12:34:56.123456"), rows.toString());
            assertEquals("a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11", String.valueOf(rows.get(0).get(5)));
            assertTrue(List.of("true", "1").contains(String.valueOf(rows.get(0).get(6))), rows.toString());
            assertEquals("0.1", String.valueOf(rows.get(0).get(7)));
            assertEquals("x", rows.get(0).get(8));
            assertEquals(Arrays.asList("2", null, null, null, null, null, null, null, ""),
                    rows.get(1).stream().map(v -> v == null ? null : String.valueOf(v)).toList());
        }
    }

    private static void assertBadRowError(SQLException error, Path file, int line) {
        String message = error.getMessage();
        assertEquals("22000", error.getSQLState(), message);
        assertTrue(message.contains(file.getFileName().toString()), message);
        assertTrue(message.contains("line " + line + " "), message);
        assertTrue(message.toLowerCase(Locale.ROOT).contains("column amount"), message);
    }

    private static String firstLine(Path file) throws IOException {
        return Files.readAllLines(file, StandardCharsets.UTF_8).get(0);
    }

    private static void execute(Connection c, String... statements) throws SQLException {
        try (Statement s = c.createStatement()) {
            for (String sql : statements) {
                s.execute(sql);
            }
        }
    }

    private static long count(Connection c, String table) throws SQLException {
        return ((Number) rows(c, "SELECT COUNT(*) FROM " + table).get(0).get(0)).longValue();
    }

    private static List<List<Object>> rows(Connection c, String sql) throws SQLException {
        List<List<Object>> rows = new ArrayList<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            int n = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                List<Object> row = new ArrayList<>();
                for (int i = 1; i <= n; i++) {
                    row.add(rs.getObject(i));
                }
                rows.add(row);
            }
        }
        return rows;
    }
}
