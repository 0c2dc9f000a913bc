package dev.ferry.core.format.parquet;

import dev.ferry.core.value.ValueKind;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.time.LocalDateTime;
import java.time.OffsetTime;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.UUID;
import org.apache.parquet.io.api.Binary;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.LogicalTypeAnnotation.DecimalLogicalTypeAnnotation;
import org.apache.parquet.schema.LogicalTypeAnnotation.IntLogicalTypeAnnotation;
import org.apache.parquet.schema.LogicalTypeAnnotation.TimeLogicalTypeAnnotation;
import org.apache.parquet.schema.LogicalTypeAnnotation.TimestampLogicalTypeAnnotation;
import org.apache.parquet.schema.PrimitiveType;

/**
 * Turns a Parquet primitive, as the file's schema types it, into the Java value of a {@link ValueKind}: the kind the
 * file's type corresponds to ({@link #kind()}), whatever wrote the file.
 */
final class ValueDecoder {
    private static final long NANOS_PER_DAY = 86_400_000_000_000L;
    private static final long JULIAN_DAY_OF_EPOCH = 2_440_588L;

    private final PrimitiveType type;
    private final LogicalTypeAnnotation logical;
    private final ValueKind kind;

    ValueDecoder(PrimitiveType type) {
        this(type, type.getLogicalTypeAnnotation());
    }

    /** A decoder that reads the file's values as of {@code logical}, the type a writer says they have. */
    ValueDecoder(PrimitiveType type, LogicalTypeAnnotation logical) {
        this.type = type;
        this.logical = logical;
        this.kind = kindOf(type, logical);
    }

    /** The kind of the values this decoder gives. */
    ValueKind kind() {
        return kind;
    }

    private static ValueKind kindOf(PrimitiveType type, LogicalTypeAnnotation logical) {
        if (logical instanceof DecimalLogicalTypeAnnotation) {
            return ValueKind.DECIMAL;
        }
        if (logical instanceof TimestampLogicalTypeAnnotation timestamp) {
            return timestamp.isAdjustedToUTC() ? ValueKind.TIMESTAMP_WITH_TIME_ZONE : ValueKind.TIMESTAMP;
        }
        if (logical instanceof TimeLogicalTypeAnnotation time) {
            return time.isAdjustedToUTC() ? ValueKind.TIME_WITH_TIME_ZONE : ValueKind.TIME;
        }
        if (logical instanceof LogicalTypeAnnotation.DateLogicalTypeAnnotation) {
            return ValueKind.DATE;
        }
        if (logical instanceof LogicalTypeAnnotation.UUIDLogicalTypeAnnotation) {
            return ValueKind.UUID;
        }
        if (logical instanceof LogicalTypeAnnotation.JsonLogicalTypeAnnotation) {
            return ValueKind.JSON;
        }
        if (logical instanceof IntLogicalTypeAnnotation integer && !integer.isSigned()) {
            return integer.getBitWidth() < 32 ? ValueKind.INTEGER
                    : integer.getBitWidth() == 32 ? ValueKind.BIGINT : ValueKind.DECIMAL;
        }
        return switch (type.getPrimitiveTypeName()) {
            case BOOLEAN -> ValueKind.BOOLEAN;
            case INT32 -> ValueKind.INTEGER;
            case INT64 -> ValueKind.BIGINT;
            case INT96 -> ValueKind.TIMESTAMP;
            case FLOAT -> ValueKind.REAL;
            case DOUBLE -> ValueKind.DOUBLE;
            case BINARY, FIXED_LEN_BYTE_ARRAY -> logical instanceof LogicalTypeAnnotation.StringLogicalTypeAnnotation
                    || logical instanceof LogicalTypeAnnotation.EnumLogicalTypeAnnotation ? ValueKind.STRING
                    : ValueKind.BINARY;
        };
    }

    Object fromBoolean(boolean value) {
        return value;
    }

    Object fromInt(int value) {
        return switch (kind) {
            case DECIMAL -> BigDecimal.valueOf(value, scale());
            case DATE -> ParquetTime.date(value);
            case TIME -> ParquetTime.localTime(value, unit());
            case TIME_WITH_TIME_ZONE -> OffsetTime.of(ParquetTime.localTime(value, unit()), ZoneOffset.UTC);
            case BIGINT -> Integer.toUnsignedLong(value);
            default -> value;
        };
    }

    Object fromLong(long value) {
        return switch (kind) {
            case DECIMAL -> logical instanceof DecimalLogicalTypeAnnotation ? BigDecimal.valueOf(value, scale())
                    : new BigDecimal(Long.toUnsignedString(value));
            case TIMESTAMP -> ParquetTime.localDateTime(value, unit());
            case TIMESTAMP_WITH_TIME_ZONE -> ParquetTime.offsetDateTime(value, unit());
            case TIME -> ParquetTime.localTime(value, unit());
            case TIME_WITH_TIME_ZONE -> OffsetTime.of(ParquetTime.localTime(value, unit()), ZoneOffset.UTC);
            default -> value;
        };
    }

    Object fromFloat(float value) {
        return value;
    }

    Object fromDouble(double value) {
        return value;
    }

    Object fromBinary(Binary value) {
        return switch (kind) {
            case STRING, JSON -> value.toStringUsingUTF8();
            case DECIMAL -> new BigDecimal(new BigInteger(value.getBytes()), scale());
            case UUID -> uuid(value.toByteBuffer());
            case TIMESTAMP -> int96(value.toByteBuffer().order(ByteOrder.LITTLE_ENDIAN));
            default -> value.getBytes();
        };
    }

    /** Legacy INT96 timestamps (Impala, old Spark): nanoseconds of the day, then the Julian day. */
    private static LocalDateTime int96(ByteBuffer bytes) {
        long nanos = bytes.getLong();
        long day = bytes.getInt() - JULIAN_DAY_OF_EPOCH;
        return LocalDateTime.ofEpochSecond(0, 0, ZoneOffset.UTC).plusDays(day).plusNanos(nanos % NANOS_PER_DAY);
    }

    private static UUID uuid(ByteBuffer bytes) {
        return new UUID(bytes.getLong(), bytes.getLong());
    }

    private int scale() {
        return ((DecimalLogicalTypeAnnotation) logical).getScale();
    }

    private LogicalTypeAnnotation.TimeUnit unit() {
        if (logical instanceof TimestampLogicalTypeAnnotation timestamp) {
            return timestamp.getUnit();
        }
        return logical instanceof TimeLogicalTypeAnnotation time ? time.getUnit()
                : LogicalTypeAnnotation.TimeUnit.MILLIS;
    }

    /** The text of a list element, as arrays carry their elements. */
    String elementText(Object value) {
        return value instanceof byte[] bytes ? HexFormat.of().formatHex(bytes) : kind.format(value);
    }

    @Override
    public String toString() {
        return type.toString();
    }
}
