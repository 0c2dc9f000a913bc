package dev.ferry.it.hadoop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ferry.it.servers.TestServer;
import java.net.URI;
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
import org.gaul.s3proxy.AuthenticationType;
import org.gaul.s3proxy.S3Proxy;
import org.jclouds.ContextBuilder;
import org.jclouds.blobstore.BlobStore;
import org.jclouds.blobstore.BlobStoreContext;
import org.jclouds.blobstore.domain.StorageMetadata;
import org.jclouds.blobstore.options.ListContainerOptions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * EXPORT, IMPORT and COPY on S3 through Hadoop's S3A (issue 15), against S3Proxy, an S3 server in this JVM on
 * 127.0.0.1 keeping its objects in memory, started once for the class. S3A is configured only through Ferry's
 * {@code ferry.hadoop.*} connection properties: endpoint, path-style access, region and credentials.
 */
class S3IT {
    private static final String BUCKET = "ferry";
    private static final String ACCESS_KEY = "ferry-access";
    private static final String SECRET_KEY = "ferry-secret";
    /** The largest object the server takes in one PUT: larger ones fail, the way to fail an upload halfway. */
    private static final long LARGEST_OBJECT = 64 * 1024;

    private static BlobStoreContext context;
    private static BlobStore blobs;
    private static S3Proxy proxy;

    @TempDir
    Path temp;

    private Path spool;
    private String prefix;

