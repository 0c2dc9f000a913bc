package dev.ferry.driver;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;

/** A statement's path is local, or a file:// URI; any other scheme is refused, not taken for a local directory. */
class LocalPathTest {

    @Test
    void aPlainPathAndAFileUriAreLocal() throws SQLException {
        assertEquals(Path.of("out/dir"), LocalPath.of("out/dir", "directory for EXPORT DATABASE"));
        assertEquals(Path.of("/tmp/out dir"), LocalPath.of("file:///tmp/out%20dir", "directory for EXPORT DATABASE"));
    }

    @Test
    void anotherSchemeIsRefusedNamingIt() {
        SQLException refused = assertThrows(SQLException.class,
                () -> LocalPath.of("s3a://bucket/out", "directory for EXPORT DATABASE"));
        assertEquals("0A000", refused.getSQLState());
        assertEquals("The directory for EXPORT DATABASE 's3a://bucket/out' is on the s3a file system, which Ferry cannot"
                + " read or write yet: give a local path or a file:// URI", refused.getMessage());
        assertEquals("0A000", assertThrows(SQLException.class,
                () -> LocalPath.of("hdfs://namenode:8020/x.csv", "file for COPY")).getSQLState());
    }

    @Test
    void aFileUriThatIsNotAPathIsAnInvalidParameter() {
        assertEquals("22023", assertThrows(SQLException.class,
                () -> LocalPath.of("file://host/share/x", "file for COPY")).getSQLState());
    }
}
