package dev.ferry.core.format.parquet;

import dev.ferry.core.format.DataColumn;
import dev.ferry.core.model.options.ParquetTypes;
import dev.ferry.core.value.ValueKind;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.nio.ByteBuffer;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.OffsetTime;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.UUID;
import org.apache.parquet.io.api.Binary;
import org.apache.parquet.io.api.RecordConsumer;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.LogicalTypeAnnotation.TimeUnit;
import org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName;
import org.apache.parquet.schema.Type;
import org.apache.parquet.schema.Types;

/**
 * One column of a Parquet file being written: its type in the file's schema, chosen from the column's kind,
 * precision and scale and the {@link ParquetTypes} as the tables of docs/export-directory.md say, and how a value of
 * that kind is written.
 */
final class ColumnEncoder {
    /** The largest precision a Parquet DECIMAL takes here (that of 16 bytes); wider decimals are written as text. */
    static final int MAX_DECIMAL_PRECISION = 38;
    private static final int MAX_MICROS_SCALE = 6;

    private final DataColumn column;
    private final Type type;
    private final Encoding encoding;
    private final TimeUnit unit;
    private long valuesMovedToUtc;

    private enum Encoding {
        BOOLEAN, INT32, INT64, DECIMAL_INT32, DECIMAL_INT64, DECIMAL_FIXED, FLOAT, DOUBLE, TEXT, BYTES, DATE, TIME,
        TIME_UTC, TIMESTAMP, TIMESTAMP_UTC, UUID, LIST,
        /** A TIME as {@code int64} microseconds of the day with no logical type ({@link ParquetTypes#SPARK}). */
        TIME_PLAIN_MICROS
    }

    ColumnEncoder(DataColumn column) {
        this(column, ParquetTypes.DUCKDB);
    }

    ColumnEncoder(DataColumn column, ParquetTypes types) {
        this.column = column;
        this.unit = column.scale() > MAX_MICROS_SCALE ? TimeUnit.NANOS : TimeUnit.MICROS;
        Encoding exact = encoding(column);
        this.encoding = types == ParquetTypes.SPARK ? forSpark(exact, unit) : exact;
        this.type = type(column.name());
    }

    /** Whether the column holds TIME values as plain {@code int64} microseconds, which the file's metadata names. */
    boolean plainTime() {
        return encoding == Encoding.TIME_PLAIN_MICROS;
    }

    Type type() {
        return type;
    }

    /** How many values had an offset other than UTC, which the file does not keep (only their instant). */
    long valuesMovedToUtc() {
        return valuesMovedToUtc;
    }

    private static Encoding encoding(DataColumn column) {
        return switch (column.kind()) {
            case BOOLEAN -> Encoding.BOOLEAN;
            case INTEGER -> Encoding.INT32;
            case BIGINT -> Encoding.INT64;
            case DECIMAL -> decimalEncoding(column.precision(), column.scale());
            case REAL -> Encoding.FLOAT;
            case DOUBLE -> Encoding.DOUBLE;
            case BINARY -> Encoding.BYTES;
            case DATE -> Encoding.DATE;
            case TIME -> Encoding.TIME;
            case TIME_WITH_TIME_ZONE -> Encoding.TIME_UTC;
            case TIMESTAMP -> Encoding.TIMESTAMP;
            case TIMESTAMP_WITH_TIME_ZONE -> Encoding.TIMESTAMP_UTC;
            case UUID -> Encoding.UUID;
            case ARRAY -> Encoding.LIST;
            case STRING, JSON, ENGINE_TEXT, OTHER -> Encoding.TEXT;
        };
    }

    /**
     * The encoding Spark 3.5 reads in place of one it refuses ("Illegal Parquet type"): UUID as its text; TIME as
     * plain microseconds; TIME WITH TIME ZONE and times and timestamps in nanoseconds as their text, which keeps the
     * offset and every digit.
     */
    private static Encoding forSpark(Encoding exact, TimeUnit unit) {
        boolean nanos = unit == TimeUnit.NANOS;
        return switch (exact) {
            case UUID, TIME_UTC -> Encoding.TEXT;
            case TIME -> nanos ? Encoding.TEXT : Encoding.TIME_PLAIN_MICROS;
            case TIMESTAMP, TIMESTAMP_UTC -> nanos ? Encoding.TEXT : exact;
            default -> exact;
        };
    }

