package dev.ferry.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ferry.core.model.manifest.Manifest;
import dev.ferry.core.model.manifest.ManifestFile;
import dev.ferry.core.model.options.ExportOptions;
import dev.ferry.core.model.options.ImportOptions;
import dev.ferry.core.model.progress.ProgressListener;
import dev.ferry.core.operation.MigrationResult;
import dev.ferry.core.operation.exporting.DatabaseExporter;
import dev.ferry.core.operation.exporting.ExportTask;
import dev.ferry.core.operation.exporting.SplitExport;
import dev.ferry.core.operation.importing.DatabaseImporter;
import dev.ferry.core.operation.importing.ImportTask;
import dev.ferry.core.operation.importing.SplitImport;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An export and an import split into tasks, each task sent through Java serialization (as Spark sends it) and run on
 * a connection of its own, as the Spark module runs them: the export IMPORT DATABASE loads, the import the same rows.
 */
class SplitExportImportH2Test {
    @TempDir
    Path temp;

    private static String newDatabase() {
        return "jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
    }

    private static void fill(Connection source) throws SQLException {
        try (Statement s = source.createStatement()) {
            s.execute("CREATE TABLE parent (id INT PRIMARY KEY, name VARCHAR(40))");
            s.execute("INSERT INTO parent SELECT X, 'parent ' || X FROM SYSTEM_RANGE(1, 10)");
            s.execute("CREATE TABLE child (id INT PRIMARY KEY, parent_id INT REFERENCES parent (id),"
                    + " note VARCHAR(100), at TIMESTAMP(6))");
            s.execute("INSERT INTO child SELECT X, 1 + MOD(X, 10), CASE WHEN MOD(X, 9) = 0 THEN NULL ELSE"
                    + " 'a,\"b\"' || CHAR(10) || X END, TIMESTAMP '2024-01-01 00:00:00' + X * INTERVAL '1.000001' SECOND"
                    + " FROM SYSTEM_RANGE(1, 2500)");
            s.execute("CREATE INDEX child_at ON child (at)");
            s.execute("CREATE VIEW named AS SELECT c.id, p.name FROM child c JOIN parent p ON p.id = c.parent_id");
        }
    }

    @Test
    void tasksWrittenApartMakeAnExportThatImports() throws Exception {
        String url = newDatabase();
        try (Connection source = DriverManager.getConnection(url); Connection target = DriverManager.getConnection(
                newDatabase())) {
            fill(source);
            SplitExport export = SplitExport.plan(source, ExportOptions.from(Map.of("CHUNK_ROWS", "1000",
                    "FORMAT", "parquet")));
            List<ExportTask> tasks = export.tasks();
            assertEquals(4, tasks.size(), "parent, and child in three chunks: " + tasks);
            Path dir = temp.resolve("split");
            List<ExportTask.Written> written = new ArrayList<>();
            for (ExportTask task : tasks) {
                try (Connection reader = DriverManager.getConnection(url)) {
                    written.add(sent(task).write(reader, dir));
                }
            }
            MigrationResult result = export.finish(dir, reversed(written));
            assertEquals(2510, result.totalRows());
            Manifest manifest = ManifestFile.read(dir);
            assertEquals(Manifest.PER_FILE, manifest.snapshot());
            assertTrue(manifest.warnings().stream().anyMatch(w -> w.contains("not all in one snapshot")),
                    manifest.warnings().toString());

            new DatabaseImporter(target).importFrom(dir, ProgressListener.NONE);
            for (String sql : List.of("SELECT * FROM parent ORDER BY id", "SELECT * FROM child ORDER BY id",
                    "SELECT * FROM named ORDER BY id")) {
                assertEquals(ExportImportH2Test.rows(source, sql), ExportImportH2Test.rows(target, sql), sql);
            }
        }
    }

    @Test
    void aTaskMissingFromTheReportsIsAnError() throws Exception {
        try (Connection source = DriverManager.getConnection(newDatabase())) {
            fill(source);
            SplitExport export = SplitExport.plan(source, ExportOptions.DEFAULTS);
            SQLException missing = assertThrows(SQLException.class, () -> export.finish(temp, List.of()));
            assertTrue(missing.getMessage().contains("no report of its data file"), missing.getMessage());
        }
    }

    @Test
    void tasksLoadedApartImportTheExport() throws Exception {
        String targetUrl = newDatabase();
        try (Connection source = DriverManager.getConnection(newDatabase());
             Connection target = DriverManager.getConnection(targetUrl)) {
            fill(source);
            Path dir = temp.resolve("export");
            new DatabaseExporter(source).export(dir, ExportOptions.from(Map.of("CHUNK_ROWS", "1000")),
                    ProgressListener.NONE);
            MigrationResult result;
            try (SplitImport imported = SplitImport.begin(target, () -> DriverManager.getConnection(targetUrl), dir,
                    ImportOptions.DEFAULTS)) {
                List<ImportTask.Loaded> loaded = new ArrayList<>();
                for (ImportTask task : reversed(imported.tasks())) {
                    try (Connection loader = DriverManager.getConnection(targetUrl)) {
                        loaded.add(sent(task).load(loader, dir.resolve(task.file())));
                    }
                }
                result = imported.finish(loaded);
            }
            assertEquals(2510, result.totalRows());
            for (String sql : List.of("SELECT * FROM parent ORDER BY id", "SELECT * FROM child ORDER BY id",
                    "SELECT * FROM named ORDER BY id")) {
                assertEquals(ExportImportH2Test.rows(source, sql), ExportImportH2Test.rows(target, sql), sql);
            }
        }
    }

    @Test
    void anAlteredFileIsRefusedAndTheImportUndone() throws Exception {
        String targetUrl = newDatabase();
        try (Connection source = DriverManager.getConnection(newDatabase());
             Connection target = DriverManager.getConnection(targetUrl)) {
            fill(source);
            Path dir = temp.resolve("export");
            new DatabaseExporter(source).export(dir, ExportOptions.from(Map.of("CHUNK_ROWS", "1000")),
                    ProgressListener.NONE);
            try (SplitImport imported = SplitImport.begin(target, () -> DriverManager.getConnection(targetUrl), dir,
                    ImportOptions.DEFAULTS)) {
                ImportTask last = imported.tasks().get(imported.tasks().size() - 1);
                Path file = dir.resolve(last.file());
                String original = Files.readString(file);
                Files.writeString(file, original.replaceFirst("\n([^\n]*?)([a-z])", "\n$1X"));
                assertNotEquals(original, Files.readString(file), "the file was altered");
                SQLException altered = assertThrows(SQLException.class, () -> {
                    try (Connection loader = DriverManager.getConnection(targetUrl)) {
                        last.load(loader, file);
                    }
                });
                assertTrue(altered.getMessage().contains(last.file()), altered.getMessage());
                imported.abandon(altered);
            }
            assertEquals(List.of(List.of(0L)), ExportImportH2Test.rows(target,
                    "SELECT COUNT(*) FROM INFORMATION_SCHEMA.TABLES WHERE TABLE_SCHEMA = 'PUBLIC'"));
        }
    }

    /** {@code list} last first: the order the tasks run or report in is not the plan's. */
    private static <T> List<T> reversed(List<T> list) {
        List<T> reversed = new ArrayList<>(list);
        Collections.reverse(reversed);
        return reversed;
    }

    /** {@code value} after a round trip through Java serialization. */
    @SuppressWarnings("unchecked")
    private static <T> T sent(T value) throws IOException, ClassNotFoundException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(value);
        }
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            return (T) in.readObject();
        }
    }
}
