package dev.ferry.core.operation.exporting;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ferry.core.model.manifest.Manifest;
import dev.ferry.core.model.manifest.ManifestFile;
import dev.ferry.core.model.options.ExportOptions;
import dev.ferry.core.model.options.FormatOptions;
import dev.ferry.core.model.progress.ProgressListener;
import dev.ferry.core.operation.MigrationResult;
import dev.ferry.core.operation.importing.DatabaseImporter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * EXPORT DATABASE ... (RESUME) on embedded H2: an export stopped after some of its data files (the staging directory
 * as a kill leaves it) is resumed, keeping the files it finished whose checksums still match, reading only the others,
 * and ends with the same data files and manifest entries as an export never stopped; a resume with other options or
 * another schema is refused, naming the difference, and leaves the directory as it was.
 */
class ResumedExportH2Test {
    private static final int READS = 12;

    @TempDir
    Path temp;

    private Connection source;
    private Path dir;

    @BeforeEach
    void fill() throws SQLException {
        source = DriverManager.getConnection("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        dir = temp.resolve("export");
        try (Statement s = source.createStatement()) {
            s.execute("CREATE TABLE orders (id BIGINT PRIMARY KEY, note VARCHAR(40), amount DECIMAL(12,2))");
            s.execute("INSERT INTO orders SELECT x, CASE WHEN MOD(x, 7) = 0 THEN NULL ELSE 'note ' || x END,"
                    + " x / 4.0 FROM SYSTEM_RANGE(1, 10000)");
            s.execute("CREATE TABLE small (id INT PRIMARY KEY, label VARCHAR(10))");
            s.execute("INSERT INTO small SELECT x, 's' || x FROM SYSTEM_RANGE(1, 10)");
            s.execute("CREATE TABLE named (code VARCHAR(20) PRIMARY KEY, n INT)");
            s.execute("INSERT INTO named SELECT 'c' || x, x FROM SYSTEM_RANGE(1, 3000)");
        }
    }

    @AfterEach
    void close() throws SQLException {
        source.close();
    }

    private static ExportOptions options(String format, long chunkRows, boolean resume) throws SQLException {
        return new ExportOptions(FormatOptions.from(Map.of("FORMAT", format), "COPY"), List.of(), null, 0, chunkRows,
                resume);
    }

    /** Counts the reads an export makes, and stops it (as a kill would) once {@code stopAfter} are finished. */
    private final class Stopping implements ProgressListener {
        private final int stopAfter;
        private final List<String> started = Collections.synchronizedList(new ArrayList<>());
        private int finished;

        Stopping(int stopAfter) {
            this.stopAfter = stopAfter;
        }

        @Override
        public void tableStarted(String action, String table, long expectedRows) {
            started.add(table);
        }

        @Override
        public void tableFinished(String table, long rows, long bytes) {
            if (++finished == stopAfter) {
                try {
                    keepStagingAsAKillLeavesIt();
                } catch (IOException e) {
                    throw new IllegalStateException(e);
                }
                throw new IllegalStateException("stopped after " + stopAfter + " reads");
            }
        }
    }

    /**
     * Copies the staging directory aside, as it is at this moment; {@link #leftAsKilled} puts it back once the failed
     * export has deleted its own.
     */
    private void keepStagingAsAKillLeavesIt() throws IOException {
        Path staging = partials().get(0);
        Path copy = Files.createDirectories(temp.resolve("killed"));
        try (Stream<Path> files = Files.walk(staging)) {
            for (Path file : files.filter(file -> !file.equals(staging)).toList()) {
                Path target = copy.resolve(staging.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(file, target);
                }
            }
        }
    }

    private Path leftAsKilled() throws IOException {
        Path copy = temp.resolve("killed");
        List<Path> kept = partials();
        if (!kept.isEmpty()) {
            // An export with RESUME that fails leaves its directory in place itself.
            try (Stream<Path> files = Files.walk(copy)) {
                for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(file);
                }
            }
            return kept.get(0);
        }
        Path partial = temp.resolve(".export.ferry-partial-" + UUID.randomUUID());
        Files.move(copy, partial);
        return partial;
    }

    /** Runs an export that is stopped after {@code reads} reads, and leaves its staging directory as a kill does. */
    private Path stoppedExport(ExportOptions options, int reads) throws Exception {
        Stopping stopping = new Stopping(reads);
        assertThrows(IllegalStateException.class, () -> new DatabaseExporter(source).export(dir, options, stopping));
        return leftAsKilled();
    }

