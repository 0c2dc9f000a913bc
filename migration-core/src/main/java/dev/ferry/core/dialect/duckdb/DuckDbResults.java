package dev.ferry.core.dialect.duckdb;

import dev.ferry.core.dialect.JdbcProxies;
import java.io.IOException;
import java.io.InputStream;
import java.sql.Array;
import java.sql.Blob;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.OffsetTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;

/**
 * DuckDB's query results as Ferry's value kinds read them. DuckDB's JDBC drivers hand several values over wrongly or
 * not at all, each version in its own way; this reads them the way that is exact in both 0.8.1 and 1.x:
 * <ul>
 *   <li>DATE from its text (1.4's {@code getObject(LocalDate)} drops the sign of years before 1; 0.8.1 has none);</li>
 *   <li>DuckDB's infinite dates and timestamps, which the drivers give as their largest and smallest stored numbers,
 *       as {@link LocalDate#MAX}, {@link LocalDateTime#MAX}, {@link OffsetDateTime#MAX} and their MIN;</li>
 *   <li>TIME {@code 24:00:00}, which 1.4's driver cannot turn into a LocalTime, as {@link LocalTime#MAX};</li>
 *   <li>BLOB through its {@link Blob} (0.8.1 has no getBytes), lists with nested lists as nested arrays;</li>
 *   <li>the metadata: nine fractional digits for TIMESTAMP_NS, whose scale both drivers report as 0.</li>
 * </ul>
 */
final class DuckDbResults {
    private static final LocalDateTime MICROS_MAX = epochUnits(Long.MAX_VALUE, 1_000_000);
    private static final LocalDateTime MICROS_MIN = epochUnits(-Long.MAX_VALUE, 1_000_000);
    private static final LocalDateTime NANOS_MAX = epochUnits(Long.MAX_VALUE, 1_000_000_000);
    private static final LocalDateTime NANOS_MIN = epochUnits(-Long.MAX_VALUE, 1_000_000_000);

    private DuckDbResults() {
    }

    /** The statement, whose results are read as this class says. */
    static PreparedStatement adapt(PreparedStatement statement) {
        return JdbcProxies.proxy(PreparedStatement.class, statement, (method, args) -> {
            Object result = method.invoke(statement, args);
            return result instanceof ResultSet rows ? adapt(rows) : result;
        });
    }

    /** The result, read as this class says. */
    static ResultSet adapt(ResultSet rows) {
        Map<Integer, String> typeNames = new HashMap<>();
        return JdbcProxies.proxy(ResultSet.class, rows, (method, args) -> {
            boolean byIndex = args != null && args.length > 0 && args[0] instanceof Integer;
            return switch (byIndex ? method.getName() : "") {
                case "getObject" -> args.length == 2 && args[1] instanceof Class<?> type
                        ? read(rows, (Integer) args[0], type, typeNames) : method.invoke(rows, args);
                case "getBytes" -> bytes(rows.getObject((Integer) args[0]));
                case "getArray" -> array(rows.getArray((Integer) args[0]));
                default -> "getMetaData".equals(method.getName()) ? adapt(rows.getMetaData()) : method.invoke(rows, args);
            };
        });
    }

    private static Object read(ResultSet rows, int column, Class<?> type, Map<Integer, String> typeNames)
            throws SQLException {
        if (type == LocalDate.class) {
            return date(rows.getString(column));
        }
        if (type == LocalDateTime.class) {
            return timestamp(rows, column, typeNames.computeIfAbsent(column, c -> typeName(rows, c)));
        }
        if (type == OffsetDateTime.class) {
            return timestampWithOffset(rows.getObject(column, OffsetDateTime.class));
        }
        if (type == LocalTime.class) {
            return time(rows, column);
        }
        if (type == OffsetTime.class) {
            return rows.getObject(column);
        }
        return rows.getObject(column, type);
    }

    private static String typeName(ResultSet rows, int column) {
        try {
            return DuckDbTypes.normalized(rows.getMetaData().getColumnTypeName(column));
        } catch (SQLException e) {
            return "";
        }
    }

    /** Both drivers write a date's text as {@link LocalDate#toString} would, sign and all. */
    static LocalDate date(String text) {
        if (text == null) {
            return null;
        }
        LocalDate date = LocalDate.parse(text);
        long day = date.toEpochDay();
        if (day >= Integer.MAX_VALUE) {
            return LocalDate.MAX;
        }
        return day <= -Integer.MAX_VALUE ? LocalDate.MIN : date;
    }

