package dev.ferry.it.servers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * kill -9 of an importing process (issue 14), at evenly spread moments of an import that commits before its end
 * (MariaDB, whose DDL is not transactional; PostgreSQL with JOBS 2): the next IMPORT into the same database finds the
 * stopped import's journal and either removes what it left and says so, or, every second kill, continues it with
 * RESUME — that one killed once more, then resumed again — and ends with exactly the source's rows and catalog. The
 * kills per case are {@code ferry.kills} (default 5; the closing notes' drills ran 20).
 */
class KilledImportIT {
    private static final int KILLS = Integer.getInteger("ferry.kills", 5);
    private static final int BULK_ROWS = 100_000;

    @TempDir
    Path temp;

    private static TestServer server(TestServer.Engine engine) {
        return engine == TestServer.Engine.POSTGRESQL ? TestServer.postgres() : TestServer.mariadb();
    }

    /** ParallelImportIT's objects, and a larger table so that the import takes a few seconds. */
    private static void fill(Connection connection, TestServer.Engine engine) throws SQLException {
        ParallelImportIT.fill(connection, engine);
        String numbers = engine == TestServer.Engine.POSTGRESQL
                ? "generate_series(1, " + BULK_ROWS + ") AS g(n)" : "seq_1_to_" + BULK_ROWS + " AS g";
        String n = engine == TestServer.Engine.POSTGRESQL ? "n" : "seq";
        ServerQueries.execute(connection,
                "CREATE TABLE bulk (id bigint PRIMARY KEY, big_id bigint NOT NULL REFERENCES big (id),"
                        + " label varchar(40), amount decimal(12, 2))",
                "INSERT INTO bulk SELECT " + n + ", 1 + " + n + " % 1000, CONCAT('label ', " + n + "), " + n
                        + " / 100.0 FROM " + numbers,
                "CREATE INDEX bulk_label ON bulk (label)");
    }

    private static List<String> compared(TestServer.Engine engine) {
        List<String> compared = new ArrayList<>(ParallelImportIT.compared(engine));
        compared.add("SELECT * FROM bulk ORDER BY id");
        return compared;
    }

    @ParameterizedTest(name = "{0} JOBS {1}")
    @CsvSource({"MARIADB, 1", "MARIADB, 2", "POSTGRESQL, 2"})
    void afterAKillAtAnyMoment_theNextImportRemovesTheLeftovers_andEndsAsTheSource(TestServer.Engine engine,
                                                                                   int jobs) throws Exception {
        TestServer server = server(engine);
        String source = server.createDatabase();
        List<String> targets = new ArrayList<>();
        try {
            Path export = temp.resolve("export");
            try (Connection ferry = server.connectFerry(source); Statement statement = ferry.createStatement()) {
                fill(ferry, engine);
                statement.execute("EXPORT DATABASE '" + export + "' (CHUNK_ROWS 20000)");
            }
            String sql = "IMPORT DATABASE '" + export + "' (JOBS " + jobs + ")";
            String whole = server.createDatabase();
            targets.add(whole);
            long start = System.nanoTime();
            Process uninterrupted = importing(server, whole, sql);
            long journalAt = untilJournal(server, whole, engine, uninterrupted);
            assertTrue(uninterrupted.waitFor(5, TimeUnit.MINUTES), "the uninterrupted import ended");
            assertEquals(0, uninterrupted.exitValue(), Files.readString(temp.resolve("err.txt")));
            assertTrue(journalAt > 0, "the import's journal was seen");
            long writing = (System.nanoTime() - start) / 1_000_000 - journalAt;

            int cleaned = 0;
            int resumed = 0;
            int finished = 0;
            long resumeMillis = 0;
            for (int kill = 1; kill <= KILLS; kill++) {
                String target = server.createDatabase();
                targets.add(target);
                Process process = importing(server, target, sql);
                // One kill before the journal is written, the others spread over the time the import writes.
                long after = kill == 1 ? journalAt / 2 : writing * (kill - 1) / (KILLS + 1);
                if (kill > 1 && untilJournal(server, target, engine, process) < 0) {
                    after = 0;
                }
                boolean resume = kill % 2 == 0;
                String when = "kill " + kill + ", " + after + " ms after " + (kill == 1 ? "the start" : "the journal")
                        + (resume ? ", then RESUME" : "");
                long waitFrom = System.nanoTime();
                boolean ended = process.waitFor(after, TimeUnit.MILLISECONDS);
                process.destroyForcibly().waitFor();
                if (ended && kill > 1) {
                    // Quicker than the first import (a warm disk cache): the later kills come sooner.
                    writing = Math.min(writing, (System.nanoTime() - waitFrom) / 1_000_000);
                }
                String next = resume ? sql.replace(")", ", RESUME)") : sql;
                if (resume) {
                    Process resuming = importing(server, target, next);
                    resuming.waitFor(journalAt + writing / 3, TimeUnit.MILLISECONDS);
                    resuming.destroyForcibly().waitFor();
                }
                String outcome;
                try (Connection ferry = server.connectFerry(target); Statement statement = ferry.createStatement()) {
                    long againAt = System.nanoTime();
                    try {
                        statement.execute(next);
                        outcome = "the next import ran";
                    } catch (SQLException e) {
                        // Killed after its last commit: the database is whole (as checked below), and refused.
                        assertTrue(e.getMessage().contains("runs only into an empty database"), e.getMessage());
                        finished++;
                        outcome = "the next import was refused: " + e.getMessage();
                    }
                    List<String> warnings = ParallelExportIT.warnings(statement);
                    outcome += "; its warnings: " + warnings;
                    if (warnings.stream().anyMatch(w -> w.contains("RESUME: continued it"))) {
                        resumed++;
                        resumeMillis += (System.nanoTime() - againAt) / 1_000_000;
                    } else if (warnings.stream().anyMatch(w -> w.startsWith("An earlier IMPORT DATABASE"))) {
                        cleaned++;
                    } else if (resume && !warnings.isEmpty()) {
                        assertTrue(warnings.get(0).startsWith("RESUME: no journal of a stopped import"),
                                when + ": " + warnings);
                    } else {
                        assertEquals(List.of(), warnings, when);
                    }
                }
                try (Connection from = server.connect(source); Connection to = server.connect(target)) {
                    try {
                        ServerQueries.assertSameRows(from, to, compared(engine));
                    } catch (SQLException | AssertionError e) {
                        // Seen once in CI (MariaDB, JOBS 2: a table missing after the next import): say which kill.
                        throw new AssertionError(when + "; " + outcome + "; the target holds "
                                + ParallelImportIT.objects(to, engine), e);
                    }
                    assertEquals(ParallelImportIT.objects(from, engine), ParallelImportIT.objects(to, engine), when);
                }
                server.dropDatabase(target);
                targets.remove(target);
            }
            System.out.printf("%s JOBS %d: %d kills over an import writing for %d ms; %d left a journal that the next"
                    + " import cleaned up, %d were resumed (%d ms a resume on average), %d came after the import's last"
                    + " commit%n", engine, jobs, KILLS, writing, cleaned, resumed,
                    resumed == 0 ? 0 : resumeMillis / resumed, finished);
            assertTrue(cleaned + resumed >= KILLS / 2, "only " + (cleaned + resumed) + " kill(s) left anything to"
                    + " clean up or resume");
        } finally {
            server.dropDatabase(source);
            for (String target : targets) {
                server.dropDatabase(target);
            }
        }
    }

    /**
     * Waits until the importing process has written its journal into {@code database}: the milliseconds that took, or
     * -1 where the process ended first.
     */
    private static long untilJournal(TestServer server, String database, TestServer.Engine engine, Process process)
            throws SQLException, InterruptedException {
        long start = System.nanoTime();
        try (Connection watching = server.connect(database)) {
            while (!process.waitFor(10, TimeUnit.MILLISECONDS)) {
                if (hasJournal(watching, engine)) {
                    return (System.nanoTime() - start) / 1_000_000;
                }
            }
        }
        return -1;
    }

    private static boolean hasJournal(Connection connection, TestServer.Engine engine) throws SQLException {
        String sql = engine == TestServer.Engine.POSTGRESQL
                ? "SELECT COUNT(*) FROM pg_class WHERE relname = 'ferry_import_journal'"
                : "SELECT COUNT(*) FROM information_schema.TABLES WHERE TABLE_SCHEMA = DATABASE()"
                + " AND TABLE_NAME = 'ferry_import_journal'";
        return !ServerQueries.rows(connection, sql).get(0).get(0).equals("0");
    }

    /** Starts Ferry's command line on {@code database} in a JVM of its own, as a user would. */
    private Process importing(TestServer server, String database, String sql) throws IOException {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx160m",
                "-cp", System.getProperty("java.class.path"), "dev.ferry.cli.FerryCommandLine",
                "-u", server.credentials().getProperty("user")));
        String password = server.credentials().getProperty("password");
        if (password != null && !password.isEmpty()) {
            command.add("--password=" + password);
        }
        command.addAll(List.of(server.ferryUrl(database), "-c", sql));
        return new ProcessBuilder(command).redirectOutput(temp.resolve("out.txt").toFile())
                .redirectError(temp.resolve("err.txt").toFile()).start();
    }
}
