package dev.ferry.it.servers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ferry.core.operation.verify.DataComparison;
import dev.ferry.it.values.ValueMatrix;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLWarning;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * MariaDB's values as (type, value, expected) round trips: each value is stored in a source database, exported in
 * CSV and in Parquet, each export imported into a fresh database, and read back from the source and both copies with
 * an SQL expression that shows it exactly (its text, its hexadecimal bytes, the double a FLOAT holds, the instant of a
 * TIMESTAMP). The expected text is written out for every case, so a value that changed on both sides the same way
 * would still be caught.
 *
 * <p>What MariaDB cannot hold is not tested: FLOAT and DOUBLE have no NaN or ±Infinity (the server refuses them),
 * and a DOUBLE column stores -0.0 as 0.
 *
 * <p>The export runs on a session in zone +05:30 and the import on one in zone -08:00, each with an SQL mode that
 * would change values or scripts (ANSI_QUOTES and PAD_CHAR_TO_FULL_LENGTH; NO_ZERO_DATE and NO_BACKSLASH_ESCAPES).
 * Ferry works in UTC and an SQL mode of its own inside both, so TIMESTAMP values keep their instants (checked through
 * UNIX_TIMESTAMP), zero dates load, and both sessions get their settings back.
 */
class MariaDbValuesIT extends ValueMatrix<MariaDbValuesIT.Case> {
    /** Inserted with a relaxed SQL mode, which allows zero, partly zero and invalid dates. */
    static final String RELAXED = "ALLOW_INVALID_DATES";

    private final TestServer server = TestServer.mariadb();
    /** The name of each database the matrix uses, by its plain connection. */
    private final Map<Connection, String> databases = new IdentityHashMap<>();
    /** The table of each type: the cases of one type are the rows of one table, each case's row id its index. */
    private final Map<String, String> tables = new LinkedHashMap<>();
    private final Map<String, List<String>> exportWarnings = new LinkedHashMap<>();

    MariaDbValuesIT() {
        super(cases());
    }

    /** How a value is read back so that it shows exactly. */
    enum Read {
        /** getString of the column. */
        TEXT("%s"),
        /** The server's text of the value. */
        CHAR("CAST(%s AS CHAR)"),
        /** The bytes, in upper-case hexadecimal. */
        HEX("HEX(%s)"),
        /** A bit value as a number. */
        NUMBER("CAST(%s + 0 AS CHAR)"),
        /** A FLOAT or DOUBLE as the double it holds, in Java's shortest exact form. */
        DOUBLE("CAST(%s AS DOUBLE)"),
        /** A TIMESTAMP's instant, as seconds since 1970 UTC. */
        INSTANT("CAST(UNIX_TIMESTAMP(%s) AS CHAR)");

        final String expression;

        Read(String expression) {
            this.expression = expression;
        }
    }

    /**
     * One value of one type.
     *
     * @param type     the column's type
     * @param value    an SQL literal ({@link Sql}), or a value bound as a parameter (String, byte[]), or null
     * @param read     how it is read back
     * @param expected what that reading gives
     * @param relaxed  whether the source needs a relaxed SQL mode to hold it
     */
    record Case(String type, Object value, Read read, String expected, boolean relaxed) implements ValueMatrix.Case {
        @Override
        public String toString() {
            String shown = value instanceof byte[] bytes ? bytes.length + " bytes" : String.valueOf(value);
            return type + " " + (shown.length() > 60 ? shown.substring(0, 60) + "..." : shown)
                    .replace("\r", "\\r").replace("\n", "\\n").replace("\t", "\\t");
        }
    }

    /** An SQL literal. */
    record Sql(String literal) {
        @Override
        public String toString() {
            return literal;
        }
    }

    private static Sql sql(String literal) {
        return new Sql(literal);
    }

    private static final List<Case> CASES = new ArrayList<>();

    private static void add(String type, Object value, Read read, String expected) {
        CASES.add(new Case(type, value, read, expected, false));
    }

