package dev.ferry.it.servers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ferry.core.model.progress.ProgressListener;
import dev.ferry.driver.FerryConnection;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLWarning;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * EXPORT DATABASE with JOBS above 1 on PostgreSQL and MariaDB (issue 13): every connection reads one snapshot while
 * another connection keeps committing, the files are the same as with JOBS 1, and the extra connections are closed
 * after a success and after a failure.
 */
class ParallelExportIT {
    /** Rows in each of the two large tables, enough that the export reads for a second or more. */
    private static final int BIG_ROWS = 200_000;
    private static final int ACCOUNTS = 10;
    private static final int OPENING_BALANCE = 1_000;

    @TempDir
    Path temp;

    private static TestServer server(TestServer.Engine engine) {
        return engine == TestServer.Engine.POSTGRESQL ? TestServer.postgres() : TestServer.mariadb();
    }

    static Stream<Arguments> enginesWholeAndChunked() {
        List<Arguments> cases = new ArrayList<>();
        for (TestServer.Engine engine : TestServer.Engine.values()) {
            cases.add(Arguments.of(engine, false));
            cases.add(Arguments.of(engine, true));
        }
        return cases.stream();
    }

    /**
     * A writer commits, over and over, one transaction that adds a row of batch k to both large tables, sets the
     * counter to k, and moves 1 from an account of one table to an account of the other. In a consistent export the
     * large tables hold exactly batches 1..counter and the balances add up to what they started at; also where the
     * large tables are split into chunks (CHUNK_ROWS), each chunk read by its own job, the writer's new keys falling
     * in their last chunk.
     */
    @ParameterizedTest(name = "{0}, chunked: {1}")
    @MethodSource("enginesWholeAndChunked")
    void everyFileHoldsOneCommittedState_whileAWriterCommitsDuringTheExport(TestServer.Engine engine, boolean chunked)
            throws Exception {
        TestServer server = server(engine);
        String database = server.createDatabase();
        try (Connection setup = server.connect(database)) {
            fillForTheWriter(setup, engine);
            AtomicBoolean stop = new AtomicBoolean();
            AtomicLong committed = new AtomicLong();
            AtomicReference<Throwable> writerFailure = new AtomicReference<>();
            Thread writer = new Thread(() -> write(server, database, stop, committed, writerFailure), "writer");
            writer.start();
            Map<String, List<String>> files;
            long committedBefore;
            long committedAfter;
            try (Connection ferry = server.connectFerry(database); Statement statement = ferry.createStatement()) {
                while (committed.get() < 20 && writer.isAlive()) {
                    Thread.sleep(10);
                }
                committedBefore = committed.get();
                files = exportFiles(statement, temp.resolve("export"),
                        chunked ? "JOBS 2, CHUNK_ROWS " + BIG_ROWS / 4 : "JOBS 2");
                committedAfter = committed.get();
                assertEquals(List.of(), warnings(statement));
            } finally {
                stop.set(true);
                writer.join(30_000);
            }
            assertEquals(null, writerFailure.get());
            assertTrue(committedAfter - committedBefore >= 20, "the writer committed only "
                    + (committedAfter - committedBefore) + " transactions during the export; the test proves nothing");

            Path export = temp.resolve("export");
            long counter = Long.parseLong(csvRows(export.resolve(files.get("c_counter").get(0))).get(0).get(1));
            assertTrue(counter >= committedBefore && counter <= committedAfter, "counter " + counter);
            for (String big : List.of("a_big", "b_big")) {
                TreeSet<Long> batches = new TreeSet<>();
                long initial = 0;
                assertEquals(chunked, files.get(big).size() >= 3, big + " in " + files.get(big));
                for (String file : files.get(big)) {
                    for (List<String> row : csvRows(export.resolve(file))) {
                        long batch = Long.parseLong(row.get(1));
                        if (batch == 0) {
                            initial++;
                        } else {
                            assertTrue(batches.add(batch), big + " holds batch " + batch + " twice");
                        }
                    }
                }
                assertEquals(BIG_ROWS, initial, big);
                assertEquals(counter, batches.size(), big + " holds " + batches.size() + " batches, the counter says "
                        + counter);
                assertEquals(counter, batches.isEmpty() ? 0 : batches.last(), big);
            }
            long total = 0;
            for (String accounts : List.of("d_accounts", "e_accounts")) {
                for (List<String> row : csvRows(export.resolve(files.get(accounts).get(0)))) {
                    total += Long.parseLong(row.get(1));
                }
            }
            assertEquals(2L * ACCOUNTS * OPENING_BALANCE, total, "money appeared or vanished between the accounts");
        } finally {
            server.dropDatabase(database);
        }
    }

