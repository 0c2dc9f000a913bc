package dev.ferry.core.value;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.OffsetTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import org.junit.jupiter.api.Test;

/** Temporal text is read as written or refused, never moved to the nearest valid instant. */
class TemporalTextTest {

    @Test
    void validValuesReadAsWritten() {
        assertEquals(LocalDateTime.of(2024, 2, 29, 13, 45, 7, 123_456_789),
                ValueKind.TIMESTAMP.parse("2024-02-29 13:45:07.123456789"));
        assertEquals(OffsetDateTime.of(2024, 2, 29, 23, 59, 59, 0, ZoneOffset.ofHours(2)),
                ValueKind.TIMESTAMP_WITH_TIME_ZONE.parse("2024-02-29 23:59:59+02:00"));
        assertEquals(OffsetTime.of(LocalTime.of(13, 45, 7, 500_000_000), ZoneOffset.ofHoursMinutes(5, 30)),
                ValueKind.TIME_WITH_TIME_ZONE.parse("13:45:07.5+05:30"));
    }

    @Test
    void aDayTheMonthDoesNotHaveIsRefused_notClampedToItsLastDay() {
        assertThrows(DateTimeParseException.class, () -> ValueKind.TIMESTAMP.parse("2024-02-30 10:00:00"));
        assertThrows(DateTimeParseException.class, () -> ValueKind.TIMESTAMP.parse("2023-02-29 10:00:00"));
        assertThrows(DateTimeParseException.class,
                () -> ValueKind.TIMESTAMP_WITH_TIME_ZONE.parse("2024-04-31 10:00:00+00:00"));
    }

    @Test
    void hour24IsRefused_notTheNextMidnight() {
        assertThrows(DateTimeParseException.class, () -> ValueKind.TIMESTAMP.parse("2024-01-01 24:00:00"));
        assertThrows(DateTimeParseException.class,
                () -> ValueKind.TIMESTAMP_WITH_TIME_ZONE.parse("2024-01-01 24:00:00+00:00"));
        assertThrows(DateTimeParseException.class, () -> ValueKind.TIME_WITH_TIME_ZONE.parse("24:00:00+02:00"));
    }
}
