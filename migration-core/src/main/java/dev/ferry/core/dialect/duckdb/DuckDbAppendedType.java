package dev.ferry.core.dialect.duckdb;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.Optional;

/**
 * The DuckDB types, other than DECIMAL, whose values the Appender takes exactly, each by the name duckdb_columns()
 * gives it. Unsigned integers are appended as the bits of the signed type of their width; dates and timestamps as
 * days or microseconds since 1970 (DuckDB's infinities as its largest values), within ±290,000 years; a time or
 * timestamp with a fraction finer than microseconds is left to DuckDB's cast. The other types (TIMESTAMP_NS, time
 * with a zone, intervals, lists, structs, enums, JSON) are not appended: their tables are loaded with INSERTs.
 */
enum DuckDbAppendedType implements DuckDbAppendedColumn {
    BOOLEAN {
        @Override
        public Object appendable(Object value) {
            return value instanceof Boolean ? value : null;
        }

        @Override
        public void append(DuckDbAppender appender, Object appendable) throws SQLException {
            appender.append((boolean) (Boolean) appendable);
        }
    },
    TINYINT {
        @Override
        public Object appendable(Object value) {
            return integerWithin(value, Byte.MIN_VALUE, Byte.MAX_VALUE);
        }

        @Override
        public void append(DuckDbAppender appender, Object appendable) throws SQLException {
            appender.append((byte) (int) (Integer) appendable);
        }
    },
    UTINYINT {
        @Override
        public Object appendable(Object value) {
            return integerWithin(value, 0, 0xff);
        }

        @Override
        public void append(DuckDbAppender appender, Object appendable) throws SQLException {
            appender.append((byte) (int) (Integer) appendable);
        }
    },
    SMALLINT {
        @Override
        public Object appendable(Object value) {
            return integerWithin(value, Short.MIN_VALUE, Short.MAX_VALUE);
        }

        @Override
        public void append(DuckDbAppender appender, Object appendable) throws SQLException {
            appender.append((short) (int) (Integer) appendable);
        }
    },
    USMALLINT {
        @Override
        public Object appendable(Object value) {
            return integerWithin(value, 0, 0xffff);
        }

        @Override
        public void append(DuckDbAppender appender, Object appendable) throws SQLException {
            appender.append((short) (int) (Integer) appendable);
        }
    },
    INTEGER {
        @Override
        public Object appendable(Object value) {
            return value instanceof Integer ? value : null;
        }

        @Override
        public void append(DuckDbAppender appender, Object appendable) throws SQLException {
            appender.append((int) (Integer) appendable);
        }
    },
    UINTEGER {
        @Override
        public Object appendable(Object value) {
            return value instanceof Long number && number >= 0 && number <= 0xffff_ffffL ? value : null;
        }

        @Override
        public void append(DuckDbAppender appender, Object appendable) throws SQLException {
            appender.append((int) (long) (Long) appendable);
        }
    },
    BIGINT {
        @Override
        public Object appendable(Object value) {
            return value instanceof Long ? value : null;
        }

        @Override
        public void append(DuckDbAppender appender, Object appendable) throws SQLException {
            appender.append((long) (Long) appendable);
        }
    },
    UBIGINT {
        @Override
        public Object appendable(Object value) {
            return wholeNumberWithin(value, BigInteger.ZERO, BigInteger.ONE.shiftLeft(64));
        }

        @Override
        public void append(DuckDbAppender appender, Object appendable) throws SQLException {
            appender.append(((BigInteger) appendable).longValue());
        }
    },
    HUGEINT {
        @Override
        public Object appendable(Object value) {
            return wholeNumberWithin(value, BigInteger.ONE.shiftLeft(127).negate(), BigInteger.ONE.shiftLeft(127));
        }

        @Override
        public void append(DuckDbAppender appender, Object appendable) throws SQLException {
            BigInteger number = (BigInteger) appendable;
            appender.appendHugeInt(number.longValue(), number.shiftRight(64).longValue());
        }
    },
    UHUGEINT {
        @Override
        public Object appendable(Object value) {
            return wholeNumberWithin(value, BigInteger.ZERO, BigInteger.ONE.shiftLeft(128));
        }

        @Override
        public void append(DuckDbAppender appender, Object appendable) throws SQLException {
            BigInteger number = (BigInteger) appendable;
            appender.appendHugeInt(number.longValue(), number.shiftRight(64).longValue());
        }
    },
    FLOAT {
        @Override
        public Object appendable(Object value) {
            return value instanceof Float ? value : null;
        }

        @Override
        public void append(DuckDbAppender appender, Object appendable) throws SQLException {
            appender.append((float) (Float) appendable);
        }
    },
    DOUBLE {
        @Override
        public Object appendable(Object value) {
            return value instanceof Double ? value : null;
        }

        @Override
        public void append(DuckDbAppender appender, Object appendable) throws SQLException {
            appender.append((double) (Double) appendable);
        }
    },
    VARCHAR {
        @Override
        public Object appendable(Object value) {
            return value instanceof String ? value : null;
        }

        @Override
        public void append(DuckDbAppender appender, Object appendable) throws SQLException {
            appender.append((String) appendable);
        }
    },
    BLOB {
        @Override
        public Object appendable(Object value) {
            return value instanceof byte[] ? value : null;
        }

        @Override
        public void append(DuckDbAppender appender, Object appendable) throws SQLException {
            appender.append((byte[]) appendable);
        }
    },
    UUID {
        @Override
        public Object appendable(Object value) {
            return value instanceof java.util.UUID ? value : null;
        }

        @Override
        public void append(DuckDbAppender appender, Object appendable) throws SQLException {
            appender.append((java.util.UUID) appendable);
        }
    },
    DATE {
        @Override
        public Object appendable(Object value) {
            if (!(value instanceof LocalDate date)) {
                return null;
            }
            if (date.equals(LocalDate.MAX) || date.equals(LocalDate.MIN)) {
                return date.equals(LocalDate.MAX) ? Integer.MAX_VALUE : -Integer.MAX_VALUE;
            }
            return Math.abs(date.getYear()) <= YEARS ? (int) date.toEpochDay() : null;
        }

        @Override
        public void append(DuckDbAppender appender, Object appendable) throws SQLException {
            appender.appendEpochDays((Integer) appendable);
        }
    },
    TIME {
        @Override
        public Object appendable(Object value) {
            if (!(value instanceof LocalTime time)) {
                return null;
            }
            if (time.equals(LocalTime.MAX)) {
                return MICROS_PER_DAY;
            }
            return time.getNano() % 1_000 == 0 ? time.toNanoOfDay() / 1_000 : null;
        }

        @Override
        public void append(DuckDbAppender appender, Object appendable) throws SQLException {
            appender.appendDayMicros((Long) appendable);
        }
    },
    TIMESTAMP {
        @Override
        public Object appendable(Object value) {
            if (!(value instanceof LocalDateTime timestamp)) {
                return null;
            }
            if (timestamp.equals(LocalDateTime.MAX) || timestamp.equals(LocalDateTime.MIN)) {
                return timestamp.equals(LocalDateTime.MAX) ? Long.MAX_VALUE : -Long.MAX_VALUE;
            }
            return epochMicros(timestamp.getYear(), timestamp.toEpochSecond(ZoneOffset.UTC), timestamp.getNano());
        }

        @Override
        public void append(DuckDbAppender appender, Object appendable) throws SQLException {
            appender.appendEpochMicros((Long) appendable);
        }
    },
    TIMESTAMP_WITH_TIME_ZONE {
        @Override
        public Object appendable(Object value) {
            if (!(value instanceof OffsetDateTime timestamp)) {
                return null;
            }
            if (timestamp.equals(OffsetDateTime.MAX) || timestamp.equals(OffsetDateTime.MIN)) {
                return timestamp.equals(OffsetDateTime.MAX) ? Long.MAX_VALUE : -Long.MAX_VALUE;
            }
            return epochMicros(timestamp.getYear(), timestamp.toEpochSecond(), timestamp.getNano());
        }

        @Override
        public void append(DuckDbAppender appender, Object appendable) throws SQLException {
            appender.appendEpochMicros((Long) appendable);
        }
    };

