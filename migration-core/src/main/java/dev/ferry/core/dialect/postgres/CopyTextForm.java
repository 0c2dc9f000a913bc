package dev.ferry.core.dialect.postgres;

import dev.ferry.core.value.ValueKind;
import java.sql.Types;

/**
 * Which fields of a column a CSV file can hand to COPY as they are: those whose text is already, byte for byte, what
 * {@link PostgresCopyText} makes of the value {@link ValueKind#parse} reads from it. Each form accepts only such
 * fixed points (Ferry's canonical forms: {@code 12}, not {@code 012}, {@code +12}, {@code 1e1} or {@code -0}); any
 * other field is converted as before, so PostgreSQL never reads a value another way than through the conversion.
 */
enum CopyTextForm {
    /** Text, JSON, enums and PostgreSQL's own text forms: the value is the text. */
    TEXT,
    /** PostgreSQL's arrays: their own text as it is; a list in brackets (written for DuckDB) converted. */
    ARRAY_TEXT,
    BOOLEAN,
    /** Up to 9 digits, so within an int. */
    INTEGER,
    /** Up to 18 digits, so within a long. */
    BIGINT,
    DECIMAL,
    DATE,
    TIMESTAMP,
    TIMESTAMP_WITH_TIME_ZONE,
    UUID,
    /** Ferry's lower-case hexadecimal, which COPY takes after a {@code \x}. */
    BYTEA_HEX,
    /** Every field converted (floating point, times, H2's arrays). */
    CONVERTED;

    /** How a field goes to COPY. */
    enum Passing {
        /** Its bytes as they are. */
        AS_IS,
        /** Its bytes after {@code \x}. */
        HEX_PREFIXED,
        /** Parsed and written again, as every field was before. */
        CONVERTED
    }

    /** The form of a column of {@code kind} and {@link Types} code {@code jdbcType}. */
    static CopyTextForm of(ValueKind kind, int jdbcType) {
        return switch (kind) {
            case STRING, JSON, OTHER -> TEXT;
            case ENGINE_TEXT -> jdbcType == Types.ARRAY ? ARRAY_TEXT : TEXT;
            case BOOLEAN -> BOOLEAN;
            case INTEGER -> INTEGER;
            case BIGINT -> BIGINT;
            case DECIMAL -> DECIMAL;
            case DATE -> DATE;
            case TIMESTAMP -> TIMESTAMP;
            case TIMESTAMP_WITH_TIME_ZONE -> TIMESTAMP_WITH_TIME_ZONE;
            case UUID -> UUID;
            case BINARY -> BYTEA_HEX;
            case REAL, DOUBLE, TIME, TIME_WITH_TIME_ZONE, ARRAY -> CONVERTED;
        };
    }

    /**
     * How the field whose text is {@code b[from, to)} goes to COPY.
     *
     * @param text the field's text in UTF-8, valid; it holds no quote character of the file (a doubled quote is
     *             passed only as {@link #TEXT})
     */
    Passing passing(byte[] b, int from, int to) {
        boolean same = switch (this) {
            case TEXT -> true;
            case ARRAY_TEXT -> from == to || b[from] != '[';
            case BOOLEAN -> is(b, from, to, "true") || is(b, from, to, "false");
            case INTEGER -> integer(b, from, to, 9);
            case BIGINT -> integer(b, from, to, 18);
            case DECIMAL -> decimal(b, from, to);
            case DATE -> to - from == 10 && date(b, from);
            case TIMESTAMP -> timestamp(b, from, to) == to;
            case TIMESTAMP_WITH_TIME_ZONE -> offset(b, timestamp(b, from, to), to);
            case UUID -> uuid(b, from, to);
            case BYTEA_HEX -> false;
            case CONVERTED -> false;
        };
        if (same) {
            return Passing.AS_IS;
        }
        return this == BYTEA_HEX && lowerHex(b, from, to) ? Passing.HEX_PREFIXED : Passing.CONVERTED;
    }

