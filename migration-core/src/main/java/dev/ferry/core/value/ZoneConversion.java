package dev.ferry.core.value;

import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.OffsetTime;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Times and timestamps with a zone for columns without one, and the reverse, at UTC: how a value read from a file
 * of another engine or tool is loaded where the column's kind differs only by its zone.
 */
public final class ZoneConversion {

    private ZoneConversion() {
    }

    /**
     * {@code value} as {@code to} where one has a zone and the other has not (the infinite timestamps kept infinite);
     * null for any other pair.
     */
    public static Object atUtc(Object value, ValueKind to) {
        if (value instanceof OffsetDateTime timestamp && to == ValueKind.TIMESTAMP) {
            return timestamp.equals(OffsetDateTime.MAX) ? LocalDateTime.MAX
                    : timestamp.equals(OffsetDateTime.MIN) ? LocalDateTime.MIN
                    : timestamp.withOffsetSameInstant(ZoneOffset.UTC).toLocalDateTime();
        }
        if (value instanceof LocalDateTime timestamp && to == ValueKind.TIMESTAMP_WITH_TIME_ZONE) {
            return timestamp.equals(LocalDateTime.MAX) ? OffsetDateTime.MAX
                    : timestamp.equals(LocalDateTime.MIN) ? OffsetDateTime.MIN : timestamp.atOffset(ZoneOffset.UTC);
        }
        if (value instanceof OffsetTime time && to == ValueKind.TIME) {
            return time.withOffsetSameInstant(ZoneOffset.UTC).toLocalTime();
        }
        if (value instanceof LocalTime time && to == ValueKind.TIME_WITH_TIME_ZONE) {
            return time.atOffset(ZoneOffset.UTC);
        }
        return null;
    }

    private static final Pattern TIMESTAMP_WITH_OFFSET = Pattern.compile(
            "(\\d{4}-\\d{2}-\\d{2})[ T](\\d{2}:\\d{2}:\\d{2})(\\.\\d{1,9})?(Z|[+-]\\d{2}:\\d{2}(?::\\d{2})?)");

    /**
     * A timestamp's text with an offset ({@code 2024-06-01 12:34:56.789+02:00}) as its wall time at UTC without one
     * ({@code 2024-06-01 10:34:56.789}, the fraction's digits kept), for a column without a zone that takes timestamps
     * as text (MariaDB's DATETIME); any other text as it is.
     */
    public static String textAtUtc(String text) {
        if (!endsWithOffset(text)) {
            return text;
        }
        Matcher timestamp = TIMESTAMP_WITH_OFFSET.matcher(text);
        if (!timestamp.matches()) {
            return text;
        }
        String fraction = timestamp.group(3) == null ? "" : timestamp.group(3);
        OffsetDateTime at = OffsetDateTime.parse(timestamp.group(1) + "T" + timestamp.group(2) + fraction
                + (timestamp.group(4).equals("Z") ? "Z" : timestamp.group(4)));
        LocalDateTime utc = at.withOffsetSameInstant(ZoneOffset.UTC).toLocalDateTime();
        String wall = utc.toLocalDate() + " " + String.format(Locale.ROOT, "%02d:%02d:%02d", utc.getHour(),
                utc.getMinute(), utc.getSecond());
        if (fraction.isEmpty()) {
            return wall;
        }
        String nanos = String.format(Locale.ROOT, "%09d", utc.getNano());
        return wall + "." + nanos.substring(0, fraction.length() - 1);
    }

    /** A quick look at the end, before the pattern: most timestamps a loader sees have no offset. */
    private static boolean endsWithOffset(String text) {
        int length = text.length();
        if (length > 0 && text.charAt(length - 1) == 'Z') {
            return true;
        }
        for (int sign : new int[] {length - 6, length - 9}) {
            if (sign > 0 && (text.charAt(sign) == '+' || text.charAt(sign) == '-') && text.charAt(sign + 3) == ':') {
                return true;
            }
        }
        return false;
    }
}
