package dev.ferry.core.value;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ZoneConversionTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
        "2024-01-01 01:00:00+00:00        | 2024-01-01 01:00:00",
        "2024-06-01 12:34:56.789+02:00    | 2024-06-01 10:34:56.789",
        "1999-12-31 23:59:59+05:30        | 1999-12-31 18:29:59",
        "2000-02-29T00:00:00.500000-08:00 | 2000-02-29 08:00:00.500000",
        "2024-03-31 01:30:00Z             | 2024-03-31 01:30:00",
        "1900-01-01 00:00:00+00:09:21     | 1899-12-31 23:50:39",
        "2024-12-31 23:00:00.123456789-02:00 | 2025-01-01 01:00:00.123456789",
    })
    void aTimestampWithAnOffsetIsItsWallTimeAtUtc(String text, String utc) {
        assertEquals(utc, ZoneConversion.textAtUtc(text));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "2024-01-01 01:00:00",
        "2024-01-01",
        "0000-00-00 00:00:00",
        "838:59:59",
        "12:00:00+02:00",
        "not a time+01:00",
    })
    void anyOtherTextIsLeftAsItIs(String text) {
        assertEquals(text, ZoneConversion.textAtUtc(text));
    }
}
