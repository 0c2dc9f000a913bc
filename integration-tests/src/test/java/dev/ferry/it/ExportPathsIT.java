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
import java.sql.Statement;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Where an export goes (issue 14, item 5): onto a symbolic link to an empty directory, into the directory it points
 * to, the link kept (it was replaced by a directory); a path with a URI scheme other than file:// is refused, not
 * written to a local directory named after the scheme ({@code ./s3a:/bucket/out}); a file:// URI is its local path.
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

    @Test
    void aPathOnAnotherFileSystemIsRefusedAndNothingIsWritten() throws Exception {
        try (Connection c = database(); Statement s = c.createStatement()) {
            for (String statement : new String[] {"EXPORT DATABASE 's3a://bucket/out'", "IMPORT DATABASE 'hdfs://nn/x'",
                    "COPY t TO 'gs://bucket/t.csv'"}) {
                SQLException refused = assertThrows(SQLException.class, () -> s.execute(statement));
                assertEquals("0A000", refused.getSQLState(), statement);
                assertTrue(refused.getMessage().contains("file system, which Ferry cannot read or write yet"),
                        refused::getMessage);
            }
        }
        assertFalse(Files.exists(Path.of("s3a:")), "no local directory named after the scheme");
        assertFalse(Files.exists(Path.of("gs:")));
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