    private static Encoding decimalEncoding(int precision, int scale) {
        if (precision < 1 || precision > MAX_DECIMAL_PRECISION || scale < 0 || scale > precision) {
            return Encoding.TEXT;
        }
        if (precision <= 9) {
            return Encoding.DECIMAL_INT32;
        }
        return precision <= 18 ? Encoding.DECIMAL_INT64 : Encoding.DECIMAL_FIXED;
    }

    private Type type(String name) {
        LogicalTypeAnnotation decimal = LogicalTypeAnnotation.decimalType(column.scale(), column.precision());
        return switch (encoding) {
            case BOOLEAN -> Types.optional(PrimitiveTypeName.BOOLEAN).named(name);
            case INT32 -> Types.optional(PrimitiveTypeName.INT32).named(name);
            case INT64, TIME_PLAIN_MICROS -> Types.optional(PrimitiveTypeName.INT64).named(name);
            case DECIMAL_INT32 -> Types.optional(PrimitiveTypeName.INT32).as(decimal).named(name);
            case DECIMAL_INT64 -> Types.optional(PrimitiveTypeName.INT64).as(decimal).named(name);
            case DECIMAL_FIXED -> Types.optional(PrimitiveTypeName.FIXED_LEN_BYTE_ARRAY)
                    .length(decimalBytes(column.precision())).as(decimal).named(name);
            case FLOAT -> Types.optional(PrimitiveTypeName.FLOAT).named(name);
            case DOUBLE -> Types.optional(PrimitiveTypeName.DOUBLE).named(name);
            case TEXT -> Types.optional(PrimitiveTypeName.BINARY).as(column.kind() == ValueKind.JSON
                    ? LogicalTypeAnnotation.jsonType() : LogicalTypeAnnotation.stringType()).named(name);
            case BYTES -> Types.optional(PrimitiveTypeName.BINARY).named(name);
            case DATE -> Types.optional(PrimitiveTypeName.INT32).as(LogicalTypeAnnotation.dateType()).named(name);
            case TIME, TIME_UTC -> Types.optional(PrimitiveTypeName.INT64)
                    .as(LogicalTypeAnnotation.timeType(encoding == Encoding.TIME_UTC, unit)).named(name);
            case TIMESTAMP, TIMESTAMP_UTC -> Types.optional(PrimitiveTypeName.INT64)
                    .as(LogicalTypeAnnotation.timestampType(encoding == Encoding.TIMESTAMP_UTC, unit)).named(name);
            case UUID -> Types.optional(PrimitiveTypeName.FIXED_LEN_BYTE_ARRAY).length(16)
                    .as(LogicalTypeAnnotation.uuidType()).named(name);
            case LIST -> Types.optionalList()
                    .optionalElement(PrimitiveTypeName.BINARY).as(LogicalTypeAnnotation.stringType())
                    .named(name);
        };
    }

    /** The fewest bytes whose two's complement holds every unscaled value of {@code precision} digits. */
    static int decimalBytes(int precision) {
        return (BigInteger.TEN.pow(precision).bitLength() + 1 + 7) / 8;
    }

