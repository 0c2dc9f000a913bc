package dev.ferry.core.dialect.postgres;

import dev.ferry.core.value.ValueKind;
import java.util.Optional;

/**
 * For PostgreSQL's COPY TO: the SQL expression that gives a column's values in exactly the text Ferry's CSV writer
 * writes for them (the {@link ValueKind#format} of the value pgjdbc reads), or none where no expression is known to.
 *
 * <p>The expressions read the server's text of a date, time or timestamp, which needs DateStyle's output to be ISO
 * (pgjdbc requires it of every connection); they depend on no other setting: a timestamptz is taken at UTC as pgjdbc
 * reads it, a bytea through {@code encode}. A column kept in PostgreSQL's own text (numbers, text, uuid, json,
 * intervals, arrays, ...) is that text on both paths, in the same session.
 */
final class PostgresCsvText {
    /** The date and timestamp text PostgreSQL and Java write alike (years 1 to 9999) are cut at these bounds. */
    private static final String FIRST = "'0001-01-01'";
    private static final String LAST = "'9999-12-31 23:59:59.999999'";
    private static final String LAST_DATE = "'9999-12-31'";

    private PostgresCsvText() {
    }

    /**
     * The expression over {@code column} (SQL) giving Ferry's text of its values, NULL for NULL; empty where the
     * column is read row by row instead.
     *
     * @param kind     the column's kind, as the export reads it
     * @param typeName the type's name, as pgjdbc reports it ({@code int4}, {@code timestamptz} ...)
     */
    static Optional<String> of(ValueKind kind, String typeName, String column) {
        return Optional.ofNullable(switch (kind) {
            // PostgreSQL's own text is Ferry's: digits, plain decimals with NaN and the infinities, the text itself,
            // the lower-case uuid, the JSON text, and the engine's text of the types carried as such.
            case INTEGER, BIGINT, DECIMAL, STRING, UUID, JSON, ENGINE_TEXT -> column;
            case BOOLEAN -> "bool".equals(typeName)
                    ? "CASE " + column + " WHEN true THEN 'true' WHEN false THEN 'false' END" : null;
            case BINARY -> "bytea".equals(typeName) ? "encode(" + column + ", 'hex')" : null;
            case DATE -> "date".equals(typeName) ? date(column) : null;
            case TIME -> "time".equals(typeName) ? time(column) : null;
            case TIMESTAMP -> "timestamp".equals(typeName) ? timestamp(column) : null;
            case TIME_WITH_TIME_ZONE -> "timetz".equals(typeName) ? timeWithTimeZone(column) : null;
            case TIMESTAMP_WITH_TIME_ZONE -> "timestamptz".equals(typeName) ? timestampWithTimeZone(column) : null;
            // Java's shortest float text is not PostgreSQL's (1.0E10, 4.9E-324; and Java 17's not always the
            // shortest); arrays read by getArray have no expression.
            case REAL, DOUBLE, ARRAY, OTHER -> null;
        });
    }

    /**
     * {@code LocalDate.toString}: {@code +10000-01-01}, year 0 for 1 BC, the infinities as the largest and smallest.
     */
    private static String date(String column) {
        return "CASE WHEN " + column + " BETWEEN DATE " + FIRST + " AND DATE " + LAST_DATE
                + " THEN " + column + "::text WHEN " + column + " = 'infinity' THEN '+999999999-12-31'"
                + " WHEN " + column + " = '-infinity' THEN '-999999999-01-01'"
                + " ELSE " + outsideCommonEra(column + "::text") + " END";
    }

    /** ISO_LOCAL_TIME; PostgreSQL's 24:00:00 is read as the last nanosecond of the day. */
    private static String time(String column) {
        return "CASE WHEN " + column + " = TIME '24:00:00' THEN '23:59:59.999999999' ELSE " + column + "::text END";
    }

    /**
     * The time and its offset as {@code +HH:MM[:ss]} ({@code +05} is {@code +05:00}); 24:00:00 at any offset is read
     * by pgjdbc as Java's largest OffsetTime, whose offset is -18:00.
     */
    private static String timeWithTimeZone(String column) {
        return "CASE WHEN " + column + "::text LIKE '24:00:00%' THEN '23:59:59.999999999-18:00'"
                + " ELSE regexp_replace(" + column + "::text, '([+-][0-9]{2})$', E'\\\\1:00') END";
    }

    /** Ferry's {@code yyyy-MM-dd HH:mm:ss[.f]}, years as for dates, the infinities as Java's largest and smallest. */
    private static String timestamp(String column) {
        return "CASE " + commonEra(column)
                + " WHEN " + column + " = 'infinity' THEN '+999999999-12-31 23:59:59.999999999'"
                + " WHEN " + column + " = '-infinity' THEN '-999999999-01-01 00:00:00'"
                + " ELSE " + outsideCommonEra(column + "::text") + " END";
    }

    /**
     * The instant at UTC with {@code +00:00}, as pgjdbc reads a timestamptz; the infinities as Java's largest and
     * smallest, whose offsets are -18:00 and +18:00.
     */
    private static String timestampWithTimeZone(String column) {
        String utc = "(" + column + " AT TIME ZONE 'UTC')";
        return "CASE WHEN " + column + " = 'infinity' THEN '+999999999-12-31 23:59:59.999999999-18:00'"
                + " WHEN " + column + " = '-infinity' THEN '-999999999-01-01 00:00:00+18:00'"
                + " ELSE (CASE " + commonEra(utc) + " ELSE " + outsideCommonEra(utc + "::text") + " END) || '+00:00'"
                + " END";
    }

    /** The WHEN of a timestamp in years 1 to 9999, whose text is the same in PostgreSQL and Java. */
    private static String commonEra(String timestamp) {
        return "WHEN " + timestamp + " BETWEEN TIMESTAMP " + FIRST + " AND TIMESTAMP " + LAST + " THEN "
                + timestamp + "::text";
    }

    /**
     * The ISO year of a finite date's or timestamp's text outside years 1 to 9999: {@code 0044-03-15 BC} is
     * {@code -0043-03-15} (1 BC is year 0), {@code 10000-01-01} is {@code +10000-01-01}.
     */
    private static String outsideCommonEra(String text) {
        String year = "split_part(" + text + ", '-', 1)";
        String rest = "substr(" + text + ", strpos(" + text + ", '-'), length(" + text + ") - strpos(" + text
                + ", '-') - 2)";
        return "CASE WHEN " + text + " LIKE '% BC' THEN (CASE WHEN " + year + " = '0001' THEN '0000'"
                + " ELSE '-' || lpad((" + year + "::int - 1)::text, 4, '0') END) || " + rest
                + " ELSE '+' || " + text + " END";
    }
}
