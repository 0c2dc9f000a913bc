package dev.ferry.it.hadoop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FSDataOutputStream;
import org.apache.hadoop.fs.LocatedFileStatus;
import org.apache.hadoop.fs.RemoteIterator;
import org.apache.hadoop.fs.permission.FsPermission;
import org.apache.hadoop.hdfs.DistributedFileSystem;
import org.apache.hadoop.hdfs.MiniDFSCluster;
import org.apache.hadoop.hdfs.protocol.HdfsConstants;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * EXPORT, IMPORT and COPY on HDFS (issue 15): a real HDFS, Hadoop's MiniDFSCluster (a name node and a data node in this
 * JVM), started once for the class.
 */
class HdfsIT {
    @TempDir
    static Path clusterDirectory;

    private static MiniDFSCluster cluster;
    private static DistributedFileSystem hdfs;
    private static String root;

    @TempDir
    Path temp;

    private Path spool;
    private String base;

    @BeforeAll
    static void startCluster() throws Exception {
        Configuration configuration = new Configuration();
        configuration.set(MiniDFSCluster.HDFS_MINIDFS_BASEDIR, clusterDirectory.toString());
        cluster = new MiniDFSCluster.Builder(configuration).numDataNodes(1).build();
        cluster.waitActive();
        hdfs = cluster.getFileSystem();
        root = hdfs.getUri().toString();
    }

    @AfterAll
    static void stopCluster() {
        if (cluster != null) {
            cluster.shutdown();
        }
    }

    @BeforeEach
    void directories() throws Exception {
        spool = Files.createDirectory(temp.resolve("spool"));
        base = root + "/t-" + UUID.randomUUID();
    }

    private Properties properties() {
        Properties properties = new Properties();
        properties.setProperty("ferry.spool", spool.toString());
        return properties;
    }

    private Connection newH2() throws SQLException {
        return HadoopSample.newH2(properties());
    }

    @ParameterizedTest
    @ValueSource(strings = {"csv", "parquet"})
    void exportThenImport_throughHdfs(String format) throws Exception {
        String export = base + "/export-" + format;
        List<List<Object>> expected;
        try (Connection source = newH2(); Statement statement = source.createStatement()) {
            HadoopSample.create(source);
            expected = HadoopSample.contents(source);
            statement.execute("EXPORT DATABASE '" + export + "' (FORMAT " + format + ")");
        }
        List<String> files = files(export);
        assertTrue(files.contains("manifest.json"), files.toString());
        assertTrue(files.contains("schema.sql"), files.toString());
        assertTrue(files.stream().anyMatch(f -> f.endsWith("." + format) && f.toLowerCase().contains("orders")), files.toString());
        assertFalse(files.contains(".ferry-export-writing"), files.toString());
        assertSpoolIsEmpty();

        try (Connection target = newH2(); Statement statement = target.createStatement()) {
            statement.execute("IMPORT DATABASE '" + export + "'");
            assertEquals(expected, HadoopSample.contents(target));
            List<String> statuses = new java.util.ArrayList<>();
            try (java.sql.ResultSet verified = statement.executeQuery("VERIFY DATABASE '" + export + "'")) {
                while (verified.next()) {
                    statuses.add(verified.getString("table_name") + " " + verified.getString("status"));
                }
            }
            assertFalse(statuses.isEmpty());
            assertTrue(statuses.stream().allMatch(status -> status.endsWith(" ok")), statuses.toString());
            statement.execute("DELETE FROM orders WHERE id = (SELECT MIN(id) FROM orders)");
            try (java.sql.ResultSet verified = statement.executeQuery("VERIFY DATABASE '" + export + "'")) {
                statuses.clear();
                while (verified.next()) {
                    statuses.add(verified.getString("table_name") + " " + verified.getString("status"));
                }
            }
            assertTrue(statuses.stream().anyMatch(status -> status.toLowerCase().contains("orders")
                    && status.endsWith(" differs")), statuses.toString());
        }
        assertSpoolIsEmpty();
    }