    private static void relaxed(String type, Object value, Read read, String expected) {
        CASES.add(new Case(type, value, read, expected, true));
    }

    /** Each integer type at its minimum and maximum, signed and unsigned. */
    private static void integers() {
        String[][] ranges = {
                {"TINYINT", "-128", "127"}, {"TINYINT UNSIGNED", "0", "255"},
                {"SMALLINT", "-32768", "32767"}, {"SMALLINT UNSIGNED", "0", "65535"},
                {"MEDIUMINT", "-8388608", "8388607"}, {"MEDIUMINT UNSIGNED", "0", "16777215"},
                {"INT", "-2147483648", "2147483647"}, {"INT UNSIGNED", "0", "4294967295"},
                {"BIGINT", "-9223372036854775808", "9223372036854775807"},
                {"BIGINT UNSIGNED", "0", "18446744073709551615"}};
        for (String[] range : ranges) {
            add(range[0], sql(range[1]), Read.CHAR, range[1]);
            add(range[0], sql(range[2]), Read.CHAR, range[2]);
            add(range[0], null, Read.CHAR, null);
        }
        add("BIGINT UNSIGNED", sql("9223372036854775808"), Read.CHAR, "9223372036854775808");
        // BOOLEAN is TINYINT(1): Connector/J calls it BOOLEAN, but it holds any TINYINT.
        add("BOOLEAN", sql("TRUE"), Read.CHAR, "1");
        add("BOOLEAN", sql("FALSE"), Read.CHAR, "0");
        add("BOOLEAN", sql("5"), Read.CHAR, "5");
        add("BOOLEAN", sql("-128"), Read.CHAR, "-128");
        add("TINYINT(1) UNSIGNED", sql("255"), Read.CHAR, "255");
    }

    private static void decimals() {
        add("DECIMAL(38,10)", sql("1234567890123456789012345678.0123456789"), Read.CHAR,
                "1234567890123456789012345678.0123456789");
        add("DECIMAL(38,10)", sql("-9999999999999999999999999999.9999999999"), Read.CHAR,
                "-9999999999999999999999999999.9999999999");
        add("DECIMAL(38,10)", sql("0.0000000001"), Read.CHAR, "0.0000000001");
        add("DECIMAL(38,10)", sql("0"), Read.CHAR, "0.0000000000");
        add("DECIMAL(38,0)", sql("99999999999999999999999999999999999999"), Read.CHAR,
                "99999999999999999999999999999999999999");
        String max65 = "99999999999999999999999999999999999.999999999999999999999999999999";
        add("DECIMAL(65,30)", sql(max65), Read.CHAR, max65);
        add("DECIMAL(65,30)", sql("-" + max65), Read.CHAR, "-" + max65);
        add("DECIMAL(65,30)", sql("0.000000000000000000000000000001"), Read.CHAR, "0.000000000000000000000000000001");
        add("DECIMAL(10,2) UNSIGNED", sql("99999999.99"), Read.CHAR, "99999999.99");
    }

    /**
     * FLOAT is single precision: the server's text shows six digits (16777216 as 16777200), so the expected value is
     * the double the float holds. MariaDB refuses NaN and ±Infinity and keeps no -0.0.
     */
    private static void floatingPoint() {
        add("FLOAT", sql("16777216"), Read.DOUBLE, "1.6777216E7");
        add("FLOAT", sql("1.2345679"), Read.DOUBLE, "1.2345678806304932");
        add("FLOAT", sql("0.1"), Read.DOUBLE, "0.10000000149011612");
        add("FLOAT", sql("3.4028234e38"), Read.DOUBLE, "3.4028234663852886E38");
        add("FLOAT", sql("-3.4028234e38"), Read.DOUBLE, "-3.4028234663852886E38");
        add("FLOAT", sql("1.4e-45"), Read.DOUBLE, "1.401298464324817E-45");
        add("FLOAT", sql("1.17549435e-38"), Read.DOUBLE, "1.1754943508222875E-38");
        add("FLOAT", sql("0"), Read.DOUBLE, "0.0");
        add("FLOAT", null, Read.DOUBLE, null);
        add("DOUBLE", sql("1.7976931348623157e308"), Read.DOUBLE, "1.7976931348623157E308");
        add("DOUBLE", sql("-1.7976931348623157e308"), Read.DOUBLE, "-1.7976931348623157E308");
        add("DOUBLE", sql("4.9e-324"), Read.DOUBLE, "4.9E-324");
        add("DOUBLE", sql("2.2250738585072014e-308"), Read.DOUBLE, "2.2250738585072014E-308");
        add("DOUBLE", sql("0.1"), Read.DOUBLE, "0.1");
        add("DOUBLE", sql("1.2345678901234567"), Read.DOUBLE, "1.2345678901234567");
        add("DOUBLE", sql("-0e0"), Read.DOUBLE, "0.0");
        add("DOUBLE", null, Read.DOUBLE, null);
    }

