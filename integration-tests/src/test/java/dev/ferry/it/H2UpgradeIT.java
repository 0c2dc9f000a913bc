package dev.ferry.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;

/**
 * The classic upgrade, as a user runs it: an H2 1.4.200 database file, which H2 2.x refuses to open, exported with
 * {@code ferry.jar --driver h2-1.4.200.jar} and imported into a new file with {@code --driver h2-2.3.232.jar}. Each
 * command runs in a JVM of its own; the test reads both databases through class loaders of their own, one per H2
 * version, and compares schema and rows ({@link VersionUpgrade}).
 */
class H2UpgradeIT extends VersionUpgrade {
    /** Each column's type in H2 2.x after the upgrade (1.4.200's declaration in the comment where it differs). */
    private static final List<String> TYPES_IN_H2_2 = List.of(
            "Hr \"Dept\".Staff Member.Id INTEGER",
            "Hr \"Dept\".Staff Member.MANAGER INTEGER",
            "Hr \"Dept\".Staff Member.CODE CHARACTER VARYING(10)",
            "PUBLIC.EVENTS.ID INTEGER",
            "PUBLIC.EVENTS.NOTE CHARACTER VARYING(20)",
            "PUBLIC.NO_CONSTRAINTS.A INTEGER",
            "PUBLIC.NO_CONSTRAINTS.B CHARACTER VARYING(10)",
            "PUBLIC.TYPES.ID INTEGER",
            "PUBLIC.TYPES.I INTEGER",
            "PUBLIC.TYPES.B BIGINT",
            "PUBLIC.TYPES.S SMALLINT",
            "PUBLIC.TYPES.T TINYINT",
            "PUBLIC.TYPES.BO BOOLEAN",
            "PUBLIC.TYPES.D NUMERIC(20, 5)",
            "PUBLIC.TYPES.ANY_SCALE DECFLOAT", // DECIMAL
            "PUBLIC.TYPES.DO DOUBLE PRECISION",
            "PUBLIC.TYPES.R REAL",
            "PUBLIC.TYPES.V CHARACTER VARYING(50)",
            "PUBLIC.TYPES.V_UNBOUNDED CHARACTER VARYING(1000000000)", // VARCHAR
            "PUBLIC.TYPES.C CHARACTER(5)",
            "PUBLIC.TYPES.CL CHARACTER LARGE OBJECT",
            "PUBLIC.TYPES.VB BINARY VARYING(100)",
            "PUBLIC.TYPES.BL BINARY LARGE OBJECT",
            "PUBLIC.TYPES.DA DATE",
            "PUBLIC.TYPES.TI TIME(0)",
            "PUBLIC.TYPES.TI9 TIME(9)",
            "PUBLIC.TYPES.TS TIMESTAMP(6)",
            "PUBLIC.TYPES.TS0 TIMESTAMP(0)",
            "PUBLIC.TYPES.TS9 TIMESTAMP(9)",
            "PUBLIC.TYPES.TSTZ TIMESTAMP(6) WITH TIME ZONE",
            "PUBLIC.TYPES.TITZ TIME(0) WITH TIME ZONE",
            "PUBLIC.TYPES.U UUID",
            "PUBLIC.TYPES.A CHARACTER VARYING ARRAY", // ARRAY
            "PUBLIC.TYPES.VI VARCHAR_IGNORECASE(20)",
            "PUBLIC.TYPES.E ENUM('low', 'high')",
            "PUBLIC.TYPES.J JSON",
            "PUBLIC.TYPES.IV INTERVAL DAY TO SECOND(6)",
            "SALES.CUSTOMERS.ID INTEGER", // INT AUTO_INCREMENT
            "SALES.CUSTOMERS.NAME CHARACTER VARYING(100)",
            "SALES.CUSTOMERS.EMAIL CHARACTER VARYING(200)",
            "SALES.CUSTOMERS.SINCE DATE",
            "SALES.CUSTOMERS.STATUS CHARACTER(1)",
            "SALES.ORDERS.ID BIGINT", // IDENTITY
            "SALES.ORDERS.CUSTOMER_ID INTEGER",
            "SALES.ORDERS.ORDER_NO BIGINT",
            "SALES.ORDERS.TOTAL NUMERIC(12, 2)",
            "SALES.ORDERS.PLACED TIMESTAMP(3)",
            "SALES.ORDERS.NOTE CHARACTER VARYING(200)",
            "SALES.ORDER_LINES.ORDER_ID BIGINT",
            "SALES.ORDER_LINES.LINE INTEGER",
            "SALES.ORDER_LINES.PRODUCT CHARACTER VARYING(50)",
            "SALES.ORDER_LINES.QTY SMALLINT");

    /** What the source hands out next and what one more insert and call give, asked of both versions alike. */
    private static final List<String> NEXT = List.of(
            "SELECT NEXT VALUE FOR SALES.ORDER_NO",
            "SELECT NEXT VALUE FOR PUBLIC.TICKETS",
            "SELECT NEXT VALUE FOR PUBLIC.TICKETS",
            "SELECT NEXT VALUE FOR PUBLIC.COUNTDOWN",
            "SELECT NEXT VALUE FOR PUBLIC.UNUSED",
            "SELECT FLOOR_MOD(-7, 3), GREET('Ada')");

