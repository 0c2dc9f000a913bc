package dev.ferry.core.dialect.duckdb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ferry.core.dialect.Dialect;
import dev.ferry.core.dialect.LoadTarget;
import dev.ferry.core.dialect.TableLoader;
import dev.ferry.core.format.TableReader;
import dev.ferry.core.model.progress.ProgressListener;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * DuckDB's Appender path against the insert path, on DuckDB 1.4 in memory: every value the same, in the file's order,
 * and refusals naming the rows.
 */
class DuckDbAppenderLoaderTest {
    private static final String COLUMNS = "(b BOOLEAN, ti TINYINT, ut UTINYINT, si SMALLINT, us USMALLINT, i INTEGER,"
            + " ui UINTEGER, bi BIGINT, ub UBIGINT, hi HUGEINT, uh UHUGEINT, d DECIMAL(12,2), d38 DECIMAL(38,10),"
            + " d4 DECIMAL(4,1), f FLOAT, dd DOUBLE, v VARCHAR, bl BLOB, u UUID, dt DATE, tm TIME, ts TIMESTAMP,"
            + " tz TIMESTAMPTZ)";

    private final Dialect dialect = new DuckDbDialect();
    private Connection connection;

    @BeforeEach
    void open() throws SQLException {
        connection = DriverManager.getConnection("jdbc:duckdb:");
        connection.setAutoCommit(false);
    }

    @AfterEach
    void close() throws SQLException {
        connection.close();
    }

    @Test
    void theDialectLoadsThroughTheAppenderOnDuckDb14() throws SQLException {
        assertInstanceOf(DuckDbAppenderLoader.class, dialect.tableLoader(connection).orElseThrow());
    }

    @Test
    void everyValueArrivesAsTheInsertsStoreIt() throws Exception {
        execute("CREATE TABLE by_inserts " + COLUMNS, "CREATE TABLE by_appender " + COLUMNS);
        List<Object[]> rows = List.of(
                new Object[23],
                row(true, -5, 200, -300, 60000, 70000, 4_000_000_000L, 1L << 40, "18446744073709551615",
                        "-170141183460469231731687303715884105728", "340282366920938463463374607431768211455",
                        "1234567890.12", "-1234567890123456789012345678.0123456789", "-999.9", 1.5f, Math.PI,
                        "héllo, \"world\"\n\u0000 \\N", new byte[] {0, 1, (byte) 255},
                        UUID.fromString("f0000000-0000-0000-0000-000000000001"), LocalDate.of(2024, 2, 29),
                        LocalTime.of(12, 34, 56, 123_456_000), LocalDateTime.of(2024, 2, 29, 23, 59, 59, 999_999_000),
                        OffsetDateTime.of(2024, 1, 1, 10, 0, 0, 0, ZoneOffset.ofHoursMinutes(5, 30))),
                row(false, -128, 255, -32768, 65535, Integer.MIN_VALUE, 0L, Long.MIN_VALUE, "0",
                        "170141183460469231731687303715884105727", "0", "0.05", "1E+2", "1.50", Float.NaN, -0.0, "",
                        new byte[0], UUID.fromString("00000000-0000-0000-0000-000000000000"), LocalDate.MAX,
                        LocalTime.MAX, LocalDateTime.MAX, OffsetDateTime.MIN),
                row(true, 127, 0, 32767, 0, Integer.MAX_VALUE, 4_294_967_295L, Long.MAX_VALUE,
                        "18446744073709551615", "-1", "1", "-0.00", "0.0000000001", "0", Float.NEGATIVE_INFINITY,
                        Double.POSITIVE_INFINITY, "😀 ünïcode", new byte[] {'\\', 'x'}, UUID.randomUUID(),
                        LocalDate.MIN, LocalTime.MIDNIGHT, LocalDateTime.MIN, OffsetDateTime.MAX),
                row(null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null,
                        null, null, null, LocalDate.of(-43, 3, 15), LocalTime.of(23, 59, 59, 999_999_000),
                        LocalDateTime.of(1, 1, 1, 0, 0), OffsetDateTime.of(1969, 12, 31, 23, 59, 59, 999_999_000,
                                ZoneOffset.ofHours(-14))),
                // Values the Appender does not store as DuckDB's cast does: each row is inserted on its own.
                row(null, null, null, null, null, null, null, null, null, null, null, "1.005", "1.00000000005",
                        "-0.05", null, null, null, null, null, LocalDate.of(290_001, 1, 1),
                        LocalTime.of(1, 2, 3, 456_789_123), LocalDateTime.of(2024, 1, 1, 0, 0, 0, 1),
                        OffsetDateTime.of(2024, 1, 1, 0, 0, 0, 999_999_999, ZoneOffset.UTC)));
        load(new DuckDbInsertLoader(connection, dialect, DuckDbVersion.of(connection)), "by_inserts", rows);
        load(DuckDbAppenderLoader.of(connection, dialect), "by_appender", rows);
        assertEquals(text("by_inserts"), text("by_appender"));
        assertEquals(rows.size(), text("by_appender").size());
    }

