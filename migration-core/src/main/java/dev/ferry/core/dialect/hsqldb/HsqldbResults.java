package dev.ferry.core.dialect.hsqldb;

import dev.ferry.core.dialect.JdbcProxies;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * HSQLDB's query results as Ferry's value kinds read them, around two faults of its drivers:
 * <ul>
 *   <li>2.5.2's {@code getObject(column, LocalDate.class)} and {@code getObject(column, LocalDateTime.class)} fail with a
 *       NullPointerException on an SQL NULL (in a file database's transaction): a typed {@code getObject} first asks
 *       whether the value is NULL;</li>
 *   <li>2.5.2's {@code getObject(column, OffsetDateTime.class)} moves a TIMESTAMP WITH TIME ZONE before 1582-10-15 by
 *       the days between the Julian and Gregorian calendars ({@code 0001-01-01} becomes {@code 0000-12-30}): it is read
 *       from HSQLDB's text, which is exact.</li>
 * </ul>
 */
final class HsqldbResults {

    private HsqldbResults() {
    }

    /** The statement, whose results are read as this class says. */
    static PreparedStatement adapt(PreparedStatement statement) {
        return JdbcProxies.proxy(PreparedStatement.class, statement, (method, args) -> {
            Object result = method.invoke(statement, args);
            return result instanceof ResultSet rows ? adapt(rows) : result;
        });
    }

    private static ResultSet adapt(ResultSet rows) {
        return JdbcProxies.proxy(ResultSet.class, rows, (method, args) -> {
            boolean typed = method.getName().equals("getObject") && args.length == 2 && args[0] instanceof Integer
                    && args[1] instanceof Class<?>;
            if (!typed) {
                return method.invoke(rows, args);
            }
            String text = rows.getString((Integer) args[0]);
            if (text == null) {
                return null;
            }
            return args[1] == OffsetDateTime.class ? offsetDateTime(text) : method.invoke(rows, args);
        });
    }

    /** HSQLDB's text of a TIMESTAMP WITH TIME ZONE: {@code 2024-01-01 10:00:00.500000+5:30}. */
    static OffsetDateTime offsetDateTime(String text) {
        int sign = Math.max(text.lastIndexOf('+'), text.lastIndexOf('-'));
        String[] offset = text.substring(sign + 1).split(":");
        int direction = text.charAt(sign) == '-' ? -1 : 1;
        return OffsetDateTime.of(LocalDateTime.parse(text.substring(0, sign).replace(' ', 'T')),
                ZoneOffset.ofHoursMinutes(direction * Integer.parseInt(offset[0]), direction * Integer.parseInt(offset[1])));
    }
}
