package dev.ferry.core.value;

import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.OffsetTime;
import java.time.ZoneOffset;

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
}
