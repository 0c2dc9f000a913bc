package dev.ferry.it.servers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * kill -9 of an exporting process, then EXPORT ... (RESUME), on PostgreSQL (JOBS 2, a chunked table) and embedded H2
 * (one connection): the first export is killed once a few data files are finished and another is being written, the
 * resumed one once it has finished a few more, and the second resume completes. Each resume keeps the files finished
 * before (untouched on disk), and the export it ends with holds the same data files, byte for byte, and the same
 * manifest entries as an export never killed, and imports to exactly the source's rows; a file a kill cut short is
 * never kept.
 */
class KilledExportIT {
    private static final int CHUNKS = 20;
    private static final String PROGRESS = ".ferry-export-progress";
    private static final List<String> COMPARED = List.of("SELECT * FROM big ORDER BY id",
            "SELECT * FROM small ORDER BY id");

    /** Data files the kills left begun and not finished, over every case. */
    private static final AtomicInteger CUT_SHORT = new AtomicInteger();

    @TempDir
    Path temp;

    @AfterAll
    static void someKillCutAFileShort() {
        assertTrue(CUT_SHORT.get() > 0, "no kill left a data file cut short, which the resume must not keep");
    }

    /**
     * A {@code big} table of {@code rows} rows, written in {@value #CHUNKS} chunks, and a {@code small} table whose
     * rows reference it.
     */
    private static void fill(Connection connection, boolean postgres, int rows) throws SQLException {
        String numbers = postgres ? "generate_series(1, " + rows + ") AS g(x)" : "SYSTEM_RANGE(1, " + rows + ") AS g";
        ServerQueries.execute(connection,
                "CREATE TABLE big (id bigint PRIMARY KEY, label varchar(80), amount decimal(14, 2), at timestamp)",
                "INSERT INTO big SELECT g.x, CASE WHEN MOD(g.x, 11) = 0 THEN NULL ELSE CONCAT('label \"', g.x,"
                        + " '\", with a comma and a longer tail to make the rows wider') END, g.x / 7.0,"
                        + " TIMESTAMP '2024-02-29 12:34:56' FROM " + numbers,
                "CREATE TABLE small (id int PRIMARY KEY, big_id bigint NOT NULL REFERENCES big (id))",
                "INSERT INTO small VALUES (1, 1), (2, " + rows + ")");
        if (postgres) {
            ServerQueries.execute(connection, "ANALYZE big");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"POSTGRESQL", "H2"})
    void anExportKilledTwice_resumesToTheFilesOfAnExportNeverKilled(String engine) throws Exception {
        boolean postgres = engine.equals("POSTGRESQL");
        // H2 is read row by row, PostgreSQL by COPY: each export takes a few seconds.
        int rows = postgres ? 300_000 : 60_000;
        TestServer server = postgres ? TestServer.postgres() : null;
        String database = postgres ? server.createDatabase() : null;
        String h2 = "jdbc:h2:file:" + temp.resolve("h2") + "/db";
        try {
            try (Connection connection = postgres ? server.connect(database) : DriverManager.getConnection(h2)) {
                fill(connection, postgres, rows);
            }
            Path fresh = temp.resolve("fresh");
            Path export = temp.resolve("export");
            String options = " (CHUNK_ROWS " + rows / CHUNKS + ", JOBS 2";
            String url = postgres ? server.ferryUrl(database) : h2;
            List<String> user = postgres ? List.of("-u", server.credentials().getProperty("user")) : List.of();
            assertEquals(0, exporting(url, user, "EXPORT DATABASE '" + fresh + "'" + options + ")").waitFor(),
                    read("err.txt"));
            int total = dataFiles(fresh).size();
            assertEquals(CHUNKS + 1, total, dataFiles(fresh).toString());

            String resume = "EXPORT DATABASE '" + export + "'" + options + ", RESUME)";
            int first = killAfter(exporting(url, user, resume), 3);
            Path partial = partial();
            Map<String, FileTime> kept = finishedFiles(partial);
            assertEquals(first, kept.size());
            assertTrue(first < total, first + " of " + total + " finished before the kill");

            int second = killAfter(exporting(url, user, resume), first + 3);
            assertEquals(List.of(partial), partials(), "the resumed export carried on in the same directory");
            Map<String, FileTime> now = finishedFiles(partial);
            for (Map.Entry<String, FileTime> file : kept.entrySet()) {
                assertEquals(file.getValue(), now.get(file.getKey()), file.getKey() + " was kept as it was");
            }
            assertTrue(second < total, second + " of " + total + " finished before the second kill");

            Process last = exporting(url, user, resume);
            assertTrue(last.waitFor(2, TimeUnit.MINUTES), "the last resume ended");
            String err = read("err.txt");
            assertEquals(0, last.exitValue(), err);
            assertEquals(contents(fresh), contents(export), "the data files, byte for byte");
            Manifest resumed = ManifestFile.read(export);
            assertEquals(ManifestFile.read(fresh).tables(), resumed.tables());
            assertEquals(Files.readString(fresh.resolve("load.sql")), Files.readString(export.resolve("load.sql")));
            assertTrue(err.contains("Resumed the unfinished export in " + partial + ": kept " + second + " of " + total
                    + " data file(s)"), err);
            assertTrue(err.contains("Not one snapshot: changes made between the runs may be seen in some tables and"
                    + " not others (foreign keys may not hold)"), err);
            assertTrue(partials().isEmpty(), "no partial directory is left");
            assertFalse(Files.exists(export.resolve(PROGRESS)));

            assertEquals(Manifest.RESUMED, resumed.snapshot());
            assertEquals(3, resumed.runs().size(), resumed.runs().toString());
            assertEquals(total, resumed.runs().stream().mapToInt(run -> run.files().size()).sum());

            assertImportsExactly(postgres, server, database, h2, export);
        } finally {
            if (postgres) {
                server.dropDatabase(database);
            }
        }
    }

