package dev.ferry.it;

import java.sql.Array;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Types;
import java.time.OffsetDateTime;
import java.time.OffsetTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * Every row of every table and view of an HSQLDB database, each value as HSQLDB's own text (which 2.5.2 and 2.7.4
 * write alike), binary values in hexadecimal, doubles by their bits, array elements one by one.
 */
final class HsqldbVersionRows {

    private HsqldbVersionRows() {
    }

    /**
     * @param instantsOnly whether values WITH TIME ZONE compare by their instant alone (Parquet keeps no offset)
     */
    static Map<String, List<List<Object>>> of(Connection connection, boolean instantsOnly) throws SQLException {
        // HSQLDB 2.5.2 fails on a typed getObject of a NULL date: the text tells NULL (a BLOB has none, getBytes does).
        return RelationRows.of(connection, "SELECT TABLE_SCHEMA, TABLE_NAME FROM INFORMATION_SCHEMA.TABLES"
                + " WHERE TABLE_SCHEMA NOT IN ('INFORMATION_SCHEMA', 'SYSTEM_LOBS')",
                (rs, md, i) -> (md.getColumnType(i) == Types.BLOB ? rs.getBytes(i) : rs.getString(i)) == null,
                (rs, md, i) -> value(rs, md, i, instantsOnly));
    }

    private static Object value(ResultSet rs, ResultSetMetaData md, int i, boolean instantsOnly) throws SQLException {
        switch (md.getColumnType(i)) {
            case Types.TIMESTAMP_WITH_TIMEZONE: {
                // From the text: 2.5.2's getObject moves a value before 1582-10-15 to the Julian calendar's day.
                OffsetDateTime value = OffsetDateTime.parse(rs.getString(i).replace(' ', 'T')
                        .replaceFirst("([+-])(\\d):(\\d\\d)$", "$10$2:$3"));
                return instantsOnly ? value.toInstant().toString() : value.toString();
            }
            case Types.TIME_WITH_TIMEZONE: {
                OffsetTime value = rs.getObject(i, OffsetTime.class);
                return (instantsOnly ? value.withOffsetSameInstant(ZoneOffset.UTC) : value).toString();
            }
            case Types.BINARY, Types.VARBINARY, Types.BLOB:
                return HexFormat.of().formatHex(rs.getBytes(i));
            case Types.DOUBLE:
                return "double:" + Double.doubleToRawLongBits(rs.getDouble(i));
            case Types.ARRAY: {
                Array array = rs.getArray(i);
                return Arrays.stream((Object[]) array.getArray()).map(e -> e == null ? null : e.toString()).toList();
            }
            default:
                return rs.getString(i);
        }
    }
}
