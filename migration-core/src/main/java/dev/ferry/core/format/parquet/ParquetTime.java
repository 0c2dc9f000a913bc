package dev.ferry.core.format.parquet;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.apache.parquet.schema.LogicalTypeAnnotation.TimeUnit;

/**
 * Dates, times and timestamps as Parquet stores them: days, and time units since midnight or since 1970-01-01 UTC.
 * The infinite dates and timestamps some engines have (PostgreSQL's {@code infinity}, which JDBC drivers give as the
 * largest and smallest java.time values) are the largest and smallest stored numbers, as DuckDB writes them.
 */
final class ParquetTime {
    private static final long NANOS_PER_SECOND = 1_000_000_000L;

    private ParquetTime() {
    }

    static int days(LocalDate date) {
        if (date.equals(LocalDate.MAX)) {
            return Integer.MAX_VALUE;
        }
        if (date.equals(LocalDate.MIN)) {
            return -Integer.MAX_VALUE;
        }
        long days = date.toEpochDay();
        if (days >= Integer.MAX_VALUE || days <= -Integer.MAX_VALUE) {
            throw new IllegalArgumentException(date + " is beyond the range of a Parquet DATE");
        }
        return (int) days;
    }

    static LocalDate date(int days) {
        if (days == Integer.MAX_VALUE) {
            return LocalDate.MAX;
        }
        return days == -Integer.MAX_VALUE ? LocalDate.MIN : LocalDate.ofEpochDay(days);
    }

    /**
     * The time since midnight. {@link LocalTime#MAX}, which JDBC drivers give for PostgreSQL's {@code 24:00:00}, is
     * a whole day where the unit cannot hold its last nanosecond (as DuckDB writes 24:00:00).
     */
    static long time(LocalTime time, TimeUnit unit) {
        if (time.equals(LocalTime.MAX) && unit != TimeUnit.NANOS) {
            return wholeDay(unit);
        }
        return fromNanos(time.toNanoOfDay(), unit, time);
    }

    static LocalTime localTime(long value, TimeUnit unit) {
        if (value == wholeDay(unit)) {
            return LocalTime.MAX;
        }
        return LocalTime.ofNanoOfDay(Math.multiplyExact(value, nanosPer(unit)));
    }

    private static long wholeDay(TimeUnit unit) {
        return 86_400L * (NANOS_PER_SECOND / nanosPer(unit));
    }

    static long timestamp(LocalDateTime timestamp, TimeUnit unit) {
        if (timestamp.equals(LocalDateTime.MAX)) {
            return Long.MAX_VALUE;
        }
        if (timestamp.equals(LocalDateTime.MIN)) {
            return -Long.MAX_VALUE;
        }
        return sinceEpoch(timestamp.toInstant(ZoneOffset.UTC), unit, timestamp);
    }

    static long timestamp(OffsetDateTime timestamp, TimeUnit unit) {
        if (timestamp.equals(OffsetDateTime.MAX)) {
            return Long.MAX_VALUE;
        }
        if (timestamp.equals(OffsetDateTime.MIN)) {
            return -Long.MAX_VALUE;
        }
        return sinceEpoch(timestamp.toInstant(), unit, timestamp);
    }

    static LocalDateTime localDateTime(long value, TimeUnit unit) {
        if (value == Long.MAX_VALUE) {
            return LocalDateTime.MAX;
        }
        if (value == -Long.MAX_VALUE) {
            return LocalDateTime.MIN;
        }
        return LocalDateTime.ofInstant(instant(value, unit), ZoneOffset.UTC);
    }

    static OffsetDateTime offsetDateTime(long value, TimeUnit unit) {
        if (value == Long.MAX_VALUE) {
            return OffsetDateTime.MAX;
        }
        if (value == -Long.MAX_VALUE) {
            return OffsetDateTime.MIN;
        }
        return OffsetDateTime.ofInstant(instant(value, unit), ZoneOffset.UTC);
    }

    private static long sinceEpoch(Instant instant, TimeUnit unit, Object value) {
        try {
            long seconds = Math.multiplyExact(instant.getEpochSecond(), NANOS_PER_SECOND / nanosPer(unit));
            return Math.addExact(seconds, fromNanos(instant.getNano(), unit, value));
        } catch (ArithmeticException e) {
            throw new IllegalArgumentException(value + " is beyond the range of a Parquet timestamp in "
                    + unit.name().toLowerCase() + (unit == TimeUnit.NANOS ? " (years 1677 to 2262)" : ""), e);
        }
    }

    private static Instant instant(long value, TimeUnit unit) {
        long perSecond = NANOS_PER_SECOND / nanosPer(unit);
        return Instant.ofEpochSecond(Math.floorDiv(value, perSecond),
                Math.floorMod(value, perSecond) * nanosPer(unit));
    }

    private static long fromNanos(long nanos, TimeUnit unit, Object value) {
        long per = nanosPer(unit);
        if (nanos % per != 0) {
            throw new IllegalArgumentException(value + " has more fractional digits than the column's type declares");
        }
        return nanos / per;
    }

    private static long nanosPer(TimeUnit unit) {
        return switch (unit) {
            case MILLIS -> 1_000_000L;
            case MICROS -> 1_000L;
            case NANOS -> 1L;
        };
    }
}
