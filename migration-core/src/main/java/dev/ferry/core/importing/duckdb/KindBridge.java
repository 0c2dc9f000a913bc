package dev.ferry.core.importing.duckdb;

import dev.ferry.core.value.ValueKind;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.OffsetTime;
import java.time.ZoneOffset;

/**
 * Turns a value read as the kind of its DuckDB type into the kind of the column it is loaded into, where the target
 * engine's column carries it otherwise (a BOOLEAN as an integer, a TIMESTAMPTZ as a timestamp, an INTERVAL or a list as
 * text): through Ferry's text form of the value, which every kind reads, and between times with and without a zone
 * at UTC, as the Parquet reader converts its values.
 */
final class KindBridge {

    private KindBridge() {
    }

    static Object convert(Object value, ValueKind from, ValueKind to) {
        if (from == to) {
            return value;
        }
        if (value instanceof Boolean bool && (to == ValueKind.INTEGER || to == ValueKind.BIGINT)) {
            return to.parse(bool ? "1" : "0");
        }
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
        return to.parse(value instanceof Object[] elements ? ValueKind.ARRAY.format(elements)
                : DuckDbValueText.elementText(from, value));
    }
}