    /**
     * Writes a non-null value of the column's kind into the current field.
     *
     * @throws IllegalArgumentException for a value the column's Parquet type cannot hold
     */
    void write(RecordConsumer consumer, Object value) {
        switch (encoding) {
            case BOOLEAN -> consumer.addBoolean((Boolean) value);
            case INT32 -> consumer.addInteger((Integer) value);
            case INT64 -> consumer.addLong((Long) value);
            case DECIMAL_INT32 -> consumer.addInteger(unscaled(value).intValueExact());
            case DECIMAL_INT64 -> consumer.addLong(unscaled(value).longValueExact());
            case DECIMAL_FIXED -> consumer.addBinary(Binary.fromConstantByteArray(
                    twosComplement(unscaled(value), decimalBytes(column.precision()))));
            case FLOAT -> consumer.addFloat((Float) value);
            case DOUBLE -> consumer.addDouble((Double) value);
            case TEXT -> consumer.addBinary(Binary.fromString(column.kind().format(value)));
            case BYTES -> consumer.addBinary(Binary.fromConstantByteArray((byte[]) value));
            case DATE -> consumer.addInteger(ParquetTime.days((LocalDate) value));
            case TIME -> consumer.addLong(ParquetTime.time((LocalTime) value, unit));
            case TIME_PLAIN_MICROS -> consumer.addLong(ParquetTime.time((LocalTime) value, TimeUnit.MICROS));
            case TIME_UTC -> consumer.addLong(ParquetTime.time(toUtc((OffsetTime) value), unit));
            case TIMESTAMP -> consumer.addLong(ParquetTime.timestamp((LocalDateTime) value, unit));
            case TIMESTAMP_UTC -> consumer.addLong(ParquetTime.timestamp(toUtc((OffsetDateTime) value), unit));
            case UUID -> consumer.addBinary(Binary.fromConstantByteArray(uuidBytes((UUID) value)));
            case LIST -> writeList(consumer, (Object[]) value);
        }
    }

    private BigInteger unscaled(Object value) {
        if (!(value instanceof BigDecimal decimal)) {
            throw new IllegalArgumentException("the Parquet type DECIMAL(" + column.precision() + ", " + column.scale()
                    + ") cannot hold " + value + "; export in CSV to keep it");
        }
        BigDecimal scaled;
        try {
            scaled = decimal.setScale(column.scale(), RoundingMode.UNNECESSARY);
        } catch (ArithmeticException e) {
            throw new IllegalArgumentException(decimal.toPlainString() + " has more than " + column.scale()
                    + " digits after the decimal point, which the column's type declares", e);
        }
        if (scaled.precision() > column.precision() && scaled.signum() != 0) {
            throw new IllegalArgumentException(decimal.toPlainString() + " has more than " + column.precision()
                    + " digits, which the column's type declares");
        }
        return scaled.unscaledValue();
    }

    private static byte[] twosComplement(BigInteger unscaled, int length) {
        byte[] minimal = unscaled.toByteArray();
        byte[] bytes = new byte[length];
        byte fill = (byte) (unscaled.signum() < 0 ? 0xff : 0);
        int padding = length - minimal.length;
        for (int i = 0; i < padding; i++) {
            bytes[i] = fill;
        }
        System.arraycopy(minimal, 0, bytes, padding, minimal.length);
        return bytes;
    }

    private LocalTime toUtc(OffsetTime time) {
        if (!time.getOffset().equals(ZoneOffset.UTC)) {
            valuesMovedToUtc++;
        }
        return time.withOffsetSameInstant(ZoneOffset.UTC).toLocalTime();
    }

    private OffsetDateTime toUtc(OffsetDateTime timestamp) {
        if (timestamp.equals(OffsetDateTime.MAX) || timestamp.equals(OffsetDateTime.MIN)) {
            return timestamp;
        }
        if (!timestamp.getOffset().equals(ZoneOffset.UTC)) {
            valuesMovedToUtc++;
        }
        return timestamp;
    }

    private static byte[] uuidBytes(UUID uuid) {
        return ByteBuffer.allocate(16).putLong(uuid.getMostSignificantBits())
                .putLong(uuid.getLeastSignificantBits()).array();
    }

    /** The standard three-level list: {@code <column> (LIST) { repeated group list { optional element } }}. */
    private static void writeList(RecordConsumer consumer, Object[] elements) {
        consumer.startGroup();
        if (elements.length > 0) {
            consumer.startField("list", 0);
            for (Object element : elements) {
                consumer.startGroup();
                if (element != null) {
                    consumer.startField("element", 0);
                    consumer.addBinary(Binary.fromString(elementText(element)));
                    consumer.endField("element", 0);
                }
                consumer.endGroup();
            }
            consumer.endField("list", 0);
        }
        consumer.endGroup();
    }

    private static String elementText(Object element) {
        if (element instanceof Object[]) {
            throw new IllegalArgumentException("nested arrays cannot be written to Parquet here; export in CSV");
        }
        if (element instanceof byte[] bytes) {
            return HexFormat.of().formatHex(bytes);
        }
        return ValueKind.STRING.format(element);
    }
}