    @Test
    void copyToAndFromHdfs_inBothFormats_andAnExistingFileIsNotOverwritten() throws Exception {
        try (Connection connection = newH2(); Statement statement = connection.createStatement()) {
            HadoopSample.create(connection);
            List<List<Object>> expected = HadoopSample.rows(connection, "SELECT * FROM customer ORDER BY id");
            for (String file : List.of(base + "/copy/customer.csv", base + "/copy/customer.parquet")) {
                statement.execute("COPY customer TO '" + file + "'");
                assertTrue(hdfs.getFileStatus(new org.apache.hadoop.fs.Path(file)).getLen() > 0, file);
                statement.execute("CREATE TABLE back AS SELECT * FROM customer WITH NO DATA");
                statement.execute("COPY back FROM '" + file + "'");
                assertEquals(expected, HadoopSample.rows(connection, "SELECT * FROM back ORDER BY id"), file);
                statement.execute("DROP TABLE back");

                SQLException refused = assertThrows(SQLException.class,
                        () -> statement.execute("COPY customer TO '" + file + "'"));
                assertEquals("42000", refused.getSQLState(), refused.getMessage());
                assertTrue(refused.getMessage().contains(file), refused.getMessage());
            }
            assertEquals(List.of("customer.csv", "customer.parquet"), files(base + "/copy"), "no partial file is left");

            SQLException missing = assertThrows(SQLException.class,
                    () -> statement.execute("COPY customer FROM '" + base + "/copy/none.csv'"));
            assertEquals("58030", missing.getSQLState());
            assertEquals("COPY cannot read " + base + "/copy/none.csv: it does not exist", missing.getMessage());
        }
        assertSpoolIsEmpty();
    }

    @Test
    void anExportIntoADirectoryThatIsNotEmptyIsRefused_andAnEmptyOneIsUsed() throws Exception {
        write(base + "/taken/notes.txt", "mine");
        try (Connection source = newH2(); Statement statement = source.createStatement()) {
            HadoopSample.create(source);
            SQLException refused = assertThrows(SQLException.class,
                    () -> statement.execute("EXPORT DATABASE '" + base + "/taken'"));
            assertEquals("42000", refused.getSQLState());
            assertEquals("EXPORT DATABASE refuses to write into " + base + "/taken: it exists and is not an empty"
                    + " directory", refused.getMessage());
            assertEquals(List.of("notes.txt"), files(base + "/taken"));

            hdfs.mkdirs(new org.apache.hadoop.fs.Path(base + "/empty"));
            statement.execute("EXPORT DATABASE '" + base + "/empty'");
            assertTrue(files(base + "/empty").contains("manifest.json"));
        }
    }

    /**
     * A failure in the middle of the upload (the directory's HDFS name quota runs out after a few files) ends the
     * export with the file system's reason, and removes what it had uploaded: nothing is left for IMPORT to take.
     */
    @Test
    void anUploadThatFailsHalfwayRemovesWhatItUploaded() throws Exception {
        org.apache.hadoop.fs.Path limited = new org.apache.hadoop.fs.Path(base + "/limited");
        hdfs.mkdirs(limited);
        // The quota counts the directory itself, the export's directory, its marker file and one file more.
        hdfs.setQuota(limited, 4, HdfsConstants.QUOTA_DONT_SET);
        String export = base + "/limited/out";
        try (Connection source = newH2(); Statement statement = source.createStatement()) {
            HadoopSample.create(source);
            SQLException failed = assertThrows(SQLException.class,
                    () -> statement.execute("EXPORT DATABASE '" + export + "'"));
            assertEquals("58030", failed.getSQLState(), failed.getMessage());
            assertTrue(failed.getMessage().startsWith("Cannot write " + export + "/"), failed.getMessage());
            assertTrue(failed.getMessage().contains(": out of quota or space (The NameSpace quota (directories and"
                    + " files) of directory " + limited.toUri().getPath() + " is exceeded"), failed.getMessage());
            assertFalse(failed.getMessage().contains("\tat "), failed.getMessage());
        }
        assertFalse(hdfs.exists(new org.apache.hadoop.fs.Path(export)), "what was uploaded is removed");
        assertSpoolIsEmpty();
        try (Connection target = newH2(); Statement statement = target.createStatement()) {
            SQLException refused = assertThrows(SQLException.class,
                    () -> statement.execute("IMPORT DATABASE '" + export + "'"));
            assertEquals("IMPORT DATABASE: " + export + " does not exist", refused.getMessage());
        }
    }

