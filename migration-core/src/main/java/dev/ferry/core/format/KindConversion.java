package dev.ferry.core.format;

import dev.ferry.core.value.ValueKind;
import dev.ferry.core.value.ZoneConversion;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;

/**
 * Converts a value read from a file as one kind to the kind of the table's column, for files whose types differ
 * from the table's (written by another engine or tool): a boolean as 1 or 0 for an integer column, times and
 * timestamps with a zone for columns without one (and the reverse) at UTC, anything else through the value's text
 * form, which every kind reads.
 */
public final class KindConversion {

    /** How the bytes of a binary value read as text. */
    public enum BinaryText {
        /** As UTF-8 text: Parquet's binary columns without a type, which older writers store text in. */
        UTF8,
        /** In hexadecimal, as Ferry writes binary data: DuckDB's BLOBs. */
        HEX
    }

    private KindConversion() {
    }

    /**
     * {@code value}, of kind {@code from}, as a value of kind {@code to}.
     *
     * @throws RuntimeException (such as {@link IllegalArgumentException}) where {@code to} cannot read the value
     */
    public static Object convert(Object value, ValueKind from, ValueKind to, BinaryText binary) {
        return convert(value, from, to, binary, false);
    }

    /**
     * {@link #convert}, the exception naming the value and both kinds where {@code to} cannot read the value's text,
     * for readers whose own messages name neither.
     */
    public static Object convertNamingTheValue(Object value, ValueKind from, ValueKind to, BinaryText binary) {
        return convert(value, from, to, binary, true);
    }

    private static Object convert(Object value, ValueKind from, ValueKind to, BinaryText binary, boolean nameValue) {
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
            return to.parse(text(value, from, binary));
        } catch (RuntimeException e) {
            if (!nameValue) {
                throw e;
            }
            throw new IllegalArgumentException("cannot read the " + from + " value " + from.format(value)
                    + " as " + to + ": " + e.getMessage(), e);
        }
    }

    /** Ferry's text of the value (an {@link ValueKind#ARRAY} value's elements as an array writes them). */
    private static String text(Object value, ValueKind from, BinaryText binary) {
        if (value instanceof byte[] bytes) {
            return binary == BinaryText.UTF8 ? utf8(bytes) : HexFormat.of().formatHex(bytes);
        }
        return from.format(value);
    }

    private static String utf8(byte[] bytes) {
        try {
            return StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new IllegalArgumentException("the bytes are not UTF-8 text", e);
        }
    }
}