    private static void fillForTheWriter(Connection setup, TestServer.Engine engine) throws SQLException {
        ServerQueries.execute(setup,
                "CREATE TABLE a_big (id bigint PRIMARY KEY, batch bigint NOT NULL, pad varchar(60) NOT NULL)",
                "CREATE TABLE b_big (id bigint PRIMARY KEY, batch bigint NOT NULL, pad varchar(60) NOT NULL)",
                "CREATE TABLE c_counter (id int PRIMARY KEY, batches bigint NOT NULL)",
                "CREATE TABLE d_accounts (id int PRIMARY KEY, balance bigint NOT NULL)",
                "CREATE TABLE e_accounts (id int PRIMARY KEY, balance bigint NOT NULL)",
                "INSERT INTO c_counter VALUES (1, 0)");
        String numbers = engine == TestServer.Engine.POSTGRESQL
                ? "SELECT g, 0, 'row ' || g || ' padding padding padding padding' FROM generate_series(1, "
                        + BIG_ROWS + ") g"
                : "SELECT seq, 0, CONCAT('row ', seq, ' padding padding padding padding') FROM seq_1_to_" + BIG_ROWS;
        ServerQueries.execute(setup, "INSERT INTO a_big " + numbers, "INSERT INTO b_big " + numbers);
        for (String accounts : List.of("d_accounts", "e_accounts")) {
            for (int i = 0; i < ACCOUNTS; i++) {
                ServerQueries.execute(setup, "INSERT INTO " + accounts + " VALUES (" + i + ", " + OPENING_BALANCE
                        + ")");
            }
        }
    }

    private static void write(TestServer server, String database, AtomicBoolean stop, AtomicLong committed,
                              AtomicReference<Throwable> failure) {
        try (Connection connection = server.connect(database);
             PreparedStatement a = connection.prepareStatement("INSERT INTO a_big VALUES (?, ?, 'new')");
             PreparedStatement b = connection.prepareStatement("INSERT INTO b_big VALUES (?, ?, 'new')");
             PreparedStatement counter = connection.prepareStatement("UPDATE c_counter SET batches = ? WHERE id = 1");
             PreparedStatement from = connection.prepareStatement(
                     "UPDATE d_accounts SET balance = balance - 1 WHERE id = ?");
             PreparedStatement to = connection.prepareStatement(
                     "UPDATE e_accounts SET balance = balance + 1 WHERE id = ?")) {
            connection.setAutoCommit(false);
            for (long batch = 1; !stop.get(); batch++) {
                for (PreparedStatement insert : List.of(a, b)) {
                    insert.setLong(1, BIG_ROWS + batch);
                    insert.setLong(2, batch);
                    insert.executeUpdate();
                }
                counter.setLong(1, batch);
                counter.executeUpdate();
                from.setInt(1, (int) (batch % ACCOUNTS));
                from.executeUpdate();
                to.setInt(1, (int) ((batch * 7) % ACCOUNTS));
                to.executeUpdate();
                connection.commit();
                committed.set(batch);
            }
        } catch (Throwable e) {
            failure.set(e);
        }
    }

