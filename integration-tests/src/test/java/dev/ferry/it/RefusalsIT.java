package dev.ferry.it;

import static dev.ferry.it.TestDatabases.execute;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ferry.core.model.progress.ProgressListener;
import dev.ferry.driver.FerryConnection;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.SQLWarning;
import java.sql.Statement;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What EXPORT and IMPORT refuse: each a clear error, not of SQLState class 08, with nothing touched. */
class RefusalsIT {
    @TempDir
    Path temp;

    private Connection source;
    private Path export;

    @BeforeEach
    void exportSample() throws SQLException {
        source = DriverManager.getConnection(TestDatabases.newH2Url());
        H2RoundTripIT.createSample(source);
        export = temp.resolve("export");
        execute(source, "EXPORT DATABASE '" + export + "'");
    }

    private static SQLException refused(Connection connection, String sql) {
        SQLException error = assertThrows(SQLException.class, () -> execute(connection, sql));
        assertFalse(error.getSQLState() == null || error.getSQLState().startsWith("08"), error.getSQLState());
        return error;
    }

    private void assertImportRefusedAndDatabaseEmpty(String expectedMessage) throws SQLException {
        assertImportRefusedAndDatabaseEmpty(expectedMessage, "");
    }

    /** @param options the IMPORT's options, written after the directory ({@code (ALLOW_EDITED_SCRIPTS)}), or "" */
    private void assertImportRefusedAndDatabaseEmpty(String expectedMessage, String options) throws SQLException {
        try (Connection target = DriverManager.getConnection(TestDatabases.newH2Url())) {
            SQLException error = refused(target, "IMPORT DATABASE '" + export + "'" + options);
            assertTrue(error.getMessage().contains(expectedMessage), error.getMessage());
            assertEquals(List.of(), H2Schema.of(target).get("tables"));
            assertEquals(List.of(List.of("PUBLIC")), H2Schema.of(target).get("schemas"));
        }
    }

    @Test
    void exportIntoANonEmptyDirectory() throws Exception {
        Path occupied = Files.createDirectories(temp.resolve("occupied"));
        Files.writeString(occupied.resolve("keep.txt"), "mine");
        SQLException error = refused(source, "EXPORT DATABASE '" + occupied + "'");
        assertTrue(error.getMessage().contains("not an empty directory"), error.getMessage());
        assertEquals(List.of(occupied.resolve("keep.txt")), list(occupied));

        Path file = Files.writeString(temp.resolve("a-file"), "x");
        refused(source, "EXPORT DATABASE '" + file + "'");
        assertEquals("x", Files.readString(file));
    }

    @Test
    void exportIntoAnEmptyDirectoryIsFine() throws Exception {
        Path empty = Files.createDirectories(temp.resolve("empty"));
        execute(source, "EXPORT DATABASE '" + empty + "'");
        assertTrue(Files.exists(empty.resolve("manifest.json")));
    }

    @Test
    void failedExportLeavesNothingThatLooksComplete() throws Exception {
        Path target = temp.resolve("half");
        FerryConnection ferry = source.unwrap(FerryConnection.class);
        ferry.setProgressListener(new ProgressListener() {
            private int tables;

            @Override
            public void tableFinished(String table, long rows, long bytes) {
                if (++tables == 2) {
                    throw new IllegalStateException("disk full (simulated)");
                }
            }
        });
        boolean autoCommit = source.getAutoCommit();
        int isolation = source.getTransactionIsolation();
        SQLException error = refused(source, "EXPORT DATABASE '" + target + "'");
        assertTrue(error.getMessage().contains("disk full"), error.getMessage());
        assertFalse(Files.exists(target));
        assertEquals(List.of("export"), list(temp).stream().map(p -> p.getFileName().toString()).toList());
        assertEquals(autoCommit, source.getAutoCommit());
        assertEquals(isolation, source.getTransactionIsolation());
        assertFalse(source.isReadOnly());
    }

    @Test
    void importIntoADatabaseWithTables() throws Exception {
        SQLException error = refused(source, "IMPORT DATABASE '" + export + "'");
        assertTrue(error.getMessage().contains("only into an empty database"), error.getMessage());
    }

    @Test
    void importIntoADatabaseWithOnlyAViewOrASequence() throws Exception {
        for (String object : new String[] {"CREATE VIEW v AS SELECT 1 AS one", "CREATE SEQUENCE s"}) {
            try (Connection target = DriverManager.getConnection(TestDatabases.newH2Url())) {
                execute(target, object);
                SQLException error = refused(target, "IMPORT DATABASE '" + export + "'");
                assertTrue(error.getMessage().contains("only into an empty database"), error.getMessage());
            }
        }
    }

    @Test
    void importOfAMissingDirectory() throws Exception {
        export = temp.resolve("nowhere");
        assertImportRefusedAndDatabaseEmpty("is not a directory");
    }

    @Test
    void importOfADirectoryWithoutManifest() throws Exception {
        Files.delete(export.resolve("manifest.json"));
        assertImportRefusedAndDatabaseEmpty("has no manifest.json");
    }