    /** IMPORT of the resumed export into an empty database holds exactly the source's rows. */
    private void assertImportsExactly(boolean postgres, TestServer server, String database, String h2, Path export)
            throws Exception {
        String target = postgres ? server.createDatabase() : null;
        String h2Target = "jdbc:h2:file:" + temp.resolve("h2-target") + "/db";
        try {
            try (Connection ferry = postgres ? server.connectFerry(target)
                    : DriverManager.getConnection("jdbc:ferry:" + h2Target.substring(5));
                 Statement statement = ferry.createStatement()) {
                statement.execute("IMPORT DATABASE '" + export + "'");
                assertTrue(ParallelExportIT.warnings(statement).stream()
                        .anyMatch(w -> w.startsWith("Resumed export, read in 3 runs")), "IMPORT says it too");
            }
            try (Connection from = postgres ? server.connect(database) : DriverManager.getConnection(h2);
                 Connection to = postgres ? server.connect(target) : DriverManager.getConnection(h2Target)) {
                ServerQueries.assertSameRows(from, to, COMPARED);
            }
        } finally {
            if (postgres) {
                server.dropDatabase(target);
            }
        }
    }

    /**
     * Waits until the export's progress record lists at least {@code files} finished data files and another data file
     * is being written, then kills it ({@code kill -9}): the number listed when it died.
     */
    private int killAfter(Process process, int files) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
        while (System.nanoTime() < deadline) {
            List<Path> partials = partials();
            if (!partials.isEmpty()) {
                int finished = finished(partials.get(0));
                if (finished >= files && dataFiles(partials.get(0)).size() > finished) {
                    break;
                }
            }
            assertFalse(process.waitFor(2, TimeUnit.MILLISECONDS), "the export ended before it was killed: "
                    + read("err.txt"));
        }
        process.destroyForcibly().waitFor();
        Path partial = partial();
        int finished = finished(partial);
        int begun = dataFiles(partial).size() - finished;
        System.out.printf("killed with %d data file(s) finished and %d more begun%n", finished, begun);
        // The file seen begun may finish between the look and the kill: counted over every kill of the class.
        CUT_SHORT.addAndGet(begun);
        return finished;
    }

    private Path partial() throws IOException {
        List<Path> partials = partials();
        assertEquals(1, partials.size(), partials.toString());
        return partials.get(0);
    }

    private List<Path> partials() throws IOException {
        try (Stream<Path> entries = Files.list(temp)) {
            return entries.filter(e -> e.getFileName().toString().startsWith(".export.ferry-partial-")).toList();
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
        try (Stream<Path> entries = Files.list(directory)) {
            return entries.map(e -> e.getFileName().toString()).filter(n -> n.endsWith(".csv")).sorted().toList();
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

    /** Starts Ferry's command line on {@code url} in a JVM of its own, as a user would. */
    private Process exporting(String url, List<String> user, String sql) throws IOException {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx160m",
                "-cp", System.getProperty("java.class.path"), "dev.ferry.cli.FerryCommandLine"));
        command.addAll(user);
        command.addAll(List.of(url, "-c", sql));
        return new ProcessBuilder(command).redirectOutput(temp.resolve("out.txt").toFile())
                .redirectError(temp.resolve("err.txt").toFile()).start();
    }
}