    private List<Path> partials() throws IOException {
        try (Stream<Path> entries = Files.list(temp)) {
            return entries.filter(e -> e.getFileName().toString().startsWith(".export.ferry-partial-")).toList();
        }
    }

    private static Map<String, String> files(Path directory) throws IOException {
        Map<String, String> files = new TreeMap<>();
        try (Stream<Path> entries = Files.walk(directory)) {
            for (Path file : entries.toList()) {
                String name = directory.relativize(file).toString().replace('\\', '/');
                if (name.endsWith(".csv")) {
                    files.put(name, Files.readString(file, StandardCharsets.UTF_8));
                }
            }
        }
        return files;
    }

    /** What a fresh export of the same database writes: its data files' contents and its manifest's tables. */
    private void assertSameAsFreshExport(Path resumed) throws Exception {
        Path fresh = temp.resolve("fresh");
        new DatabaseExporter(source).export(fresh, options("csv", 1000, false), ProgressListener.NONE);
        assertEquals(files(fresh), files(resumed));
        assertEquals(ManifestFile.read(fresh).tables(), ManifestFile.read(resumed).tables());
        assertEquals(Files.readString(fresh.resolve("load.sql")), Files.readString(resumed.resolve("load.sql")));
        assertFalse(Files.exists(resumed.resolve(ExportProgress.NAME)), "the progress record is not in the export");
        try (Connection target = DriverManager.getConnection("jdbc:h2:mem:" + UUID.randomUUID())) {
            new DatabaseImporter(target).importFrom(resumed, ProgressListener.NONE);
            for (String table : List.of("orders", "small", "named")) {
                String sql = "SELECT * FROM " + table + " ORDER BY 1";
                assertEquals(ChunkedExportH2Test.rows(source, sql), ChunkedExportH2Test.rows(target, sql), table);
            }
        }
    }

    @Test
    void aStoppedExportResumedTwice_keepsWhatEachRunFinished_andEndsAsAFreshExport() throws Exception {
        stoppedExport(options("csv", 1000, false), 4);
        Stopping second = new Stopping(3);
        assertThrows(IllegalStateException.class,
                () -> new DatabaseExporter(source).export(dir, options("csv", 1000, true), second));
        assertEquals(3, second.started.size(), "the first run's four files were kept: " + second.started);
        assertTrue(second.started.stream().noneMatch(label -> label.contains("part-0001")), second.started.toString());
        leftAsKilled();
        assertEquals(1, partials().size(), "the second run's partial directory is the first one's");

        Stopping third = new Stopping(Integer.MAX_VALUE);
        MigrationResult result = new DatabaseExporter(source).export(dir, options("csv", 1000, true), third);
        assertEquals(READS - 7, third.started.size(), third.started.toString());
        assertEquals(READS, result.tables().size());
        assertTrue(result.warnings().stream().anyMatch(w -> w.startsWith("Resumed the unfinished export in")
                && w.contains("kept 7 of 12 data file(s)") && w.endsWith("read 5 now")), result.warnings().toString());
        String warning = result.warnings().stream().filter(w -> w.startsWith("Resumed export, read in 3 runs"))
                .findFirst().orElseThrow(() -> new AssertionError(result.warnings().toString()));
        assertTrue(warning.contains("Not one snapshot: changes made between the runs may be seen in some tables and"
                + " not others (foreign keys may not hold)"), warning);
        assertTrue(partials().isEmpty());

        Manifest manifest = ManifestFile.read(dir);
        assertEquals(Manifest.RESUMED, manifest.snapshot());
        assertEquals(3, manifest.runs().size());
        assertEquals(List.of(4, 3, 5), manifest.runs().stream().map(run -> run.files().size()).toList());
        assertTrue(manifest.warnings().contains(warning), "IMPORT reports it again: " + manifest.warnings());
        assertSameAsFreshExport(dir);
    }

    @Test
    void aFinishedFileThatNoLongerMatchesItsChecksum_isReadAgain() throws Exception {
        Path partial = stoppedExport(options("csv", 1000, false), 4);
        Path chunk = partial.resolve("data/public.orders/part-0002.csv");
        String text = Files.readString(chunk);
        Files.writeString(chunk, text.replaceFirst("note 1", "note 9"));
        assertEquals(text.length(), Files.size(chunk), "same size: only the checksum tells");

        Stopping resumed = new Stopping(Integer.MAX_VALUE);
        MigrationResult result = new DatabaseExporter(source).export(dir, options("csv", 1000, true), resumed);
        assertEquals(READS - 3, resumed.started.size(), resumed.started.toString());
        assertTrue(resumed.started.stream().anyMatch(label -> label.contains("part-0002")), resumed.started.toString());
        assertTrue(result.warnings().contains("data/public.orders/part-0002.csv no longer matches the SHA-256 recorded:"
                + " read again"), result.warnings().toString());
        assertSameAsFreshExport(dir);
    }

