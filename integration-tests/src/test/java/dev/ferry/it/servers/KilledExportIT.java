package dev.ferry.it.servers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.ferry.core.model.manifest.Manifest;
import dev.ferry.core.model.manifest.ManifestFile;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * kill -9 of an exporting process, then EXPORT ... (RESUME), on PostgreSQL and MariaDB (JOBS 2 on two connections, a
 * chunked table) and embedded H2, SQLite and DuckDB (one connection: JOBS 2 comes down to one, with a note): the first
 * export is killed once a few data files are finished and another is being written, the resumed one once it has
 * finished a few more, and the second resume completes. Each resume keeps the files finished before (untouched on
 * disk), and the export it ends with holds the same data files, byte for byte, and the same manifest entries as an
 * export never killed, and imports to exactly the source's rows; a file a kill cut short is never kept.
 *
 * <p>A drill: {@code ferry.kills} (default 2) kills per engine, two a cycle, each cycle a fresh export directory with
 * its kills at other points, spread over the chunks; one line per engine sums them up. {@code ferry.engines} (say
 * {@code MARIADB,SQLITE}) drills those engines only.
 */
class KilledExportIT {
    private static final int CHUNKS = 20;
    private static final int CYCLES = Math.max(1, Integer.getInteger("ferry.kills", 2) / 2);
    /** The engines to drill, comma-separated ({@code ferry.engines}); every engine where empty. */
    private static final String ENGINES = System.getProperty("ferry.engines", "");
    /** How long a kill waits, its files finished, for another file to be begun. */
    private static final int BEGUN_MILLIS = 100;
    private static final String PROGRESS = ".ferry-export-progress";
    private static final List<String> COMPARED = List.of("SELECT * FROM big ORDER BY id",
            "SELECT * FROM small ORDER BY id");

    /** Data files the kills left begun and not finished, over every case. */
    private static final AtomicInteger CUT_SHORT = new AtomicInteger();

    /**
     * An engine, with the rows of its {@code big} table: each export takes a second or two (PostgreSQL is read by COPY,
     * the others row by row).
     */
    enum Engine {
        POSTGRESQL(200_000, null),
        MARIADB(120_000, null),
        H2(50_000, "jdbc:h2:file:%s/db"),
        SQLITE(60_000, "jdbc:sqlite:%s/db.sqlite"),
        DUCKDB(50_000, "jdbc:duckdb:%s/db.duckdb");

        private final int rows;
        private final String file;

        Engine(int rows, String file) {
            this.rows = rows;
            this.file = file;
        }

        boolean server() {
            return file == null;
        }

        /**
         * The rows a chunk holds: MariaDB splits by InnoDB's estimate of the rows, which is some way off the count,
         * so there the table holds {@value #CHUNKS} - 1/2 chunks' rows, and an estimate up to a quarter chunk off
         * still gives {@value #CHUNKS} chunks.
         */
        int chunkRows() {
            return this == MARIADB ? 2 * rows / (2 * CHUNKS - 1) : rows / CHUNKS;
        }
    }

    /** A database of an engine: a server's, or an embedded engine's file. */
    private record Database(Engine engine, TestServer server, String name, String url) {
        static Database create(Engine engine, Path directory) throws SQLException, IOException {
            if (engine.server()) {
                TestServer server = engine == Engine.POSTGRESQL ? TestServer.postgres() : TestServer.mariadb();
                return new Database(engine, server, server.createDatabase(), null);
            }
            Files.createDirectories(directory);
            return new Database(engine, null, null, String.format(Locale.ROOT, engine.file, directory));
        }

        Connection connect() throws SQLException {
            return server != null ? server.connect(name) : DriverManager.getConnection(url);
        }

        Connection connectFerry() throws SQLException {
            return server != null ? server.connectFerry(name) : DriverManager.getConnection("jdbc:ferry:"
                    + url.substring(5));
        }

        /** The URL Ferry's command line is given, as a user would give it. */
        String commandLineUrl() {
            return server != null ? server.ferryUrl(name) : url;
        }

        List<String> user() {
            return server != null ? List.of("-u", server.credentials().getProperty("user")) : List.of();
        }

        /** The database, and on a server the tables it holds now (read on a connection of its own). */
        String describe() {
            if (server == null) {
                return url;
            }
            try (Connection connection = server.connect("information_schema")) {
                return name + ", holding tables " + ServerQueries.rows(connection, "SELECT TABLE_NAME FROM TABLES"
                        + " WHERE TABLE_SCHEMA = '" + name + "'") + ", database there: " + ServerQueries.rows(
                        connection, "SELECT SCHEMA_NAME FROM SCHEMATA WHERE SCHEMA_NAME = '" + name + "'");
            } catch (SQLException e) {
                return name + " (" + e.getMessage() + ")";
            }
        }