    /** JOBS 3 writes the same files, byte for byte, as JOBS 1; the manifest differs only in its time. */
    @ParameterizedTest
    @EnumSource(TestServer.Engine.class)
    void jobsThreeWritesTheSameDirectoryAsJobsOne(TestServer.Engine engine) throws Exception {
        TestServer server = server(engine);
        String database = server.createDatabase();
        try (Connection ferry = server.connectFerry(database); Statement statement = ferry.createStatement()) {
            for (String name : List.of("zeta", "alpha", "Mixed Case", "middle", "empty")) {
                String quoted = engine == TestServer.Engine.POSTGRESQL ? '"' + name + '"' : '`' + name + '`';
                statement.execute("CREATE TABLE " + quoted + " (id int PRIMARY KEY, label varchar(40), amount"
                        + " decimal(20,4), at " + (engine == TestServer.Engine.POSTGRESQL ? "timestamp" : "datetime(6)")
                        + ", note text)");
                if (!name.equals("empty")) {
                    List<String> rows = new ArrayList<>();
                    for (int i = 0; i < 3000; i++) {
                        rows.add("(" + i + ", " + (i % 7 == 0 ? "NULL" : "'" + name + " " + i + ", \"quoted\"'") + ", "
                                + i + ".0625, TIMESTAMP '2024-02-29 12:34:56.123456', "
                                + (i % 5 == 0 ? "''" : "'line\nbreak " + i + "'") + ")");
                    }
                    statement.execute("INSERT INTO " + quoted + " VALUES " + String.join(", ", rows));
                }
            }
            for (String format : List.of("csv", "parquet")) {
                Path one = temp.resolve(format + "-one");
                Path three = temp.resolve(format + "-three");
                export(statement, one, "FORMAT " + format + ", JOBS 1");
                Set<Long> threads = readingThreads(ferry);
                export(statement, three, "FORMAT " + format + ", JOBS 3");
                assertEquals(List.of(), warnings(statement));
                assertTrue(threads.size() >= 2, "tables read on " + threads.size() + " thread(s)");
                assertEquals(contents(one), contents(three), format);
            }
        } finally {
            server.dropDatabase(database);
        }
    }

    /**
     * MariaDB refuses FLUSH TABLES WITH READ LOCK to a user without the RELOAD privilege: the export then reads on one
     * connection, whole, and its warning names the privilege.
     */
    @org.junit.jupiter.api.Test
    void withoutReloadMariaDbExportsOnOneConnection_andTheWarningNamesThePrivilege() throws Exception {
        TestServer server = TestServer.mariadb();
        String database = server.createDatabase();
        String user = database.replace("ferry_it_", "noreload_");
        try (Connection admin = server.connect(database)) {
            ServerQueries.execute(admin, "CREATE TABLE t1 (id int PRIMARY KEY)", "CREATE TABLE t2 (id int PRIMARY KEY)",
                    "INSERT INTO t1 VALUES (1), (2)", "INSERT INTO t2 VALUES (3)");
            for (String host : List.of("%", "localhost", "127.0.0.1")) {
                ServerQueries.execute(admin, "CREATE USER '" + user + "'@'" + host + "' IDENTIFIED BY 'secret'",
                        "GRANT ALL ON " + database + ".* TO '" + user + "'@'" + host + "'");
            }
            java.util.Properties credentials = new java.util.Properties();
            credentials.setProperty("user", user);
            credentials.setProperty("password", "secret");
            try (Connection ferry = java.sql.DriverManager.getConnection(server.ferryUrl(database), credentials);
                 Statement statement = ferry.createStatement()) {
                Map<String, String> files = export(statement, temp.resolve("export"), "JOBS 2");
                List<String> warnings = warnings(statement);
                assertEquals(1, warnings.size(), warnings.toString());
                assertTrue(warnings.get(0).startsWith("JOBS 2: the export read its tables on one connection: MariaDB"
                        + " refused FLUSH TABLES WITH READ LOCK"), warnings.get(0));
                assertTrue(warnings.get(0).contains("it needs the RELOAD privilege"), warnings.get(0));
                assertEquals(List.of(List.of("1"), List.of("2")), csvRows(temp.resolve("export").resolve(files.get("t1"))));
                assertEquals(List.of(List.of("3")), csvRows(temp.resolve("export").resolve(files.get("t2"))));
            }
        } finally {
            try (Connection admin = server.connect(database)) {
                for (String host : List.of("%", "localhost", "127.0.0.1")) {
                    ServerQueries.execute(admin, "DROP USER IF EXISTS '" + user + "'@'" + host + "'");
                }
            }
            server.dropDatabase(database);
        }
    }

