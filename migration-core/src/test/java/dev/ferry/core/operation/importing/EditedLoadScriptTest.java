package dev.ferry.core.operation.importing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ferry.core.model.options.FormatOptions;
import dev.ferry.core.model.options.ImportOptions;
import dev.ferry.core.model.progress.ProgressListener;
import dev.ferry.core.operation.MigrationResult;
import dev.ferry.core.operation.exporting.DatabaseExporter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An edited load.sql, which the user allowed ({@code ALLOW_EDITED_SCRIPTS}), is read as the data phase runs it,
 * statement by statement: what is wrong with it is reported where it stands, after the checks that come before any
 * data (an empty target, autocommit on) and after the statements before it. Without the option it is refused before
 * anything is read.
 */
class EditedLoadScriptTest {
    /** The user says the edits are theirs, as IMPORT DATABASE ... (ALLOW_EDITED_SCRIPTS) does. */
    private static final ImportOptions EDITS_ALLOWED = new ImportOptions(true);

    @TempDir
    Path temp;

    private static Connection h2() throws SQLException {
        return DriverManager.getConnection("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
    }

    private Path export() throws SQLException {
        Path dir = temp.resolve("export");
        try (Connection source = h2(); Statement s = source.createStatement()) {
            s.execute("CREATE TABLE a (id INT PRIMARY KEY)");
            s.execute("CREATE TABLE b (id INT PRIMARY KEY)");
            s.execute("INSERT INTO a VALUES (1)");
            s.execute("INSERT INTO b VALUES (2)");
            new DatabaseExporter(source).export(dir, FormatOptions.DEFAULTS, ProgressListener.NONE);
        }
        return dir;
    }

    /** Issue 14, item 4: an edited script ran as written; now it is refused, naming it, unless the user allows it. */
    @Test
    void anEditedScriptIsRefusedUnlessTheUserAllowsIt() throws Exception {
        Path dir = export();
        Files.writeString(dir.resolve("load.sql"), Files.readString(dir.resolve("load.sql")) + "-- edited\n");
        try (Connection target = h2()) {
            SQLException refused = assertThrows(SQLException.class,
                    () -> new DatabaseImporter(target).importFrom(dir, ProgressListener.NONE));
            assertEquals("42000", refused.getSQLState());
            assertTrue(refused.getMessage().startsWith("IMPORT DATABASE: load.sql in " + dir + " differ from what the"
                    + " export wrote"), refused.getMessage());
            MigrationResult imported = new DatabaseImporter(target).importFrom(dir, EDITS_ALLOWED,
                    ProgressListener.NONE);
            assertTrue(imported.warnings().contains("load.sql ran as edited since the export (ALLOW_EDITED_SCRIPTS)"),
                    imported.warnings().toString());
        }
    }

    @Test
    void aTargetThatIsNotEmptyIsRefusedBeforeLoadSqlIsRead() throws Exception {
        Path dir = export();
        Files.writeString(dir.resolve("load.sql"), "");
        try (Connection target = h2(); Statement s = target.createStatement()) {
            s.execute("CREATE TABLE existing (id INT)");
            SQLException failure = assertThrows(SQLException.class,
                    () -> new DatabaseImporter(target).importFrom(dir, EDITS_ALLOWED, ProgressListener.NONE));
            assertTrue(failure.getMessage().contains("runs only into an empty database"), failure.getMessage());
        }
    }

    @Test
    void autocommitOffIsRefusedBeforeLoadSqlIsRead() throws Exception {
        Path dir = export();
        Files.writeString(dir.resolve("load.sql"), "COPY PUBLIC.A FROM 'nope.csv';\n");
        try (Connection target = h2()) {
            target.setAutoCommit(false);
            SQLException failure = assertThrows(SQLException.class,
                    () -> new DatabaseImporter(target).importFrom(dir, EDITS_ALLOWED, ProgressListener.NONE));
            assertEquals("25001", failure.getSQLState(), failure.getMessage());
        }
    }

    @Test
    void aStatementThatFailsIsReportedBeforeAWrongCopyAfterIt() throws Exception {
        Path dir = export();
        String load = Files.readString(dir.resolve("load.sql"));
        assertTrue(load.contains("'data/public.b/part-0001.csv'"), load);
        Files.writeString(dir.resolve("load.sql"), "INSERT INTO PUBLIC.NO_SUCH_TABLE VALUES (1);\n"
                + load.replace("'data/public.b/part-0001.csv'", "'nope.csv'"));
        try (Connection target = h2()) {
            SQLException failure = assertThrows(SQLException.class,
                    () -> new DatabaseImporter(target).importFrom(dir, EDITS_ALLOWED, ProgressListener.NONE));
            assertTrue(failure.getMessage().contains("load.sql line 1"), failure.getMessage());
            assertTrue(failure.getMessage().contains("NO_SUCH_TABLE"), failure.getMessage());
        }
    }
}
