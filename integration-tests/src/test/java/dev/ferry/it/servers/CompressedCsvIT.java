package dev.ferry.it.servers;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ferry.core.model.progress.ProgressListener;
import dev.ferry.core.operation.verify.DataComparison;
import dev.ferry.driver.FerryConnection;
import io.airlift.compress.zstd.ZstdInputStream;
import io.airlift.compress.zstd.ZstdOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
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
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * CSV compressed as a whole (COMPRESSION gzip, zstd) on H2, PostgreSQL and MariaDB, through each one's load path
 * (batched INSERTs; COPY FROM STDIN, the file's bytes streamed; LOAD DATA LOCAL INFILE): COPY TO and FROM, EXPORT and
 * IMPORT DATABASE and VERIFY, broken files refused; DuckDB reading the files Ferry writes, with read_csv and with its
 * own IMPORT DATABASE of an export written for it; and the files DuckDB's COPY TO compresses loaded by Ferry.
 */
class CompressedCsvIT {
    private static final String[][] AWKWARD = {
        {"1", "plain", "", "1.50"},
        {"2", null, "say \"hi\", then; leave", "-2.00"},
        {"3", "multi\nline\r\nvalue", "naïve café ✓ 😀 𝄞", null},
        {"4", "comma,quote\"", null, "0.00"},
        {"5", "", "'single' \\ backslash", "12345678.90"},
    };
    /** Enough rows for several buffers of compressed data and of COPY's stream. */
    private static final int ROWS = 20_000;
    private static final Map<String, byte[]> MAGIC = Map.of(
            "gzip", new byte[] {0x1f, (byte) 0x8b}, "zstd", new byte[] {0x28, (byte) 0xb5, 0x2f, (byte) 0xfd});
    private static final Map<String, String> SUFFIX = Map.of("gzip", ".gz", "zstd", ".zst");

    @TempDir
    Path temp;

    private final List<Database> databases = new ArrayList<>();

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
    void dropDatabases() throws SQLException {
        for (Database database : databases) {
            database.drop();
        }
    }

    private Database database(Engine engine) throws SQLException {
        Database database = Database.create(engine);
        databases.add(database);
        return database;
    }

    static Stream<Arguments> enginesAndCodecs() {
        return Arrays.stream(Engine.values()).flatMap(engine -> Stream.of("gzip", "zstd")
                .map(codec -> Arguments.of(engine, codec)));
    }

    private static void createItems(Connection c, Engine engine, String table) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("CREATE TABLE " + table + " (id INT PRIMARY KEY, name VARCHAR(100), note VARCHAR(200),"
                    + " amount DECIMAL(12, 2))" + (engine == Engine.MARIADB ? " DEFAULT CHARSET=utf8mb4" : ""));
        }
    }

    private static void fillItems(Connection c, Engine engine) throws SQLException {
        createItems(c, engine, "items");
        boolean autoCommit = c.getAutoCommit();
        c.setAutoCommit(false);
        try (PreparedStatement insert = c.prepareStatement("INSERT INTO items VALUES (?, ?, ?, ?)")) {
            for (int id = 1; id <= ROWS; id++) {
                String[] row = id <= AWKWARD.length ? AWKWARD[id - 1]
                        : new String[] {null, "name " + id, id % 3 == 0 ? null : "note \"" + id + "\"\n",
                                (id % 1000) + "." + (id % 100 < 10 ? "0" : "") + (id % 100)};
                insert.setInt(1, id);
                insert.setString(2, row[1]);
                insert.setString(3, row[2]);
                insert.setBigDecimal(4, row[3] == null ? null : new BigDecimal(row[3]));
                insert.addBatch();
                if (id % 1000 == 0) {
                    insert.executeBatch();
                }
            }
            insert.executeBatch();
        }
        c.commit();
        c.setAutoCommit(autoCommit);
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("enginesAndCodecs")
    void copyToAndFrom_byTheExtensionOrTheOption(Engine engine, String codec) throws Exception {
        try (Connection c = database(engine).connect()) {
            fillItems(c, engine);
            Path named = temp.resolve("items.csv" + SUFFIX.get(codec));
            Path stated = temp.resolve("stated.csv");
            try (Statement s = c.createStatement()) {
                assertEquals(ROWS, s.executeUpdate("COPY items TO '" + named + "'"));
                assertEquals(ROWS, s.executeUpdate("COPY items TO '" + stated + "' (FORMAT csv, COMPRESSION "
                        + codec + ")"));
            }
            assertArrayEquals(MAGIC.get(codec), Arrays.copyOf(Files.readAllBytes(named), MAGIC.get(codec).length));
            assertArrayEquals(MAGIC.get(codec), Arrays.copyOf(Files.readAllBytes(stated), MAGIC.get(codec).length));
            List<List<Object>> expected = rows(c, "SELECT * FROM items ORDER BY id");
            createItems(c, engine, "by_name");
            createItems(c, engine, "by_option");
            createItems(c, engine, "by_auto");
            try (Statement s = c.createStatement()) {
                assertEquals(ROWS, s.executeUpdate("COPY by_name FROM '" + named + "'"));
                assertEquals(ROWS, s.executeUpdate("COPY by_option FROM '" + stated + "' (COMPRESSION " + codec + ")"));
                assertEquals(ROWS, s.executeUpdate("COPY by_auto FROM '" + named + "' (FORMAT csv, COMPRESSION auto)"));
            }
            for (String table : List.of("by_name", "by_option", "by_auto")) {
                assertEquals(expected, rows(c, "SELECT * FROM " + table + " ORDER BY id"), table);
            }
            assertEquals(expected, duckDbReads(named), "DuckDB's read_csv reads the file COPY wrote");
        }
    }

    /** Files DuckDB's own COPY TO compresses (by their extension) load through COPY FROM, value for value. */
    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("enginesAndCodecs")
    void filesDuckDbCompressedLoad(Engine engine, String codec) throws Exception {
        Path file = temp.resolve("duck.csv" + SUFFIX.get(codec));
        String select = "SELECT range::INTEGER AS id, CASE WHEN range % 3 = 0 THEN NULL WHEN range % 3 = 1 THEN ''"
                + " ELSE 'n \"' || range || chr(10) END AS name, NULL::VARCHAR AS note, (range % 1000)::DECIMAL(12, 2)"
                + " AS amount FROM range(1, " + (ROWS + 1) + ")";
        List<List<Object>> expected;
        try (Connection duckdb = DriverManager.getConnection("jdbc:duckdb:"); Statement s = duckdb.createStatement()) {
            s.execute("COPY (" + select + ") TO '" + file + "'");
            expected = rows(duckdb, select + " ORDER BY id");
        }
        assertArrayEquals(MAGIC.get(codec), Arrays.copyOf(Files.readAllBytes(file), MAGIC.get(codec).length));
        try (Connection c = database(engine).connect()) {
            createItems(c, engine, "duck");
            try (Statement s = c.createStatement()) {
                assertEquals(ROWS, s.executeUpdate("COPY duck FROM '" + file + "'"));
            }
            assertEquals(expected, rows(c, "SELECT * FROM duck ORDER BY id"));
        }
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Engine.class)
    void truncatedCorruptOrMisnamedFilesAreRefused_namingTheFileAndLine_andLoadNothing(Engine engine)
            throws Exception {
        try (Connection c = database(engine).connect()) {
            fillItems(c, engine);
            createItems(c, engine, "target");
            for (String codec : List.of("gzip", "zstd")) {
                Path whole = temp.resolve("whole.csv" + SUFFIX.get(codec));
                try (Statement s = c.createStatement()) {
                    s.executeUpdate("COPY items TO '" + whole + "'");
                }
                byte[] bytes = Files.readAllBytes(whole);
                Path cut = Files.write(temp.resolve("cut.csv" + SUFFIX.get(codec)),
                        Arrays.copyOf(bytes, bytes.length * 2 / 3));
                Path plain = Files.writeString(temp.resolve("plain.csv" + SUFFIX.get(codec)),
                        "\"id\",\"name\",\"note\",\"amount\"\n\"1\",\"a\",\"b\",\"1.00\"\n");
                for (Path file : List.of(cut, plain)) {
                    try (Statement s = c.createStatement()) {
                        SQLException error = assertThrows(SQLException.class,
                                () -> s.executeUpdate("COPY target FROM '" + file + "'"));
                        assertEquals("22000", error.getSQLState(), error.getMessage());
                        String message = error.getMessage();
                        assertTrue(message.startsWith("Loading target from " + file.getFileName() + ": "
                                + file.getFileName() + " cannot be decompressed "), message);
                        assertTrue(message.contains(": " + codec + " data truncated or corrupt: "), message);
                        if (file == plain) {
                            assertTrue(message.contains("cannot be decompressed from its start: "), message);
                        } else if (codec.equals("gzip")) {
                            assertTrue(message.matches("(?s).* cannot be decompressed after line \\d+: .*"), message);
                        }
                    }
                    assertEquals(List.of(List.of(0L)), rows(c, "SELECT COUNT(*) FROM target"), "all or nothing");
                }
            }
        }
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("enginesAndCodecs")
    void exportImportAndVerify_andDuckDbReadsTheFiles(Engine engine, String codec) throws Exception {
        Database source = database(engine);
        Database target = database(engine);
        Path export = temp.resolve("export");
        try (Connection from = source.connect(); Connection to = target.connect()) {
            fillItems(from, engine);
            try (Statement s = from.createStatement()) {
                s.execute("EXPORT DATABASE '" + export + "' (FORMAT csv, COMPRESSION " + codec + ")");
            }
            Path file;
            try (Stream<Path> files = Files.walk(export.resolve("data"))) {
                List<Path> data = files.filter(Files::isRegularFile).toList();
                assertEquals(1, data.size(), data.toString());
                file = data.get(0);
            }
            assertEquals("part-0001.csv" + SUFFIX.get(codec), file.getFileName().toString());
            assertArrayEquals(MAGIC.get(codec), Arrays.copyOf(Files.readAllBytes(file), MAGIC.get(codec).length));
            assertTrue(Files.readString(export.resolve("load.sql")).contains("COMPRESSION " + codec),
                    Files.readString(export.resolve("load.sql")));
            try (Statement s = to.createStatement()) {
                assertEquals(ROWS, s.executeUpdate("IMPORT DATABASE '" + export + "'"));
            }
            assertEquals(List.of(), new DataComparison(from, to).differences("items"));
            try (Statement s = to.createStatement(); ResultSet verified = s.executeQuery("VERIFY DATABASE '" + export
                    + "'")) {
                assertTrue(verified.next());
                assertEquals("ok", verified.getString("status"), verified.getString("detail"));
                assertEquals(ROWS, verified.getLong("rows_found"));
            }
            assertEquals(rows(from, "SELECT * FROM items ORDER BY id"), duckDbReads(file),
                    "DuckDB's read_csv reads the export's file");
        }
    }

    /**
     * PostgreSQL's COPY FROM STDIN is fed the decompressed bytes of the file as they are read, and the checksum checked
     * is that of the file as written: a file swapped after IMPORT checked the directory, just before its table loads,
     * for the same text with one value changed and compressed again, fails on its checksum (read row by row, the
     * changed value would load), and the import leaves nothing behind.
     */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"gzip", "zstd"})
    void postgresStreamsACompressedFile_checkingTheChecksumOfTheFileAsWritten(String codec) throws Exception {
        Database source = database(Engine.POSTGRESQL);
        Database target = database(Engine.POSTGRESQL);
        Path export = temp.resolve("export");
        try (Connection from = source.connect(); Statement s = from.createStatement()) {
            fillItems(from, Engine.POSTGRESQL);
            s.execute("EXPORT DATABASE '" + export + "' (FORMAT csv, COMPRESSION " + codec + ")");
        }
        Path file = export.resolve("data/public.items/part-0001.csv" + SUFFIX.get(codec));
        String text;
        try (InputStream in = codec.equals("gzip") ? new GZIPInputStream(Files.newInputStream(file))
                : new ZstdInputStream(Files.newInputStream(file))) {
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        assertTrue(text.contains("\"name 4321\""), text.substring(0, 200));
        ByteArrayOutputStream altered = new ByteArrayOutputStream();
        try (OutputStream out = codec.equals("gzip") ? new GZIPOutputStream(altered) : new ZstdOutputStream(altered)) {
            out.write(text.replace("\"name 4321\"", "\"name 9999\"").getBytes(StandardCharsets.UTF_8));
        }
        try (Connection to = target.connect(); Statement s = to.createStatement()) {
            to.unwrap(FerryConnection.class).setProgressListener(new ProgressListener() {
                @Override
                public void tableStarted(String action, String table, long expectedRows) {
                    try {
                        Files.write(file, altered.toByteArray());
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                }
            });
            SQLException error = assertThrows(SQLException.class, () -> s.execute("IMPORT DATABASE '" + export + "'"));
            assertTrue(error.getMessage().contains("data/public.items/part-0001.csv" + SUFFIX.get(codec))
                    && error.getMessage().contains("does not match its checksum"), error.getMessage());
        }
        try (Connection to = target.connect()) {
            assertEquals(List.of(List.of(0L)), rows(to, "SELECT count(*) FROM pg_class WHERE relname = 'items'"));
        }
    }

    /** An export for DuckDB keeps its flat file names, compressed, and DuckDB's own IMPORT DATABASE loads it. */
    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("enginesAndCodecs")
    void anExportForDuckDbIsImportedByDuckDbItself(Engine engine, String codec) throws Exception {
        Path export = temp.resolve("for-duckdb");
        try (Connection c = database(engine).connect()) {
            fillItems(c, engine);
            try (Statement s = c.createStatement()) {
                s.execute("EXPORT DATABASE '" + export + "' (DIALECT duckdb, COMPRESSION " + codec + ")");
            }
            try (Stream<Path> files = Files.list(export)) {
                List<String> data = files.map(f -> f.getFileName().toString()).filter(n -> n.contains(".csv")).toList();
                assertEquals(1, data.size(), data.toString());
                assertTrue(data.get(0).matches("(public\\.)?items\\.csv\\" + SUFFIX.get(codec)), data.toString());
            }
            try (Connection duckdb = DriverManager.getConnection("jdbc:duckdb:");
                 Statement s = duckdb.createStatement()) {
                s.execute("IMPORT DATABASE '" + export + "'");
                List<List<Object>> loaded = new ArrayList<>();
                try (ResultSet rs = s.executeQuery("SELECT * FROM duckdb_tables() WHERE table_name ILIKE 'items'")) {
                    assertTrue(rs.next());
                    String qualified = "\"" + rs.getString("schema_name") + "\".\"" + rs.getString("table_name") + "\"";
                    loaded.addAll(rows(duckdb, "SELECT * FROM " + qualified + " ORDER BY 1"));
                }
                assertEquals(rows(c, "SELECT * FROM items ORDER BY id"), loaded);
            }
        }
    }

    /** The rows DuckDB's read_csv reads from {@code file} (its codec taken from its name, as DuckDB does). */
    private static List<List<Object>> duckDbReads(Path file) throws SQLException {
        try (Connection duckdb = DriverManager.getConnection("jdbc:duckdb:")) {
            return rows(duckdb, "SELECT CAST(id AS INTEGER), name, note, CAST(amount AS DECIMAL(12, 2)) FROM read_csv('"
                    + file + "', header = true, delim = ',', quote = '\"', escape = '\"', all_varchar = true,"
                    + " allow_quoted_nulls = false) ORDER BY 1");
        }
    }

    /** Each row's values: integers as long, decimals as plain text, the rest as strings. */
    private static List<List<Object>> rows(Connection c, String sql) throws SQLException {
        List<List<Object>> rows = new ArrayList<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            int columns = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                List<Object> row = new ArrayList<>();
                for (int i = 1; i <= columns; i++) {
                    Object value = rs.getObject(i);
                    row.add(value instanceof BigDecimal d ? d.toPlainString()
                            : value instanceof Number n ? (Object) n.longValue() : value == null ? null : value.toString());
                }
                rows.add(row);
            }
        }
        return rows;
    }
}
