package dev.ferry.it;

import java.math.BigDecimal;
import java.sql.Array;
import java.sql.Blob;
import java.sql.Clob;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.OffsetTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Every row of every table and view of an H2 database, each value in a form that H2 1.4.200 and H2 2.x give alike
 * for the same value, so that a database and its copy in the other version compare as equal maps. Where the versions
 * keep a value differently by design, the form is the part both keep: CHAR without the padding H2 2.x adds, a
 * DECIMAL declared without scale (DECFLOAT in 2.x) without trailing zeros, array elements as text.
 */
final class H2VersionRows {
    /** The scale H2 1.4.200 reports for DECIMAL declared without one. */
    private static final int ANY_SCALE = 32767;

    private H2VersionRows() {
    }

    /**
     * @param instantsOnly whether values WITH TIME ZONE compare by their instant alone (Parquet keeps no offset)
     */
    static Map<String, List<List<Object>>> of(Connection connection, boolean instantsOnly) throws SQLException {
        boolean legacy = connection.getMetaData().getDatabaseMajorVersion() == 1;
        return RelationRows.of(connection, "SELECT TABLE_SCHEMA, TABLE_NAME FROM INFORMATION_SCHEMA.TABLES"
                + " WHERE TABLE_TYPE IN (" + (legacy ? "'TABLE'" : "'BASE TABLE'") + ", 'VIEW')"
                + " AND TABLE_SCHEMA <> 'INFORMATION_SCHEMA'", (rs, md, i) -> rs.getObject(i) == null,
                (rs, md, i) -> value(rs, md, i, instantsOnly));
    }

    private static Object value(ResultSet rs, ResultSetMetaData md, int i, boolean instantsOnly) throws SQLException {
        String type = md.getColumnTypeName(i).toUpperCase(Locale.ROOT);
        switch (type) {
            case "TIMESTAMP WITH TIME ZONE": {
                OffsetDateTime value = rs.getObject(i, OffsetDateTime.class);
                return instantsOnly ? value.toInstant().toString() : value.toString();
            }
            case "TIME WITH TIME ZONE": {
                OffsetTime value = rs.getObject(i, OffsetTime.class);
                return (instantsOnly ? value.withOffsetSameInstant(ZoneOffset.UTC) : value).toString();
            }
            case "TIMESTAMP":
                return rs.getObject(i, LocalDateTime.class).toString();
            case "TIME":
                return rs.getObject(i, LocalTime.class).toString();
            case "DATE":
                return rs.getObject(i, LocalDate.class).toString();
            case "CHAR", "CHARACTER":
                return rs.getString(i).stripTrailing();
            case "JSON", "ENUM":
                return rs.getString(i);
            default:
                break;
        }
        if (type.startsWith("INTERVAL")) {
            return rs.getString(i);
        }
        Object value = rs.getObject(i);
        if (value instanceof Array || value instanceof Object[]) {
            // H2 1.4.200's getObject gives the elements themselves, 2.x a java.sql.Array.
            Object[] array = value instanceof Array sql ? (Object[]) sql.getArray() : (Object[]) value;
            List<String> elements = new ArrayList<>();
            for (Object element : array) {
                elements.add(element == null ? null : element.toString());
            }
            return elements;
        }
        if (value instanceof BigDecimal decimal) {
            boolean anyScale = type.equals("DECFLOAT") || md.getScale(i) == ANY_SCALE;
            return anyScale ? decimal.stripTrailingZeros().toPlainString() : decimal.toPlainString();
        }
        if (value instanceof Double d) {
            return "double:" + Double.doubleToRawLongBits(d);
        }
        if (value instanceof Float f) {
            return "float:" + Float.floatToRawIntBits(f);
        }
        if (value instanceof Byte || value instanceof Short || value instanceof Integer || value instanceof Long) {
            return ((Number) value).longValue();
        }
        if (value instanceof byte[] bytes) {
            return HexFormat.of().formatHex(bytes);
        }
        if (value instanceof Blob blob) {
            return HexFormat.of().formatHex(blob.getBytes(1, (int) blob.length()));
        }
        if (value instanceof Clob clob) {
            return clob.getSubString(1, (int) clob.length());
        }
        return value.toString();
    }
}