    /**
     * MariaDB's FLUSH TABLES WITH READ LOCK waits for statements still writing, and every writer waits behind it: behind
     * a write that runs for longer than 10 s, the export gives the lock up after 10 s and reads on one connection, with
     * every row, and says why.
     */
    @org.junit.jupiter.api.Test
    void behindALongWriteMariaDbGivesTheLockUp_andExportsOnOneConnection() throws Exception {
        TestServer server = TestServer.mariadb();
        String database = server.createDatabase();
        try (Connection admin = server.connect(database)) {
            ServerQueries.execute(admin, "CREATE TABLE t1 (id int PRIMARY KEY)", "CREATE TABLE t2 (id int PRIMARY KEY)",
                    "INSERT INTO t1 VALUES (1), (2)", "INSERT INTO t2 VALUES (3)");
            Thread writer = new Thread(() -> {
                try (Connection writing = server.connect(database); Statement update = writing.createStatement()) {
                    update.execute("UPDATE t2 SET id = id WHERE SLEEP(14) = 0");
                } catch (SQLException ignored) {
                    // The test fails on the export's warning, not here.
                }
            });
            writer.start();
            Thread.sleep(1000);
            try (Connection ferry = server.connectFerry(database); Statement statement = ferry.createStatement()) {
                List<List<String>> timeout = ServerQueries.rows(ferry, "SELECT @@session.lock_wait_timeout");
                Map<String, String> files = export(statement, temp.resolve("export"), "JOBS 2");
                List<String> warnings = warnings(statement);
                assertEquals(1, warnings.size(), warnings.toString());
                assertTrue(warnings.get(0).startsWith("JOBS 2: the export read its tables on one connection: FLUSH"
                        + " TABLES WITH READ LOCK, which starts several connections in one snapshot, waited 10 s"),
                        warnings.get(0));
                assertEquals(List.of(List.of("1"), List.of("2")), csvRows(temp.resolve("export").resolve(files.get("t1"))));
                assertEquals(List.of(List.of("3")), csvRows(temp.resolve("export").resolve(files.get("t2"))));
                assertEquals(timeout, ServerQueries.rows(ferry, "SELECT @@session.lock_wait_timeout"),
                        "the session's own lock_wait_timeout, back");
            } finally {
                writer.join();
            }
        } finally {
            server.dropDatabase(database);
        }
    }

    /**
     * A MariaDB user who went to another database ({@code USE}) after connecting exports that one on every connection,
     * though the URL the further connections are opened from names the first.
     */
    @org.junit.jupiter.api.Test
    void theFurtherConnectionsReadTheDatabaseTheUserWentTo() throws Exception {
        TestServer server = TestServer.mariadb();
        String named = server.createDatabase();
        String used = server.createDatabase();
        try (Connection ferry = server.connectFerry(named); Statement statement = ferry.createStatement()) {
            statement.execute("USE " + used);
            for (String table : List.of("t1", "t2", "t3")) {
                statement.execute("CREATE TABLE " + table + " (id int PRIMARY KEY)");
                statement.execute("INSERT INTO " + table + " VALUES (" + table.charAt(1) + ")");
            }
            Map<String, String> files = export(statement, temp.resolve("export"), "JOBS 3");
            assertEquals(List.of(), warnings(statement));
            for (String table : List.of("t1", "t2", "t3")) {
                assertEquals(List.of(List.of(table.substring(1))),
                        csvRows(temp.resolve("export").resolve(files.get(table))), table);
            }
        } finally {
            server.dropDatabase(named);
            server.dropDatabase(used);
        }
    }

