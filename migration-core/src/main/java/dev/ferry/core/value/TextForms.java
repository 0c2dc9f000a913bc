package dev.ferry.core.value;

import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.ResolverStyle;

/**
 * The text forms of temporal values: ISO 8601 with a space between date and time, as SQL literals are written. Read
 * strictly: a day the month does not have ({@code 2024-02-30}) or the hour 24 is an error, not the nearest instant.
 */
final class TextForms {
    /** {@code 13:45:07}, with as many fractional digits as needed (up to nine). */
    static final DateTimeFormatter TIME = DateTimeFormatter.ISO_LOCAL_TIME;
    /** {@code 13:45:07.5+02:00}. */
    static final DateTimeFormatter TIME_WITH_OFFSET = new DateTimeFormatterBuilder()
            .append(TIME).appendOffset("+HH:MM:ss", "+00:00").toFormatter()
            .withResolverStyle(ResolverStyle.STRICT);
    /** {@code 2024-02-29 13:45:07.123456789}. */
    static final DateTimeFormatter TIMESTAMP = new DateTimeFormatterBuilder()
            .append(DateTimeFormatter.ISO_LOCAL_DATE).appendLiteral(' ').append(TIME).toFormatter()
            .withResolverStyle(ResolverStyle.STRICT);
    /** {@code 2024-02-29 13:45:07.5+02:00}. */
    static final DateTimeFormatter TIMESTAMP_WITH_OFFSET = new DateTimeFormatterBuilder()
            .append(TIMESTAMP).appendOffset("+HH:MM:ss", "+00:00").toFormatter()
            .withResolverStyle(ResolverStyle.STRICT);

    private TextForms() {
    }
}
