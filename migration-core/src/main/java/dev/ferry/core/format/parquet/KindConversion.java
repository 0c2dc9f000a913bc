package dev.ferry.core.format.parquet;

import dev.ferry.core.value.ValueKind;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.OffsetTime;
import java.time.ZoneOffset;

/**
 * Converts a value read from a file as one kind to the kind of the table's column, for files whose types differ
 * from the table's (written by another engine or tool): through the value's text form, which every kind reads.
 */
final class KindConversion {

    private KindConversion() {
    }

    static Object convert(Object value, ValueKind from, ValueKind to) {
        if (from == to) {
            return value;
        }
        if (value instanceof Boolean bool && (to == ValueKind.INTEGER || to == ValueKind.BIGINT)) {
            return to.parse(bool ? "1" : "0");
        }
        Object converted = betweenZones(value, to);
        if (converted != null) {
            return converted;
        }
        try {
            return to.parse(value instanceof byte[] bytes ? utf8(bytes) : from.format(value));
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("cannot read the " + from + " value " + from.format(value)
                    + " as " + to + ": " + e.getMessage(), e);
        }
    }

    /**
     * A timestamp or time of day with a zone for a column without one, or the reverse: the file's values are in
     * UTC. Null for other pairs.
     */
    private static Object betweenZones(Object value, ValueKind to) {
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
        return null;
    }

    /** Bytes of a binary column without a type (as older writers store text), read as UTF-8 text. */
    private static String utf8(byte[] bytes) {
        try {
            return StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new IllegalArgumentException("the bytes are not UTF-8 text", e);
        }
    }
}