    /**
     * Values whose text PostgreSQL writes by the session's settings (an array of timestamptz by TimeZone, an interval by
     * IntervalStyle) are written the same on every connection when the user changed those settings on theirs.
     */
    @org.junit.jupiter.api.Test
    void theFurtherConnectionsTakeTheUsersSessionSettingsOnPostgres() throws Exception {
        TestServer server = TestServer.postgres();
        String database = server.createDatabase();
        try (Connection ferry = server.connectFerry(database); Statement statement = ferry.createStatement()) {
            for (String table : List.of("t1", "t2", "t3")) {
                statement.execute("CREATE TABLE " + table + " (id int PRIMARY KEY, moments timestamptz[], span interval)");
                // Rows enough that each of the three connections takes a table before the first is done.
                statement.execute("INSERT INTO " + table + " SELECT g, ARRAY[TIMESTAMPTZ '2024-02-29 12:00:00+00'"
                        + " + g * INTERVAL '1 minute'], g * INTERVAL '1 day 2 hours' FROM generate_series(1, 30000) g");
            }
            statement.execute("SET TIME ZONE 'Asia/Kolkata'");
            statement.execute("SET IntervalStyle = 'iso_8601'");
            export(statement, temp.resolve("one"), "JOBS 1");
            Set<Long> threads = readingThreads(ferry);
            export(statement, temp.resolve("three"), "JOBS 3");
            assertEquals(List.of(), warnings(statement));
            assertEquals(3, threads.size(), "threads reading tables");
            assertTrue(contents(temp.resolve("one")).toString().contains("+05:30"), contents(temp.resolve("one")).toString());
            assertEquals(contents(temp.resolve("one")), contents(temp.resolve("three")));
        } finally {
            server.dropDatabase(database);
        }
    }

    /** The threads that will read tables in the connection's next export, by the progress they report. */
    private static Set<Long> readingThreads(Connection ferry) throws SQLException {
        Set<Long> threads = java.util.concurrent.ConcurrentHashMap.newKeySet();
        ferry.unwrap(FerryConnection.class).setProgressListener(new ProgressListener() {
            @Override
            public void tableStarted(String action, String table, long expectedRows) {
                threads.add(Thread.currentThread().getId());
            }
        });
        return threads;
    }