    @Test
    void aFileCutShort_andARecordLineCutShort_areNotKept() throws Exception {
        Path partial = stoppedExport(options("csv", 1000, false), 3);
        // A kill while the fourth file was written, and while its line was added to the record (inside a character).
        Files.writeString(partial.resolve("data/public.orders/part-0004.csv"), "\"ID\",\"NOTE\",\"AMOUNT\"\n\"30");
        byte[] cut = "{\"file\":{\"file\":\"data/public.orders/part-0004.csv\",\"warnings\":[\"\u00e9".getBytes(
                StandardCharsets.UTF_8);
        Files.write(partial.resolve(ExportProgress.NAME), Arrays.copyOf(cut, cut.length - 1),
                StandardOpenOption.APPEND);

        Stopping resumed = new Stopping(Integer.MAX_VALUE);
        new DatabaseExporter(source).export(dir, options("csv", 1000, true), resumed);
        assertEquals(READS - 3, resumed.started.size(), resumed.started.toString());
        assertSameAsFreshExport(dir);
    }

    @Test
    void otherOptionsAreRefused_namingEachDifference_andThePartialDirectoryStays() throws Exception {
        Path partial = stoppedExport(options("csv", 1000, false), 4);
        List<String> before = List.copyOf(files(partial).keySet());
        SQLException refused = assertThrows(SQLException.class, () -> new DatabaseExporter(source)
                .export(dir, options("parquet", 500, true), ProgressListener.NONE));
        assertEquals("42000", refused.getSQLState());
        assertTrue(refused.getMessage().contains("(RESUME) cannot resume the unfinished export in " + partial),
                refused.getMessage());
        assertTrue(refused.getMessage().contains("FORMAT was 'csv', now 'parquet'"), refused.getMessage());
        assertTrue(refused.getMessage().contains("CHUNK_ROWS was '1000', now '500'"), refused.getMessage());
        assertTrue(refused.getMessage().contains("export afresh without RESUME"), refused.getMessage());
        assertEquals(List.of(partial), partials());
        assertEquals(before, List.copyOf(files(partial).keySet()));
        assertFalse(Files.exists(dir));
    }

    /** COMPRESSION is in the fingerprint: a compressed export resumes with its own codec only, its files kept. */
    @Test
    void aCompressedExportResumesWithItsCodec_andAnotherCodecIsRefused() throws Exception {
        stoppedExport(compressed("gzip", false), 4);
        SQLException refused = assertThrows(SQLException.class, () -> new DatabaseExporter(source)
                .export(dir, compressed("zstd", true), ProgressListener.NONE));
        assertEquals("42000", refused.getSQLState());
        assertTrue(refused.getMessage().contains("COMPRESSION was 'gzip', now 'zstd'"), refused.getMessage());
        SQLException plain = assertThrows(SQLException.class, () -> new DatabaseExporter(source)
                .export(dir, options("csv", 1000, true), ProgressListener.NONE));
        assertTrue(plain.getMessage().contains("COMPRESSION was 'gzip', now not given"), plain.getMessage());

        Stopping resumed = new Stopping(Integer.MAX_VALUE);
        MigrationResult result = new DatabaseExporter(source).export(dir, compressed("gzip", true), resumed);
        assertEquals(READS - 4, resumed.started.size(), resumed.started.toString());
        assertEquals(READS, result.tables().size());
        assertTrue(result.tables().stream().allMatch(t -> t.file().endsWith(".csv.gz")), result.tables().toString());
        assertTrue(result.warnings().stream().anyMatch(w -> w.contains("kept 4 of 12 data file(s)")),
                result.warnings().toString());
        try (Connection target = DriverManager.getConnection("jdbc:h2:mem:" + UUID.randomUUID())) {
            new DatabaseImporter(target).importFrom(dir, ProgressListener.NONE);
            for (String table : List.of("orders", "small", "named")) {
                String sql = "SELECT * FROM " + table + " ORDER BY 1";
                assertEquals(ChunkedExportH2Test.rows(source, sql), ChunkedExportH2Test.rows(target, sql), table);
            }
        }
    }

    private static ExportOptions compressed(String codec, boolean resume) throws SQLException {
        return new ExportOptions(FormatOptions.from(Map.of("FORMAT", "csv", "COMPRESSION", codec), "COPY"), List.of(),
                null, 0, 1000, resume);
    }

