package dev.ferry.core.dialect.duckdb.export;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * A Parquet INTERVAL (three little-endian 32-bit numbers: months, days, milliseconds) in DuckDB's text form:
 * {@code 1 year 2 months 3 days 04:05:06.789}, {@code 00:00:00} for none.
 */
final class ParquetInterval {
    private static final long MICROS_PER_SECOND = 1_000_000L;
    private static final long MICROS_PER_MINUTE = 60 * MICROS_PER_SECOND;
    private static final long MICROS_PER_HOUR = 60 * MICROS_PER_MINUTE;

    private ParquetInterval() {
    }

    static String text(byte[] bytes) {
        if (bytes.length != 12) {
            throw new IllegalArgumentException("an INTERVAL takes 12 bytes, this value " + bytes.length);
        }
        ByteBuffer buffer = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        int months = buffer.getInt();
        int days = buffer.getInt();
        long micros = buffer.getInt() * 1_000L;
        StringBuilder text = new StringBuilder();
        part(text, months / 12, "year");
        part(text, months % 12, "month");
        part(text, days, "day");
        if (micros != 0 || text.isEmpty()) {
            if (!text.isEmpty()) {
                text.append(' ');
            }
            if (micros < 0) {
                text.append('-');
                micros = -micros;
            }
            text.append(String.format("%02d:%02d:%02d", micros / MICROS_PER_HOUR, micros % MICROS_PER_HOUR
                    / MICROS_PER_MINUTE, micros % MICROS_PER_MINUTE / MICROS_PER_SECOND));
            long fraction = micros % MICROS_PER_SECOND;
            if (fraction != 0) {
                text.append('.').append(String.format("%06d", fraction).replaceAll("0+$", ""));
            }
        }
        return text.toString();
    }

    private static void part(StringBuilder text, int count, String unit) {
        if (count != 0) {
            if (!text.isEmpty()) {
                text.append(' ');
            }
            text.append(count).append(' ').append(unit).append(count == 1 || count == -1 ? "" : "s");
        }
    }
}