    /**
     * An export killed (SIGKILL) while it uploads leaves files but no manifest, which is uploaded last: IMPORT refuses
     * the directory, and a new export into it is refused too. The command line runs in a JVM of its own with Hadoop's
     * client jars beside ferry.jar, as a user runs it.
     */
    @Test
    void anExportKilledWhileItUploadsLeavesNoManifest_andImportRefusesIt() throws Exception {
        Path database = manyTables("many", 150, 20);
        String export = base + "/killed";
        org.apache.hadoop.fs.Path target = new org.apache.hadoop.fs.Path(export);
        // A killed process cannot delete its spool: this one is the test's.
        FerryProcess process = FerryProcess.start(temp, List.of(), "jdbc:h2:" + database,
                "--property", "ferry.spool=" + temp.resolve("killed-spool"), "-c", "EXPORT DATABASE '" + export + "'");
        boolean killed = false;
        long deadline = System.nanoTime() + 120_000_000_000L;
        while (process.isAlive() && System.nanoTime() < deadline) {
            // The marker is there from the start; a second file means the upload has begun.
            if (hdfs.exists(target) && hdfs.listStatus(target).length > 1) {
                process.kill();
                killed = true;
                break;
            }
            Thread.sleep(5);
        }
        assertTrue(killed, "the export ended before it could be killed while uploading:\n" + process);
        assertTrue(files(export).size() > 1, files(export).toString());
        assertFalse(files(export).contains("manifest.json"), files(export).toString());

        try (Connection connection = newH2(); Statement statement = connection.createStatement()) {
            SQLException refused = assertThrows(SQLException.class,
                    () -> statement.execute("IMPORT DATABASE '" + export + "'"));
            assertEquals("42000", refused.getSQLState());
            assertEquals("IMPORT DATABASE: " + export + " has no manifest.json; it is not a complete Ferry export (an"
                    + " export that failed or is still being written has none: the manifest is written last)",
                    refused.getMessage());
            HadoopSample.create(connection);
            SQLException again = assertThrows(SQLException.class,
                    () -> statement.execute("EXPORT DATABASE '" + export + "'"));
            assertEquals("42000", again.getSQLState());
        }
    }

    /**
     * An import from HDFS killed halfway (SIGKILL, command line in its own JVM) goes on with IMPORT ... (RESUME) from
     * the same URI: the export is downloaded again into a new spool, and the import's journal knows it by its digest,
     * not by its path.
     */
    @Test
    void anImportKilledHalfwayResumesFromTheSameUri() throws Exception {
        // Few files (each costs the MiniDFSCluster about 150 ms to write), each long enough to load to be killed among.
        Path source = manyTables("resume-source", 12, 5000);
        String export = base + "/for-resume";
        try (Connection connection = DriverManager.getConnection("jdbc:ferry:h2:" + source, properties());
             Statement statement = connection.createStatement()) {
            statement.execute("EXPORT DATABASE '" + export + "'");
        }
        // AUTO_SERVER: the test watches the import's journal while the command line holds the database; WRITE_DELAY=0:
        // what H2 committed is on disk when the process is killed (by default H2 writes it up to half a second later).
        String target = "jdbc:h2:" + temp.resolve("resume-target") + ";AUTO_SERVER=TRUE;WRITE_DELAY=0";
        FerryProcess process = FerryProcess.start(temp, List.of(), target,
                "--property", "ferry.spool=" + temp.resolve("killed-spool"), "-c", "IMPORT DATABASE '" + export + "'");
        boolean killed = false;
        long deadline = System.nanoTime() + 120_000_000_000L;
        while (process.isAlive() && System.nanoTime() < deadline && !killed) {
            // Only once the command line holds the database (its lock file names its server), never creating it.
            if (Files.exists(temp.resolve("resume-target.lock.db")) && loadedFiles(target + ";IFEXISTS=TRUE") >= 3) {
                process.kill();
                killed = true;
            }
            Thread.sleep(20);
        }
        assertTrue(killed, "the import ended before it could be killed halfway:\n" + process);

        try (Connection connection = DriverManager.getConnection("jdbc:ferry:" + target.substring(5), properties());
             Statement statement = connection.createStatement()) {
            statement.execute("IMPORT DATABASE '" + export + "' (RESUME)");
            String warnings = "";
            for (java.sql.SQLWarning w = statement.getWarnings(); w != null; w = w.getNextWarning()) {
                warnings += "\n" + w.getMessage();
            }
            assertTrue(warnings.contains("RESUME: continued it"), warnings);
            for (int i = 0; i < 12; i++) {
                assertEquals(List.of(List.of("5000", "12502500")),
                        HadoopSample.rows(connection, "SELECT COUNT(*), SUM(id) FROM t" + i), "t" + i);
            }
        }
        assertSpoolIsEmpty();
    }

    /** How many data files the running import's journal says it loaded; 0 before it has one. */
    private static int loadedFiles(String url) {
        try (Connection connection = DriverManager.getConnection(url);
             Statement statement = connection.createStatement()) {
            List<List<Object>> journal = HadoopSample.rows(connection, "SELECT TABLE_NAME FROM INFORMATION_SCHEMA.TABLES"
                    + " WHERE LOWER(TABLE_NAME) = 'ferry_import_journal'");
            if (journal.isEmpty()) {
                return 0;
            }
            return Integer.parseInt((String) HadoopSample.rows(connection, "SELECT COUNT(*) FROM \"" + journal.get(0).get(0)
                    + "\" WHERE entry = 'loaded'").get(0).get(0));
        } catch (SQLException notYet) {
            return 0;
        }
    }