    private static void bits() {
        add("BIT(1)", sql("b'1'"), Read.NUMBER, "1");
        add("BIT(1)", sql("b'0'"), Read.NUMBER, "0");
        add("BIT(1)", null, Read.NUMBER, null);
        add("BIT(5)", sql("b'10101'"), Read.NUMBER, "21");
        add("BIT(5)", sql("b'0'"), Read.NUMBER, "0");
        add("BIT(64)", sql("b'" + "1".repeat(64) + "'"), Read.NUMBER, "18446744073709551615");
        add("BIT(64)", sql("b'1" + "0".repeat(63) + "'"), Read.NUMBER, "9223372036854775808");
        add("BIT(64)", sql("b'1'"), Read.NUMBER, "1");
    }

    /** Text that CSV, SQL or UTF-8 could get wrong, bound as parameters so that no SQL escaping is involved. */
    private static void text() {
        List<String> awkward = List.of("", "NULL", "\\N", "null", "'", "''", "\"", "\"\"", "a,b;c|d", "line\nbreak",
                "carriage\rreturn", "crlf\r\n", "tab\there", "  spaces  ", "😀 𝄞 🇩🇪", "שלום עולם", "مرحبا بالعالم",
                "mixed ltr עברית rtl", "back\\slash", "é ñ ü ß", "\u0000nul", "%_*?");
        for (String type : List.of("VARCHAR(100)", "TEXT", "LONGTEXT")) {
            add(type, null, Read.TEXT, null);
            for (String value : awkward) {
                add(type, value, Read.TEXT, value);
            }
        }
        // CHAR pads with spaces and MariaDB strips trailing ones on reading.
        add("CHAR(10)", "ab  ", Read.TEXT, "ab");
        add("CHAR(10)", "😀", Read.TEXT, "😀");
        add("CHAR(10)", "", Read.TEXT, "");
        add("VARCHAR(20) CHARACTER SET latin1", "é à ç", Read.HEX, "E920E020E7");
        add("VARCHAR(20) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin", "Case", Read.TEXT, "Case");
    }

    private static void binary() {
        byte[] every = new byte[256];
        for (int i = 0; i < every.length; i++) {
            every[i] = (byte) i;
        }
        StringBuilder hex = new StringBuilder();
        for (int i = 0; i < 256; i++) {
            hex.append(String.format("%02X", i));
        }
        for (String type : List.of("VARBINARY(300)", "BLOB", "LONGBLOB")) {
            add(type, every, Read.HEX, hex.toString());
            add(type, new byte[0], Read.HEX, "");
            add(type, null, Read.HEX, null);
            add(type, new byte[] {0}, Read.HEX, "00");
        }
        // BINARY(n) pads with zero bytes, and keeps them.
        add("BINARY(4)", new byte[] {1}, Read.HEX, "01000000");
        add("BINARY(4)", new byte[] {(byte) 0xff, 0, 0, (byte) 0x80}, Read.HEX, "FF000080");
    }

