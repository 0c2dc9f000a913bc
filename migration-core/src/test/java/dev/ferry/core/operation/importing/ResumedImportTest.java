package dev.ferry.core.operation.importing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ferry.core.model.options.ExportOptions;
import dev.ferry.core.model.options.FormatOptions;
import dev.ferry.core.model.options.ImportOptions;
import dev.ferry.core.model.progress.ProgressListener;
import dev.ferry.core.operation.MigrationResult;
import dev.ferry.core.operation.exporting.DatabaseExporter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * IMPORT DATABASE (RESUME) on H2, whose DDL commits as it runs, stopped at every statement the import runs, before and
 * after the database runs it (as a kill leaves it: nothing undone, the journal in place), then resumed — itself stopped
 * once more, then resumed again — and compared with the source through a second export: scripts the same, every data
 * file's rows the same.
 */
class ResumedImportTest {
    private static final ImportOptions RESUME = new ImportOptions(false, 0, true);

    @TempDir
    Path temp;
    private Path export;

    private static Connection h2(String name) throws SQLException {
        return DriverManager.getConnection("jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1");
    }

    /** A table in four chunks, one in two with a key to the first, an index, a view, a sequence. */
    @BeforeEach
    void export() throws SQLException, IOException {
        export = temp.resolve("export");
        try (Connection source = h2(UUID.randomUUID().toString()); Statement s = source.createStatement()) {
            s.execute("CREATE TABLE a (id INT PRIMARY KEY, name VARCHAR(20) NOT NULL)");
            s.execute("INSERT INTO a SELECT x, 'a' || x FROM SYSTEM_RANGE(1, 35)");
            s.execute("CREATE TABLE b (id INT PRIMARY KEY, a_id INT REFERENCES a (id), note VARCHAR(20))");
            s.execute("INSERT INTO b SELECT x, MOD(x, 35) + 1, 'note ' || MOD(x, 4) FROM SYSTEM_RANGE(1, 12)");
            s.execute("CREATE INDEX b_note ON b (note)");
            s.execute("CREATE VIEW a_with_b AS SELECT a.name, b.note FROM a JOIN b ON b.a_id = a.id");
            s.execute("CREATE SEQUENCE tickets START WITH 40");
            new DatabaseExporter(source).export(export, new ExportOptions(FormatOptions.DEFAULTS, List.of(), null,
                    0, 10), ProgressListener.NONE);
        }
        try (Stream<Path> files = Files.walk(export.resolve("data"))) {
            assertEquals(6, files.filter(f -> f.getFileName().toString().startsWith("part-")).count(),
                    "a in four chunks, b in two");
        }
    }

    @Test
    void anImportStoppedAtAnyStatement_isResumedExactly() throws Exception {
        int statements = stoppedImport(UUID.randomUUID().toString(), 0, false);
        assertTrue(statements > 20, "an import of this export runs " + statements + " statements");
        for (int stop = 1; stop <= statements; stop++) {
            for (boolean afterRunning : new boolean[] {false, true}) {
                String name = UUID.randomUUID().toString();
                String where = "stopped at statement " + stop + (afterRunning ? " after it ran" : " before it ran");
                stoppedImport(name, stop, afterRunning);
                stoppedResume(name, stop % 7 + 1, !afterRunning);
                try (Connection target = h2(name)) {
                    try {
                        new DatabaseImporter(target).importFrom(export, RESUME, ProgressListener.NONE);
                    } catch (SQLException e) {
                        // Stopped after its last commit: the import had ended, and the database is not empty.
                        assertTrue(e.getMessage().contains("IMPORT DATABASE runs only into an empty database"),
                                where + ": " + e.getMessage());
                    }
                    assertSameAsExported(target, where);
                }
            }
        }
    }

    @Test
    void aResumeThatFindsATableWithRowsNotMarked_emptiesIt_andSaysSo() throws Exception {
        String name = UUID.randomUUID().toString();
        int statements = stoppedImport(UUID.randomUUID().toString(), 0, false);
        stoppedImport(name, statements / 2, true);
        try (Connection target = h2(name); Statement s = target.createStatement()) {
            s.execute("INSERT INTO b (id, a_id, note) VALUES (1000, 1, 'not from the export')");
            MigrationResult result = new DatabaseImporter(target).importFrom(export, RESUME, ProgressListener.NONE);
            assertTrue(result.warnings().stream().anyMatch(w -> w.startsWith("RESUME: table \"PUBLIC\".\"B\" held 1"
                    + " rows where the files marked loaded hold 0 (a load cut short); emptied it")), result.warnings()
                    .toString());
            assertTrue(result.warnings().get(0).contains("RESUME: continued it"), result.warnings().get(0));
            assertSameAsExported(target, "a row added after the stop");
        }
    }

