package dev.ferry.core.value;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.OffsetTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;
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

    /**
     * Dates and timestamps in the form exports write are read digit by digit, everything else by the formatter: both
     * give the same value for every text, and refuse the same texts.
     */
    @Test
    void theFormExportsWriteReadsAsTheFormatterReadsIt() {
        for (String text : List.of("2024-02-29 13:45:07", "0001-01-01 00:00:00.5", "9999-12-31 23:59:59.999999999",
                "2020-01-01 00:00:01.000001", "2020-01-01 00:00:01.10", "1970-01-01 00:00:00.123", "2020-06-30 12:00",
                "+10000-01-01 00:00:00", "2020-01-01 00:00:00.1234567890", "2020-01-01T00:00:00", "2020-01-01 00:00:00.",
                "2024-02-30 10:00:00", "2023-02-29 10:00:00.5", "2024-01-01 24:00:00", "2024-01-01 23:60:00",
                "2024-13-01 00:00:00", "2024-1-01 00:00:00", "2024-01-01 0a:00:00", " 2024-01-01 00:00:00")) {
            assertSameAsFormatter(text, () -> LocalDateTime.parse(text, TextForms.TIMESTAMP),
                    () -> ValueKind.TIMESTAMP.parse(text));
        }
        for (String text : List.of("2024-02-29", "0000-01-01", "9999-12-31", "+10000-01-01", "-0001-01-01",
                "2024-02-30", "2023-02-29", "2024-00-10", "2024-12-32", "2024/12/01", "2024-1-011", "20240101xx")) {
            assertSameAsFormatter(text, () -> LocalDate.parse(text), () -> ValueKind.DATE.parse(text));
        }
    }

    private static void assertSameAsFormatter(String text, java.util.function.Supplier<Object> formatter,
                                              java.util.function.Supplier<Object> read) {
        Object expected;
        try {
            expected = formatter.get();
        } catch (DateTimeParseException refused) {
            assertThrows(DateTimeParseException.class, read::get, text);
            return;
        }
        assertEquals(expected, read.get(), text);
    }
}