        void drop() throws SQLException {
            if (server != null) {
                server.dropDatabase(name);
            }
        }
    }

    @TempDir
    Path temp;

    @AfterAll
    static void someKillCutAFileShort() {
        assertTrue(CUT_SHORT.get() > 0, "no kill left a data file cut short, which the resume must not keep");
    }

    /**
     * A {@code big} table of the engine's rows, keyed by an integer, written in {@value #CHUNKS} chunks, and a
     * {@code small} table whose rows reference it.
     */
    private static void fill(Connection connection, Engine engine) throws SQLException {
        int rows = engine.rows;
        String x = engine == Engine.MARIADB ? "CAST(g.seq AS SIGNED)" : engine == Engine.H2 ? "g.x" : "x";
        String numbers = switch (engine) {
            case POSTGRESQL, DUCKDB -> "generate_series(1, " + rows + ") AS g(x)";
            case MARIADB -> "seq_1_to_" + rows + " AS g";
            case H2 -> "SYSTEM_RANGE(1, " + rows + ") AS g";
            case SQLITE -> "g";
        };
        // SQLite has neither CONCAT (before 3.44) nor MOD, MariaDB's || is OR: each engine's own.
        String elevenths = engine == Engine.SQLITE || engine == Engine.DUCKDB ? x + " % 11" : "MOD(" + x + ", 11)";
        String label = engine == Engine.SQLITE
                ? "'label \"' || " + x + " || '\", with a comma and a longer tail to make the rows wider'"
                : "CONCAT('label \"', " + x + ", '\", with a comma and a longer tail to make the rows wider')";
        String at = engine == Engine.SQLITE ? "'2024-02-29 12:34:56'" : "TIMESTAMP '2024-02-29 12:34:56'";
        ServerQueries.execute(connection,
                "CREATE TABLE big (id bigint NOT NULL PRIMARY KEY, label varchar(80), amount decimal(14, 2), made_at "
                        + (engine == Engine.MARIADB ? "datetime" : "timestamp") + ")",
                (engine == Engine.SQLITE ? "WITH RECURSIVE g(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM g WHERE x < "
                        + rows + ") " : "")
                        + "INSERT INTO big SELECT " + x + ", CASE WHEN " + elevenths + " = 0 THEN NULL ELSE " + label
                        + " END, " + x + " / 4.0, " + at + " FROM " + numbers,
                "CREATE TABLE small (id int NOT NULL PRIMARY KEY, big_id bigint NOT NULL,"
                        + " FOREIGN KEY (big_id) REFERENCES big (id))",
                "INSERT INTO small VALUES (1, 1), (2, " + rows + ")");
        if (engine == Engine.POSTGRESQL) {
            ServerQueries.execute(connection, "ANALYZE big");
        } else if (engine == Engine.MARIADB) {
            ServerQueries.execute(connection, "ANALYZE TABLE big");
        }
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void anExportKilledTwice_resumesToTheFilesOfAnExportNeverKilled(Engine engine) throws Exception {
        assumeTrue(ENGINES.isEmpty() || List.of(ENGINES.toUpperCase(Locale.ROOT).split(",")).contains(engine.name()),
                "ferry.engines=" + ENGINES);
        Database source = Database.create(engine, temp.resolve("source"));
        try {
            try (Connection connection = source.connect()) {
                fill(connection, engine);
            }
            Path fresh = temp.resolve("fresh");
            String options = " (CHUNK_ROWS " + engine.chunkRows() + ", JOBS 2";
            long begun = System.nanoTime();
            Process never = exporting(source, "EXPORT DATABASE '" + fresh + "'" + options + ")");
            assertTrue(never.waitFor(2, TimeUnit.MINUTES), "the export ended");
            long freshMillis = (System.nanoTime() - begun) / 1_000_000;
            String freshErr = read("err.txt");
            assertEquals(0, never.exitValue(), freshErr);
            int total = dataFiles(fresh).size();
            assertEquals(CHUNKS + 1, total, dataFiles(fresh).toString());
            // JOBS 2: two connections on the servers, which share a snapshot; one on the embedded engines, noted.
            assertEquals(!engine.server(), freshErr.contains("JOBS 2: the export read its tables on one connection"),
                    freshErr);

            List<String> kept = new ArrayList<>();
            long resumeMillis = 0;
            for (int cycle = 0; cycle < CYCLES; cycle++) {
                // Killed after k finished files, resumed and killed after j more; spread over the chunks.
                int k = CYCLES == 1 ? 3 : 1 + cycle * (CHUNKS - 4) / (CYCLES - 1);
                int j = Math.max(1, Math.min(CYCLES == 1 ? 3 : 1 + cycle % 3, CHUNKS - 1 - k));
                Path export = temp.resolve("export-" + cycle);
                long took = cycle(source, fresh, export, options, total, k, j, kept);
                resumeMillis += took;
                assertImportsExactly(source, export, cycle);
            }
            System.out.printf(Locale.ROOT, "%s: %d kills in %d cycles, each exact; files kept per resume (of %d):"
                            + " %s; the last resume took %d ms on average, an export never killed %d ms; %s%n",
                    engine, 2 * CYCLES, CYCLES, total, String.join(" ", kept), resumeMillis / CYCLES, freshMillis,
                    engine.server() ? "JOBS 2 read on two connections" : "JOBS 2 read on one connection, noted");
        } finally {
            source.drop();
        }
    }

    /**
     * One cycle: an export to {@code export} killed after {@code k} finished data files, its resume killed after
     * {@code j} more, and a last resume that completes to the files of {@code fresh}. The last resume's time.
     */
    private long cycle(Database source, Path fresh, Path export, String options, int total, int k, int j,
                       List<String> kept) throws Exception {
        String at = "export " + export.getFileName() + " (kills after " + k + " and " + (k + j) + " files): ";
        String resume = "EXPORT DATABASE '" + export + "'" + options + ", RESUME)";
        int first = killAfter(exporting(source, resume), k, export);
        Path partial = partial(export);
        Map<String, FileTime> finished = finishedFiles(partial);
        assertEquals(first, finished.size(), at);
        assertTrue(first < total, at + first + " of " + total + " finished before the kill");

        int second = killAfter(exporting(source, resume), first + j, export);
        assertEquals(List.of(partial), partials(export), at + "the resumed export carried on in the same directory");
        Map<String, FileTime> now = finishedFiles(partial);
        for (Map.Entry<String, FileTime> file : finished.entrySet()) {
            assertEquals(file.getValue(), now.get(file.getKey()), at + file.getKey() + " was kept as it was");
        }
        assertTrue(second < total, at + second + " of " + total + " finished before the second kill");

        long begun = System.nanoTime();
        Process last = exporting(source, resume);
        assertTrue(last.waitFor(2, TimeUnit.MINUTES), at + "the last resume ended");
        long millis = (System.nanoTime() - begun) / 1_000_000;
        String err = read("err.txt");
        assertEquals(0, last.exitValue(), at + err);
        assertEquals(contents(fresh), contents(export), at + "the data files, byte for byte");
        Manifest resumed = ManifestFile.read(export);
        assertEquals(ManifestFile.read(fresh).tables(), resumed.tables(), at);
        assertEquals(Files.readString(fresh.resolve("load.sql")), Files.readString(export.resolve("load.sql")), at);
        assertTrue(err.contains("Resumed the unfinished export in " + partial + ": kept " + second + " of " + total
                + " data file(s)"), at + err);
        assertTrue(err.contains("Not one snapshot: changes made between the runs may be seen in some tables and"
                + " not others (foreign keys may not hold)"), at + err);
        assertTrue(partials(export).isEmpty(), at + "no partial directory is left");
        assertFalse(Files.exists(export.resolve(PROGRESS)), at);

        assertEquals(Manifest.RESUMED, resumed.snapshot(), at);
        assertEquals(3, resumed.runs().size(), at + resumed.runs());
        assertEquals(total, resumed.runs().stream().mapToInt(run -> run.files().size()).sum(), at);
        kept.add(first + "," + second);
        return millis;
    }

    /** IMPORT of the resumed export into an empty database holds exactly the source's rows. */
    private void assertImportsExactly(Database source, Path export, int cycle) throws Exception {
        Database target = Database.create(source.engine(), temp.resolve("target-" + cycle));
        try {
            try (Connection ferry = target.connectFerry(); Statement statement = ferry.createStatement()) {
                try {
                    statement.execute("IMPORT DATABASE '" + export + "'");
                } catch (SQLException e) {
                    throw new AssertionError("IMPORT of " + export + " into " + target.describe() + " failed (the"
                            + " source: " + source.name() + ")", e);
                }
                assertTrue(ParallelExportIT.warnings(statement).stream()
                        .anyMatch(w -> w.startsWith("Resumed export, read in 3 runs")), "IMPORT says it too");
            }
            try (Connection from = source.connect(); Connection to = target.connect()) {
                ServerQueries.assertSameRows(from, to, COMPARED);
            }
        } finally {
            target.drop();
        }
    }

    /**
     * Waits until the export's progress record lists at least {@code files} finished data files and another data file
     * is being written, then kills it ({@code kill -9}): the number listed when it died. Where no other file is begun
     * within {@value #BEGUN_MILLIS} ms of the {@code files} finished, it is killed all the same: a MariaDB chunk's
     * file is opened only once its query has returned, so the time a file is begun is short there, and waiting for
     * one could see the export end before it is killed.
     */
    private int killAfter(Process process, int files, Path export) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
        long reached = 0;
        while (System.nanoTime() < deadline) {
            List<Path> partials = partials(export);
            if (!partials.isEmpty()) {
                int finished = finished(partials.get(0));
                if (finished >= files && reached == 0) {
                    reached = System.nanoTime();
                }
                if (finished >= files && (dataFiles(partials.get(0)).size() > finished
                        || System.nanoTime() - reached > TimeUnit.MILLISECONDS.toNanos(BEGUN_MILLIS))) {
                    break;
                }
            }
            assertFalse(process.waitFor(2, TimeUnit.MILLISECONDS), "the export ended before it was killed: "
                    + read("err.txt"));
        }
        process.destroyForcibly().waitFor();
        Path partial = partial(export);
        int finished = finished(partial);
        int begun = dataFiles(partial).size() - finished;
        // The file seen begun may finish between the look and the kill: counted over every kill of the class.
        CUT_SHORT.addAndGet(begun);
        return finished;
    }