    @Test
    void aResumedImportsProgressCountsWhatItLoadsItself() throws Exception {
        String name = UUID.randomUUID().toString();
        int statements = stoppedImport(UUID.randomUUID().toString(), 0, false);
        stoppedImport(name, statements / 2, true);
        long[] expected = {-1};
        long[] finished = {0};
        int[] files = {-1, 0};
        ProgressListener counting = new ProgressListener() {
            @Override
            public void dataStarted(String action, int fileCount, long expectedRows, long expectedBytes) {
                files[0] = fileCount;
                expected[0] = expectedRows;
            }

            @Override
            public void tableFinished(String table, long rows, long bytes) {
                files[1]++;
                finished[0] += rows;
            }
        };
        try (Connection target = h2(name)) {
            new DatabaseImporter(target).importFrom(export, RESUME, counting);
            assertSameAsExported(target, "resumed");
        }
        assertTrue(expected[0] > 0 && expected[0] < 47, "some of the 47 rows were loaded before: " + expected[0]);
        assertEquals(expected[0], finished[0], "the rows it said it would load, it loaded");
        assertEquals(files[0], files[1], "the files it said it would load, it loaded");
    }

    @Test
    void resumeWithNothingStopped_importsFromTheBeginning_andSaysSo() throws Exception {
        try (Connection target = h2(UUID.randomUUID().toString())) {
            MigrationResult result = new DatabaseImporter(target).importFrom(export, RESUME, ProgressListener.NONE);
            String warning = result.warnings().get(0);
            assertTrue(warning.startsWith("RESUME: no journal of a stopped import is in this database"), warning);
            assertSameAsExported(target, "a fresh import");
        }
    }

    @Test
    void withoutResume_whatAStoppedImportLeftIsRemoved_andTheImportBeginsAgain() throws Exception {
        String name = UUID.randomUUID().toString();
        int statements = stoppedImport(UUID.randomUUID().toString(), 0, false);
        stoppedImport(name, statements / 2, true);
        try (Connection target = h2(name)) {
            MigrationResult result = new DatabaseImporter(target).importFrom(export, ProgressListener.NONE);
            assertTrue(result.warnings().get(0).contains("removed the"), result.warnings().get(0));
            assertSameAsExported(target, "begun again");
        }
    }

    @Test
    void aResumeAfterTheDataChangedInPostData_isRefused() throws Exception {
        String name = stoppedInPostData();
        try (Connection target = h2(name); Statement s = target.createStatement()) {
            s.execute("DELETE FROM b WHERE id = 1");
            SQLException refused = assertThrows(SQLException.class,
                    () -> new DatabaseImporter(target).importFrom(export, RESUME, ProgressListener.NONE));
            assertTrue(refused.getMessage().contains("table \"PUBLIC\".\"B\" holds 11 rows, its data files 12: it"
                    + " changed after the stopped import had loaded it; import without RESUME"), refused.getMessage());
            assertTrue(refused.getMessage().startsWith("IMPORT DATABASE (RESUME) stopped; what it and the import it"
                    + " continued had committed stays"), refused.getMessage());
            assertEquals(11, rows(target, "B"), "nothing dropped: the stopped import's work stays");
            MigrationResult again = new DatabaseImporter(target).importFrom(export, ProgressListener.NONE);
            assertTrue(again.warnings().get(0).contains("removed the"), again.warnings().get(0));
            assertSameAsExported(target, "imported again without RESUME");
        }
    }

    @Test
    void aResumeOfAnotherExportWithTheSameScripts_isRefused_andNothingDropped() throws Exception {
        Path other = temp.resolve("other");
        try (Connection source = h2(UUID.randomUUID().toString()); Statement s = source.createStatement()) {
            new DatabaseImporter(source).importFrom(export, ProgressListener.NONE);
            s.execute("UPDATE a SET name = 'changed ' || id");
            new DatabaseExporter(source).export(other, new ExportOptions(FormatOptions.DEFAULTS, List.of(), null,
                    0, 10), ProgressListener.NONE);
        }
        assertEquals(Files.readString(export.resolve("schema.sql")), Files.readString(other.resolve("schema.sql")));
        String name = UUID.randomUUID().toString();
        int statements = stoppedImport(UUID.randomUUID().toString(), 0, false);
        stoppedImport(name, statements / 2, true);
        try (Connection target = h2(name)) {
            SQLException refused = assertThrows(SQLException.class,
                    () -> new DatabaseImporter(target).importFrom(other, RESUME, ProgressListener.NONE));
            assertTrue(refused.getMessage().contains("this import is of another export"), refused.getMessage());
            new DatabaseImporter(target).importFrom(export, RESUME, ProgressListener.NONE);
            assertSameAsExported(target, "the stopped import resumed after the other was refused");
        }
    }

