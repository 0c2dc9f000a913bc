package dev.ferry.core.dialect.postgres;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.ferry.core.value.ValueKind;
import java.sql.Types;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class PostgresCopyTextTest {

    private static String date(int year, int month, int day) {
        return PostgresCopyText.of(ValueKind.DATE, Types.DATE, LocalDate.of(year, month, day));
    }

    @Test
    void datesHaveFourDigitYearsAtLeast_andYearZeroAndBeforeAreBc() {
        assertEquals("2024-02-29", date(2024, 2, 29));
        assertEquals("0001-01-01", date(1, 1, 1));
        assertEquals("0999-10-05", date(999, 10, 5));
        assertEquals("12345-12-31", date(12345, 12, 31));
        assertEquals("0001-12-31 BC", date(0, 12, 31));
        assertEquals("0044-03-15 BC", date(-43, 3, 15));
        assertEquals("infinity", PostgresCopyText.of(ValueKind.DATE, Types.DATE, LocalDate.MAX));
    }

    @Test
    void timestampsPutTheTimeBetweenTheDateAndBc() {
        assertEquals("0044-03-15 12:00:00.5 BC", PostgresCopyText.of(ValueKind.TIMESTAMP, Types.TIMESTAMP,
                LocalDateTime.of(-43, 3, 15, 12, 0, 0, 500_000_000)));
        assertEquals("2024-01-02 03:04:05+05:30", PostgresCopyText.of(ValueKind.TIMESTAMP_WITH_TIME_ZONE,
                Types.TIMESTAMP_WITH_TIMEZONE, OffsetDateTime.of(2024, 1, 2, 3, 4, 5, 0, ZoneOffset.ofHoursMinutes(5, 30))));
        assertEquals("2024-01-02 03:04:05+00:00", PostgresCopyText.of(ValueKind.TIMESTAMP_WITH_TIME_ZONE,
                Types.TIMESTAMP_WITH_TIMEZONE, OffsetDateTime.of(2024, 1, 2, 3, 4, 5, 0, ZoneOffset.UTC)));
    }
}
