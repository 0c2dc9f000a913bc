package dev.ferry.it.servers;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Queue;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Issue 14, under load: a few hundred EXPORT, IMPORT, COPY and plain statements, a third of them failing on purpose,
 * on four threads through a HikariCP pool of Ferry connections, on PostgreSQL and MariaDB. Each operation is checked
 * by its rows or its error; afterwards nothing is left open: no connection borrowed from the pool, no statement or
 * result set open on the database connections, no session of the test on the server (once the pool is closed),
 * none in a transaction, and no more file descriptors in the JVM than after a warm-up round.
 *
 * <p>Ferry's connections go through {@link TrackingDriver} ({@code jdbc:ferry:tracked:…}), which sees the statements
 * Ferry opens on the pool's connections and the further connections JOBS opens beside them.
 */
class HikariSoakIT {
    private static final long SEED = 14;
    private static final int WORKERS = 4;
    private static final int OPERATIONS_PER_WORKER = 65;
    private static final int POOL_SIZE = 4;
    /** Descriptors that may come and go on their own between the two counts (none is expected). */
    private static final int DESCRIPTOR_SLACK = 2;

    @TempDir
    Path temp;

    private static TestServer server(TestServer.Engine engine) {
        return engine == TestServer.Engine.POSTGRESQL ? TestServer.postgres() : TestServer.mariadb();
    }

    @ParameterizedTest
    @EnumSource(TestServer.Engine.class)
    void mixedStatementsOnFourThreadsLeaveNoConnectionStatementSessionOrFileOpen(TestServer.Engine engine)
            throws Exception {
        TestServer server = server(engine);
        String run = "ferry_soak_" + UUID.randomUUID().toString().replace("-", "").substring(0, 8)
                .toLowerCase(Locale.ROOT);
        List<String> databases = new CopyOnWriteArrayList<>();
        TrackingDriver tracking = TrackingDriver.instance();
        try {
            Properties properties = connectionProperties(server, engine, run);
            String source = server.createDatabase(run + "_source");
            databases.add(source);
            try (Connection plain = server.connect(source)) {
                SoakSource.fill(plain, engine);
            }
            SoakSessions sessions = new SoakSessions(engine, run, run, run);
            AtomicInteger imports = new AtomicInteger();
            SoakWorkload.FreshDatabases fresh = () -> {
                String database = server.createDatabase(run + "_import_" + imports.incrementAndGet());
                databases.add(database);
                return DriverManager.getConnection(TrackingDriver.ferryUrl(server.url(database)), properties);
            };
            try (Connection observer = server.connect(source)) {
                try (HikariDataSource pool = pool(TrackingDriver.ferryUrl(server.url(source)), properties, run);
                     SoakWorkload workload = SoakWorkload.prepare(pool, engine, temp, fresh)) {
                    warmUp(workload);
                    awaitFullPool(pool, tracking);
                    OpenFiles before = OpenFiles.listed() ? OpenFiles.now() : null;

                    Map<SoakOperation, Integer> ran = runWorkers(workload);
                    assertEquals(List.of(SoakOperation.values()), List.copyOf(ran.keySet()), "kinds run: " + ran);

                    awaitFullPool(pool, tracking);
                    OpenFiles after = before == null ? null : OpenFiles.now();
                    assertAll("after the soak, the pool still open",
                            () -> assertNoFileLeft(before, after, temp),
                            () -> assertEquals(0, pool.getHikariPoolMXBean().getActiveConnections(),
                                    "connections still borrowed from the pool"),
                            () -> assertEquals(List.of(), tracking.openStatements(),
                                    "statements and result sets left open on the database connections"),
                            () -> assertEquals(pool.getHikariPoolMXBean().getTotalConnections(),
                                    tracking.openConnections().size(),
                                    "database connections open beside the pool's: " + tracking.openConnections()),
                            () -> assertEquals(List.of(), sessions.idleInTransaction(observer),
                                    "sessions left in a transaction"),
                            () -> assertEquals(POOL_SIZE, sessions.settled(observer, POOL_SIZE).size(),
                                    "sessions beside the pool's: " + sessions.list(observer)),
                            () -> assertEachPooledConnectionRuns(pool, tracking),
                            () -> {
                                try (Connection connection = pool.getConnection()) {
                                    workload.checkSourceRows(connection);
                                }
                            });
                }
                List<String> left = sessions.settled(observer, 0);
                assertAll("after the pool was closed",
                        () -> assertEquals(List.of(), left, "sessions"),
                        () -> assertEquals(List.of(), tracking.openConnections(), "database connections"));
            }
        } finally {
            tracking.forget();
            for (String database : databases) {
                server.dropDatabase(database);
            }
            if (engine == TestServer.Engine.MARIADB) {
                dropMariaDbUser(server, run);
            }
        }
    }

    /**
     * The properties of every connection of the test: on PostgreSQL the server's credentials and the run's
     * application name; on MariaDB a user of the run's own, whose sessions only this test opens.
     */
    private static Properties connectionProperties(TestServer server, TestServer.Engine engine, String run)
            throws SQLException {
        Properties properties = new Properties();
        if (engine == TestServer.Engine.POSTGRESQL) {
            properties.putAll(server.credentials());
            properties.setProperty("ApplicationName", run);
            return properties;
        }
        try (Connection admin = server.connect("mysql")) {
            for (String host : List.of("%", "localhost", "127.0.0.1")) {
                ServerQueries.execute(admin, "CREATE USER '" + run + "'@'" + host + "' IDENTIFIED BY 'soak'",
                        "GRANT ALL PRIVILEGES ON *.* TO '" + run + "'@'" + host + "'");
            }
        }
        properties.setProperty("user", run);
        properties.setProperty("password", "soak");
        return properties;
    }

