package dev.ferry.core.value;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;

/**
 * The text forms a CSV file's values are written in: Ferry's own (see {@link ValueKind}), or those another engine's
 * own CSV reader takes, for an export its own IMPORT DATABASE loads. {@link ValueKind#parse} reads every form this
 * writes, so such a file loads through Ferry as well.
 */
public enum ValueText {
    /** Each kind's {@link ValueKind#format}. */
    FERRY,
    /**
     * What DuckDB's CSV reader casts to the column's type: binary data as {@code \xNN} escapes instead of
     * hexadecimal, arrays as lists in square brackets (see {@link #arraysAsElements}), the largest and smallest dates
     * and timestamps (Ferry's infinities) as {@code infinity} and {@code -infinity}; every other kind as Ferry
     * writes it.
     */
    DUCKDB {
        @Override
        public String format(ValueKind kind, Object value) {
            return switch (kind) {
                case BINARY -> BinaryText.escaped((byte[]) value);
                case ARRAY -> ArrayText.formatList((Object[]) value);
                case DATE -> infinity(value, LocalDate.MAX, LocalDate.MIN, kind);
                case TIMESTAMP -> infinity(value, LocalDateTime.MAX, LocalDateTime.MIN, kind);
                case TIMESTAMP_WITH_TIME_ZONE -> infinity(value, OffsetDateTime.MAX, OffsetDateTime.MIN, kind);
                default -> kind.format(value);
            };
        }

        @Override
        public boolean arraysAsElements() {
            return true;
        }
    };

    /**
     * Whether an array that the source carries in its own text (PostgreSQL's) is written as an array of its
     * elements instead, in CSV and in Parquet: DuckDB reads no PostgreSQL array text.
     */
    public boolean arraysAsElements() {
        return false;
    }

    /** The text of a non-null value of {@code kind}. */
    public String format(ValueKind kind, Object value) {
        return kind.format(value);
    }

    private static String infinity(Object value, Object largest, Object smallest, ValueKind kind) {
        return value.equals(largest) ? "infinity" : value.equals(smallest) ? "-infinity" : kind.format(value);
    }
}
