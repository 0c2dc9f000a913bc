package dev.ferry.it.servers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ferry.core.model.progress.ProgressListener;
import dev.ferry.driver.FerryConnection;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * EXPORT DATABASE's CHUNK_ROWS on PostgreSQL and MariaDB (issue 13): a table above it, keyed by one integer column, is
 * written as a file per key range, the chunks read on both JOBS connections, and IMPORT loads every chunk to exactly
 * the rows of the source; below it a table keeps its one file of the name it always had.
 */
class ChunkedExportIT {
    private static final int BIG_ROWS = 10_000;

    @TempDir
    Path temp;

    private static TestServer server(TestServer.Engine engine) {
        return engine == TestServer.Engine.POSTGRESQL ? TestServer.postgres() : TestServer.mariadb();
    }

    static Stream<Arguments> enginesAndFormats() {
        List<Arguments> cases = new ArrayList<>();
        for (TestServer.Engine engine : TestServer.Engine.values()) {
            for (String format : List.of("csv", "parquet")) {
                cases.add(Arguments.of(engine, format));
            }
        }
        return cases.stream();
    }

    /**
     * {@code big}: 10,000 rows keyed from -2,000 with a gap, values of several types with NULLs, quotes and line
     * breaks; {@code pairs}: a two-column key, which PostgreSQL splits by ctid and MariaDB does not split; {@code small}: a few rows.
     */
    static void fill(Connection connection, TestServer.Engine engine) throws SQLException {
        boolean postgres = engine == TestServer.Engine.POSTGRESQL;
        String numbers = postgres ? "generate_series(1, " + BIG_ROWS + ") AS g(n)" : "seq_1_to_" + BIG_ROWS + " AS g";
        String n = postgres ? "g.n" : "CAST(g.seq AS SIGNED)";
        ServerQueries.execute(connection,
                "CREATE TABLE big (id bigint PRIMARY KEY, label varchar(60), amount decimal(20,4) NOT NULL,"
                        + " at " + (postgres ? "timestamp" : "datetime(6)") + ", note text)",
                "INSERT INTO big SELECT CASE WHEN " + n + " <= 5000 THEN " + n + " - 2001 ELSE " + n + " + 50 END,"
                        + " CASE WHEN " + n + " % 9 = 0 THEN NULL ELSE CONCAT('label ', " + n + ", ', \"q\"') END,"
                        + " " + n + " / 16.0, TIMESTAMP '2024-02-29 12:34:56.123456',"
                        + " CASE WHEN " + n + " % 5 = 0 THEN '' ELSE CONCAT('line', CHR(10), 'break ', " + n + ") END"
                        + " FROM " + numbers,
                "CREATE TABLE pairs (a int, b int, v varchar(10), PRIMARY KEY (a, b))",
                "INSERT INTO pairs SELECT " + n + " % 100, " + n + ", 'v' FROM " + numbers,
                "CREATE TABLE small (id int PRIMARY KEY, v varchar(10))",
                "INSERT INTO small VALUES (1, 'one'), (2, NULL)");
        if (postgres) {
            // pg_class.reltuples, the estimate the split is sized by, is -1 until the table is analyzed.
            ServerQueries.execute(connection, "ANALYZE big");
        }
    }

    static final List<String> COMPARED = List.of("SELECT * FROM big ORDER BY id",
            "SELECT * FROM pairs ORDER BY a, b", "SELECT * FROM small ORDER BY id");

    @ParameterizedTest(name = "{0} in {1}")
    @MethodSource("enginesAndFormats")
    void aBigTableIsSplitIntoChunksReadOnBothJobs_andImportsToExactlyItsRows(TestServer.Engine engine, String format)
            throws Exception {
        TestServer server = server(engine);
        String source = server.createDatabase();
        String target = server.createDatabase();
        Path export = temp.resolve("export");
        try (Connection ferry = server.connectFerry(source); Statement statement = ferry.createStatement()) {
            fill(ferry, engine);
            Set<Long> threads = ConcurrentHashMap.newKeySet();
            List<String> started = new ArrayList<>();
            ferry.unwrap(FerryConnection.class).setProgressListener(new ProgressListener() {
                @Override
                public void tableStarted(String action, String table, long expectedRows) {
                    synchronized (started) {
                        started.add(table);
                    }
                    if (table.contains("big")) {
                        threads.add(Thread.currentThread().getId());
                    }
                }
            });
            List<String> files = new ArrayList<>();
            try (ResultSet rows = statement.executeQuery("EXPORT DATABASE '" + export + "' (FORMAT " + format
                    + ", JOBS 2, CHUNK_ROWS 1000)")) {
                while (rows.next()) {
                    files.add(rows.getString("file"));
                }
            }
            assertEquals(List.of(), ParallelExportIT.warnings(statement));

            JsonNode big = table(export, "big");
            JsonNode chunks = big.get("chunks");
            assertTrue(chunks != null && chunks.size() >= 8 && chunks.size() <= 12, big.toString());
            assertEquals(BIG_ROWS, big.get("rows").asLong());
            long rows = 0;
            String prefix = "data/" + (engine == TestServer.Engine.POSTGRESQL ? "public." : "") + "big/part-";
            for (int i = 0; i < chunks.size(); i++) {
                JsonNode chunk = chunks.get(i);
                String name = chunk.get("file").asText();
                assertEquals(prefix + String.format("%04d", i + 1) + "." + format, name);
                assertTrue(files.contains(name), files.toString());
                assertTrue(Files.size(export.resolve(name)) == chunk.get("bytes").asLong(), name);
                rows += chunk.get("rows").asLong();
            }
            assertEquals(BIG_ROWS, rows);
            assertEquals(engine == TestServer.Engine.MARIADB, table(export, "pairs").get("chunks") == null,
                    "a two-column key: split by ctid on PostgreSQL, not at all on MariaDB");
            assertEquals(2, new ObjectMapper().readTree(export.resolve("manifest.json").toFile())
                    .get("formatVersion").asInt());
            assertEquals(2, threads.size(), "the chunks of big were read on " + threads.size() + " thread(s): "
                    + started);
        }

        try (Connection ferry = server.connectFerry(target); Statement statement = ferry.createStatement()) {
            statement.execute("IMPORT DATABASE '" + export + "'");
            try (Connection from = server.connect(source); Connection to = server.connect(target)) {
                ServerQueries.assertSameRows(from, to, COMPARED);
            }
        } finally {
            server.dropDatabase(source);
            server.dropDatabase(target);
        }
    }