    /** Each file's bytes (as text where it is UTF-8), the manifest without its time. */
    private static Map<String, String> contents(Path directory) throws IOException {
        Map<String, String> contents = new TreeMap<>();
        try (Stream<Path> files = Files.walk(directory)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                byte[] bytes = Files.readAllBytes(file);
                String name = directory.relativize(file).toString();
                String text = name.endsWith(".parquet") ? java.util.HexFormat.of().formatHex(bytes)
                        : new String(bytes, StandardCharsets.UTF_8);
                contents.put(name, name.equals("manifest.json")
                        ? text.replaceAll("\"created_?[aA]t\"\\s*:\\s*\"[^\"]*\"", "\"createdAt\": \"-\"") : text);
            }
        }
        assertTrue(contents.get("manifest.json").contains("\"createdAt\": \"-\""), contents.get("manifest.json"));
        return contents;
    }

    /**
     * While JOBS 3 reads three tables, three connections of the test's database are open; afterwards as many as
     * before, whether the export succeeded or failed on a job's thread.
     */
    @ParameterizedTest
    @EnumSource(TestServer.Engine.class)
    void theExtraConnectionsAreClosedAfterSuccessAndAfterFailure(TestServer.Engine engine) throws Exception {
        TestServer server = server(engine);
        String database = server.createDatabase();
        try (Connection observer = server.connect(database);
             Connection ferry = server.connectFerry(database);
             Statement statement = ferry.createStatement()) {
            for (String table : List.of("t1", "t2", "t3")) {
                statement.execute("CREATE TABLE " + table + " (id int PRIMARY KEY)");
                statement.execute("INSERT INTO " + table + " VALUES (1), (2), (3)");
            }
            int before = sessions(observer, engine, database);
            AtomicInteger most = new AtomicInteger();
            AtomicInteger started = new AtomicInteger();
            ferry.unwrap(FerryConnection.class).setProgressListener(new ProgressListener() {
                @Override
                public void tableStarted(String action, String table, long expectedRows) {
                    try {
                        most.accumulateAndGet(sessions(observer, engine, database), Math::max);
                    } catch (SQLException e) {
                        throw new IllegalStateException(e);
                    }
                    if (started.incrementAndGet() == 3 && failing.get()) {
                        throw new IllegalStateException("stop at the third table");
                    }
                }
            });
            export(statement, temp.resolve("ok"), "JOBS 3");
            assertEquals(before + 2, most.get(), "connections while reading");
            assertEquals(before, settledSessions(observer, engine, database, before), "connections after the export");

            failing.set(true);
            started.set(0);
            SQLException error = assertThrows(SQLException.class,
                    () -> export(statement, temp.resolve("failed"), "JOBS 3"));
            assertTrue(error.getMessage().contains("stop at the third table"), error.getMessage());
            assertFalse(Files.exists(temp.resolve("failed")));
            assertEquals(before, settledSessions(observer, engine, database, before),
                    "connections after the failed export");
            assertEquals(List.of(List.of("1")), ServerQueries.rows(ferry, "SELECT 1"), "the user's connection works");
        } finally {
            failing.set(false);
            server.dropDatabase(database);
        }
    }

    private final AtomicBoolean failing = new AtomicBoolean();

    /**
     * The sessions of {@code database} once they are {@code expected}, or after five seconds: a server ends a session
     * a moment after its client closed it.
     */
    private static int settledSessions(Connection observer, TestServer.Engine engine, String database, int expected)
            throws Exception {
        int sessions = sessions(observer, engine, database);
        for (int i = 0; i < 100 && sessions != expected; i++) {
            Thread.sleep(50);
            sessions = sessions(observer, engine, database);
        }
        return sessions;
    }

    private static int sessions(Connection observer, TestServer.Engine engine, String database) throws SQLException {
        String sql = engine == TestServer.Engine.POSTGRESQL
                ? "SELECT count(*) FROM pg_stat_activity WHERE datname = ?"
                : "SELECT count(*) FROM information_schema.processlist WHERE db = ?";
        try (PreparedStatement count = observer.prepareStatement(sql)) {
            count.setString(1, database);
            try (ResultSet row = count.executeQuery()) {
                row.next();
                return row.getInt(1);
            }
        }
    }

    /** Runs the export; the file of each table by its name. */
    static Map<String, String> export(Statement statement, Path directory, String options) throws SQLException {
        Map<String, String> files = new HashMap<>();
        exportFiles(statement, directory, options).forEach((table, its) -> files.put(table, its.get(0)));
        return files;
    }

    /** Runs the export; the files of each table (a chunked table's, in key order) by its name. */
    static Map<String, List<String>> exportFiles(Statement statement, Path directory, String options)
            throws SQLException {
        Map<String, List<String>> files = new HashMap<>();
        try (ResultSet rows = statement.executeQuery("EXPORT DATABASE '" + directory + "' (" + options + ")")) {
            while (rows.next()) {
                String table = rows.getString("table_name");
                files.computeIfAbsent(table.substring(table.lastIndexOf('.') + 1).replace("\"", "").replace("`", ""),
                        name -> new ArrayList<>()).add(rows.getString("file"));
            }
        }
        return files;
    }

    static List<String> warnings(Statement statement) throws SQLException {
        List<String> warnings = new ArrayList<>();
        for (SQLWarning w = statement.getWarnings(); w != null; w = w.getNextWarning()) {
            warnings.add(w.getMessage());
        }
        return warnings;
    }

    /** The rows of a header-first CSV file whose values hold no comma, quote or line break. */
    private static List<List<String>> csvRows(Path file) throws IOException {
        try (Stream<String> lines = Files.lines(file)) {
            return lines.skip(1).map(line -> Stream.of(line.split(",", -1))
                    .map(value -> value.startsWith("\"") ? value.substring(1, value.length() - 1) : value)
                    .collect(Collectors.toList())).toList();
        }
    }
}