    @Test
    void importOfADirectoryLackingAScript() throws Exception {
        Files.delete(export.resolve("post-data.sql"));
        assertImportRefusedAndDatabaseEmpty("lacks its script post-data.sql");
    }

    @Test
    void importWithAMissingDataFile() throws Exception {
        Files.delete(export.resolve("data/public.child/part-0001.csv"));
        assertImportRefusedAndDatabaseEmpty("data file data/public.child/part-0001.csv of table PUBLIC.CHILD is missing");
    }

    @Test
    void importWithADataFileOfAnotherSize() throws Exception {
        Files.writeString(export.resolve("data/public.parent/part-0001.csv"), "\"4\",\"w\",\n", java.nio.file.StandardOpenOption.APPEND);
        assertImportRefusedAndDatabaseEmpty("data/public.parent/part-0001.csv of table PUBLIC.PARENT has");
    }

    @Test
    void importWithADataFileAlteredInPlace() throws Exception {
        Path file = export.resolve("data/public.parent/part-0001.csv");
        String csv = Files.readString(file);
        String altered = csv.replace("\"y'z\"", "\"y'Z\"");
        assertFalse(csv.equals(altered), "the test's edit of the data file did not apply");
        Files.writeString(file, altered);
        assertImportRefusedAndDatabaseEmpty("does not match its checksum");
    }

    @Test
    void importWhoseRowCountDiffersFromTheManifest() throws Exception {
        Path manifest = export.resolve("manifest.json");
        String json = Files.readString(manifest);
        String altered = json.replaceFirst("(\"file\" : \"data/public.parent/part-0001.csv\",\\s*\"rows\" : )3", "$14");
        assertFalse(json.equals(altered), "the test's edit of the manifest did not apply");
        Files.writeString(manifest, altered);
        assertImportRefusedAndDatabaseEmpty("held 3 rows for \"PUBLIC\".\"PARENT\", the manifest says 4");
    }

    @Test
    void failedImportLeavesTheDatabaseAsItWas() throws Exception {
        Files.writeString(export.resolve("post-data.sql"), "CREATE INDEX broken ON no_such_table (x);\n",
                java.nio.file.StandardOpenOption.APPEND);
        assertImportRefusedAndDatabaseEmpty("post-data.sql in " + export + " differ from what the export wrote");
        assertImportRefusedAndDatabaseEmpty("post-data.sql line", " (ALLOW_EDITED_SCRIPTS)");
    }

    @Test
    void unknownOptionListsTheValidOnes() throws Exception {
        SQLException error = refused(source, "EXPORT DATABASE '" + temp.resolve("x") + "' (ROW_GROUP_SIZE 10)");
        assertEquals("22023", error.getSQLState());
        assertTrue(error.getMessage().contains("valid options: FORMAT"), error.getMessage());
        SQLException codec = refused(source, "EXPORT DATABASE '" + temp.resolve("x") + "' (COMPRESSION snappy)");
        assertEquals("22023", codec.getSQLState());
        assertTrue(codec.getMessage().contains("Invalid COMPRESSION 'snappy' for FORMAT csv; valid: gzip, zstd"),
                codec.getMessage());
        assertFalse(Files.exists(temp.resolve("x")));
    }

    /** Nanosecond timestamps in Parquet reach from 1677 to 2262: a later one stops the export, which leaves nothing. */
    @Test
    void aValueParquetCannotHoldStopsTheExport() throws Exception {
        execute(source, "CREATE TABLE far (id INT PRIMARY KEY, at TIMESTAMP(9))",
                "INSERT INTO far VALUES (1, TIMESTAMP '2024-01-01 00:00:00.000000001'),"
                        + " (2, TIMESTAMP '3000-01-01 00:00:00.000000001')");
        try {
            SQLException error = refused(source, "EXPORT DATABASE '" + temp.resolve("p") + "' (FORMAT parquet)");
            assertEquals("22000", error.getSQLState());
            assertTrue(error.getMessage().contains("\"FAR\" failed at row 2, column AT: 3000-01-01T00:00:00.000000001"
                    + " is beyond the range of a Parquet timestamp in nanos (years 1677 to 2262)"), error.getMessage());
            assertFalse(Files.exists(temp.resolve("p")));
        } finally {
            execute(source, "DROP TABLE far");
        }
    }

    @Test
    void whatIsNotCarriedIsAWarning() throws Exception {
        execute(source, "CREATE SYNONYM parents FOR parent");
        try (Statement statement = source.createStatement()) {
            statement.execute("EXPORT DATABASE '" + temp.resolve("warned") + "'");
            StringBuilder warnings = new StringBuilder();
            for (SQLWarning w = statement.getWarnings(); w != null; w = w.getNextWarning()) {
                warnings.append(w.getMessage()).append('\n');
            }
            assertTrue(warnings.toString().contains("SYNONYM PUBLIC.PARENTS is not exported"), warnings.toString());
        }
        assertTrue(Files.readString(temp.resolve("warned").resolve("manifest.json")).contains("SYNONYM PUBLIC.PARENTS"));
    }

    private static List<Path> list(Path directory) throws Exception {
        try (Stream<Path> files = Files.list(directory)) {
            return files.sorted().toList();
        }
    }
}