    /**
     * 0.8.1's driver reads only microsecond timestamps as LocalDateTime; others come as a {@link Timestamp} it made
     * from the exact LocalDateTime, which {@link Timestamp#toLocalDateTime} gives back (but for a wall-clock time that
     * the JVM's own time zone skips at a daylight-saving change).
     */
    private static LocalDateTime timestamp(ResultSet rows, int column, String typeName) throws SQLException {
        LocalDateTime timestamp;
        try {
            timestamp = rows.getObject(column, LocalDateTime.class);
        } catch (SQLException notForThisType) {
            Timestamp old = rows.getTimestamp(column);
            timestamp = old == null ? null : old.toLocalDateTime();
        } catch (DateTimeException outOfRange) {
            throw new SQLException("DuckDB's driver cannot read a " + typeName + " value (" + outOfRange.getMessage()
                    + "); cast the column to TIMESTAMP", "22008", outOfRange);
        }
        return infinite(timestamp);
    }

    /** The infinities as DuckDB stores them: the largest and smallest number of microseconds (or nanoseconds). */
    static LocalDateTime infinite(LocalDateTime timestamp) {
        if (MICROS_MAX.equals(timestamp) || NANOS_MAX.equals(timestamp)) {
            return LocalDateTime.MAX;
        }
        if (MICROS_MIN.equals(timestamp) || NANOS_MIN.equals(timestamp)) {
            return LocalDateTime.MIN;
        }
        return timestamp;
    }

    /** The instant in UTC (DuckDB keeps no offset; 1.4's driver gives the session's, seconds and all), or an infinity. */
    static OffsetDateTime timestampWithOffset(OffsetDateTime timestamp) {
        if (timestamp == null) {
            return null;
        }
        LocalDateTime utc = timestamp.withOffsetSameInstant(ZoneOffset.UTC).toLocalDateTime();
        LocalDateTime infinite = infinite(utc);
        if (infinite == LocalDateTime.MAX) {
            return OffsetDateTime.MAX;
        }
        return infinite == LocalDateTime.MIN ? OffsetDateTime.MIN : utc.atOffset(ZoneOffset.UTC);
    }

    private static LocalTime time(ResultSet rows, int column) throws SQLException {
        Object value;
        try {
            value = rows.getObject(column);
        } catch (DateTimeException twentyFourHours) {
            return LocalTime.MAX; // 24:00:00, the one TIME beyond LocalTime's range
        }
        return value == null || value instanceof LocalTime ? (LocalTime) value : LocalTime.parse(value.toString());
    }

    /** Through the blob's stream: 0.8.1's {@code Blob.getBytes} counts positions from 0, not from 1. */
    private static byte[] bytes(Object value) throws SQLException {
        if (value instanceof Blob blob) {
            try (InputStream in = blob.getBinaryStream()) {
                return in.readAllBytes();
            } catch (IOException e) {
                throw new SQLException("Cannot read a BLOB value: " + e.getMessage(), "58030", e);
            }
        }
        return (byte[]) value;
    }

    private static Array array(Array array) throws SQLException {
        if (array == null) {
            return null;
        }
        Object[] elements = elements(array);
        return JdbcProxies.proxy(Array.class, array, (method, args) -> switch (method.getName()) {
            case "getArray" -> elements;
            case "free" -> null;
            default -> method.invoke(array, args);
        });
    }

    /** The elements, nested lists as nested arrays. */
    private static Object[] elements(Array array) throws SQLException {
        Object[] elements = ((Object[]) array.getArray()).clone();
        for (int i = 0; i < elements.length; i++) {
            if (elements[i] instanceof Array nested) {
                elements[i] = elements(nested);
            } else if (elements[i] instanceof Blob) {
                elements[i] = bytes(elements[i]);
            }
        }
        return elements;
    }

    private static ResultSetMetaData adapt(ResultSetMetaData metaData) {
        return JdbcProxies.proxy(ResultSetMetaData.class, metaData, (method, args) -> {
            if (args != null && args.length == 1 && args[0] instanceof Integer column) {
                String type = DuckDbTypes.normalized(metaData.getColumnTypeName(column));
                if (method.getName().equals("getScale") && type.equals("TIMESTAMP_NS")) {
                    return 9;
                }
                if (method.getName().equals("getPrecision")) {
                    switch (type) {
                        case "UBIGINT":
                            return 20;
                        case "HUGEINT", "UHUGEINT":
                            return 39;
                        default:
                            break;
                    }
                }
            }
            return method.invoke(metaData, args);
        });
    }

    private static LocalDateTime epochUnits(long units, long perSecond) {
        return LocalDateTime.ofEpochSecond(Math.floorDiv(units, perSecond),
                (int) (Math.floorMod(units, perSecond) * (1_000_000_000 / perSecond)), ZoneOffset.UTC);
    }
}