    private static void temporal() {
        for (String date : List.of("1000-01-01", "9999-12-31", "2024-02-29", "0001-01-01")) {
            add("DATE", sql("'" + date + "'"), Read.CHAR, date);
        }
        add("DATE", null, Read.CHAR, null);
        add("TIME", sql("'00:00:00'"), Read.CHAR, "00:00:00");
        add("TIME", sql("'23:59:59'"), Read.CHAR, "23:59:59");
        // TIME is an interval: negative, and beyond 24 hours up to 838.
        add("TIME", sql("'-838:59:59'"), Read.CHAR, "-838:59:59");
        add("TIME", sql("'838:59:59'"), Read.CHAR, "838:59:59");
        add("TIME(6)", sql("'12:34:56.789012'"), Read.CHAR, "12:34:56.789012");
        add("TIME(6)", sql("'-00:00:00.5'"), Read.CHAR, "-00:00:00.500000");
        add("TIME(6)", sql("'838:59:59.999999'"), Read.CHAR, "838:59:59.999999");
        add("TIME(6)", sql("'-838:59:59.999999'"), Read.CHAR, "-838:59:59.999999");
        add("TIME(6)", sql("'25:00:00'"), Read.CHAR, "25:00:00.000000");
        add("TIME(3)", sql("'01:02:03.456'"), Read.CHAR, "01:02:03.456");
        for (String dateTime : List.of("1000-01-01 00:00:00.000000", "9999-12-31 23:59:59.999999",
                "2024-02-29 12:34:56.123456", "0001-01-01 00:00:00.000001")) {
            add("DATETIME(6)", sql("'" + dateTime + "'"), Read.CHAR, dateTime);
        }
        add("DATETIME", sql("'2024-01-01 10:00:00'"), Read.CHAR, "2024-01-01 10:00:00");
        add("DATETIME(6)", null, Read.CHAR, null);
        // TIMESTAMP keeps instants; the literals are read in the source session's zone, UTC.
        add("TIMESTAMP(6) NULL", sql("'1970-01-01 00:00:01.000000'"), Read.INSTANT, "1.000000");
        add("TIMESTAMP(6) NULL", sql("'2038-01-19 03:14:07.999999'"), Read.INSTANT, "2147483647.999999");
        add("TIMESTAMP(6) NULL", sql("'2024-03-31 01:30:00.5'"), Read.INSTANT, "1711848600.500000");
        add("TIMESTAMP(6) NULL", null, Read.INSTANT, null);
        add("TIMESTAMP NULL", sql("'2024-10-27 01:30:00'"), Read.INSTANT, "1729992600");
        add("YEAR", sql("1901"), Read.CHAR, "1901");
        add("YEAR", sql("2155"), Read.CHAR, "2155");
        add("YEAR", sql("0"), Read.CHAR, "0000");
        add("YEAR", null, Read.CHAR, null);
        // Zero, partly zero and invalid dates, which MariaDB keeps where the SQL mode allows them.
        relaxed("DATE", sql("'0000-00-00'"), Read.CHAR, "0000-00-00");
        relaxed("DATE", sql("'2024-00-15'"), Read.CHAR, "2024-00-15");
        relaxed("DATE", sql("'2024-02-00'"), Read.CHAR, "2024-02-00");
        relaxed("DATE", sql("'2023-02-30'"), Read.CHAR, "2023-02-30");
        relaxed("DATETIME(6)", sql("'0000-00-00 00:00:00'"), Read.CHAR, "0000-00-00 00:00:00.000000");
        relaxed("DATETIME(6)", sql("'2024-02-00 10:00:00'"), Read.CHAR, "2024-02-00 10:00:00.000000");
        relaxed("DATETIME(6)", sql("'2024-04-31 10:00:00.25'"), Read.CHAR, "2024-04-31 10:00:00.250000");
        relaxed("TIMESTAMP(6) NULL", sql("'0000-00-00 00:00:00'"), Read.CHAR, "0000-00-00 00:00:00.000000");
    }

