package dev.ferry.it.servers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import javax.sql.DataSource;

/**
 * Runs the soak test's operations on connections from a pool, each checked: a successful one by its row counts, a
 * failing one by its SQLState and message. It keeps count of the rows the operations added to the source database,
 * for {@link #checkSourceRows}.
 */
final class SoakWorkload implements AutoCloseable {
    private static final Map<String, Long> FIXED_ROWS = Map.of("customer", (long) SoakSource.CUSTOMERS,
            "orders", (long) SoakSource.CUSTOMERS * SoakSource.ORDERS_PER_CUSTOMER, "counter",
            (long) SoakSource.COUNTERS);
    private static final int BAD_LINE = 700;

    /** Creates an empty database and opens a Ferry connection to it, as the pool's are opened. */
    @FunctionalInterface
    interface FreshDatabases {
        Connection connectToNew() throws SQLException;
    }

    private final DataSource pool;
    private final TestServer.Engine engine;
    private final Path work;
    private final FreshDatabases freshDatabases;
    private final Map<String, Path> exports = new TreeMap<>();
    private final Map<String, Map<String, Long>> exportedRows = new TreeMap<>();
    private final Map<String, Path> customerFiles = new TreeMap<>();
    private final Path badFile;
    private final Path brokenExport;
    private final AtomicInteger names = new AtomicInteger();
    private final AtomicLong committedEvents = new AtomicLong();
    private final AtomicLong scratchRows = new AtomicLong();
    private final ScheduledExecutorService canceller = Executors.newSingleThreadScheduledExecutor();
    private int brokenLine;

    private SoakWorkload(DataSource pool, TestServer.Engine engine, Path work, FreshDatabases freshDatabases)
            throws IOException {
        this.pool = pool;
        this.engine = engine;
        this.work = work;
        this.freshDatabases = freshDatabases;
        this.badFile = work.resolve("bad-value.csv");
        this.brokenExport = work.resolve("broken-export");
        StringBuilder csv = new StringBuilder("id,name,joined,balance,active,notes\n");
        for (int line = 2; line <= BAD_LINE + 50; line++) {
            csv.append(line).append(",bad file ").append(line).append(",2024-01-01,")
                    .append(line == BAD_LINE ? "twelve" : "12.50").append(",,\n");
        }
        Files.writeString(badFile, csv, StandardCharsets.UTF_8);
    }

    /**
     * The workload, with what its operations read made first through the pool: an export in each format, whose
     * row counts its imports are checked against, and the customers in a CSV and a Parquet file for COPY FROM.
     */
    static SoakWorkload prepare(DataSource pool, TestServer.Engine engine, Path work, FreshDatabases freshDatabases)
            throws IOException, SQLException {
        SoakWorkload workload = new SoakWorkload(pool, engine, work, freshDatabases);
        for (String format : List.of("csv", "parquet")) {
            Path export = work.resolve("source-" + format);
            workload.exports.put(format, export);
            workload.exportedRows.put(format, workload.export(export, format, 1));
            Path customers = work.resolve("customers." + format);
            workload.customerFiles.put(format, customers);
            try (Connection connection = pool.getConnection(); Statement statement = connection.createStatement()) {
                assertEquals(SoakSource.CUSTOMERS, statement.executeUpdate("COPY customer TO '" + customers + "'"));
            }
        }
        workload.breakPostData();
        return workload;
    }

    /** A copy of the CSV export whose last script ends with a statement that fails, after the data is loaded. */
    private void breakPostData() throws IOException {
        Files.createDirectory(brokenExport);
        Path export = exports.get("csv");
        try (Stream<Path> files = Files.walk(export)) {
            for (Path file : files.filter(f -> !f.equals(export)).toList()) {
                Files.copy(file, brokenExport.resolve(export.relativize(file).toString()));
            }
        }
        Path postData = brokenExport.resolve("post-data.sql");
        String script = Files.readString(postData, StandardCharsets.UTF_8);
        brokenLine = (int) script.lines().count() + 1;
        Files.writeString(postData, script + "CREATE INDEX broken ON no_such_table (x);\n", StandardCharsets.UTF_8);
    }