    @Test
    void aFinishedJournal_letsOnlyTheSameExportEndWithNothingToDo() throws Exception {
        String name = UUID.randomUUID().toString();
        int statements = stoppedImport(UUID.randomUUID().toString(), 0, false);
        Path other = temp.resolve("other");
        try (Connection source = h2(UUID.randomUUID().toString()); Statement s = source.createStatement()) {
            s.execute("CREATE TABLE z (id INT PRIMARY KEY)");
            new DatabaseExporter(source).export(other, FormatOptions.DEFAULTS, ProgressListener.NONE);
        }
        for (int stop = statements; stop > 0; stop--) {
            stoppedImport(name, stop, true);
            if (journalSays(name, "finished")) {
                break;
            }
            try (Connection target = h2(name); Statement s = target.createStatement()) {
                s.execute("DROP ALL OBJECTS");
            }
        }
        assertTrue(journalSays(name, "finished"), "some stop leaves the journal marked finished");
        try (Connection target = h2(name)) {
            SQLException refused = assertThrows(SQLException.class,
                    () -> new DatabaseImporter(target).importFrom(other, RESUME, ProgressListener.NONE));
            assertTrue(refused.getMessage().contains("runs only into an empty database"), refused.getMessage());
            assertSameAsExported(target, "the finished import");
        }
    }

    /** A database whose import stopped after it had run a post-data statement, before its end. */
    private String stoppedInPostData() throws SQLException {
        int statements = stoppedImport(UUID.randomUUID().toString(), 0, false);
        for (int stop = statements; stop > 0; stop--) {
            String name = UUID.randomUUID().toString();
            stoppedImport(name, stop, false);
            if (journalSays(name, "running") && journalHas(name, "post-data done")) {
                return name;
            }
        }
        throw new AssertionError("no stop came after a post-data statement");
    }

    private static boolean journalHas(String name, String entry) throws SQLException {
        try (Connection target = h2(name); Statement s = target.createStatement();
             ResultSet rows = s.executeQuery("SELECT COUNT(*) FROM \"" + ImportJournal.TABLE + "\" WHERE entry = '"
                     + entry + "'")) {
            rows.next();
            return rows.getLong(1) > 0;
        }
    }

    private static boolean journalSays(String name, String state) throws SQLException {
        try (Connection target = h2(name); Statement s = target.createStatement();
             ResultSet tables = target.getMetaData().getTables(null, null, ImportJournal.TABLE, null)) {
            if (!tables.next()) {
                return false;
            }
            try (ResultSet rows = s.executeQuery("SELECT item FROM \"" + ImportJournal.TABLE
                    + "\" WHERE entry = 'state'")) {
                return rows.next() && rows.getString(1).equals(state);
            }
        }
    }

    private static long rows(Connection connection, String table) throws SQLException {
        try (Statement s = connection.createStatement();
             ResultSet count = s.executeQuery("SELECT COUNT(*) FROM \"" + table + "\"")) {
            count.next();
            return count.getLong(1);
        }
    }

    /**
     * Imports into the database {@code name} on a connection that stops at statement {@code stopAt} (0: never).
     *
     * @return the statements the import ran
     */
    private int stoppedImport(String name, int stopAt, boolean afterRunning) throws SQLException {
        try (Connection real = h2(name)) {
            StoppingConnection stopping = StoppingConnection.of(real, stopAt, afterRunning);
            if (stopAt == 0) {
                new DatabaseImporter(stopping.connection()).importFrom(export, ProgressListener.NONE);
            } else {
                assertThrows(StoppingConnection.Stopped.class, () -> new DatabaseImporter(stopping.connection())
                        .importFrom(export, ProgressListener.NONE));
            }
            return stopping.statementsRun();
        }
    }

    /** Resumes the import into {@code name}, stopping it at statement {@code stopAt} where it runs that many. */
    private void stoppedResume(String name, int stopAt, boolean afterRunning) throws SQLException {
        try (Connection real = h2(name)) {
            StoppingConnection stopping = StoppingConnection.of(real, stopAt, afterRunning);
            try {
                new DatabaseImporter(stopping.connection()).importFrom(export, RESUME, ProgressListener.NONE);
            } catch (StoppingConnection.Stopped expected) {
                // stopped again, as a second kill
            } catch (SQLException e) {
                // The stopped import had ended: the database is whole, and refused.
                assertTrue(e.getMessage().contains("IMPORT DATABASE runs only into an empty database"),
                        e.getMessage());
            }
        }
    }

    private void assertSameAsExported(Connection target, String where) throws SQLException, IOException {
        Path again = temp.resolve("again-" + UUID.randomUUID());
        new DatabaseExporter(target).export(again, new ExportOptions(FormatOptions.DEFAULTS, List.of(), null, 0, 10),
                ProgressListener.NONE);
        assertEquals(contents(export), contents(again), where);
    }

    /** Each file of an export but the manifest, its lines sorted (a file's rows are in no set order). */
    private static Map<String, List<String>> contents(Path dir) throws IOException {
        Map<String, List<String>> files = new TreeMap<>();
        try (Stream<Path> list = Files.walk(dir)) {
            for (Path file : list.filter(Files::isRegularFile)
                    .filter(f -> !f.getFileName().toString().equals("manifest.json")).toList()) {
                files.put(dir.relativize(file).toString(), Files.readAllLines(file).stream().sorted().toList());
            }
        }
        return files;
    }
}