    @Test
    void aChunkTheDatabaseRefusesIsNamedByItsFirstAndLastRow() throws Exception {
        execute("CREATE TABLE t (id INTEGER PRIMARY KEY, name VARCHAR NOT NULL)");
        connection.commit();
        List<Object[]> rows = new ArrayList<>();
        IntStream.rangeClosed(1, 5_000).forEach(id -> rows.add(new Object[] {id == 3_000 ? 10 : id, "n" + id}));
        SQLException refused = assertThrows(SQLException.class,
                () -> load(DuckDbAppenderLoader.of(connection, dialect), "t", rows));
        assertTrue(refused.getMessage().startsWith("The database refused a row between row 2049 and row 4096: "
                + "Appender error"), refused.getMessage());
        assertTrue(refused.getMessage().contains("duplicate key \"10\""), refused.getMessage());
        connection.rollback();
        assertEquals(List.of(), text("t"));
    }

    @Test
    void aRowTheLoadEndsWithIsNamedAlone() throws Exception {
        execute("CREATE TABLE t (id INTEGER PRIMARY KEY, name VARCHAR NOT NULL)");
        List<Object[]> rows = new ArrayList<>();
        IntStream.rangeClosed(1, 2_049).forEach(id -> rows.add(new Object[] {id, id == 2_049 ? null : "n" + id}));
        SQLException refused = assertThrows(SQLException.class,
                () -> load(DuckDbAppenderLoader.of(connection, dialect), "t", rows));
        assertTrue(refused.getMessage().startsWith("The database refused the row at row 2049: "), refused.getMessage());
        assertTrue(refused.getMessage().contains("NOT NULL"), refused.getMessage());
    }

    @Test
    void checkConstraintsAreCheckedAsTheChunkGoesIn() throws Exception {
        execute("CREATE TABLE t (id INTEGER, amount DECIMAL(9,2) CHECK (amount >= 0))");
        List<Object[]> rows = new ArrayList<>();
        IntStream.rangeClosed(1, 10).forEach(id -> rows.add(new Object[] {id, new BigDecimal(id == 4 ? "-1" : "1")}));
        SQLException refused = assertThrows(SQLException.class,
                () -> load(DuckDbAppenderLoader.of(connection, dialect), "t", rows));
        assertTrue(refused.getMessage().startsWith("The database refused a row between row 1 and row 10: "
                + "Appender error"), refused.getMessage());
        assertTrue(refused.getMessage().contains("CHECK"), refused.getMessage());
    }

