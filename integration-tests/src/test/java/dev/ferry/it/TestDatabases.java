package dev.ferry.it;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;

/** Fresh H2 databases and ways to look into them, for the tests. */
final class TestDatabases {

    private TestDatabases() {
    }

    /** A Ferry URL for a new, empty in-memory H2 database that lives until the JVM ends. */
    static String newH2Url() {
        return "jdbc:ferry:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
    }

    static void execute(Connection connection, String... statements) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            for (String sql : statements) {
                statement.execute(sql);
            }
        }
    }

    /** Every row of a query, values made comparable (binary as hex, floating point with its exact bits). */
    static List<List<Object>> rows(Connection connection, String sql) throws SQLException {
        List<List<Object>> rows = new ArrayList<>();
        try (Statement statement = connection.createStatement(); ResultSet rs = statement.executeQuery(sql)) {
            int n = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                List<Object> row = new ArrayList<>();
                for (int i = 1; i <= n; i++) {
                    Object value = rs.getObject(i);
                    if (value instanceof byte[] bytes) {
                        value = "0x" + HexFormat.of().formatHex(bytes);
                    } else if (value instanceof java.sql.Clob clob) {
                        value = clob.getSubString(1, (int) clob.length());
                    } else if (value instanceof java.sql.Blob blob) {
                        value = "0x" + HexFormat.of().formatHex(blob.getBytes(1, (int) blob.length()));
                    } else if (value instanceof Double d) {
                        value = "double:" + Double.doubleToRawLongBits(d);
                    } else if (value instanceof Float f) {
                        value = "float:" + Float.floatToRawIntBits(f);
                    }
                    row.add(value);
                }
                rows.add(row);
            }
        }
        return rows;
    }

    /** A single value. */
    static Object value(Connection connection, String sql) throws SQLException {
        List<List<Object>> rows = rows(connection, sql);
        return rows.isEmpty() ? null : rows.get(0).get(0);
    }
}
