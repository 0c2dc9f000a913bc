package dev.ferry.it;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * The H2 1.4.200 database an upgrade starts from: what 1.4.200 supports, in several schemas, with its data written
 * the way 1.4 applications wrote it (AUTO_INCREMENT and IDENTITY columns, untyped ARRAY, DECIMAL without precision).
 */
final class H2LegacyDatabase {

    /**
     * A Java-source trigger that marks each inserted row's second column {@code fired}. It names no H2 class in its
     * source: H2 compiles it with the JVM's class path, which does not hold the H2 jar when the command line loads it
     * with --driver; it finds H2's Trigger interface through the class loader of the H2 code calling it.
     */
    static final String MARK_TRIGGER_SOURCE = """
            Object create() throws Exception {
                ClassLoader h2 = StackWalker.getInstance(StackWalker.Option.RETAIN_CLASS_REFERENCE).walk(frames -> frames
                        .map(StackWalker.StackFrame::getDeclaringClass).filter(c -> c.getName().startsWith("org.h2.schema."))
                        .findFirst().get()).getClassLoader();
                return java.lang.reflect.Proxy.newProxyInstance(h2, new Class<?>[] {Class.forName("org.h2.api.Trigger", true, h2)},
                        (proxy, method, arguments) -> {
                            if (method.getName().equals("fire")) {
                                ((Object[]) arguments[2])[1] = "fired";
                            }
                            return null;
                        });
            }""";

