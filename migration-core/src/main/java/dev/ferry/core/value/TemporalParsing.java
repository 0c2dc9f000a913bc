package dev.ferry.core.value;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;

/**
 * Dates and timestamps read from their text. The form every export writes ({@code 2024-02-29}, {@code 2024-02-29
 * 13:45:07.123456}: a four-digit year, seconds, up to nine fractional digits) is read digit by digit, several times
 * faster than through a {@link java.time.format.DateTimeFormatter} (which took 8% of a CSV import into H2, measured);
 * any other text, and a date or time in that form that does not exist, is read by the formatter, which takes it or
 * refuses it with its own message.
 */
final class TemporalParsing {
    private static final int[] SCALE = {1, 10, 100, 1_000, 10_000, 100_000, 1_000_000, 10_000_000, 100_000_000,
            1_000_000_000};

    private TemporalParsing() {
    }

    /** {@code 2024-02-29}, as {@link LocalDate#parse(CharSequence)} reads it. */
    static LocalDate date(String text) {
        if (text.length() == 10 && isDate(text)) {
            try {
                return LocalDate.of(number(text, 0, 4), number(text, 5, 2), number(text, 8, 2));
            } catch (DateTimeException e) {
                // read again below, for the formatter's message
            }
        }
        return LocalDate.parse(text);
    }

    /** {@code 2024-02-29 13:45:07.123456789}, as {@link TextForms#TIMESTAMP} reads it. */
    static LocalDateTime timestamp(String text) {
        int length = text.length();
        if (length >= 19 && length <= 29 && length != 20 && isDate(text) && text.charAt(10) == ' '
                && isTime(text) && (length == 19 || text.charAt(19) == '.' && digits(text, 20, length - 20))) {
            try {
                int fraction = length == 19 ? 0 : number(text, 20, length - 20) * SCALE[29 - length];
                return LocalDateTime.of(
                        LocalDate.of(number(text, 0, 4), number(text, 5, 2), number(text, 8, 2)),
                        LocalTime.of(number(text, 11, 2), number(text, 14, 2), number(text, 17, 2), fraction));
            } catch (DateTimeException e) {
                // read again below, for the formatter's message
            }
        }
        return LocalDateTime.parse(text, TextForms.TIMESTAMP);
    }

    /** {@code dddd-dd-dd} at the start. */
    private static boolean isDate(String text) {
        return digits(text, 0, 4) && text.charAt(4) == '-' && digits(text, 5, 2) && text.charAt(7) == '-'
                && digits(text, 8, 2);
    }

    /** {@code dd:dd:dd} after the date and a separator. */
    private static boolean isTime(String text) {
        return digits(text, 11, 2) && text.charAt(13) == ':' && digits(text, 14, 2) && text.charAt(16) == ':'
                && digits(text, 17, 2);
    }

    private static boolean digits(String text, int start, int count) {
        for (int i = start; i < start + count; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }

    /** The value of {@code count} ASCII digits (at most nine), checked by {@link #digits} before. */
    private static int number(String text, int start, int count) {
        int value = 0;
        for (int i = start; i < start + count; i++) {
            value = value * 10 + (text.charAt(i) - '0');
        }
        return value;
    }
}
