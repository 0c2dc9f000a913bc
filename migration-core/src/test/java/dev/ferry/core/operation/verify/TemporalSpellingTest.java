package dev.ferry.core.operation.verify;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TemporalSpellingTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "1973-07-01 00:00:00.000000|1973-07-01 00:00:00",
            "1973-07-01T00:00:00|1973-07-01 00:00:00",
            "2024-02-29 12:34:56.100100|2024-02-29 12:34:56.1001",
            "2024-02-29 12:34:56.1001|2024-02-29 12:34:56.1001",
            "0000-00-00 00:00:00.000|0000-00-00 00:00:00",
            "838:59:59.000000|838:59:59",
            "-12:00:00.500|-12:00:00.5",
            "2024-02-29|2024-02-29",
            "12:00:00.000+02:00|12:00:00+02:00",
            "10.000|10.000"})
    void spellsEachValueOneWay(String text, String canonical) {
        assertEquals(canonical, TemporalSpelling.canonical(text));
    }
}
