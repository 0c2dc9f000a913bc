package dev.ferry.core.operation.location.hadoop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.sql.SQLException;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The core's tests run without Hadoop on the class path (its pom keeps Hadoop's client off it), as ferry.jar does: a
 * Hadoop URI is then refused naming the jars to add.
 */
class HadoopFileSystemsTest {

    @Test
    void withoutHadoopAUriIsRefusedNamingTheJarsToAdd() {
        assertFalse(HadoopFileSystems.hadoopPresent());
        SQLException hdfs = assertThrows(SQLException.class,
                () -> HadoopFileSystems.open(URI.create("hdfs://nn:8020/x"), Map.of(), "directory for IMPORT DATABASE"));
        assertEquals("0A000", hdfs.getSQLState());
        assertEquals("The directory for IMPORT DATABASE 'hdfs://nn:8020/x' is on the hdfs file system, which Ferry"
                + " reaches through Hadoop's FileSystem API, and Hadoop is not on the class path: add "
                + HadoopFileSystems.CLIENT_JARS + "; or give a local path", hdfs.getMessage());

        SQLException s3 = assertThrows(SQLException.class,
                () -> HadoopFileSystems.open(URI.create("S3A://bucket/x.csv"), Map.of(), "file for COPY"));
        assertTrue(s3.getMessage().endsWith(", and for s3a:// " + HadoopFileSystems.S3A_JARS + "; or give a local path"),
                s3.getMessage());
    }
}
