package dev.ferry.core.format.parquet;

import dev.ferry.core.value.ValueKind;

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
        try {
            return to.parse(from.format(value));
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("cannot read the " + from + " value " + from.format(value)
                    + " as " + to + ": " + e.getMessage(), e);
        }
    }
}
