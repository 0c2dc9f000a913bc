package dev.ferry.core.format.parquet;

import dev.ferry.core.value.ValueKind;
import dev.ferry.core.value.ZoneConversion;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;

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
        Object converted = ZoneConversion.atUtc(value, to);
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

    /** Bytes of a binary column without a type (as older writers store text), read as UTF-8 text. */
    private static String utf8(byte[] bytes) {
        try {
            return StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new IllegalArgumentException("the bytes are not UTF-8 text", e);
        }
    }
}