    private static void others() {
        // Labels beyond the Basic Multilingual Plane cannot be carried: MariaDB's catalog shows them as '?'.
        String labels = "ENUM('a','b c','x''y','üñ',',\"')";
        for (String label : List.of("a", "b c", "x'y", "üñ", ",\"")) {
            add(labels, label, Read.TEXT, label);
        }
        add(labels, null, Read.TEXT, null);
        add("SET('r','g','b')", "r,b", Read.TEXT, "r,b");
        add("SET('r','g','b')", "", Read.TEXT, "");
        add("SET('r','g','b')", "b,g,r", Read.TEXT, "r,g,b");
        add("SET('r','g','b')", null, Read.TEXT, null);
        for (String json : List.of("{\"a\": 1, \"b\": [true, null, \"x\\\"y\"]}", "[]", "null", "\"😀\"", "1.50",
                "{\"deep\":{\"nested\":[[],{}]}}")) {
            add("JSON", json, Read.TEXT, json);
        }
        add("JSON", null, Read.TEXT, null);
        for (String uuid : List.of("00000000-0000-0000-0000-000000000000", "ffffffff-ffff-ffff-ffff-ffffffffffff",
                "47acd9a8-ba45-4bee-82fc-f0f42faa7e27")) {
            add("UUID", uuid, Read.TEXT, uuid);
        }
        add("UUID", null, Read.TEXT, null);
        for (String address : List.of("::1", "2001:db8::ff00:42:8329", "::ffff:192.0.2.1")) {
            add("INET6", address, Read.TEXT, address);
        }
        add("INET4", "192.0.2.1", Read.TEXT, "192.0.2.1");
    }

    static List<Case> cases() {
        if (CASES.isEmpty()) {
            integers();
            decimals();
            floatingPoint();
            bits();
            text();
            binary();
            temporal();
            others();
        }
        return List.copyOf(CASES);
    }

    private String table(String type) {
        return tables.computeIfAbsent(type, t -> "v" + (tables.size() + 1));
    }

    /** A plain connection (no Ferry) to a new database, in zone UTC. */
    @Override
    protected Connection newDatabase(String name) throws SQLException {
        String database = server.createDatabase();
        Connection connection = server.connect(database);
        databases.put(connection, database);
        execute(connection, "SET time_zone = '+00:00'");
        return connection;
    }

    @Override
    protected void closeDatabase(Connection database) throws SQLException {
        try {
            database.close();
        } finally {
            server.dropDatabase(databases.get(database));
        }
    }

    @Override
    protected void store(Connection source, List<Case> cases) throws SQLException {
        try (Statement s = source.createStatement()) {
            for (Case c : cases) {
                String table = tables.get(c.type());
                if (table == null) {
                    table = table(c.type());
                    s.execute("CREATE TABLE `" + table + "` (id INT PRIMARY KEY, v " + c.type() + ")");
                }
            }
        }
        for (int i = 0; i < cases.size(); i++) {
            insert(source, i, cases.get(i));
        }
    }

    private void insert(Connection source, int id, Case c) throws SQLException {
        try (Statement s = source.createStatement()) {
            s.execute("SET SESSION sql_mode = " + (c.relaxed() ? "'" + RELAXED + "'" : "DEFAULT"));
        }
        String value = c.value() instanceof Sql literal ? literal.literal() : "?";
        try (PreparedStatement insert = source.prepareStatement(
                "INSERT INTO `" + tables.get(c.type()) + "` VALUES (" + id + ", " + value + ")")) {
            if (!(c.value() instanceof Sql)) {
                insert.setObject(1, c.value());
            }
            insert.executeUpdate();
        }
    }

    @Override
    protected void export(Connection source, Path dir, String format) throws SQLException {
        try (Connection ferry = server.connectFerry(databases.get(source)); Statement s = ferry.createStatement()) {
            s.execute("SET time_zone = '+05:30', sql_mode = 'ANSI_QUOTES,PAD_CHAR_TO_FULL_LENGTH'");
            s.execute("EXPORT DATABASE '" + dir + "' (FORMAT " + format + ")");
            exportWarnings.put(format, warnings(s.getWarnings()));
            assertEquals("+05:30", zone(ferry), "the export leaves the session's zone as it was");
            assertEquals(List.of(List.of("ANSI_QUOTES,PAD_CHAR_TO_FULL_LENGTH")),
                    ServerQueries.rows(ferry, "SELECT @@session.sql_mode"), "and its SQL mode");
        }
    }