    private static final List<String> STATEMENTS = List.of(
            "CREATE SCHEMA SALES",
            "CREATE SCHEMA \"Hr \"\"Dept\"\"\"",
            "CREATE SEQUENCE SALES.ORDER_NO START WITH 1000 INCREMENT BY 10",
            "CREATE SEQUENCE PUBLIC.TICKETS START WITH 5 INCREMENT BY 1 MINVALUE 1 MAXVALUE 7 CYCLE",
            "CREATE SEQUENCE PUBLIC.COUNTDOWN START WITH 100 INCREMENT BY -5 MINVALUE 0 MAXVALUE 100",
            "CREATE SEQUENCE PUBLIC.UNUSED START WITH 42 INCREMENT BY 3",
            "CREATE TABLE SALES.CUSTOMERS (ID INT AUTO_INCREMENT PRIMARY KEY, NAME VARCHAR(100) NOT NULL,"
                    + " EMAIL VARCHAR(200) UNIQUE, SINCE DATE DEFAULT DATE '2000-01-01',"
                    + " STATUS CHAR(1) DEFAULT 'A' CHECK (STATUS IN ('A', 'I')))",
            "CREATE TABLE SALES.ORDERS (ID BIGINT IDENTITY, CUSTOMER_ID INT NOT NULL,"
                    + " ORDER_NO BIGINT DEFAULT NEXT VALUE FOR SALES.ORDER_NO, TOTAL DECIMAL(12, 2) CHECK (TOTAL >= 0),"
                    + " PLACED TIMESTAMP(3), NOTE VARCHAR(200),"
                    + " CONSTRAINT ORDERS_CUSTOMER FOREIGN KEY (CUSTOMER_ID) REFERENCES SALES.CUSTOMERS (ID) ON DELETE CASCADE)",
            "CREATE INDEX ORDERS_PLACED ON SALES.ORDERS (PLACED DESC, TOTAL)",
            "CREATE TABLE SALES.ORDER_LINES (ORDER_ID BIGINT, LINE INT, PRODUCT VARCHAR(50), QTY SMALLINT DEFAULT 1,"
                    + " PRIMARY KEY (ORDER_ID, LINE), FOREIGN KEY (ORDER_ID) REFERENCES SALES.ORDERS (ID),"
                    + " CONSTRAINT QTY_POSITIVE CHECK (QTY > 0))",
            "CREATE TABLE \"Hr \"\"Dept\"\"\".\"Staff Member\" (\"Id\" INT PRIMARY KEY,"
                    + " MANAGER INT REFERENCES \"Hr \"\"Dept\"\"\".\"Staff Member\" (\"Id\") ON UPDATE CASCADE,"
                    + " CODE VARCHAR(10), CONSTRAINT STAFF_CODE UNIQUE (CODE))",
            "CREATE UNIQUE INDEX STAFF_MANAGER_CODE ON \"Hr \"\"Dept\"\"\".\"Staff Member\" (MANAGER, CODE DESC)",
            "CREATE TABLE PUBLIC.TYPES (ID INT PRIMARY KEY, I INT, B BIGINT, S SMALLINT, T TINYINT, BO BOOLEAN,"
                    + " D DECIMAL(20, 5), ANY_SCALE DECIMAL, DO DOUBLE, R REAL, V VARCHAR(50), V_UNBOUNDED VARCHAR,"
                    + " C CHAR(5), CL CLOB, VB VARBINARY(100), BL BLOB, DA DATE, TI TIME, TI9 TIME(9), TS TIMESTAMP,"
                    + " TS0 TIMESTAMP(0), TS9 TIMESTAMP(9), TSTZ TIMESTAMP WITH TIME ZONE, TITZ TIME WITH TIME ZONE,"
                    + " U UUID, A ARRAY, VI VARCHAR_IGNORECASE(20), E ENUM('low', 'high'), J JSON,"
                    + " IV INTERVAL DAY TO SECOND)",
            "CREATE TABLE PUBLIC.NO_CONSTRAINTS (A INT, B VARCHAR(10))",
            "CREATE TABLE PUBLIC.EVENTS (ID INT PRIMARY KEY, NOTE VARCHAR(20))",
            "CREATE VIEW SALES.BIG_ORDERS AS SELECT ID, CUSTOMER_ID, TOTAL FROM SALES.ORDERS WHERE TOTAL > 100",
            "CREATE VIEW PUBLIC.BIGGEST_ORDER AS SELECT MAX(TOTAL) AS TOP FROM SALES.BIG_ORDERS",
            "CREATE VIEW SALES.CUSTOMER_TOTALS (CUSTOMER, SPENT) AS SELECT c.NAME, SUM(o.TOTAL) FROM SALES.CUSTOMERS c"
                    + " LEFT JOIN SALES.ORDERS o ON o.CUSTOMER_ID = c.ID GROUP BY c.NAME",
            "CREATE ALIAS PUBLIC.FLOOR_MOD FOR \"java.lang.Math.floorMod(int, int)\"",
            "CREATE ALIAS PUBLIC.GREET AS 'String greet(String name) { return \"Hello, \" + name; }'",
            "COMMENT ON TABLE SALES.CUSTOMERS IS 'Who buys'",
            "COMMENT ON COLUMN SALES.CUSTOMERS.EMAIL IS 'Where to write, or NULL'",

            "INSERT INTO SALES.CUSTOMERS (NAME, EMAIL, STATUS) VALUES ('Ada', 'ada@example.com', 'A'),"
                    + " ('O''Brien \"Bob\"', NULL, 'I'), ('Zoë 😀 €', 'zoe@example.com', DEFAULT), ('Gone', NULL, 'A')",
            "DELETE FROM SALES.CUSTOMERS WHERE NAME = 'Gone'",
            "INSERT INTO SALES.ORDERS (CUSTOMER_ID, TOTAL, PLACED, NOTE) VALUES"
                    + " (1, 150.50, TIMESTAMP '2024-02-29 12:34:56.789', 'first, with \"quotes\"\nand a newline'),"
                    + " (1, 20.00, TIMESTAMP '2024-03-01 00:00:00', ''),"
                    + " (3, 999999.99, NULL, NULL)",
            "INSERT INTO SALES.ORDER_LINES VALUES (1, 1, 'Tea', 2), (1, 2, 'Cake', DEFAULT), (3, 1, 'Gold', 1)",
            "INSERT INTO \"Hr \"\"Dept\"\"\".\"Staff Member\" VALUES (1, NULL, 'boss'), (2, 1, 'a'), (3, 2, NULL)",
            "INSERT INTO PUBLIC.TYPES VALUES (1, -2147483648, -9223372036854775808, -32768, -128, TRUE,"
                    + " 123456789012345.12345, 1.50, CAST('NaN' AS DOUBLE), 0.1, 'it''s \"quoted\", ok', 'long ' || SPACE(300) || 'text',"
                    + " 'ab', 'a clob: ∑ 𝄞', X'00ff7f80', X'cafebabe', DATE '0001-01-01', TIME '23:59:59',"
                    + " TIME '01:02:03.123456789', TIMESTAMP '2024-02-29 23:59:59.123456', TIMESTAMP '1970-01-01 00:00:00',"
                    + " TIMESTAMP '2200-01-01 00:00:00.000000001', TIMESTAMP WITH TIME ZONE '2024-01-01 10:00:00.5+05:30',"
                    + " TIME WITH TIME ZONE '10:00:00+02:00', '47acd9a8-ba45-4bee-82fc-f0f42faa7e27',"
                    + " ARRAY[1, 'two', NULL], 'MiXeD', 'high', JSON '{\"a\":[1,2]}', INTERVAL '1 02:03:04.5' DAY TO SECOND)",
            "INSERT INTO PUBLIC.TYPES VALUES (2, 2147483647, 9223372036854775807, 32767, 127, FALSE, -0.00001, 12345678901234567890.123456789,"
                    + " 1.7976931348623157E308, CAST('-Infinity' AS REAL), '', '', '', '', X'', X'', DATE '9999-12-31',"
                    + " TIME '00:00:00', TIME '00:00:00', TIMESTAMP '0001-01-01 00:00:00', TIMESTAMP '9999-12-31 23:59:59',"
                    + " TIMESTAMP '1700-01-01 00:00:00.999999999', TIMESTAMP WITH TIME ZONE '2024-06-30 23:59:59.999999-08:00',"
                    + " TIME WITH TIME ZONE '23:59:59-14:00', '00000000-0000-0000-0000-000000000000', ARRAY[], '',"
                    + " 'low', JSON '\"text\"', INTERVAL '-3 00:00:00' DAY TO SECOND)",
            "INSERT INTO PUBLIC.TYPES (ID) VALUES (3)",
            "INSERT INTO PUBLIC.NO_CONSTRAINTS VALUES (1, 'a'), (NULL, NULL), (1, 'a')",
            "INSERT INTO PUBLIC.EVENTS VALUES (1, 'kept')",
            "CREATE TRIGGER PUBLIC.EVENTS_MARK BEFORE INSERT ON PUBLIC.EVENTS FOR EACH ROW AS '"
                    + MARK_TRIGGER_SOURCE.replace("'", "''") + "'",
            "SELECT NEXT VALUE FOR PUBLIC.TICKETS",
            "SELECT NEXT VALUE FOR PUBLIC.TICKETS",
            "SELECT NEXT VALUE FOR PUBLIC.TICKETS",
            "SELECT NEXT VALUE FOR PUBLIC.TICKETS",
            "SELECT NEXT VALUE FOR PUBLIC.COUNTDOWN",
            "SELECT NEXT VALUE FOR PUBLIC.COUNTDOWN");

    private H2LegacyDatabase() {
    }

    /** Creates the schema and the data on an empty H2 1.4.200 database. */
    static void create(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            for (String sql : STATEMENTS) {
                try {
                    statement.execute(sql);
                } catch (SQLException e) {
                    throw new SQLException("H2 1.4.200 refused: " + sql, e);
                }
            }
        }
    }
}