    /** The years either side of year 0 within which dates and timestamps are appended (DuckDB's reach 290,308 BC). */
    private static final int YEARS = 290_000;
    private static final long MICROS_PER_DAY = 86_400_000_000L;

    /** The type of the name duckdb_columns() gives ({@code TIMESTAMP WITH TIME ZONE}, upper case). */
    static Optional<DuckDbAppendedType> named(String type) {
        String constant = type.replace(' ', '_').toUpperCase(Locale.ROOT);
        for (DuckDbAppendedType appended : values()) {
            if (appended.name().equals(constant)) {
                return Optional.of(appended);
            }
        }
        return Optional.empty();
    }

    private static Object integerWithin(Object value, int min, int max) {
        return value instanceof Integer number && number >= min && number <= max ? value : null;
    }

    /** A decimal of scale 0 (as a whole number is written) from {@code min} up to but not including {@code end}. */
    private static Object wholeNumberWithin(Object value, BigInteger min, BigInteger end) {
        if (!(value instanceof BigDecimal decimal) || decimal.scale() != 0) {
            return null;
        }
        BigInteger number = decimal.unscaledValue();
        return number.compareTo(min) >= 0 && number.compareTo(end) < 0 ? number : null;
    }

    private static Object epochMicros(int year, long epochSecond, int nano) {
        return Math.abs(year) <= YEARS && nano % 1_000 == 0 ? epochSecond * 1_000_000 + nano / 1_000 : null;
    }
}