    private Path partial(Path export) throws IOException {
        List<Path> partials = partials(export);
        assertEquals(1, partials.size(), partials.toString());
        return partials.get(0);
    }

    /** The staging directories of an export to {@code export}. */
    private List<Path> partials(Path export) throws IOException {
        String prefix = "." + export.getFileName() + ".ferry-partial-";
        try (Stream<Path> entries = Files.list(temp)) {
            return entries.filter(e -> e.getFileName().toString().startsWith(prefix)).toList();
        }
    }

    /** The data files the progress record lists as finished; a last line cut short is not counted. */
    private static int finished(Path partial) throws IOException {
        return finishedFiles(partial).size();
    }

    private static Map<String, FileTime> finishedFiles(Path partial) throws IOException {
        Map<String, FileTime> files = new TreeMap<>();
        Path record = partial.resolve(PROGRESS);
        if (!Files.exists(record)) {
            return files;
        }
        String text = Files.readString(record, StandardCharsets.UTF_8);
        for (String line : text.split("\n", -1)) {
            int at = line.indexOf("{\"file\":{\"file\":\"");
            if (at == 0 && line.endsWith("}}")) {
                String name = line.substring(17, line.indexOf('"', 17));
                files.put(name, Files.getLastModifiedTime(partial.resolve(name)));
            }
        }
        return files;
    }