    H2UpgradeIT() {
        super("h2");
    }

    @BeforeAll
    void versions() {
        assertEquals(1, oldVersion().majorVersion());
        assertEquals(2, newVersion().majorVersion());
    }

    @Override
    String url(String file) {
        return "jdbc:h2:" + file;
    }

    @Override
    String ifExists() {
        return ";IFEXISTS=TRUE";
    }

    @Override
    String user() {
        return "sa";
    }

    @Override
    List<String> commandLineOptions() {
        return List.of("-u", "sa");
    }

    @Override
    void createOldDatabase(Connection old) throws SQLException {
        H2LegacyDatabase.create(old);
    }

    @Override
    Map<String, List<List<Object>>> catalog(Connection database) throws SQLException {
        return H2VersionCatalog.describe(database);
    }

    @Override
    Map<String, List<List<Object>>> rows(Connection database, boolean instantsOnly) throws SQLException {
        return H2VersionRows.of(database, instantsOnly);
    }

    @Override
    List<String> exportWarnings() {
        return List.of(
                "Warning: Column PUBLIC.TYPES.C is CHAR(5): H2 2.x pads its values with spaces",
                "Warning: Column PUBLIC.TYPES.ANY_SCALE is DECIMAL without precision and scale",
                "Warning: Column PUBLIC.TYPES.A is an ARRAY without an element type",
                "Warning: Function PUBLIC.GREET is created without DETERMINISTIC",
                "Warning: Column PUBLIC.TYPES.IV of type INTERVAL is carried in the driver's text form");
    }

    /** H2 2.x refuses the file 1.4.200 wrote. */
    @Override
    void checkOldFileInNewVersion(String oldUrl) {
        SQLException refused = assertThrows(SQLException.class,
                () -> newVersion().connect(oldUrl + ifExists(), user()).close());
        assertTrue(refused.getMessage().contains("Unsupported database file version"), refused.getMessage());
    }

    @Override
    void checkCopy(Connection copy) throws SQLException {
        assertEquals(TYPES_IN_H2_2, H2VersionCatalog.types(copy));
        assertKeptAsH2TwoKeepsThem(copy);
    }

    @Override
    List<String> nextQueries() {
        return NEXT;
    }

    /** New rows take identity values, and the trigger fires for a new row (not for the loaded ones). */
    @Override
    List<String> nextInserts() {
        return List.of(
                "INSERT INTO SALES.CUSTOMERS (NAME) VALUES ('New')",
                "INSERT INTO SALES.ORDERS (CUSTOMER_ID, TOTAL) VALUES (1, 1)",
                "INSERT INTO PUBLIC.EVENTS VALUES (2, 'new')");
    }

    @Override
    List<String> insertedQueries() {
        return List.of(
                "SELECT ID FROM SALES.CUSTOMERS WHERE NAME = 'New'",
                "SELECT ID FROM SALES.ORDERS WHERE TOTAL = 1",
                "SELECT NOTE FROM PUBLIC.EVENTS WHERE ID = 2");
    }

    /** Numbers as longs: the versions give some as Integer, some as Long. */
    @Override
    Object comparable(Object value) {
        return value instanceof Integer || value instanceof Long ? (Object) ((Number) value).longValue() : value;
    }

    @Override
    List<List<Object>> expectedNext() {
        return List.of(List.of(1030L), List.of(2L), List.of(3L), List.of(90L), List.of(42L),
                List.of(2L, "Hello, Ada"), List.of(5L), List.of(4L), List.of("fired"));
    }

    /** The values whose form H2 2.x changes by design, and those it must not change. */
    private static void assertKeptAsH2TwoKeepsThem(Connection copy) throws SQLException {
        assertEquals(List.of(List.of("ab   "), List.of("     ")),
                TestDatabases.rows(copy, "SELECT C FROM PUBLIC.TYPES WHERE ID < 3 ORDER BY ID"), "CHAR(5) is padded");
        assertEquals(LocalDateTime.of(2024, 2, 29, 12, 34, 56, 789_000_000),
                value(copy, "SELECT PLACED FROM SALES.ORDERS WHERE ID = 1", LocalDateTime.class));
        assertEquals(LocalDateTime.of(2200, 1, 1, 0, 0, 0, 1),
                value(copy, "SELECT TS9 FROM PUBLIC.TYPES WHERE ID = 1", LocalDateTime.class));
        assertEquals(0, new BigDecimal("1.50").compareTo(
                value(copy, "SELECT ANY_SCALE FROM PUBLIC.TYPES WHERE ID = 1", BigDecimal.class)));
        assertEquals(new BigDecimal("12345678901234567890.123456789"),
                value(copy, "SELECT ANY_SCALE FROM PUBLIC.TYPES WHERE ID = 2", BigDecimal.class));
        assertEquals(Arrays.asList("1", "two", null), Arrays.asList((Object[]) value(copy,
                "SELECT A FROM PUBLIC.TYPES WHERE ID = 1", java.sql.Array.class).getArray()), "elements as text");
    }

    private static <T> T value(Connection connection, String sql, Class<T> type) throws SQLException {
        try (var statement = connection.createStatement(); var rs = statement.executeQuery(sql)) {
            assertTrue(rs.next(), sql);
            return rs.getObject(1, type);
        }
    }
}
