package dev.ferry.it.servers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import org.junit.jupiter.api.Test;

/**
 * How MariaDB Connector/J reads values that {@link MariaDbValuesIT} carries: what the MariaDB dialect works around.
 */
class MariaDbConnectorJIT {
    private final TestServer server = TestServer.mariadb();

    /**
     * What MariaDB Connector/J (3.4) does with these values through the usual getters: the reasons the MariaDB dialect
     * reads FLOAT as DOUBLE, temporal values as text, YEAR as a number and TINYINT(1) as an integer. If a driver
     * upgrade changes one of these, the dialect may be simplified.
     */
    @Test
    void connectorJReadsSomeValuesWrongly() throws SQLException {
        String db = server.createDatabase();
        try (Connection c = server.connect(db); Statement s = c.createStatement()) {
            s.execute("SET SESSION sql_mode = '" + MariaDbValuesIT.RELAXED + "'");
            s.execute("CREATE TABLE t (f FLOAT, tm TIME, d DATE, dt DATETIME, y YEAR, b TINYINT(1), u BIGINT UNSIGNED)");
            s.execute("INSERT INTO t VALUES (16777216, '-01:00:00', '0000-00-00', '2024-02-00 10:00:00', 0, 5,"
                    + " 18446744073709551615)");
            s.execute("INSERT INTO t VALUES (1.2345679, '25:00:00', '2024-00-15', NULL, 1999, -1, NULL)");
            try (ResultSet r = s.executeQuery("SELECT * FROM t")) {
                assertTrue(r.next());
                assertEquals("16777200", r.getString("f"), "FLOAT comes as text with six significant digits");
                assertEquals(1.67772E7f, r.getFloat("f"));
                assertEquals(LocalTime.of(23, 0), r.getObject("tm", LocalTime.class), "TIME wraps at 24 hours");
                assertEquals(Duration.ofHours(-1), r.getObject("tm", Duration.class));
                assertNull(r.getObject("d", LocalDate.class), "a zero date reads as null");
                assertEquals("0000-00-00", r.getString("d"));
                assertThrows(Exception.class, () -> r.getString("dt"), "a DATETIME with day 0 cannot even be read as text");
                assertThrows(Exception.class, () -> r.getObject("dt", LocalDateTime.class));
                assertEquals(LocalDate.of(0, 1, 1), r.getObject("y", LocalDate.class), "YEAR is reported as a DATE");
                assertEquals("BOOLEAN", r.getMetaData().getColumnTypeName(6), "TINYINT(1) is reported as BOOLEAN");
                assertTrue(r.getBoolean("b"));
                assertEquals(5, r.getInt("b"), "but it holds a number");
                assertThrows(SQLException.class, () -> r.getLong("u"), "BIGINT UNSIGNED does not fit a long");
                assertTrue(r.next());
                assertEquals(LocalTime.of(1, 0), r.getObject("tm", LocalTime.class), "25:00:00 wraps to 01:00");
                assertThrows(Exception.class, () -> r.getObject("d", LocalDate.class), "a partly zero date fails");
                assertEquals("2023-12-15", r.getObject("d").toString(), "or, through getObject(), moves to another day");
                assertEquals(-1, r.getInt("b"));
                assertFalse(r.wasNull());
            }
        } finally {
            server.dropDatabase(db);
        }
    }
}