    private static List<String> dataFiles(Path directory) throws IOException {
        try (Stream<Path> entries = Files.walk(directory)) {
            return entries.map(e -> directory.relativize(e).toString()).filter(n -> n.endsWith(".csv")).sorted()
                    .toList();
        }
    }

    /** Each data file's size and SHA-256, computed here rather than taken from a manifest. */
    private static Map<String, String> contents(Path directory) throws Exception {
        Map<String, String> files = new TreeMap<>();
        for (String name : dataFiles(directory)) {
            byte[] bytes = Files.readAllBytes(directory.resolve(name));
            files.put(name, bytes.length + " bytes, " + HexFormat.of().formatHex(
                    MessageDigest.getInstance("SHA-256").digest(bytes)));
        }
        return files;
    }

    private String read(String name) throws IOException {
        return Files.readString(temp.resolve(name));
    }

    /** Starts Ferry's command line on {@code database} in a JVM of its own, as a user would. */
    private Process exporting(Database database, String sql) throws IOException {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx160m",
                "-cp", System.getProperty("java.class.path"), "dev.ferry.cli.FerryCommandLine"));
        command.addAll(database.user());
        command.addAll(List.of(database.commandLineUrl(), "-c", sql));
        return new ProcessBuilder(command).redirectOutput(temp.resolve("out.txt").toFile())
                .redirectError(temp.resolve("err.txt").toFile()).start();
    }
}
