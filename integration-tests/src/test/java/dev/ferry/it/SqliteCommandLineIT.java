package dev.ferry.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The SQLite commands of docs/engines/sqlite.md, as a user runs them: ferry.jar with Xerial's driver jar beside it. */
class SqliteCommandLineIT {
    @TempDir
    Path temp;

    private JavaProcess.Result ferry(String... arguments) throws Exception {
        Path driverJar = Path.of(org.sqlite.JDBC.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        Path copy = temp.resolve("sqlite-jdbc.jar");
        if (!Files.exists(copy)) {
            Files.copy(driverJar, copy);
        }
        List<String> command = new ArrayList<>(List.of("-jar", JavaProcess.fileFromProperty("ferry.jar").toString(),
                "--driver", "sqlite-jdbc.jar"));
        command.addAll(List.of(arguments));
        return JavaProcess.run(temp, command);
    }

    @Test
    void exportAndImportADatabaseFile() throws Exception {
        JavaProcess.Result created = ferry("jdbc:sqlite:./app.db", "-c",
                "CREATE TABLE t (id INTEGER PRIMARY KEY AUTOINCREMENT, v, at DATETIME)",
                "-c", "INSERT INTO t (v, at) VALUES (1, '2024-01-31 10:11:12.100'), ('x', NULL), (x'00ff', 1706695872)");
        assertEquals(0, created.exitCode(), created.toString());

        JavaProcess.Result exported = ferry("jdbc:sqlite:./app.db", "-c", "EXPORT DATABASE 'app-export'");
        assertEquals(0, exported.exitCode(), exported.toString());
        assertTrue(exported.out().contains("| \"t\"        | data/t/part-0001.csv | 3    |"), exported.toString());

        JavaProcess.Result imported = ferry("jdbc:sqlite:./app-copy.db", "-c", "IMPORT DATABASE 'app-export'");
        assertEquals(0, imported.exitCode(), imported.toString());
        try (Connection source = DriverManager.getConnection(SqliteFiles.url(temp.resolve("app.db")));
             Connection copy = DriverManager.getConnection(SqliteFiles.url(temp.resolve("app-copy.db")))) {
            assertEquals(3, SqliteFiles.rows(source, "t").size());
            assertEquals(SqliteFiles.rows(source, "t"), SqliteFiles.rows(copy, "t"));
            assertEquals(SqliteFiles.catalog(source), SqliteFiles.catalog(copy));
        }
    }
}
