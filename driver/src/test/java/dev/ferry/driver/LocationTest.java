package dev.ferry.driver;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.file.Path;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;

/** A statement's path is local, or a file:// URI; any other scheme is a Hadoop URI, never a local directory. */
class LocationTest {

    @Test
    void aPlainPathAndAFileUriAreLocal() throws SQLException {
        Location plain = Location.of("out/dir", "directory for EXPORT DATABASE");
        assertEquals(Path.of("out/dir"), plain.local());
        assertFalse(plain.isRemote());
        assertEquals(Path.of("/tmp/out dir"), Location.of("file:///tmp/out%20dir", "directory for EXPORT DATABASE").local());
    }

    @Test
    void anotherSchemeIsAHadoopUri() throws SQLException {
        Location s3 = Location.of("s3a://bucket/out", "directory for EXPORT DATABASE");
        assertTrue(s3.isRemote());
        assertNull(s3.local());
        assertEquals(URI.create("s3a://bucket/out"), s3.remote());
        assertEquals(URI.create("foo://x"), Location.of("foo://x", "file for COPY").remote());
        assertEquals(URI.create("s3a://Bucket/Out"), Location.of("S3A://Bucket/Out", "file for COPY").remote());
        assertEquals(URI.create("hdfs:/user/out"), Location.of("hdfs:/user/out", "file for COPY").remote());
        assertEquals(URI.create("s3a:/bucket/out"), Location.of("s3a:/bucket/out", "file for COPY").remote());
    }

    @Test
    void aWindowsDriveAndAFileUriWithOneSlashAreLocal() throws SQLException {
        assertFalse(Location.of("C:/exports/out", "directory for EXPORT DATABASE").isRemote());
        assertEquals(Path.of("/tmp/out"), Location.of("file:/tmp/out", "directory for EXPORT DATABASE").local());
    }

    @Test
    void aFileUriThatIsNotAPathIsAnInvalidParameter() {
        assertEquals("22023", assertThrows(SQLException.class,
                () -> Location.of("file://host/share/x", "file for COPY")).getSQLState());
        assertEquals("22023", assertThrows(SQLException.class,
                () -> Location.of("hdfs://nn/a b", "file for COPY")).getSQLState());
    }
}
