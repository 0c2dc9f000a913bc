package dev.ferry.core.dialect.duckdb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Which values of which DuckDB types go to the Appender, and in what form; without a database. */
class DuckDbAppendedColumnTest {

    private static DuckDbAppendedColumn column(String type) {
        return DuckDbAppendedColumn.of(type).orElseThrow();
    }

    @Test
    void theTypesAreThoseDuckDbColumnsNames() {
        assertEquals(Optional.of(new DuckDbAppendedDecimal(12, 2)), DuckDbAppendedColumn.of("DECIMAL(12,2)"));
        assertEquals(Optional.of(DuckDbAppendedType.TIMESTAMP_WITH_TIME_ZONE),
                DuckDbAppendedColumn.of("TIMESTAMP WITH TIME ZONE"));
        assertEquals(Optional.of(DuckDbAppendedType.VARCHAR), DuckDbAppendedColumn.of("varchar"));
        for (String other : new String[] {"TIMESTAMP_NS", "TIME WITH TIME ZONE", "INTERVAL", "INTEGER[]", "JSON",
                "ENUM('a', 'b')", "STRUCT(a INTEGER)", "MAP(VARCHAR, INTEGER)", "BIT", "BIGNUM", "TIMESTAMP_S"}) {
            assertEquals(Optional.empty(), DuckDbAppendedColumn.of(other), other);
        }
    }

    @Test
    void aDecimalIsAppendedAtTheColumnsScaleWhereNoRoundingIsNeeded() {
        DuckDbAppendedColumn decimal = column("DECIMAL(4,1)");
        assertEquals(new BigDecimal("1.5"), decimal.appendable(new BigDecimal("1.50")));
        assertEquals(new BigDecimal("100.0"), decimal.appendable(new BigDecimal("1E+2")));
        assertEquals(new BigDecimal("-999.9"), decimal.appendable(new BigDecimal("-999.9")));
        assertNull(decimal.appendable(new BigDecimal("1.55")), "DuckDB rounds");
        assertNull(decimal.appendable(new BigDecimal("1000.0")), "DuckDB refuses");
        assertNull(decimal.appendable("NaN"), "DuckDB refuses");
    }

    @Test
    void integersWithinTheirTypesRangeAsTheBitsOfTheirWidth() {
        assertEquals(255, column("UTINYINT").appendable(255));
        assertNull(column("UTINYINT").appendable(256));
        assertNull(column("UTINYINT").appendable(-1));
        assertNull(column("TINYINT").appendable(128));
        assertEquals(4_294_967_295L, column("UINTEGER").appendable(4_294_967_295L));
        assertNull(column("UINTEGER").appendable(4_294_967_296L));
        assertEquals(new BigInteger("18446744073709551615"),
                column("UBIGINT").appendable(new BigDecimal("18446744073709551615")));
        assertNull(column("UBIGINT").appendable(new BigDecimal("18446744073709551616")));
        assertNull(column("HUGEINT").appendable(new BigDecimal("5.0")), "a scale DuckDB's cast decides about");
    }

    @Test
    void datesAndTimestampsAsDaysAndMicrosecondsWithDuckDbsInfinities() {
        assertEquals(Integer.MAX_VALUE, column("DATE").appendable(LocalDate.MAX));
        assertEquals(-Integer.MAX_VALUE, column("DATE").appendable(LocalDate.MIN));
        assertEquals(-1, column("DATE").appendable(LocalDate.of(1969, 12, 31)));
        assertNull(column("DATE").appendable(LocalDate.of(290_001, 1, 1)));
        assertEquals(Long.MAX_VALUE, column("TIMESTAMP").appendable(LocalDateTime.MAX));
        assertEquals(-Long.MAX_VALUE, column("TIMESTAMP").appendable(LocalDateTime.MIN));
        assertEquals(-1L, column("TIMESTAMP").appendable(LocalDateTime.of(1969, 12, 31, 23, 59, 59, 999_999_000)));
        assertNull(column("TIMESTAMP").appendable(LocalDateTime.of(2024, 1, 1, 0, 0, 0, 1)), "nanoseconds");
        assertEquals(0L, column("TIMESTAMP WITH TIME ZONE").appendable(
                OffsetDateTime.of(1970, 1, 1, 5, 30, 0, 0, ZoneOffset.ofHoursMinutes(5, 30))));
        assertEquals(86_400_000_000L, column("TIME").appendable(LocalTime.MAX), "24:00:00");
        assertNull(column("TIME").appendable(LocalTime.of(1, 0, 0, 1)));
    }

    @Test
    void aValueOfAnotherJavaTypeIsLeftToDuckDbsCast() {
        assertNull(column("INTEGER").appendable(1L));
        assertNull(column("VARCHAR").appendable(1));
        assertTrue(column("BOOLEAN").appendable(true) instanceof Boolean);
    }
}