    @BeforeAll
    static void startServer() throws Exception {
        context = ContextBuilder.newBuilder("transient").credentials("unused", "unused").build(BlobStoreContext.class);
        blobs = context.getBlobStore();
        blobs.createContainerInLocation(null, BUCKET);
        proxy = S3Proxy.builder().blobStore(blobs).endpoint(URI.create("http://127.0.0.1:0"))
                .awsAuthentication(AuthenticationType.AWS_V2_OR_V4, ACCESS_KEY, SECRET_KEY)
                .maxSinglePartObjectSize(LARGEST_OBJECT).build();
        proxy.start();
        long deadline = System.nanoTime() + 30_000_000_000L;
        while (!proxy.getState().equals("STARTED") && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertEquals("STARTED", proxy.getState());
    }

    @AfterAll
    static void stopServer() throws Exception {
        if (proxy != null) {
            proxy.stop();
        }
        if (context != null) {
            context.close();
        }
    }

    @BeforeEach
    void directories() throws Exception {
        spool = Files.createDirectory(temp.resolve("spool"));
        prefix = "t-" + UUID.randomUUID();
    }

    /** S3A's settings for the server, as Ferry's connection properties; nothing in core-site.xml. */
    private Properties properties(String secretKey) {
        Properties properties = new Properties();
        properties.setProperty("ferry.spool", spool.toString());
        properties.setProperty("ferry.hadoop.fs.s3a.endpoint", "http://127.0.0.1:" + proxy.getPort());
        properties.setProperty("ferry.hadoop.fs.s3a.endpoint.region", "us-east-1");
        properties.setProperty("ferry.hadoop.fs.s3a.path.style.access", "true");
        properties.setProperty("ferry.hadoop.fs.s3a.connection.ssl.enabled", "false");
        properties.setProperty("ferry.hadoop.fs.s3a.aws.credentials.provider",
                "org.apache.hadoop.fs.s3a.SimpleAWSCredentialsProvider");
        properties.setProperty("ferry.hadoop.fs.s3a.access.key", ACCESS_KEY);
        properties.setProperty("ferry.hadoop.fs.s3a.secret.key", secretKey);
        // Failures come back at once rather than after S3A's retries.
        properties.setProperty("ferry.hadoop.fs.s3a.attempts.maximum", "1");
        properties.setProperty("ferry.hadoop.fs.s3a.retry.limit", "1");
        return properties;
    }

    private Connection newH2() throws SQLException {
        return DriverManager.getConnection(HadoopSample.newH2Url(), properties(SECRET_KEY));
    }

    private String uri(String path) {
        return "s3a://" + BUCKET + "/" + prefix + "/" + path;
    }

    @ParameterizedTest
    @ValueSource(strings = {"csv", "parquet"})
    void exportThenImport_throughS3(String format) throws Exception {
        String export = uri("export-" + format);
        List<List<Object>> expected;
        try (Connection source = newH2(); Statement statement = source.createStatement()) {
            HadoopSample.create(source);
            expected = HadoopSample.contents(source);
            statement.execute("EXPORT DATABASE '" + export + "' (FORMAT " + format + ")");
        }
        List<String> objects = objects("export-" + format);
        assertTrue(objects.contains("manifest.json"), objects.toString());
        assertTrue(objects.contains("schema.sql"), objects.toString());
        assertTrue(objects.stream().anyMatch(f -> f.endsWith("." + format) && f.toLowerCase().contains("orders")),
                objects.toString());
        assertFalse(objects.contains(".ferry-export-writing"), objects.toString());
        assertSpoolIsEmpty();

        try (Connection target = newH2(); Statement statement = target.createStatement()) {
            statement.execute("IMPORT DATABASE '" + export + "'");
            assertEquals(expected, HadoopSample.contents(target));
        }
        assertSpoolIsEmpty();
    }

    @Test
    void copyToAndFromS3_inBothFormats() throws Exception {
        try (Connection connection = newH2(); Statement statement = connection.createStatement()) {
            HadoopSample.create(connection);
            List<List<Object>> expected = HadoopSample.rows(connection, "SELECT * FROM orders ORDER BY id");
            for (String name : List.of("orders.csv", "orders.parquet")) {
                statement.execute("COPY orders TO '" + uri("copy/" + name) + "' ");
                statement.execute("CREATE TABLE back AS SELECT * FROM orders WITH NO DATA");
                statement.execute("COPY back FROM '" + uri("copy/" + name) + "'");
                assertEquals(expected, HadoopSample.rows(connection, "SELECT * FROM back ORDER BY id"), name);
                statement.execute("DROP TABLE back");
                SQLException refused = assertThrows(SQLException.class,
                        () -> statement.execute("COPY orders TO '" + uri("copy/" + name) + "'"));
                assertEquals("42000", refused.getSQLState(), refused.getMessage());
            }
            assertEquals(List.of("copy/orders.csv", "copy/orders.parquet"), objects(""), "no partial object is left");
        }
        assertSpoolIsEmpty();
    }

    /** PostgreSQL to S3 in Parquet, and back into another PostgreSQL database. */
    @Test
    void postgresqlRoundTripThroughS3() throws Exception {
        TestServer server = TestServer.postgres();
        String sourceName = server.createDatabase();
        String targetName = server.createDatabase();
        try {
            Properties properties = properties(SECRET_KEY);
            properties.putAll(server.credentials());
            String export = uri("postgres");
            List<List<Object>> expected;
            try (Connection source = DriverManager.getConnection(server.ferryUrl(sourceName), properties);
                 Statement statement = source.createStatement()) {
                statement.execute("CREATE TABLE customer (id int PRIMARY KEY, name text, balance numeric(38, 10),"
                        + " joined timestamptz, photo bytea, tags text[])");
                statement.execute("CREATE TABLE orders (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,"
                        + " customer_id int REFERENCES customer, note text)");
                statement.execute("INSERT INTO customer VALUES (1, 'Ada, \"quoted\"', 1234567890123456789012345678.0123456789,"
                        + " '2024-01-02 03:04:05.123456+02', '\\x00ff', '{a,b}'), (2, '', NULL, NULL, NULL, '{}'),"
                        + " (3, NULL, -1, NULL, '\\x', NULL), (4, E'Ünïcödé 😀\\nline', 0, NULL, NULL, '{\"x y\"}')");
                statement.execute("INSERT INTO orders (customer_id, note) SELECT 1 + x % 4, 'order ' || x"
                        + " FROM generate_series(1, 300) x");
                expected = postgresContents(source);
                statement.execute("EXPORT DATABASE '" + export + "' (FORMAT parquet)");
            }
            assertTrue(objects("postgres").contains("manifest.json"));
            try (Connection target = DriverManager.getConnection(server.ferryUrl(targetName), properties);
                 Statement statement = target.createStatement()) {
                statement.execute("IMPORT DATABASE '" + export + "'");
                assertEquals(expected, postgresContents(target));
                statement.execute("INSERT INTO orders (customer_id, note) VALUES (1, 'after')");
                assertEquals("301", HadoopSample.rows(target, "SELECT max(id) FROM orders").get(0).get(0),
                        "the identity goes on where it was");
            }
        } finally {
            server.dropDatabase(sourceName);
            server.dropDatabase(targetName);
        }
        assertSpoolIsEmpty();
    }

    private static List<List<Object>> postgresContents(Connection connection) throws SQLException {
        List<List<Object>> rows = new ArrayList<>(HadoopSample.rows(connection, "SELECT id, name, balance,"
                + " joined AT TIME ZONE 'UTC', encode(photo, 'hex'), tags::text FROM customer ORDER BY id"));
        rows.addAll(HadoopSample.rows(connection, "SELECT * FROM orders ORDER BY id"));
        return rows;
    }

    @Test
    void anExportIntoADirectoryThatIsNotEmptyIsRefused() throws Exception {
        try (Connection source = newH2(); Statement statement = source.createStatement()) {
            HadoopSample.create(source);
            statement.execute("COPY customer TO '" + uri("taken/customer.csv") + "'");
            SQLException refused = assertThrows(SQLException.class,
                    () -> statement.execute("EXPORT DATABASE '" + uri("taken") + "'"));
            assertEquals("42000", refused.getSQLState());
            assertEquals("EXPORT DATABASE refuses to write into " + uri("taken") + ": it exists and is not an empty"
                    + " directory", refused.getMessage());
            assertEquals(List.of("taken/customer.csv"), objects(""));
        }
    }

    /**
     * The server refuses one file in the middle of the upload (larger than it takes in one PUT; another table's file
     * was uploaded before it): the export fails naming the file and the reason (the server's, or the connection it
     * broke) and removes every object it had written.
     */
    @Test
    void anUploadThatFailsHalfwayRemovesWhatItUploaded() throws Exception {
        String export = uri("halfway");
        try (Connection source = newH2(); Statement statement = source.createStatement()) {
            HadoopSample.create(source);
            statement.execute("CREATE TABLE zbig (id INT PRIMARY KEY, v VARCHAR(100))");
            statement.execute("INSERT INTO zbig SELECT x, REPEAT('v', 90) FROM SYSTEM_RANGE(1, 2000)");
            SQLException failed = assertThrows(SQLException.class,
                    () -> statement.execute("EXPORT DATABASE '" + export + "'"));
            assertEquals("58030", failed.getSQLState(), failed.getMessage());
            assertTrue(failed.getMessage().startsWith("Cannot write " + export + "/"), failed.getMessage());
            assertTrue(failed.getMessage().toUpperCase().contains("ZBIG"), failed.getMessage());
            // The server's reason where the client reads its answer; where the server has already closed the
            // connection while the client was still sending, the broken connection is the reason the client has.
            assertTrue(failed.getMessage().matches("(?s).*(EntityTooLarge|Broken pipe|Connection reset).*"),
                    failed.getMessage());
        }
        assertEquals(List.of(), objects(""), "what was uploaded is removed");
        assertSpoolIsEmpty();
        try (Connection target = newH2(); Statement statement = target.createStatement()) {
            SQLException refused = assertThrows(SQLException.class,
                    () -> statement.execute("IMPORT DATABASE '" + export + "'"));
            assertEquals("IMPORT DATABASE: " + export + " does not exist", refused.getMessage());
        }
    }

    /** A bucket's root is never an export's target: a failed export there would have to clean the whole bucket. */
    @Test
    void theBucketsRootIsRefused() throws Exception {
        try (Connection source = newH2(); Statement statement = source.createStatement()) {
            HadoopSample.create(source);
            for (String root : List.of("s3a://" + BUCKET, "s3a://" + BUCKET + "/")) {
                SQLException refused = assertThrows(SQLException.class,
                        () -> statement.execute("EXPORT DATABASE '" + root + "'"));
                assertEquals("42000", refused.getSQLState(), refused.getMessage());
                assertEquals("EXPORT DATABASE refuses to write into " + root + ", the root of its file system or"
                        + " bucket: name a directory under it", refused.getMessage());
            }
        }
        assertEquals(List.of(), objects(""));
    }

    @Test
    void aMissingBucketIsAClearError() throws Exception {
        String export = "s3a://no-such-bucket/out";
        try (Connection source = newH2(); Statement statement = source.createStatement()) {
            HadoopSample.create(source);
            SQLException failed = assertThrows(SQLException.class,
                    () -> statement.execute("EXPORT DATABASE '" + export + "'"));
            assertEquals("58030", failed.getSQLState(), failed.getMessage());
            assertTrue(failed.getMessage().contains(export), failed.getMessage());
            assertTrue(failed.getMessage().contains("the bucket does not exist"), failed.getMessage());
            assertFalse(failed.getMessage().contains("\tat "), failed.getMessage());

            SQLException missing = assertThrows(SQLException.class,
                    () -> statement.execute("IMPORT DATABASE '" + export + "'"));
            assertTrue(missing.getMessage().contains("the bucket does not exist")
                    || missing.getMessage().equals("IMPORT DATABASE: " + export + " does not exist"), missing.getMessage());
        }
        assertSpoolIsEmpty();
    }

    /** A wrong secret key: S3 refuses the write (403), before anything is exported. */
    @Test
    void aDeniedWriteIsAClearError() throws Exception {
        String export = uri("denied");
        try (Connection source = DriverManager.getConnection(HadoopSample.newH2Url(), properties("wrong-secret"));
             Statement statement = source.createStatement()) {
            HadoopSample.create(source);
            SQLException failed = assertThrows(SQLException.class,
                    () -> statement.execute("EXPORT DATABASE '" + export + "'"));
            assertEquals("42501", failed.getSQLState(), failed.getMessage());
            assertTrue(failed.getMessage().contains(export), failed.getMessage());
            assertTrue(failed.getMessage().contains("permission denied"), failed.getMessage());
            assertFalse(failed.getMessage().contains("\tat "), failed.getMessage());
        }
        assertEquals(List.of(), objects(""));
        assertSpoolIsEmpty();
    }

    private void assertSpoolIsEmpty() throws Exception {
        try (var entries = Files.list(spool)) {
            assertEquals(List.of(), entries.toList(), "the spool directory is emptied");
        }
    }

    /** The objects under this test's prefix and {@code path}, names relative to it, sorted. */
    private List<String> objects(String path) {
        String under = prefix + "/" + (path.isEmpty() ? "" : path + "/");
        List<String> names = new ArrayList<>();
        for (StorageMetadata object : blobs.list(BUCKET, ListContainerOptions.Builder.prefix(under).recursive())) {
            if (object.getName().startsWith(under) && !object.getName().endsWith("/")) {
                names.add(object.getName().substring(under.length()));
            }
        }
        names.sort(null);
        return names;
    }
}
