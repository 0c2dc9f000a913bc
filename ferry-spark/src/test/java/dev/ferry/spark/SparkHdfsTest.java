package dev.ferry.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ferry.core.model.options.ExportOptions;
import dev.ferry.core.model.options.ImportOptions;
import java.net.URI;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.LocatedFileStatus;
import org.apache.hadoop.fs.RemoteIterator;
import org.apache.hadoop.hdfs.DistributedFileSystem;
import org.apache.hadoop.hdfs.MiniDFSCluster;
import org.apache.hadoop.hdfs.protocol.HdfsConstants;
import org.apache.spark.api.java.JavaSparkContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Spark's tasks write an export to a real HDFS (Hadoop's MiniDFSCluster, a name node and a data node in this JVM) and
 * load it back from there; Ferry's own IMPORT DATABASE loads the same directory; an export that HDFS refuses halfway
 * (a directory's quota of names) leaves nothing behind.
 */
class SparkHdfsTest {
    @TempDir
    static Path clusterDirectory;

    private static MiniDFSCluster cluster;
    private static DistributedFileSystem hdfs;

    private final JavaSparkContext spark = LocalSpark.get();

    @BeforeAll
    static void startCluster() throws Exception {
        Configuration configuration = new Configuration();
        configuration.set(MiniDFSCluster.HDFS_MINIDFS_BASEDIR, clusterDirectory.toString());
        cluster = new MiniDFSCluster.Builder(configuration).numDataNodes(1).build();
        cluster.waitActive();
        hdfs = cluster.getFileSystem();
    }

    @AfterAll
    static void stopCluster() throws Exception {
        if (cluster != null) {
            cluster.shutdown();
        }
        Servers.dropCreated();
    }

    @ParameterizedTest
    @EnumSource(Servers.class)
    void exportedToHdfsAndLoadedBackBySparkAndByFerry(Servers server) throws Exception {
        JdbcSource source = SampleDatabase.create(server, "ferry_spark_src");
        URI export = URI.create(hdfs.getUri() + "/exports/" + server.name().toLowerCase());
        SparkExport.run(spark, source, export, ExportOptions.from(Map.of("FORMAT", "parquet", "CHUNK_ROWS", "1000")),
                Map.of());
        List<String> files = files(export.getPath());
        assertTrue(files.contains("manifest.json") && files.contains("load.sql"), files.toString());
        assertEquals(5, files.stream().filter(file -> file.matches("data/(public\\.)?orders/part-000\\d\\.parquet"))
                .count(), files.toString());
        assertFalse(files.stream().anyMatch(file -> file.contains("ferry-export-writing")
                || file.startsWith(WriteDataFile.ATTEMPTS)), files.toString());

        JdbcSource bySpark = server.freshDatabase("ferry_spark_dst");
        SparkImport.run(spark, bySpark, export, ImportOptions.from(Map.of()), Map.of());
        SampleDatabase.assertSameRows(server, source, bySpark);

        JdbcSource byFerry = server.freshDatabase("ferry_spark_dst2");
        try (Connection ferry = SampleDatabase.ferry(byFerry); Statement statement = ferry.createStatement()) {
            statement.execute("IMPORT DATABASE '" + export + "'");
        }
        SampleDatabase.assertSameRows(server, source, byFerry);
    }

    @ParameterizedTest
    @EnumSource(Servers.class)
    void anExportHdfsRefusesHalfwayLeavesNothing(Servers server) throws Exception {
        JdbcSource source = SampleDatabase.create(server, "ferry_spark_src");
        String parent = "/quota-" + server.name().toLowerCase();
        hdfs.mkdirs(new org.apache.hadoop.fs.Path(parent));
        // The parent, the export's directory, its marker, data/, two table folders and two files fit; the rest not.
        hdfs.setQuota(new org.apache.hadoop.fs.Path(parent), 8, HdfsConstants.QUOTA_DONT_SET);
        URI export = URI.create(hdfs.getUri() + parent + "/export");

        SQLException refused = assertThrows(SQLException.class, () -> SparkExport.run(spark, source, export,
                ExportOptions.from(Map.of("CHUNK_ROWS", "1000")), Map.of()));
        assertTrue(refused.getMessage().startsWith("EXPORT DATABASE to " + export + " failed: Cannot write " + export
                + "/" + WriteDataFile.ATTEMPTS + "/data/") && refused.getMessage().contains("quota"),
                refused.getMessage());
        assertEquals("58030", refused.getSQLState(), "the task's own SQLState");
        assertEquals(List.of(), files(parent), "what the export and its tasks wrote is gone");
    }

    /** The files under {@code directory} on HDFS, relative to it; empty where it does not exist. */
    private static List<String> files(String directory) throws Exception {
        List<String> files = new ArrayList<>();
        org.apache.hadoop.fs.Path root = hdfs.makeQualified(new org.apache.hadoop.fs.Path(directory));
        if (!hdfs.exists(root)) {
            return files;
        }
        RemoteIterator<LocatedFileStatus> listing = hdfs.listFiles(root, true);
        while (listing.hasNext()) {
            files.add(root.toUri().relativize(listing.next().getPath().toUri()).getPath());
        }
        files.sort(null);
        return files;
    }
}