    /** An H2 database file of {@code tables} tables t0, t1, ... of {@code rows} rows. */
    private Path manyTables(String name, int tables, int rows) throws SQLException {
        Path database = temp.resolve(name);
        try (Connection source = DriverManager.getConnection("jdbc:h2:" + database);
             Statement statement = source.createStatement()) {
            for (int i = 0; i < tables; i++) {
                statement.execute("CREATE TABLE t" + i + " (id INT PRIMARY KEY, v VARCHAR(20))");
                statement.execute("INSERT INTO t" + i + " SELECT x, 'v' || x FROM SYSTEM_RANGE(1, " + rows + ")");
            }
        }
        return database;
    }

    /** As another user, through the command line: HDFS's permissions refuse the write, and the message says so. */
    @Test
    void aDeniedWriteIsAClearError() throws Exception {
        org.apache.hadoop.fs.Path locked = new org.apache.hadoop.fs.Path(base + "/locked");
        hdfs.mkdirs(locked, new FsPermission((short) 0755));
        hdfs.setPermission(locked, new FsPermission((short) 0755));
        String export = base + "/locked/out";
        FerryProcess process = FerryProcess.start(temp, List.of("-DHADOOP_USER_NAME=bob"),
                "jdbc:h2:" + temp.resolve("bob"), "--property", "ferry.spool=" + spool, "-c",
                "CREATE TABLE t (id INT PRIMARY KEY); EXPORT DATABASE '" + export + "'");
        assertEquals(1, process.waitFor(), process.toString());
        String error = process.err();
        assertTrue(error.contains("Error: EXPORT DATABASE cannot write to " + export + ": Cannot write " + export
                + "/.ferry-export-writing: permission denied (Permission denied: user=bob, access=WRITE"), error);
        assertTrue(error.contains("[SQLState 42501]"), error);
        assertFalse(error.contains("\tat "), error);
        assertFalse(hdfs.exists(new org.apache.hadoop.fs.Path(export)));
        assertSpoolIsEmpty();
    }

    @Test
    void anUnreachableNameNodeIsAClearError() throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        String export = "hdfs://127.0.0.1:" + port + "/out";
        Properties properties = properties();
        properties.setProperty("ferry.hadoop.ipc.client.connect.max.retries", "0");
        try (Connection source = DriverManager.getConnection(HadoopSample.newH2Url(), properties);
             Statement statement = source.createStatement()) {
            SQLException failed = assertThrows(SQLException.class,
                    () -> statement.execute("EXPORT DATABASE '" + export + "'"));
            assertEquals("58030", failed.getSQLState(), failed.getMessage());
            assertTrue(failed.getMessage().startsWith("Cannot read " + export + ": cannot connect to the file"
                    + " system's server ("), failed.getMessage());
        }
        assertSpoolIsEmpty();
    }

    @Test
    void aSchemeNoFileSystemServesIsRefusedNamingIt_andNoLocalDirectoryIsMade() throws Exception {
        try (Connection source = newH2(); Statement statement = source.createStatement()) {
            for (String sql : List.of("EXPORT DATABASE 'foo://x/out'", "IMPORT DATABASE 'foo://x/out'",
                    "COPY (SELECT 1) TO 'foo://x/one.csv'")) {
                SQLException refused = assertThrows(SQLException.class, () -> statement.execute(sql), sql);
                assertEquals("0A000", refused.getSQLState(), sql);
                assertTrue(refused.getMessage().contains("'foo://x/") && refused.getMessage().contains(
                        "is on the foo file system, which no Hadoop FileSystem on the class path serves (No FileSystem"
                                + " for scheme \"foo\")"), refused.getMessage());
            }
        }
        assertFalse(Files.exists(Path.of("foo:")));
        assertSpoolIsEmpty();
    }

    private void assertSpoolIsEmpty() throws Exception {
        try (var entries = Files.list(spool)) {
            assertEquals(List.of(), entries.toList(), "the spool directory is emptied");
        }
    }

    private static void write(String file, String text) throws Exception {
        try (FSDataOutputStream out = hdfs.create(new org.apache.hadoop.fs.Path(file))) {
            out.write(text.getBytes(StandardCharsets.UTF_8));
        }
    }

    /** The files below {@code directory}, relative, sorted. */
    private static List<String> files(String directory) throws Exception {
        org.apache.hadoop.fs.Path path = hdfs.makeQualified(new org.apache.hadoop.fs.Path(directory));
        String prefix = path.toUri().getPath() + "/";
        List<String> files = new ArrayList<>();
        RemoteIterator<LocatedFileStatus> listing = hdfs.listFiles(path, true);
        while (listing.hasNext()) {
            files.add(listing.next().getPath().toUri().getPath().substring(prefix.length()));
        }
        files.sort(null);
        return files;
    }
}
