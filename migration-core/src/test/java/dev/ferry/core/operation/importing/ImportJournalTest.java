package dev.ferry.core.operation.importing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ferry.core.dialect.Dialect;
import dev.ferry.core.dialect.Dialects;
import dev.ferry.core.model.options.FormatOptions;
import dev.ferry.core.model.options.ImportOptions;
import dev.ferry.core.model.progress.ProgressListener;
import dev.ferry.core.model.schema.SchemaScope;
import dev.ferry.core.operation.MigrationResult;
import dev.ferry.core.operation.exporting.DatabaseExporter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The journal of an import on H2, whose DDL commits as it runs: left behind as a killed import leaves it, the same
 * import run again removes what the stopped one created (no schema the scripts do not name), says so, and imports;
 * another import is refused; a journal marked finished is removed and the whole database refused; an import that ends
 * leaves none; an export leaves the journal out.
 */
class ImportJournalTest {
    @TempDir
    Path temp;

    private static Connection h2() throws SQLException {
        return DriverManager.getConnection("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
    }

    private Path export() throws SQLException {
        Path dir = temp.resolve("export");
        try (Connection source = h2(); Statement s = source.createStatement()) {
            s.execute("CREATE TABLE a (id INT PRIMARY KEY)");
            s.execute("CREATE TABLE b (id INT PRIMARY KEY, a_id INT REFERENCES a (id))");
            s.execute("INSERT INTO a VALUES (1)");
            s.execute("INSERT INTO b VALUES (2, 1)");
            new DatabaseExporter(source).export(dir, FormatOptions.DEFAULTS, ProgressListener.NONE);
        }
        return dir;
    }

    /** The state a kill -9 leaves: the journal, begun on an empty database, and some of the import's tables. */
    private static void stoppedImport(Connection target, Path export) throws SQLException {
        Dialect dialect = Dialects.forConnection(target);
        target.setAutoCommit(false);
        ImportPlan plan = ImportPlan.of(ExportSource.open(export, ImportOptions.DEFAULTS), dialect);
        ImportJournal.begin(target, dialect, export, plan, SchemaScope.DEFAULT,
                ImportUndo.before(target, dialect, SchemaScope.DEFAULT).state());
        try (Statement s = target.createStatement()) {
            s.execute("CREATE TABLE a (id INT PRIMARY KEY)");
            s.execute("INSERT INTO a VALUES (1)");
        }
        target.commit();
        target.setAutoCommit(true);
    }

    private static List<String> userSchemas(Connection connection) throws SQLException {
        List<String> names = new ArrayList<>();
        try (ResultSet rows = connection.getMetaData().getSchemas()) {
            while (rows.next()) {
                names.add(rows.getString("TABLE_SCHEM"));
            }
        }
        names.remove("INFORMATION_SCHEMA");
        names.sort(null);
        return names;
    }

    private static List<String> tables(Connection connection) throws SQLException {
        List<String> names = new ArrayList<>();
        try (ResultSet rows = connection.getMetaData().getTables(null, "PUBLIC", "%", new String[] {"TABLE"})) {
            while (rows.next()) {
                names.add(rows.getString("TABLE_NAME"));
            }
        }
        names.sort(null);
        return names;
    }

    @Test
    void theSameImportRemovesWhatAStoppedOneCreated_saysSo_andImports() throws Exception {
        Path export = export();
        try (Connection target = h2()) {
            try (Statement s = target.createStatement()) {
                s.execute("CREATE SCHEMA kept");
            }
            stoppedImport(target, export);
            try (Statement s = target.createStatement()) {
                s.execute("CREATE SCHEMA made_meanwhile");
            }
            assertEquals(List.of("A", ImportJournal.TABLE), tables(target));

            MigrationResult result = new DatabaseImporter(target).importFrom(export, ProgressListener.NONE);

            String warning = result.warnings().get(0);
            assertTrue(warning.startsWith("An earlier IMPORT DATABASE of '" + export + "', begun "), warning);
            assertTrue(warning.contains("stopped before its end") && warning.contains("removed the 1 object(s) it had"
                    + " created (BASE TABLE PUBLIC.A)"), warning);
            assertEquals(List.of("A", "B"), tables(target));
            assertEquals(List.of("KEPT", "MADE_MEANWHILE", "PUBLIC"), userSchemas(target),
                    "no schema is dropped that the scripts do not name: it may be someone else's");
        }
    }

    @Test
    void anotherImport_isRefused_andNothingDropped() throws Exception {
        Path export = export();
        Path other = temp.resolve("other");
        try (Connection source = h2(); Statement s = source.createStatement()) {
            s.execute("CREATE TABLE c (id INT PRIMARY KEY)");
            new DatabaseExporter(source).export(other, FormatOptions.DEFAULTS, ProgressListener.NONE);
        }
        try (Connection target = h2()) {
            stoppedImport(target, export);

            SQLException refused = assertThrows(SQLException.class,
                    () -> new DatabaseImporter(target).importFrom(other, ProgressListener.NONE));

            assertTrue(refused.getMessage().contains("this import is of another export"), refused.getMessage());
            assertEquals(List.of("A", ImportJournal.TABLE), tables(target));
        }
    }

    @Test
    void anExportLeavesTheJournalOut() throws Exception {
        Path export = export();
        try (Connection target = h2()) {
            stoppedImport(target, export);
            Path again = temp.resolve("again");
            new DatabaseExporter(target).export(again, FormatOptions.DEFAULTS, ProgressListener.NONE);
            assertTrue(Files.readString(again.resolve("schema.sql")).contains("\"A\""));
            assertTrue(!Files.readString(again.resolve("schema.sql")).contains(ImportJournal.TABLE));
            assertTrue(!Files.readString(again.resolve("manifest.json")).contains(ImportJournal.TABLE));
        }
    }

    @Test
    void aJournalMarkedFinished_isRemoved_andTheWholeDatabaseRefused() throws Exception {
        Path export = export();
        try (Connection target = h2()) {
            stoppedImport(target, export);
            try (Statement s = target.createStatement()) {
                s.execute("UPDATE \"" + ImportJournal.TABLE + "\" SET item = 'finished' WHERE entry = 'state'");
            }

            SQLException refused = assertThrows(SQLException.class,
                    () -> new DatabaseImporter(target).importFrom(export, ProgressListener.NONE));

            assertTrue(refused.getMessage().contains("finished but left its journal table " + ImportJournal.TABLE
                    + "; removed it: IMPORT DATABASE runs only into an empty database"), refused.getMessage());
            assertEquals(List.of("A"), tables(target));
        }
    }

    @Test
    void aJournalThatDoesNotSayWhatWasThereBefore_isRefused_andNothingDropped() throws Exception {
        Path export = export();
        try (Connection target = h2()) {
            stoppedImport(target, export);
            try (Statement s = target.createStatement()) {
                s.execute("DELETE FROM \"" + ImportJournal.TABLE + "\" WHERE entry = 'schema before'");
            }

            SQLException refused = assertThrows(SQLException.class,
                    () -> new DatabaseImporter(target).importFrom(export, ProgressListener.NONE));

            assertTrue(refused.getMessage().contains("which does not say what the database held before it"),
                    refused.getMessage());
            assertEquals(List.of("A", ImportJournal.TABLE), tables(target));
        }
    }

    @Test
    void anImportThatEnds_wellOrNot_leavesNoJournal() throws Exception {
        Path export = export();
        try (Connection target = h2()) {
            new DatabaseImporter(target).importFrom(export, ProgressListener.NONE);
            assertEquals(List.of("A", "B"), tables(target));
        }
        Path postData = export.resolve("post-data.sql");
        Files.writeString(postData, Files.readString(postData) + "CREATE INDEX broken ON no_such_table (x);\n");
        try (Connection target = h2()) {
            assertThrows(SQLException.class, () -> new DatabaseImporter(target).importFrom(export,
                    new ImportOptions(true), ProgressListener.NONE));
            assertEquals(List.of(), tables(target));
        }
    }
}