    @Test
    void aTableChangedSinceIsRefused_namingIt() throws Exception {
        Path partial = stoppedExport(options("csv", 1000, false), 4);
        try (Statement s = source.createStatement()) {
            s.execute("ALTER TABLE small ADD COLUMN extra INT");
            s.execute("CREATE TABLE added (id INT)");
        }
        SQLException refused = assertThrows(SQLException.class, () -> new DatabaseExporter(source)
                .export(dir, options("csv", 1000, true), ProgressListener.NONE));
        assertTrue(refused.getMessage().contains("table PUBLIC.SMALL has other columns or another primary key"),
                refused.getMessage());
        assertTrue(refused.getMessage().contains("table PUBLIC.ADDED was added"), refused.getMessage());
        assertEquals(List.of(partial), partials());
    }

    @Test
    void resumeWithNothingToResume_exportsAfresh_sayingSo() throws Exception {
        MigrationResult result = new DatabaseExporter(source).export(dir, options("csv", 1000, true),
                ProgressListener.NONE);
        assertTrue(result.warnings().get(0).startsWith("RESUME: no export to " + dir.toAbsolutePath()
                + " was left unfinished"), result.warnings().toString());
        Manifest manifest = ManifestFile.read(dir);
        assertNull(manifest.snapshot());
        assertNull(manifest.runs());
        assertFalse(Files.readString(dir.resolve(ManifestFile.NAME)).contains("runs"), "one snapshot: as before");
        assertSameAsFreshExport(dir);
    }

    @Test
    void withoutResumeTheLeftoverIsRemoved_andEveryFileRead() throws Exception {
        Path partial = stoppedExport(options("csv", 1000, false), 4);
        Stopping again = new Stopping(Integer.MAX_VALUE);
        MigrationResult result = new DatabaseExporter(source).export(dir, options("csv", 1000, false), again);
        assertEquals(READS, again.started.size());
        assertTrue(result.warnings().get(0).startsWith("Removed " + partial + ", "), result.warnings().toString());
        assertTrue(partials().isEmpty());
        assertNull(ManifestFile.read(dir).snapshot());
    }

    @Test
    void aStopBeforeTheFirstFile_resumesToOneSnapshot() throws Exception {
        Path partial = stoppedExport(options("csv", 1000, false), 1);
        List<String> finished = List.copyOf(files(partial).keySet());
        assertEquals(1, finished.size(), finished.toString());
        Files.delete(partial.resolve(finished.get(0)));
        MigrationResult result = new DatabaseExporter(source).export(dir, options("csv", 1000, true),
                ProgressListener.NONE);
        assertTrue(result.warnings().contains(finished.get(0) + " is missing: read again"),
                result.warnings().toString());
        assertNull(ManifestFile.read(dir).snapshot(), "every file was read in the last run");
        assertSameAsFreshExport(dir);
    }

    @Test
    void aStopAfterTheLastFile_resumesWithoutReading_andIsOneSnapshot() throws Exception {
        stoppedExport(options("csv", 1000, false), READS);
        Stopping resumed = new Stopping(Integer.MAX_VALUE);
        MigrationResult result = new DatabaseExporter(source).export(dir, options("csv", 1000, true), resumed);
        assertEquals(List.of(), resumed.started);
        assertTrue(result.warnings().stream().anyMatch(w -> w.contains("kept 12 of 12 data file(s)")
                && w.endsWith("read 0 now")), result.warnings().toString());
        assertNull(ManifestFile.read(dir).snapshot(), "every file was read in the first run");
        assertSameAsFreshExport(dir);
    }

    @Test
    void aStagingDirectoryARunningExportHolds_isNeitherResumedNorRemoved() throws Exception {
        Path partial = stoppedExport(options("csv", 1000, false), 4);
        try (StagingLock running = StagingLock.hold(partial)) {
            SQLException refused = assertThrows(SQLException.class, () -> new DatabaseExporter(source)
                    .export(dir, options("csv", 1000, true), ProgressListener.NONE));
            assertEquals("EXPORT DATABASE '" + dir.toAbsolutePath() + "' (RESUME): another export to the same"
                    + " directory is running, in " + partial + "; resume once it has ended", refused.getMessage());
            MigrationResult fresh = new DatabaseExporter(source).export(dir, options("csv", 1000, false),
                    ProgressListener.NONE);
            assertTrue(fresh.warnings().contains("Left " + partial + " as it is: an export to the same directory is"
                    + " running in it"), fresh.warnings().toString());
            assertTrue(Files.isDirectory(partial));
        }
        assertDoesNotThrow(() -> StagingLock.hold(partial).close(), "released");
    }
}