    @Override
    protected List<List<String>> verify(Connection copy, Path dir) throws Exception {
        try (Connection ferry = server.connectFerry(databases.get(copy))) {
            return super.verify(ferry, dir);
        }
    }

    @Override
    protected void importInto(Connection copy, Path dir) throws SQLException {
        try (Connection ferry = server.connectFerry(databases.get(copy)); Statement s = ferry.createStatement()) {
            s.execute("SET time_zone = '-08:00', sql_mode = 'NO_ZERO_DATE,NO_ZERO_IN_DATE,NO_BACKSLASH_ESCAPES'");
            assertEquals(cases().size(), s.executeUpdate("IMPORT DATABASE '" + dir + "'"));
            assertEquals("-08:00", zone(ferry), "the import leaves the session's zone as it was");
            assertEquals(List.of(List.of("NO_BACKSLASH_ESCAPES,NO_ZERO_IN_DATE,NO_ZERO_DATE")),
                    ServerQueries.rows(ferry, "SELECT @@session.sql_mode"), "and its SQL mode");
        }
    }

    private static String zone(Connection connection) throws SQLException {
        try (Statement s = connection.createStatement(); ResultSet r = s.executeQuery("SELECT @@session.time_zone")) {
            r.next();
            return r.getString(1);
        }
    }

    private static List<String> warnings(SQLWarning warning) {
        List<String> messages = new ArrayList<>();
        for (SQLWarning w = warning; w != null; w = w.getNextWarning()) {
            messages.add(w.getMessage());
        }
        return messages;
    }

    /** The value as its case reads it (nothing beside it: each case's expectation is written out in full). */
    @Override
    protected Reading read(Connection connection, int id, Case c) throws SQLException {
        String expression = String.format(c.read().expression, "v");
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT " + expression + " FROM `" + tables.get(c.type()) + "` WHERE id = ?")) {
            select.setInt(1, id);
            try (ResultSet row = select.executeQuery()) {
                assertTrue(row.next(), "row " + id + " of " + c);
                if (c.read() == Read.DOUBLE) {
                    double value = row.getDouble(1);
                    return new Reading(row.wasNull() ? null : Double.toString(value), null);
                }
                return new Reading(row.getString(1), null);
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"csv", "parquet"})
    void dataComparisonFindsEveryTableEqual(String format) throws SQLException {
        DataComparison comparison = new DataComparison(source(), copy(format));
        for (String table : tables.values()) {
            assertEquals(List.of(), comparison.differences("`" + table + "`"), table);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"csv", "parquet"})
    void everyTypeIsCarriedWithoutWarnings(String format) {
        assertEquals(List.of(), exportWarnings.get(format));
    }

    @ParameterizedTest
    @ValueSource(strings = {"csv", "parquet"})
    void columnTypesComeBackExactly(String format) throws SQLException {
        String sql = "SELECT TABLE_NAME, COLUMN_NAME, COLUMN_TYPE, CHARACTER_SET_NAME, COLLATION_NAME, IS_NULLABLE,"
                + " COLUMN_DEFAULT FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = DATABASE()"
                + " ORDER BY TABLE_NAME, ORDINAL_POSITION";
        assertEquals(ServerQueries.rows(source(), sql), ServerQueries.rows(copy(format), sql));
        String checks = "SELECT TABLE_NAME, CONSTRAINT_NAME, CHECK_CLAUSE FROM information_schema.CHECK_CONSTRAINTS"
                + " WHERE CONSTRAINT_SCHEMA = DATABASE() ORDER BY 1, 2";
        assertEquals(ServerQueries.rows(source(), checks), ServerQueries.rows(copy(format), checks),
                "JSON columns stay JSON");
    }
}