    private static void dropMariaDbUser(TestServer server, String run) throws SQLException {
        try (Connection admin = server.connect("mysql")) {
            for (String host : List.of("%", "localhost", "127.0.0.1")) {
                ServerQueries.execute(admin, "DROP USER IF EXISTS '" + run + "'@'" + host + "'");
            }
        }
    }

    private static HikariDataSource pool(String url, Properties properties, String name) {
        HikariConfig config = new HikariConfig();
        config.setPoolName(name);
        config.setJdbcUrl(url);
        config.setDataSourceProperties(properties);
        config.setMaximumPoolSize(POOL_SIZE);
        config.setMinimumIdle(POOL_SIZE);
        return new HikariDataSource(config);
    }

    /**
     * Waits, ten seconds at most, until the pool holds its full number of connections and no other is open: HikariCP
     * replaces a connection it retired (after a timeout on MariaDB) and closes the old one in the background.
     */
    private static void awaitFullPool(HikariDataSource pool, TrackingDriver tracking) throws Exception {
        for (int i = 0; i < 200 && (pool.getHikariPoolMXBean().getTotalConnections() != POOL_SIZE
                || tracking.openConnections().size() != POOL_SIZE); i++) {
            Thread.sleep(50);
        }
    }

    /** Each kind of operation once, on this thread: what is opened once for good (classes, jars) is open after. */
    private static void warmUp(SoakWorkload workload) throws Exception {
        Random random = new Random(SEED);
        for (SoakOperation kind : SoakOperation.values()) {
            workload.run(kind, random, -1, kind.ordinal());
        }
    }

    /**
     * The workers' operations, drawn with a fixed seed, all of them run even where some fail; fails with every
     * failure, naming the worker, step and kind of each.
     *
     * @return how many of each kind ran
     */
    private static Map<SoakOperation, Integer> runWorkers(SoakWorkload workload) throws Exception {
        Queue<Throwable> failures = new ConcurrentLinkedQueue<>();
        ExecutorService workers = Executors.newFixedThreadPool(WORKERS);
        List<Future<List<SoakOperation>>> done = new ArrayList<>();
        try {
            for (int w = 0; w < WORKERS; w++) {
                int worker = w;
                done.add(workers.submit(() -> {
                    Random random = new Random(SEED * 31 + worker);
                    List<SoakOperation> ran = new ArrayList<>();
                    for (int step = 0; step < OPERATIONS_PER_WORKER; step++) {
                        SoakOperation kind = SoakOperation.draw(random);
                        try {
                            workload.run(kind, random, worker, step);
                        } catch (Exception | AssertionError e) {
                            failures.add(new AssertionError("worker " + worker + ", step " + step + ", " + kind
                                    + ": " + e, e));
                        }
                        ran.add(kind);
                    }
                    return ran;
                }));
            }
            Map<SoakOperation, Integer> ran = new EnumMap<>(SoakOperation.class);
            for (Future<List<SoakOperation>> worker : done) {
                worker.get().forEach(kind -> ran.merge(kind, 1, Integer::sum));
            }
            if (!failures.isEmpty()) {
                AssertionError failed = new AssertionError(failures.size() + " operation(s) failed; the first: "
                        + failures.peek().getMessage(), failures.peek());
                failures.stream().skip(1).forEach(failed::addSuppressed);
                throw failed;
            }
            return ran;
        } finally {
            workers.shutdownNow();
            workers.awaitTermination(1, TimeUnit.MINUTES);
        }
    }

    /**
     * No descriptor open on a file the operations wrote or read (all in {@code work}), and no more descriptors open
     * than before the soak. Counted without a garbage collection first: a collection would let the JDK's cleaners
     * close a stream Ferry left open, and hide the leak (a collection during the soak still may).
     */
    private static void assertNoFileLeft(OpenFiles before, OpenFiles after, Path work) {
        if (before == null) {
            return;
        }
        assertEquals(List.of(), after.under(work), "descriptors open on the soak's files");
        assertTrue(after.count() <= before.count() + DESCRIPTOR_SLACK, "file descriptors: " + before.count()
                + " before the soak, " + after.count() + " after; opened since: " + after.openedSince(before));
    }

    /** Each of the pool's connections runs a query, and leaves nothing open after it. */
    private static void assertEachPooledConnectionRuns(HikariDataSource pool, TrackingDriver tracking)
            throws SQLException {
        List<Connection> borrowed = new ArrayList<>();
        try {
            for (int i = 0; i < POOL_SIZE; i++) {
                Connection connection = pool.getConnection();
                borrowed.add(connection);
                assertEquals(List.of(List.of("1")), ServerQueries.rows(connection, "SELECT 1"), "pooled connection " + i);
            }
        } finally {
            for (Connection connection : borrowed) {
                connection.close();
            }
        }
        assertEquals(List.of(), tracking.openStatements(), "statements and result sets left open by the checks");
    }
}