    @Test
    void aValueOutsideTheColumnsRangeIsRefusedByDuckDbNamingItsRow() throws Exception {
        execute("CREATE TABLE t (id INTEGER, small TINYINT)");
        List<Object[]> rows = new ArrayList<>();
        IntStream.rangeClosed(1, 20).forEach(id -> rows.add(new Object[] {id, id == 7 ? 300 : id}));
        SQLException refused = assertThrows(SQLException.class,
                () -> load(DuckDbAppenderLoader.of(connection, dialect), "t", rows));
        assertTrue(refused.getMessage().startsWith("The database refused the row at row 7: "), refused.getMessage());
        assertTrue(refused.getMessage().contains("out of range"), refused.getMessage());
    }

    @Test
    void foreignKeysToOtherTablesAreCheckedChunkByChunk() throws Exception {
        execute("CREATE TABLE parent (id INTEGER PRIMARY KEY)",
                "CREATE TABLE child (id INTEGER PRIMARY KEY, parent INTEGER REFERENCES parent (id))");
        load(DuckDbAppenderLoader.of(connection, dialect), "parent", List.of(row(1), row(2)));
        List<Object[]> children = new ArrayList<>();
        IntStream.rangeClosed(1, 150).forEach(id -> children.add(row(id, id % 3 == 0 ? null : id % 2 + 1)));
        load(DuckDbAppenderLoader.of(connection, dialect), "child", children);
        assertEquals(150, text("child").size());

        execute("CREATE TABLE orphan (id INTEGER PRIMARY KEY, parent INTEGER REFERENCES parent (id))");
        List<Object[]> orphans = new ArrayList<>();
        IntStream.rangeClosed(1, 150).forEach(id -> orphans.add(row(id, id == 120 ? 3 : 1)));
        SQLException refused = assertThrows(SQLException.class,
                () -> load(DuckDbAppenderLoader.of(connection, dialect), "orphan", orphans));
        assertTrue(refused.getMessage().startsWith("The database refused a row between row 1 and row 150: "),
                refused.getMessage());
        assertTrue(refused.getMessage().contains("foreign key"), refused.getMessage());
    }

    @Test
    void aTableThatRefersToItselfIsInsertedRowByRow() throws Exception {
        execute("CREATE TABLE employee (id INTEGER PRIMARY KEY, boss INTEGER REFERENCES employee (id))");
        List<Object[]> rows = new ArrayList<>();
        IntStream.rangeClosed(1, 150).forEach(id -> rows.add(row(id, id == 1 ? null : id - 1)));
        load(DuckDbAppenderLoader.of(connection, dialect), "employee", rows);
        assertEquals(150, text("employee").size());
    }

    @Test
    void generatedColumnsAreLeftToDuckDb() throws Exception {
        execute("CREATE TABLE by_inserts (a INTEGER, twice INTEGER GENERATED ALWAYS AS (a * 2) VIRTUAL, b VARCHAR)",
                "CREATE TABLE by_appender (a INTEGER, twice INTEGER GENERATED ALWAYS AS (a * 2) VIRTUAL, b VARCHAR)");
        List<Object[]> rows = List.of(row(1, "x"), row(null, null), row(3, ""));
        load(new DuckDbInsertLoader(connection, dialect, DuckDbVersion.of(connection)), "by_inserts", rows, "twice");
        assertEquals(List.of("a", "b"), DuckDbTargetTable.of(connection, DuckDbVersion.of(connection), "by_appender")
                .columnNames(), "the columns the Appender takes: the load's");
        load(DuckDbAppenderLoader.of(connection, dialect), "by_appender", rows, "twice");
        assertEquals(text("by_inserts"), text("by_appender"));
        assertEquals(List.of(List.of("1", "2", "x"), Arrays.asList(null, null, null), List.of("3", "6", "")),
                text("by_appender"));
    }

