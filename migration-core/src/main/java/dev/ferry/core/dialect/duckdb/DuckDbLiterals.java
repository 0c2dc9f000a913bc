package dev.ferry.core.dialect.duckdb;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.OffsetTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * Values as the text DuckDB casts to its types, for binding: both drivers take a string for any parameter and DuckDB
 * casts it to the column's type, exactly, where their own setters for dates, timestamps, bytes and lists are missing
 * (0.8.1 has no setBytes) or lose what DuckDB can hold (infinities, years before 1 and after 9999).
 */
final class DuckDbLiterals {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ISO_LOCAL_TIME;

    private DuckDbLiterals() {
    }

    /** A date: {@code 2024-02-29}, {@code -0043-03-15} (44 BC), {@code infinity}, {@code -infinity}. */
    static String date(LocalDate date) {
        if (date.equals(LocalDate.MAX)) {
            return "infinity";
        }
        if (date.equals(LocalDate.MIN)) {
            return "-infinity";
        }
        String text = date.toString();
        return text.startsWith("+") ? text.substring(1) : text;
    }

    /** A time of day; {@link LocalTime#MAX} is DuckDB's {@code 24:00:00}, as the export reads it. */
    static String time(LocalTime time) {
        return time.equals(LocalTime.MAX) ? "24:00:00" : TIME.format(time);
    }

    /** A time of day with its offset: {@code 12:34:56.5+05:30}. */
    static String timeWithOffset(OffsetTime time) {
        return TIME.format(time.toLocalTime()) + offset(time.getOffset());
    }

    /** A timestamp: {@code 2024-02-29 23:59:59.123456789}, or an infinity. */
    static String timestamp(LocalDateTime timestamp) {
        if (timestamp.equals(LocalDateTime.MAX)) {
            return "infinity";
        }
        if (timestamp.equals(LocalDateTime.MIN)) {
            return "-infinity";
        }
        return date(timestamp.toLocalDate()) + " " + TIME.format(timestamp.toLocalTime());
    }

    /** An instant, in UTC (DuckDB keeps the instant of a TIMESTAMPTZ, not its offset), or an infinity. */
    static String timestampWithOffset(OffsetDateTime timestamp) {
        if (timestamp.equals(OffsetDateTime.MAX)) {
            return "infinity";
        }
        if (timestamp.equals(OffsetDateTime.MIN)) {
            return "-infinity";
        }
        return timestamp(timestamp.withOffsetSameInstant(ZoneOffset.UTC).toLocalDateTime()) + "+00";
    }

    /** {@code +05:30}, with seconds where the offset has them. */
    private static String offset(ZoneOffset offset) {
        return offset.equals(ZoneOffset.UTC) ? "+00:00" : offset.getId();
    }

    /** Bytes as DuckDB's escaped blob text, every byte as {@code \xHH}. */
    static String blob(byte[] bytes) {
        StringBuilder text = new StringBuilder(bytes.length * 4);
        for (byte b : bytes) {
            text.append("\\x").append(Character.toUpperCase(Character.forDigit((b >> 4) & 0xf, 16)))
                    .append(Character.toUpperCase(Character.forDigit(b & 0xf, 16)));
        }
        return text.toString();
    }

    /** An exact number in plain digits. */
    static String decimal(Object value) {
        return value instanceof BigDecimal decimal ? decimal.toPlainString() : value.toString();
    }

    /**
     * A list as a JSON array of the elements' text ({@code ["a,b", null]}), which DuckDB 0.8.1 casts from JSON to a list
     * of any element type read from text (not BLOB or STRUCT elements): its own cast from text to a list keeps the
     * quotes around elements and splits at every comma.
     */
    static String jsonList(Object[] elements) {
        StringBuilder json = new StringBuilder("[");
        for (int i = 0; i < elements.length; i++) {
            if (i > 0) {
                json.append(',');
            }
            Object element = elements[i];
            if (element == null) {
                json.append("null");
            } else if (element instanceof Object[] nested) {
                json.append(jsonList(nested));
            } else {
                jsonString(json, element instanceof byte[] bytes ? blob(bytes) : element.toString());
            }
        }
        return json.append(']').toString();
    }

    private static void jsonString(StringBuilder json, String text) {
        json.append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"' -> json.append("\\\"");
                case '\\' -> json.append("\\\\");
                case '\n' -> json.append("\\n");
                case '\r' -> json.append("\\r");
                case '\t' -> json.append("\\t");
                default -> {
                    if (c < 0x20) {
                        json.append(String.format("\\u%04x", (int) c));
                    } else {
                        json.append(c);
                    }
                }
            }
        }
        json.append('"');
    }

    /**
     * A list, as DuckDB 1.x casts text to a list: {@code ["a,b", NULL, "x\"y"]}, each element quoted (a backslash
     * escapes quotes and backslashes), nested lists in brackets. The elements are DuckDB's text of the element type.
     */
    static String list(Object[] elements) {
        StringBuilder text = new StringBuilder("[");
        for (int i = 0; i < elements.length; i++) {
            if (i > 0) {
                text.append(", ");
            }
            Object element = elements[i];
            if (element == null) {
                text.append("NULL");
            } else if (element instanceof Object[] nested) {
                text.append(list(nested));
            } else {
                String value = element instanceof byte[] bytes ? blob(bytes) : element.toString();
                text.append('"').append(value.replace("\\", "\\\\").replace("\"", "\\\"")).append('"');
            }
        }
        return text.append(']').toString();
    }
}