    /** Runs one operation of {@code kind}, its choices drawn from {@code random}, and checks its outcome. */
    void run(SoakOperation kind, Random random, int worker, int step) throws Exception {
        switch (kind) {
            case EXPORT_CSV -> checkExport("csv", random);
            case EXPORT_PARQUET -> checkExport("parquet", random);
            case COPY_TO -> copyTo(random);
            case COPY_FROM -> copyFrom(random);
            case IMPORT -> importIntoNewDatabase(random);
            case TRANSACTION -> transaction(random, worker, step);
            case EXPORT_INTO_NON_EMPTY_DIRECTORY -> exportIntoNonEmptyDirectory();
            case IMPORT_OF_MISSING_DIRECTORY -> importMissingDirectory();
            case IMPORT_INTO_NON_EMPTY_DATABASE -> importIntoNonEmptyDatabase(random);
            case IMPORT_FAILING_AFTER_ITS_DATA -> importFailingAfterItsData();
            case COPY_FROM_BAD_VALUE -> copyFromBadValue(random, worker, step);
            case SYNTAX_ERROR -> syntaxError(random);
            case QUERY_TIMEOUT -> queryTimeout();
            case CANCEL -> cancel();
        }
    }

    /** Asserts that the events and scratch tables hold the rows the operations committed to them. */
    void checkSourceRows(Connection connection) throws SQLException {
        assertEquals(committedEvents.get(), count(connection, "events"), "events committed by the transactions");
        assertEquals(scratchRows.get(), count(connection, "scratch"), "rows loaded into scratch by COPY FROM");
    }

    private Path newPath(String name) {
        return work.resolve(names.incrementAndGet() + "-" + name);
    }

    private void checkExport(String format, Random random) throws SQLException {
        Map<String, Long> rows = export(newPath("export-" + format), format, random.nextBoolean() ? 2 : 1);
        assertEquals(SoakSource.TABLES.stream().sorted().toList(), List.copyOf(rows.keySet()), "tables exported");
        FIXED_ROWS.forEach((table, expected) -> assertEquals(expected, rows.get(table), "rows exported of " + table));
    }

    /** Exports the source database; the rows of each table by its name. */
    private Map<String, Long> export(Path directory, String format, int jobs) throws SQLException {
        Map<String, Long> rows = new TreeMap<>();
        try (Connection connection = pool.getConnection(); Statement statement = connection.createStatement();
             ResultSet result = statement.executeQuery(
                     "EXPORT DATABASE '" + directory + "' (FORMAT " + format + ", JOBS " + jobs + ")")) {
            while (result.next()) {
                String table = result.getString("table_name");
                rows.merge(table.substring(table.lastIndexOf('.') + 1).replaceAll("[\"`]", "")
                        .toLowerCase(Locale.ROOT), result.getLong("rows"), Long::sum);
            }
        }
        return rows;
    }

    private void copyTo(Random random) throws SQLException {
        String table = random.nextBoolean() ? "customer" : "orders";
        Path file = newPath(table + (random.nextBoolean() ? ".csv" : ".parquet"));
        try (Connection connection = pool.getConnection(); Statement statement = connection.createStatement()) {
            assertEquals(FIXED_ROWS.get(table), statement.executeLargeUpdate("COPY " + table + " TO '" + file + "'"));
        }
        assertTrue(Files.isRegularFile(file), file.toString());
    }

    private void copyFrom(Random random) throws SQLException {
        Path file = customerFiles.get(random.nextBoolean() ? "csv" : "parquet");
        try (Connection connection = pool.getConnection(); Statement statement = connection.createStatement()) {
            assertEquals(SoakSource.CUSTOMERS, statement.executeUpdate("COPY scratch FROM '" + file + "'"));
        }
        scratchRows.addAndGet(SoakSource.CUSTOMERS);
    }

