package dev.ferry.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.SQLWarning;
import java.sql.Statement;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Where an export goes and what an import reads (issue 14, items 2, 4 and 5): data files from inside the export
 * directory alone; onto a symbolic link to an empty directory, into the directory it
 * points to, the link kept (it was replaced by a directory); a path with a URI scheme other than file:// is a Hadoop
 * URI, never a local directory named after the scheme ({@code ./s3a:/bucket/out}); a file:// URI is its local path; a
 * killed export's hidden staging directory is removed by the next export to the same directory, with a warning.
 */
class ExportPathsIT {
    @TempDir
    Path temp;

    private Connection database() throws SQLException {
        Connection connection = DriverManager.getConnection("jdbc:ferry:h2:mem:" + UUID.randomUUID());
        try (Statement s = connection.createStatement()) {
            s.execute("CREATE TABLE t (id INT PRIMARY KEY)");
            s.execute("INSERT INTO t VALUES (1), (2)");
        }
        return connection;
    }

    @Test
    void anExportOntoALinkToAnEmptyDirectoryFillsTheDirectoryAndKeepsTheLink() throws Exception {
        Path real = Files.createDirectory(temp.resolve("real"));
        Path link = Files.createSymbolicLink(temp.resolve("link"), real);
        try (Connection c = database(); Statement s = c.createStatement()) {
            s.execute("EXPORT DATABASE '" + link + "'");
        }
        assertTrue(Files.isSymbolicLink(link), "the link is still a link");
        assertTrue(Files.exists(real.resolve("manifest.json")), "the export is where the link points");
    }

    /**
     * Issue 15: a URI is a Hadoop file system's (HdfsIT, S3IT), never a local directory named after its scheme; a
     * scheme no Hadoop FileSystem on the class path serves is refused, naming it.
     */
    @Test
    void aPathOnAFileSystemNobodyServesIsRefusedAndNothingIsWritten() throws Exception {
        try (Connection c = database(); Statement s = c.createStatement()) {
            for (String statement : new String[] {"EXPORT DATABASE 'foo://bucket/out'", "IMPORT DATABASE 'gs://nn/x'",
                    "COPY t TO 'gs://bucket/t.csv'"}) {
                SQLException refused = assertThrows(SQLException.class, () -> s.execute(statement));
                assertEquals("0A000", refused.getSQLState(), statement);
                assertTrue(refused.getMessage().contains("file system, which no Hadoop FileSystem on the class path"
                        + " serves (No FileSystem for scheme"), refused::getMessage);
            }
        }
        assertFalse(Files.exists(Path.of("foo:")), "no local directory named after the scheme");
        assertFalse(Files.exists(Path.of("gs:")));
    }

    /** Issue 14, item 2: a killed export's hidden staging directory was never removed nor mentioned. */
    @Test
    void theNextExportToTheSameDirectoryRemovesWhatAKilledOneLeftAndSaysSo() throws Exception {
        Path leftover = Files.createDirectories(temp.resolve(".out.ferry-partial-1234"));
        Files.writeString(leftover.resolve("public.t.csv"), "id\n1\n");
        Path other = Files.createDirectories(temp.resolve(".other.ferry-partial-1234"));
        try (Connection c = database(); Statement s = c.createStatement()) {
            s.execute("EXPORT DATABASE '" + temp.resolve("out") + "'");
            String warnings = "";
            for (SQLWarning w = s.getWarnings(); w != null; w = w.getNextWarning()) {
                warnings += "\n" + w.getMessage();
            }
            assertTrue(warnings.contains("Removed " + leftover + ", 1 file(s), 5 bytes, left by an export to the same"
                    + " directory that did not finish"), warnings);
        }
        assertFalse(Files.exists(leftover));
        assertTrue(Files.exists(other), "another target's staging directory is not touched");
        assertTrue(Files.exists(temp.resolve("out").resolve("manifest.json")));
    }

    /**
     * Issue 14, item 4: a manifest.json and load.sql edited together to name a file outside the export read it into a
     * table. The name is refused before anything is read or created, however well its size and checksum match.
     */
    @Test
    void aDataFileOutsideTheExportIsRefusedWhateverTheManifestSays() throws Exception {
        Path export = temp.resolve("edited");
        try (Connection c = database(); Statement s = c.createStatement()) {
            s.execute("EXPORT DATABASE '" + export + "'");
        }
        String dataFile;
        try (var files = Files.walk(export)) {
            dataFile = files.map(p -> export.relativize(p).toString()).filter(n -> n.endsWith(".csv")).findFirst()
                    .orElseThrow();
        }
        Files.move(export.resolve(dataFile), temp.resolve("secret.csv"));
        for (String script : new String[] {"manifest.json", "load.sql"}) {
            Path file = export.resolve(script);
            Files.writeString(file, Files.readString(file).replace(dataFile, "../secret.csv"));
        }
        try (Connection c = DriverManager.getConnection("jdbc:ferry:h2:mem:" + UUID.randomUUID());
             Statement s = c.createStatement()) {
            SQLException refused = assertThrows(SQLException.class, () -> s.execute("IMPORT DATABASE '" + export + "' (ALLOW_EDITED_SCRIPTS)"));
            assertEquals("42000", refused.getSQLState(), refused::getMessage);
            assertTrue(refused.getMessage().contains("names the data file '../secret.csv', which is outside the export"
                    + " directory"), refused::getMessage);
            try (var tables = c.getMetaData().getTables(null, "PUBLIC", "T", null)) {
                assertFalse(tables.next(), "nothing was created");
            }
        }
    }

    @Test
    void aFileUriIsItsLocalPath() throws Exception {
        Path out = temp.resolve("by uri");
        try (Connection c = database(); Statement s = c.createStatement()) {
            s.execute("EXPORT DATABASE '" + out.toUri() + "'");
        }
        assertTrue(Files.exists(out.resolve("manifest.json")));
    }
}