    @ParameterizedTest
    @EnumSource(TestServer.Engine.class)
    void withChunkRowsAboveEveryTableEachTableKeepsItsOneFileOfTheNameItAlwaysHad(TestServer.Engine engine)
            throws Exception {
        TestServer server = server(engine);
        String source = server.createDatabase();
        Path export = temp.resolve("export");
        try (Connection ferry = server.connectFerry(source); Statement statement = ferry.createStatement()) {
            fill(ferry, engine);
            statement.execute("EXPORT DATABASE '" + export + "' (JOBS 2, CHUNK_ROWS 1000000)");
        } finally {
            server.dropDatabase(source);
        }
        String schema = engine == TestServer.Engine.POSTGRESQL ? "public." : "";
        List<String> data;
        try (Stream<Path> files = Files.walk(export)) {
            data = files.map(f -> export.relativize(f).toString()).filter(f -> f.endsWith(".csv")).sorted().toList();
        }
        assertEquals(List.of("data/" + schema + "big/part-0001.csv", "data/" + schema + "pairs/part-0001.csv",
                "data/" + schema + "small/part-0001.csv"), data);
        JsonNode manifest = new ObjectMapper().readTree(export.resolve("manifest.json").toFile());
        assertEquals(1, manifest.get("formatVersion").asInt());
        assertFalse(manifest.toString().contains("chunks"), manifest.toString());
        assertEquals("data/" + schema + "big/part-0001.csv", table(export, "big").get("file").asText());
    }

    /**
     * PostgreSQL splits a large table without an integer key (none at all, or a text one) by ranges of ctid, pages of
     * the table, and the chunks import to exactly its rows.
     */
    @org.junit.jupiter.api.Test
    void postgresSplitsATableWithoutAnIntegerKeyByCtidRanges() throws Exception {
        TestServer server = TestServer.postgres();
        String source = server.createDatabase();
        String target = server.createDatabase();
        Path export = temp.resolve("export");
        List<String> compared = List.of("SELECT * FROM nokey ORDER BY n, label", "SELECT * FROM textkey ORDER BY code");
        try (Connection ferry = server.connectFerry(source); Statement statement = ferry.createStatement()) {
            ServerQueries.execute(ferry,
                    "CREATE TABLE nokey (label text, n int)",
                    "INSERT INTO nokey SELECT CASE WHEN g % 7 = 0 THEN NULL ELSE 'row ' || g END, g % 5000"
                            + " FROM generate_series(1, " + BIG_ROWS + ") g",
                    "CREATE TABLE textkey (code text PRIMARY KEY, n int)",
                    "INSERT INTO textkey SELECT 'k' || g, g FROM generate_series(1, " + BIG_ROWS + ") g",
                    // Moves some rows to later pages, leaving dead versions where they were.
                    "UPDATE nokey SET label = label || ' moved' WHERE n % 10 = 3",
                    "ANALYZE nokey", "ANALYZE textkey");
            statement.execute("EXPORT DATABASE '" + export + "' (JOBS 2, CHUNK_ROWS 1000)");
            assertEquals(List.of(), ParallelExportIT.warnings(statement));
        }
        try {
            for (String name : List.of("nokey", "textkey")) {
                JsonNode table = table(export, name);
                JsonNode chunks = table.get("chunks");
                assertTrue(chunks != null && chunks.size() >= 5, table.toString());
                assertEquals(BIG_ROWS, table.get("rows").asLong(), name);
                assertEquals("data/public." + name + "/part-0001.csv", chunks.get(0).get("file").asText());
            }
            try (Connection ferry = server.connectFerry(target); Statement statement = ferry.createStatement()) {
                statement.execute("IMPORT DATABASE '" + export + "'");
            }
            try (Connection from = server.connect(source); Connection to = server.connect(target)) {
                ServerQueries.assertSameRows(from, to, compared);
            }
        } finally {
            server.dropDatabase(source);
            server.dropDatabase(target);
        }
    }

    private static JsonNode table(Path export, String name) throws Exception {
        for (JsonNode table : new ObjectMapper().readTree(export.resolve("manifest.json").toFile()).get("tables")) {
            if (table.get("name").asText().equals(name)) {
                return table;
            }
        }
        throw new AssertionError("no table " + name + " in the manifest");
    }
}