    private void importIntoNewDatabase(Random random) throws SQLException {
        String format = random.nextBoolean() ? "csv" : "parquet";
        try (Connection connection = freshDatabases.connectToNew(); Statement statement = connection.createStatement()) {
            statement.executeUpdate("IMPORT DATABASE '" + exports.get(format) + "' (JOBS "
                    + (random.nextBoolean() ? 2 : 1) + ")");
            for (Map.Entry<String, Long> table : exportedRows.get(format).entrySet()) {
                assertEquals(table.getValue(), count(connection, table.getKey()), "rows imported into " + table.getKey());
            }
        }
    }

    private void transaction(Random random, int worker, int step) throws SQLException {
        try (Connection connection = pool.getConnection()) {
            connection.setAutoCommit(false);
            try (PreparedStatement update = connection.prepareStatement(
                    "UPDATE counter SET hits = hits + 1 WHERE id = ?")) {
                update.setInt(1, random.nextInt(SoakSource.COUNTERS) + 1);
                assertEquals(1, update.executeUpdate());
            }
            insertEvent(connection, worker, step, "transaction");
            int customer = random.nextInt(SoakSource.CUSTOMERS) + 1;
            assertEquals(List.of(List.of(String.valueOf(SoakSource.ORDERS_PER_CUSTOMER))), ServerQueries.rows(
                    connection, "SELECT count(*) FROM orders WHERE customer_id = " + customer));
            if (random.nextInt(3) == 0) {
                connection.rollback();
            } else {
                connection.commit();
                committedEvents.incrementAndGet();
            }
        }
    }