    @Test
    void tablesOfTypesTheAppenderDoesNotCarryAreInserted() throws Exception {
        execute("CREATE TABLE by_inserts (id INTEGER, during INTERVAL, tags VARCHAR[], happened TIMESTAMP_NS)",
                "CREATE TABLE by_appender (id INTEGER, during INTERVAL, tags VARCHAR[], happened TIMESTAMP_NS)");
        List<Object[]> rows = List.of(row(1, "1 day 02:00:00", new Object[] {"a,b", null},
                LocalDateTime.of(2024, 1, 1, 0, 0, 0, 123_456_789)), row(2, null, null, null));
        load(new DuckDbInsertLoader(connection, dialect, DuckDbVersion.of(connection)), "by_inserts", rows);
        load(DuckDbAppenderLoader.of(connection, dialect), "by_appender", rows);
        assertEquals(text("by_inserts"), text("by_appender"));
    }

    /** A row's values: strings become decimals where the column is one. */
    private static Object[] row(Object... values) {
        return values;
    }

    private void execute(String... statements) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            for (String sql : statements) {
                statement.execute(sql);
            }
        }
    }

    /** Loads the rows into every column of the table but those named {@code generated}, as an IMPORT does. */
    private void load(TableLoader loader, String table, List<Object[]> rows, String... generated) throws Exception {
        LoadTarget target = target(generated.length == 0 ? table
                : "(SELECT * EXCLUDE (" + String.join(", ", generated) + ") FROM " + table + ")", table);
        List<Object[]> values = rows.stream().map(row -> decimals(target, row)).toList();
        assertEquals(rows.size(), loader.load(target, reader(values), ProgressListener.NONE));
    }

    /** The row with its text for each DECIMAL column as the decimal a data file's reader gives. */
    private static Object[] decimals(LoadTarget target, Object[] row) {
        Object[] values = Arrays.copyOf(row, row.length);
        for (int i = 0; i < values.length; i++) {
            if (values[i] instanceof String text && target.kinds().get(i) == dev.ferry.core.value.ValueKind.DECIMAL) {
                values[i] = new BigDecimal(text);
            }
        }
        return values;
    }

    /** The columns of {@code columns} (a table or a query on it) as a load into {@code table} sees them. */
    private LoadTarget target(String columns, String table) throws SQLException {
        try (PreparedStatement probe = connection.prepareStatement("SELECT * FROM " + columns + " WHERE 1 = 0");
             ResultSet empty = probe.executeQuery()) {
            ResultSetMetaData metaData = empty.getMetaData();
            List<String> names = new ArrayList<>();
            int[] jdbcTypes = new int[metaData.getColumnCount()];
            for (int i = 1; i <= metaData.getColumnCount(); i++) {
                names.add(metaData.getColumnName(i));
                jdbcTypes[i - 1] = metaData.getColumnType(i);
            }
            return new LoadTarget(table, names, names.stream().map(dialect::quoteIdentifier).toList(),
                    dialect.valueKinds(metaData), jdbcTypes);
        }
    }

    /** Rows as a data file's reader gives them, the n-th at "row n". */
    private static TableReader reader(List<Object[]> rows) {
        Iterator<Object[]> next = rows.iterator();
        return new TableReader() {
            private int row;

            @Override
            public Object[] next() {
                if (!next.hasNext()) {
                    return null;
                }
                row++;
                return next.next();
            }

            @Override
            public String position() {
                return "row " + row;
            }

            @Override
            public void close() {
            }
        };
    }

    /** Every row of the table, each value as DuckDB's text of it, in the order the rows went in. */
    private List<List<String>> text(String table) throws SQLException {
        List<List<String>> rows = new ArrayList<>();
        try (Statement statement = connection.createStatement();
             ResultSet result = statement.executeQuery("SELECT CAST(COLUMNS(*) AS VARCHAR) FROM " + table
                     + " ORDER BY rowid")) {
            int columns = result.getMetaData().getColumnCount();
            while (result.next()) {
                List<String> row = new ArrayList<>();
                for (int i = 1; i <= columns; i++) {
                    row.add(result.getString(i));
                }
                rows.add(row);
            }
        }
        return rows;
    }
}