    private static boolean is(byte[] b, int from, int to, String word) {
        if (to - from != word.length()) {
            return false;
        }
        for (int i = 0; i < word.length(); i++) {
            if (b[from + i] != word.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    /** {@code -?(0|[1-9][0-9]*)} of at most {@code maxDigits} digits, and not {@code -0}. */
    private static boolean integer(byte[] b, int from, int to, int maxDigits) {
        int start = from < to && b[from] == '-' ? from + 1 : from;
        int end = digits(b, start, to);
        return end == to && end > start && end - start <= maxDigits && (b[start] != '0' || end - start == 1 && start == from);
    }

    /** {@code -?(0|[1-9][0-9]*)(\.[0-9]+)?} with a non-zero digit where negative, or NaN and the infinities. */
    private static boolean decimal(byte[] b, int from, int to) {
        if (is(b, from, to, "NaN") || is(b, from, to, "Infinity") || is(b, from, to, "-Infinity")) {
            return true;
        }
        boolean negative = from < to && b[from] == '-';
        int start = negative ? from + 1 : from;
        int end = digits(b, start, to);
        if (end == start || b[start] == '0' && end - start > 1) {
            return false;
        }
        if (end < to) {
            if (b[end] != '.' || digits(b, end + 1, to) != to || end + 1 == to) {
                return false;
            }
        }
        if (negative) {
            for (int i = start; i < to; i++) {
                if (b[i] >= '1' && b[i] <= '9') {
                    return true;
                }
            }
            return false;
        }
        return true;
    }

    /** {@code yyyy-MM-dd}, a day of the proleptic Gregorian calendar in the years 1 to 9999. */
    private static boolean date(byte[] b, int at) {
        int year = number(b, at, 4);
        int month = number(b, at + 5, 2);
        int day = number(b, at + 8, 2);
        return year >= 1 && b[at + 4] == '-' && b[at + 7] == '-' && month >= 1 && month <= 12 && day >= 1
                && day <= daysIn(year, month);
    }

    private static int daysIn(int year, int month) {
        return switch (month) {
            case 2 -> year % 4 == 0 && (year % 100 != 0 || year % 400 == 0) ? 29 : 28;
            case 4, 6, 9, 11 -> 30;
            default -> 31;
        };
    }

    /**
     * Where {@code yyyy-MM-dd HH:mm:ss} and a fraction of 1 to 9 digits without trailing zeros, starting at
     * {@code from}, end; -1 where the text does not start so.
     */
    private static int timestamp(byte[] b, int from, int to) {
        if (to - from < 19 || !date(b, from) || b[from + 10] != ' ') {
            return -1;
        }
        int at = from + 11;
        int hour = number(b, at, 2);
        int minute = number(b, at + 3, 2);
        int second = number(b, at + 6, 2);
        if (hour < 0 || hour > 23 || b[at + 2] != ':' || minute < 0 || minute > 59 || b[at + 5] != ':' || second < 0
                || second > 59) {
            return -1;
        }
        int end = at + 8;
        if (end < to && b[end] == '.') {
            int digitsEnd = digits(b, end + 1, to);
            if (digitsEnd == end + 1 || digitsEnd - end - 1 > 9 || b[digitsEnd - 1] == '0') {
                return -1;
            }
            end = digitsEnd;
        }
        return end;
    }

    /** Whether {@code b[at, to)} is an offset as {@link java.time.ZoneOffset#getId} writes it: {@code [+-]HH:MM}. */
    private static boolean offset(byte[] b, int at, int to) {
        if (at < 0 || to - at != 6 || b[at] != '+' && b[at] != '-' || b[at + 3] != ':') {
            return false;
        }
        int hours = number(b, at + 1, 2);
        int minutes = number(b, at + 4, 2);
        return hours >= 0 && minutes >= 0 && minutes <= 59 && (hours < 18 || hours == 18 && minutes == 0)
                && (b[at] == '+' || hours + minutes > 0);
    }

    private static boolean uuid(byte[] b, int from, int to) {
        if (to - from != 36) {
            return false;
        }
        for (int i = 0; i < 36; i++) {
            boolean hyphen = i == 8 || i == 13 || i == 18 || i == 23;
            if (hyphen ? b[from + i] != '-' : hexDigit(b[from + i]) < 0) {
                return false;
            }
        }
        return true;
    }

    private static boolean lowerHex(byte[] b, int from, int to) {
        if ((to - from) % 2 != 0) {
            return false;
        }
        for (int i = from; i < to; i++) {
            if (hexDigit(b[i]) < 0) {
                return false;
            }
        }
        return true;
    }

    private static int hexDigit(byte c) {
        return c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10 : -1;
    }

    /** Where the run of ASCII digits starting at {@code from} ends. */
    private static int digits(byte[] b, int from, int to) {
        int i = from;
        while (i < to && b[i] >= '0' && b[i] <= '9') {
            i++;
        }
        return i;
    }

    /** The number written by the {@code count} digits at {@code at}, or -1 where they are not all digits. */
    private static int number(byte[] b, int at, int count) {
        int value = 0;
        for (int i = at; i < at + count; i++) {
            if (b[i] < '0' || b[i] > '9') {
                return -1;
            }
            value = value * 10 + b[i] - '0';
        }
        return value;
    }
}