    private static void insertEvent(Connection connection, int worker, int step, String note) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO events VALUES (?, ?, ?)")) {
            insert.setInt(1, worker);
            insert.setInt(2, step);
            insert.setString(3, note);
            assertEquals(1, insert.executeUpdate());
        }
    }

    private void exportIntoNonEmptyDirectory() throws IOException, SQLException {
        Path occupied = Files.createDirectory(newPath("occupied"));
        Files.writeString(occupied.resolve("keep.txt"), "keep me");
        SQLException refused = failure("EXPORT DATABASE '" + occupied + "' (FORMAT parquet, JOBS 2)");
        assertEquals("42000", refused.getSQLState(), refused.getMessage());
        assertTrue(refused.getMessage().contains("refuses to write into"), refused.getMessage());
        try (Stream<Path> left = Files.list(occupied)) {
            assertEquals(List.of(occupied.resolve("keep.txt")), left.toList());
        }
    }

    private void importMissingDirectory() throws SQLException {
        Path missing = newPath("no-such-export");
        SQLException refused = failure("IMPORT DATABASE '" + missing + "' (JOBS 2)");
        assertEquals("42000", refused.getSQLState(), refused.getMessage());
        assertTrue(refused.getMessage().contains(missing + " is not a directory"), refused.getMessage());
    }

    private void importIntoNonEmptyDatabase(Random random) throws SQLException {
        SQLException refused = failure("IMPORT DATABASE '" + exports.get(random.nextBoolean() ? "csv" : "parquet")
                + "' (JOBS 2)");
        assertEquals("42000", refused.getSQLState(), refused.getMessage());
        assertTrue(refused.getMessage().contains("runs only into an empty database"), refused.getMessage());
    }

    /** An import on two connections that fails after loading its data: the further connection is open then. */
    private void importFailingAfterItsData() throws SQLException {
        try (Connection connection = freshDatabases.connectToNew(); Statement statement = connection.createStatement()) {
            SQLException error = assertThrows(SQLException.class, () -> statement.execute(
                    "IMPORT DATABASE '" + brokenExport + "' (JOBS 2, ALLOW_EDITED_SCRIPTS)"));
            assertTrue(error.getMessage().contains("post-data.sql line " + brokenLine), error.getMessage());
            assertEquals(List.of(List.of("0")), ServerQueries.rows(connection, engine == TestServer.Engine.POSTGRESQL
                    ? "SELECT count(*) FROM pg_class WHERE relnamespace = 'public'::regnamespace"
                    : "SELECT count(*) FROM information_schema.TABLES WHERE TABLE_SCHEMA = DATABASE()"),
                    "what the failed import left");
        }
    }

    /**
     * COPY FROM a file with a value that is not a number; half the time inside a transaction, whose earlier work
     * stays and is committed after the error.
     */
    private void copyFromBadValue(Random random, int worker, int step) throws SQLException {
        boolean inTransaction = random.nextBoolean();
        try (Connection connection = pool.getConnection(); Statement statement = connection.createStatement()) {
            connection.setAutoCommit(!inTransaction);
            if (inTransaction) {
                insertEvent(connection, worker, step, "before a bad COPY");
            }
            SQLException error = assertThrows(SQLException.class,
                    () -> statement.executeUpdate("COPY scratch FROM '" + badFile + "'"));
            assertEquals("22000", error.getSQLState(), error.getMessage());
            assertTrue(error.getMessage().contains(badFile.getFileName().toString())
                    && error.getMessage().contains("line " + BAD_LINE + " "), error.getMessage());
            if (inTransaction) {
                connection.commit();
                committedEvents.incrementAndGet();
            }
        }
    }

    private void syntaxError(Random random) throws SQLException {
        if (random.nextBoolean()) {
            SQLException error = failure("SELEC count(*) FROM customer");
            assertEquals(engine == TestServer.Engine.POSTGRESQL ? "42601" : "42000", error.getSQLState(),
                    error.getMessage());
        } else {
            SQLException error = failure("EXPORT DATABASE '" + newPath("never") + "' (FORMAT parquet, JOBS");
            assertEquals("42601", error.getSQLState(), error.getMessage());
        }
    }

    /**
     * A statement stopped by its timeout; the pool hands out a working connection after it. (MariaDB's driver throws
     * an SQLTimeoutException, on which HikariCP retires the connection rather than reuse it.)
     */
    private void queryTimeout() throws SQLException {
        try (Connection connection = pool.getConnection(); Statement statement = connection.createStatement()) {
            statement.setQueryTimeout(1);
            SQLException error = assertThrows(SQLException.class, () -> statement.executeQuery(sleep()));
            assertEquals(cancelledState(), error.getSQLState(), error.getMessage());
        }
        try (Connection after = pool.getConnection()) {
            assertEquals(List.of(List.of("1")), ServerQueries.rows(after, "SELECT 1"), "a connection after");
        }
    }

    /** A statement cancelled from another thread, again and again until it stops (the first may come too early). */
    private void cancel() throws SQLException {
        try (Connection connection = pool.getConnection(); Statement statement = connection.createStatement()) {
            ScheduledFuture<?> cancelling = canceller.scheduleWithFixedDelay(() -> {
                try {
                    statement.cancel();
                } catch (SQLException ignored) {
                    // The next attempt cancels it.
                }
            }, 200, 200, TimeUnit.MILLISECONDS);
            try {
                SQLException error = assertThrows(SQLException.class, () -> statement.executeQuery(sleep()));
                assertEquals(cancelledState(), error.getSQLState(), error.getMessage());
            } finally {
                cancelling.cancel(false);
            }
        }
    }

    /** A statement that runs for 30 s unless it is stopped. */
    private String sleep() {
        return engine == TestServer.Engine.POSTGRESQL ? "SELECT pg_sleep(30)" : "SELECT SLEEP(30)";
    }

    /** The SQLState of a statement stopped by its timeout or by {@code cancel()}. */
    private String cancelledState() {
        return engine == TestServer.Engine.POSTGRESQL ? "57014" : "70100";
    }

    /** The error of running {@code sql} on a pooled connection, which must fail. */
    private SQLException failure(String sql) throws SQLException {
        try (Connection connection = pool.getConnection(); Statement statement = connection.createStatement()) {
            return assertThrows(SQLException.class, () -> statement.execute(sql), sql);
        }
    }

    private static long count(Connection connection, String table) throws SQLException {
        return Long.parseLong(ServerQueries.rows(connection, "SELECT count(*) FROM " + table).get(0).get(0));
    }

    @Override
    public void close() {
        canceller.shutdownNow();
    }
}
